"""Paragraphs -> the parts of a plan: header, title, preamble, section tree, closing, annexes."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from ..layout import Layout, Table
from ..limits import DEFAULT_LIMITS, BudgetExceeded, Limits
from ..text import fold, is_caps_line, is_upper_text
from ..text.roman import roman_value, to_roman
from ..vocab import vocab
from .markers import (
    ANNEX_LABEL,
    AUTHORITY,
    RECIPIENTS,
    ROMAN_HEADING,
    document_kind_line,
    headline_kind,
    issues_plan,
    metadata_table,
    numbered,
    opens_preamble,
)
from .paragraphs import Item, Para, paragraphs
from .tables import LogicalTable, logical_table


@dataclass
class Node:
    """A Roman-numeral section or a numbered item below one."""

    number: str
    text: str  # the heading line without its number
    para: Para
    depth: int  # 1 for Roman sections, 2 for "1.", 3 for "1.1." …
    content: list[Item] = field(default_factory=list)  # items before the first child
    children: list[Node] = field(default_factory=list)

    @property
    def is_heading(self) -> bool:
        return bool(self.content or self.children)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class AnnexZone:
    """An annex in the segmenter's reading: its label, title lines and what follows them."""

    label: Para  # the label's paragraph, or the first heading line of an annex printed without one
    label_text: str | None  # "PHỤ LỤC I", or None
    title_paras: list[Para]
    items: list[Item]
    attached: Para | None = None  # the "(kèm theo Kế hoạch số …)" line


@dataclass
class Parts:
    """The parts of a plan, in reading order."""

    header: list[Para]  # before the kind word
    kind: tuple[str, str] | None  # (contract kind, printed word)
    kind_para: Para | None
    title_paras: list[Para]
    preamble: list[Item]
    sections: list[Node]
    closing: list[Item]
    annexes: list[AnnexZone]
    headline: bool = False  # the kind came from a page's headline ("Kế hoạch cải cách hành chính …")


@dataclass
class Segments(Parts):
    """The parts of a plan with everything they were found in."""

    items: list[Item] = field(default_factory=list)  # every paragraph and table in reading order
    tables: list[tuple[Table, LogicalTable]] = field(default_factory=list)  # data tables with their roles
    metadata: dict[str, str] = field(default_factory=dict)  # a portal's metadata table: field -> value
    # "web_page": text copied from a web page (a portal's metadata table, a news page's headline, or
    # tables broken into pieces by the copy)
    origin: str | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (code, message) of what was repaired


def segment(layout: Layout, limits: Limits = DEFAULT_LIMITS) -> Segments:
    """Paragraphs of a layout -> the parts of a plan (see :class:`Segments`).

    The header is everything before the kind word ("KẾ HOẠCH"), the title the paragraphs glued to
    it, the preamble what comes before the first top-level heading, the section tree the headings
    and their content up to the closing (recipients, signature) and the annexes after it. A
    Quyết định that issues a plan ("Ban hành kèm theo Quyết định này Kế hoạch …") is read as that
    plan: the decision's header and closing, the plan's kind, title, sections and annexes.
    """
    items, tables, metadata = _unfold_layout_tables(paragraphs(layout))
    top = _top_level(items)
    own = _part(items, 0, len(items), top, limits)
    if own.kind is not None and own.kind[0] != "ke_hoach":
        plan_at = _issued_plan(items, own)
        if plan_at is not None:
            plan = _part(items, plan_at, len(items), top, limits)
            decision_end = next((i for i, it in enumerate(items) if it is plan.kind_para), len(items))
            decision = _part(items, 0, decision_end, top, limits)
            issued = Parts(decision.header, plan.kind, plan.kind_para, plan.title_paras, decision.preamble,
                           plan.sections, decision.closing + plan.closing, plan.annexes)
            return Segments(**vars(issued), items=items, tables=tables, metadata=metadata, origin=layout.origin,
                            warnings=_repair_ocr_numerals(plan.sections, layout.ocr_pages))
    web = layout.origin == "web_page" or bool(metadata) or own.headline
    return Segments(**vars(own), items=items, tables=tables, metadata=metadata, origin="web_page" if web else None,
                    warnings=_repair_ocr_numerals(own.sections, layout.ocr_pages))


def _repair_ocr_numerals(sections: list[Node], ocr_pages: frozenset[int]) -> list[tuple[str, str]]:
    """A top-level numeral that OCR misread ("II." for "III." after "II."): on a page read by OCR, a
    Roman number that does not go past the one before it is the next one. Printed text is never
    renumbered (there a repeat is the document's own slip, for the linter to report)."""
    repairs: list[tuple[str, str]] = []
    previous: int | None = None
    for node in sections:
        value = roman_value(node.number)
        if value is None:
            previous = None
            continue
        if previous is not None and value <= previous and node.para.page in ocr_pages:
            printed, node.number, value = node.number, to_roman(previous + 1), previous + 1
            repairs.append(("ocr_numeral_repaired", f"page {node.para.page}: section {printed!r} read by OCR after "
                                                    f"{to_roman(previous)!r} taken as {node.number!r}"))
        previous = value
    return repairs


def _part(items: list[Item], start: int, end: int, top: Callable[[str], tuple[str, str] | None],
          limits: Limits) -> Parts:
    found = _kind_line(items, start, end, top)
    pos = start
    header: list[Para] = []
    kind = None
    kind_para: Para | None = None
    title: list[Para] = []
    headline = False
    if found is not None:
        at, kind, rest = found
        first = items[at]
        assert isinstance(first, Para)  # _kind_line finds paragraphs only
        kind_para = first
        headline = document_kind_line(first.text) is None
        header = [p for p in items[start:at] if isinstance(p, Para)]
        pos = at + 1
        if rest:
            title.append(Para(rest, kind_para.page, kind_para.line))
    # title: the paragraph after the kind word and the lines glued to it, up to the preamble
    while pos < end and kind_para is not None:
        item = items[pos]
        if not isinstance(item, Para) or top(item.text):
            break
        if title and (item.blank_before or item.hard_break or opens_preamble(item.text)):
            break
        title.append(item)
        pos += 1
    # preamble up to the first top-level heading
    preamble: list[Item] = []
    while pos < end and not (isinstance(items[pos], Para) and top(items[pos].text)):  # type: ignore[union-attr]
        preamble.append(items[pos])
        pos += 1
    if pos >= end:  # no sections at all: the whole rest is preamble, closing found inside it
        body_end = _closing_start(preamble, 0)
        closing_items, annexes = _closing_and_annexes(preamble[body_end:])
        return Parts(header, kind, kind_para, title, preamble[:body_end], [], closing_items, annexes, headline)
    close_at = _closing_start(items[:end], pos)
    sections = _section_tree(items[pos:close_at], top, limits)
    closing, annexes = _closing_and_annexes(items[close_at:end])
    return Parts(header, kind, kind_para, title, preamble, sections, closing, annexes, headline)


def _kind_line(items: list[Item], start: int, end: int,
               top: Callable[[str], tuple[str, str] | None]) -> tuple[int, tuple[str, str], str] | None:
    """(index, (kind, printed word), rest of the line) of the kind line ("KẾ HOẠCH") of
    ``items[start:end]``, provided it comes before any section; else a first line that opens with a
    capitalised kind word ("Kế hoạch cải cách hành chính năm 2026": a news page's headline)."""
    for i in range(start, min(end, start + 60)):
        item = items[i]
        if isinstance(item, Para):
            if top(item.text):
                break
            found = document_kind_line(item.text)
            if found:
                return i, (found[0], found[1]), found[2]
    for i in range(start, min(end, start + 3)):
        item = items[i]
        if isinstance(item, Para):
            headline = headline_kind(item.text)
            if headline:
                return i, (headline[0], headline[1]), headline[2]
    return None


def _issued_plan(items: list[Item], decision: Parts) -> int | None:
    """Where the plan a decision issues starts: a later kind line of a plan ("KẾ HOẠCH"), provided
    the decision says it issues one ("Ban hành kèm theo Quyết định này Kế hoạch …")."""
    start = next((i for i, it in enumerate(items) if it is decision.kind_para), 0) + 1
    says = False
    for i in range(start, len(items)):
        item = items[i]
        if not isinstance(item, Para):
            continue
        if not says:
            says = issues_plan(item.text)
            continue
        found = document_kind_line(item.text)
        if found and found[0] == "ke_hoach":
            return i
    return None


def _unfold_layout_tables(items: list[Item]) -> tuple[list[Item], list[tuple[Table, LogicalTable]], dict[str, str]]:
    """Borderless layout tables (the two-column header, the "Nơi nhận | TM. …" closing) are not
    data: read them column by column, left column first, as paragraphs. A portal's metadata table
    ("| Số hiệu | 186/KH-UBND |") above the document is taken out as a field -> value table."""
    out: list[Item] = []
    tables: list[tuple[Table, LogicalTable]] = []  # the data tables that stay, with their roles
    metadata: dict[str, str] = {}
    seen_text = False
    for item in items:
        if isinstance(item, Table):
            if not seen_text and not metadata:
                found = metadata_table(item)
                if found:
                    metadata = found
                    continue
            logical = logical_table(item)
            if not _is_layout_table(item, logical, header=not seen_text):
                tables.append((item, logical))
                out.append(item)
                continue
            for col in range(item.width):
                for row in item.rows:
                    if col < len(row.cells) and row.cells[col].strip():
                        for piece in row.cells[col].split("\n"):
                            if piece.strip():
                                out.append(Para(piece.strip(), row.page, row.line))
            continue
        if document_kind_line(item.text):
            seen_text = True
        out.append(item)
    return out, tables, metadata


def _is_layout_table(table: Table, logical: LogicalTable, *, header: bool) -> bool:
    if logical.kind != "other":
        return False
    if header:
        return True
    return any(RECIPIENTS.match(c) or AUTHORITY.match(c) for row in table.rows for c in row.cells)


def _roman_heading(text: str) -> tuple[str, str] | None:
    m = ROMAN_HEADING.match(text)
    if not m or roman_value(m.group("num")) is None:
        return None
    title = m.group("title").strip()
    if is_upper_text(title) or (_phrase(title) and (section_kind(title) != "other" or len(title) <= 100)):
        return m.group("num"), title
    return None


def _phrase(title: str) -> bool:
    """"Kết quả thực hiện năm 2025": a capitalised phrase, not a sentence."""
    body = title.rstrip(" .:")
    return title[:1].isupper() and ". " not in body and ";" not in body


def _closing_start(items: list[Item], start: int) -> int:
    """Index of the first item of the closing block (recipients, signature or annex)."""
    for i in range(start, len(items)):
        item = items[i]
        if isinstance(item, Para) and (
            RECIPIENTS.match(item.text) or AUTHORITY.match(item.text) or _annex_label(item.text)
        ):
            return i
    return len(items)


def _annex_label(text: str) -> tuple[str, str] | None:
    m = ANNEX_LABEL.match(text)
    if not m:
        return None
    rest = m.group("rest").strip()
    if rest and not is_upper_text(rest):
        return None
    return m.group("label").strip(), rest


def _closing_and_annexes(items: list[Item]) -> tuple[list[Item], list[AnnexZone]]:
    """The closing block (recipients, signature) and the annexes after it: each "PHỤ LỤC …" label,
    or — after the signature — a heading in capitals followed by "(Kèm theo Kế hoạch …)" or by a
    data table (an attached table without a label: the annex's label is None)."""
    closing: list[Item] = []
    annexes: list[AnnexZone] = []
    signed = False
    for i, item in enumerate(items):
        label = _annex_label(item.text) if isinstance(item, Para) else None
        if label and isinstance(item, Para):
            titles = [Para(label[1], item.page, item.line)] if label[1] else []
            annexes.append(AnnexZone(item, label[0], titles, []))
        elif not annexes and signed and isinstance(item, Para) and _unlabelled_annex(items, i):
            annexes.append(AnnexZone(item, None, [item], []))
        elif annexes:
            annexes[-1].items.append(item)
        else:
            closing.append(item)
            signed = signed or (isinstance(item, Para) and bool(AUTHORITY.match(item.text)))
    for annex in annexes:
        _annex_title(annex)
    return closing, annexes


def _unlabelled_annex(items: list[Item], i: int) -> bool:
    """``items[i]`` heads an annex printed without a label: a heading in capitals whose next
    items (a few more heading lines at most) lead to "(Kèm theo …)" or to a data table."""
    from .markers import ANNEX_ATTACHED

    first = items[i]
    if not isinstance(first, Para) or not is_caps_line(first.text) or len(first.text) < 12:
        return False
    for item in items[i + 1:i + 4]:
        if isinstance(item, Table):
            return True
        if _annex_label(item.text):  # a labelled annex follows: this line is not the head of one
            return False
        if ANNEX_ATTACHED.match(item.text):
            return True
        if not is_caps_line(item.text):
            return False
    return False


def _annex_title(annex: AnnexZone) -> None:
    """Move the heading lines after the label (up to "(kèm theo …)" or a table) into the title."""
    from .markers import ANNEX_ATTACHED

    taken = 0
    for item in annex.items:
        if isinstance(item, Table):
            break
        if ANNEX_ATTACHED.match(item.text):
            taken += 1  # the "(kèm theo …)" line ends the title and is not part of it
            annex.attached = item
            break
        if annex.title_paras and _has_lower(item.text) and _has_lower(annex.title_paras[-1].text):
            break
        if len(annex.title_paras) >= 16:
            break
        annex.title_paras.append(item)
        taken += 1
    annex.items = annex.items[taken:]


def _top_level(items: list[Item]) -> Callable[[str], tuple[str, str] | None]:
    """Level-1 headings are Roman ("I. MỤC TIÊU"); a plan with none uses "1. MỤC TIÊU" instead."""
    if any(isinstance(i, Para) and _roman_heading(i.text) for i in items):
        return _roman_heading
    return _numbered_top_heading


def _numbered_top_heading(text: str) -> tuple[str, str] | None:
    num = numbered(text)
    if num and "." not in num[0] and is_upper_text(num[1]) and section_kind(num[1]) != "other":
        return num
    return None


def _has_lower(text: str) -> bool:
    return not is_upper_text(text) and any(c.islower() for c in text)


def _section_tree(items: list[Item], top: Callable[[str], tuple[str, str] | None], limits: Limits) -> list[Node]:
    roots: list[Node] = []
    stack: list[Node] = []
    for item in items:
        if isinstance(item, Para):
            roman = top(item.text)
            if roman:
                node = Node(roman[0], roman[1], item, 1)
                roots.append(node)
                stack = [node]
                continue
            num = numbered(item.text)
            if num and stack:
                depth = num[0].count(".") + 2
                if depth > limits.max_section_depth:
                    raise BudgetExceeded(f"a section numbered {num[0][:40]} is nested more than "
                                         f"{limits.max_section_depth} levels deep", "max_section_depth")
                while len(stack) > 1 and stack[-1].depth >= depth:
                    stack.pop()
                node = Node(num[0], num[1], item, depth)
                stack[-1].children.append(node)
                stack.append(node)
                continue
        if stack:
            stack[-1].content.append(item)
    return roots


@lru_cache(maxsize=1)
def _section_keywords() -> list[tuple[str, str]]:
    table: dict[str, str] = vocab().section_kinds
    return sorted(((fold(k), v) for k, v in table.items()), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=256)
def section_kind(title: str) -> str:
    """Contract kind of a Roman section title: the keyword printed earliest decides."""
    folded = fold(title)
    best: tuple[int, int, str] | None = None
    for key, kind in _section_keywords():
        at = folded.find(key)
        if at >= 0 and (best is None or (at, -len(key)) < (best[0], best[1])):
            best = (at, -len(key), kind)
    if best:
        return best[2]
    # a misspelt heading ("MỤC TIỂU", "KINH PHI"): the closest keyword at the start of the title
    scored = [(fuzz.partial_ratio(key, folded[: len(key) + 4]), len(key), kind) for key, kind in _section_keywords()]
    score, _, kind = max(scored)
    return kind if score >= 85 else "other"
