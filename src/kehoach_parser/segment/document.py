"""Paragraphs -> the parts of a plan: header, title, preamble, section tree, closing, annexes."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from ..layout import Layout, Table
from ..text import fold, is_upper_text
from ..vocab import words
from .markers import (
    ANNEX_LABEL,
    AUTHORITY,
    RECIPIENTS,
    ROMAN_HEADING,
    document_kind_line,
    numbered,
    roman_value,
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

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Annex:
    label: Para
    label_text: str
    title_paras: list[Para]
    items: list[Item]
    attached: Para | None = None  # the "(kèm theo Kế hoạch số …)" line


@dataclass
class Segments:
    items: list[Item]  # every paragraph and table in reading order
    header: list[Para]  # before the kind word
    kind: tuple[str, str] | None  # (contract kind, printed word)
    kind_para: Para | None
    title_paras: list[Para]
    preamble: list[Item]
    sections: list[Node]
    closing: list[Item]
    annexes: list[Annex]
    tables: list[tuple[Table, LogicalTable]] = field(default_factory=list)  # data tables with their roles


def segment(layout: Layout) -> Segments:
    items, tables = _unfold_layout_tables(paragraphs(layout))
    top = _top_level(items)
    pos = 0
    header: list[Para] = []
    kind = None
    kind_para = None
    title: list[Para] = []
    # header: everything before the kind word, provided it comes before any section
    for i, item in enumerate(items[:60]):
        if isinstance(item, Para):
            if top(item.text):
                break
            found = document_kind_line(item.text)
            if found:
                kind, kind_para = (found[0], found[1]), item
                header = [p for p in items[:i] if isinstance(p, Para)]
                pos = i + 1
                if found[2]:
                    title.append(Para(found[2], item.page, item.line))
                break
    # title: the paragraph after the kind word and the lines glued to it
    while pos < len(items) and kind_para is not None:
        item = items[pos]
        if not isinstance(item, Para) or top(item.text):
            break
        if title and (item.blank_before or item.hard_break):
            break
        title.append(item)
        pos += 1
    # preamble up to the first Roman heading
    preamble: list[Item] = []
    while pos < len(items) and not (isinstance(items[pos], Para) and top(items[pos].text)):
        preamble.append(items[pos])
        pos += 1
    if pos >= len(items):  # no sections at all: the whole rest is preamble, closing found inside it
        body_end = _closing_start(preamble, 0)
        closing_items, annexes = _closing_and_annexes(preamble[body_end:])
        return Segments(items, header, kind, kind_para, title, preamble[:body_end], [], closing_items, annexes,
                        tables)
    end = _closing_start(items, pos)
    sections = _section_tree(items[pos:end], top)
    closing, annexes = _closing_and_annexes(items[end:])
    return Segments(items, header, kind, kind_para, title, preamble, sections, closing, annexes, tables)


def _unfold_layout_tables(items: list[Item]) -> tuple[list[Item], list[tuple[Table, LogicalTable]]]:
    """Borderless layout tables (the two-column header, the "Nơi nhận | TM. …" closing) are not
    data: read them column by column, left column first, as paragraphs."""
    out: list[Item] = []
    tables: list[tuple[Table, LogicalTable]] = []  # the data tables that stay, with their roles
    seen_text = False
    for item in items:
        if isinstance(item, Table):
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
    return out, tables


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


def _closing_and_annexes(items: list[Item]) -> tuple[list[Item], list[Annex]]:
    closing: list[Item] = []
    annexes: list[Annex] = []
    for item in items:
        label = _annex_label(item.text) if isinstance(item, Para) else None
        if label:
            titles = [Para(label[1], item.page, item.line)] if label[1] else []
            annexes.append(Annex(item, label[0], titles, []))
        elif annexes:
            annexes[-1].items.append(item)
        else:
            closing.append(item)
    for annex in annexes:
        _annex_title(annex)
    return closing, annexes


def _annex_title(annex: Annex) -> None:
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


def _section_tree(items: list[Item], top: Callable[[str], tuple[str, str] | None]) -> list[Node]:
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
    table: dict[str, str] = words("section_kinds")
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
