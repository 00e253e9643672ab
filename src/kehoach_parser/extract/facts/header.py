"""Header facts as printed: the organ lines (parent first), the motto, the number line with its symbol
as printed, the place-and-date line, a draft marker; who issues the plan (the collective or its head)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ...model import Plan
from ...segment.document import Segments
from ...segment.markers import ANNEX_ATTACHED, NUMBER_LINE, document_kind_line
from ...segment.markers import number_line as find_number_line
from ...segment.paragraphs import Para
from ...text import SPACES, caseless, fold, is_upper_text
from ...vocab import alternation, vocab
from ...vocab.lint import lint
from ..dates import WORD_DATE
from ..header import DATELINE, MOTTO

# "KH - UBND", "kh-ubnd" after "Số: 12/": the symbol as printed, spaced dashes included
PRINTED_SYMBOL = regex.compile(r"[\p{L}\d.]+(?:\s*[-–/]\s*[\p{L}\d.]+)*")
# what may follow a date on its own line: closing punctuation, nothing else ("…năm 2026.")
DATE_TAIL = regex.compile(r"^[\s.,;:)]*$")


@dataclass(frozen=True)
class PrintedLine:
    """A line of the header or closing as printed, and where."""

    text: str
    page: int | None
    line: int | None


@dataclass(frozen=True)
class NumberLine(PrintedLine):
    number: str | None  # "186"; None when blank (a draft)
    symbol: str | None  # the symbol as printed, spaces kept: "KH - UBND"


@dataclass(frozen=True)
class HeaderFacts:
    paras: tuple[Para, ...]  # the header's paragraphs (above the kind word, or the first few)
    organ_lines: tuple[PrintedLine, ...]  # capitals organ lines, the parent (cơ quan chủ quản) first
    issuing_organ: str | None  # the issuing organ's own line(s), without the parent: "SỞ CÔNG THƯƠNG"
    motto_lines: tuple[PrintedLine, ...]
    number_line: NumberLine | None
    dateline: PrintedLine | None  # "Place, ngày … tháng … năm …" on a line of its own
    draft_marker: bool  # "DỰ THẢO" printed in the header
    party_form: bool  # a Party or Youth Union document: its heading where the motto would be, and no motto
    issued_by_head: bool  # the plan says its head issues it ("Chủ tịch UBND tỉnh … ban hành Kế hoạch")

    @property
    def empty(self) -> bool:
        """No header at all: no organ, no number line, no place and date."""
        return not (self.organ_lines or self.number_line or self.dateline)


# the kind line is looked for among this many first paragraphs (the segmenter's limit)
KIND_WINDOW = 60


def header_paras(seg: Segments) -> tuple[Para, ...]:
    """The paragraphs above the kind word; without one, the first few above the first section. A kind word
    in lower case ("Kế hoạch" in a portal's metadata table) yields to a kind line in capitals below it
    ("KẾ HOẠCH", as Decree 30 prints it): the header is what stands above that one."""
    if seg.kind_para is not None:
        if not is_upper_text(seg.kind_para.text):
            items = seg.items[:KIND_WINDOW]
            start = next((i for i, p in enumerate(items) if p is seg.kind_para), len(items))
            for i in range(start + 1, len(items)):
                item = items[i]
                if isinstance(item, Para) and is_upper_text(item.text) and document_kind_line(item.text):
                    return tuple(p for p in items[:i] if isinstance(p, Para))
        return tuple(seg.header)
    first_section = seg.sections[0].para if seg.sections else None
    out: list[Para] = []
    for item in seg.items[:8]:
        if item is first_section:
            break
        if isinstance(item, Para) and not document_kind_line(item.text):
            out.append(item)
    return tuple(out)


@lru_cache(maxsize=1)
def _rule_chars() -> regex.Pattern[str]:
    chars = regex.escape(lint().structure.rule_chars)
    # "-------", "___": padding under a header line
    return regex.compile(rf"[{chars}]{{3,}}")


@lru_cache(maxsize=1)
def _organ_starts() -> tuple[str, ...]:
    names = [*lint().units.families.starts, *lint().organs.collective, *vocab().organs.names]
    return tuple(fold(n) + " " for n in names)


def header_facts(seg: Segments, plan: Plan) -> HeaderFacts:
    paras = header_paras(seg)
    doc = plan.document
    number_line: NumberLine | None = None
    dateline: PrintedLine | None = None
    motto: list[PrintedLine] = []
    organs: list[PrintedLine] = []
    drafts = [fold(m) for m in lint().draft_markers]
    draft = party = False
    for para in paras:
        text = para.text
        folded = fold(text)
        draft = draft or any(m in folded for m in drafts)
        if _party_heading().search(text):
            party = True
            text = _party_heading().sub(" ", text)  # "ĐẢNG BỘ TỈNH …<tab>ĐẢNG CỘNG SẢN VIỆT NAM": no organ of it
        if MOTTO.search(text):
            motto.append(PrintedLine(text, para.page, para.line))
            text = MOTTO.sub(" ", text)
        number = find_number_line(text)
        better = number_line is None or (not _own_kind(number_line.symbol, seg) and _own_kind(number["sym"], seg)) \
            if number else False
        if number and better:
            # the first "Số: …" line, or a later one whose symbol names the plan's kind ("Số: 1105/KH-ĐKT" under
            # an organ "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT")
            printed = PRINTED_SYMBOL.match(text, number.start("sym"))
            number_line = NumberLine(SPACES.sub(" ", number.group()).strip(), para.page, para.line,
                                     number["num"] or None, printed.group().rstrip(".") if printed else None)
        if dateline is None:
            printed = doc.dateline if doc.dateline and _holds_dateline(text, doc.dateline) else _own_dateline(text)
            if printed:
                dateline = PrintedLine(printed, para.page, para.line)
        rest = _rule_chars().sub(" ", NUMBER_LINE.sub(" ", text)).strip(" -–:")
        if _motto_piece(rest):
            motto.append(PrintedLine(text, para.page, para.line))  # "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM"
            continue
        if _organ_like(rest) and not number_line and fold(rest) not in drafts and dateline is None:
            organs.append(PrintedLine(SPACES.sub(" ", rest), para.page, para.line))
    return HeaderFacts(paras, tuple(organs), _issuing_organ(organs), tuple(motto), number_line, dateline, draft,
                       party and not motto, _issued_by_head(seg))


# a word of an organ name: letters only ("SỞ", "CÔNG"), not an id ("186/KH-UBND")
NAME_WORD = regex.compile(r"(?<![\p{L}\d/\-])\p{L}{2,}(?![\p{L}\d/\-])")


@lru_cache(maxsize=1)
def _party_heading() -> regex.Pattern[str]:
    """A Party or Youth Union heading, any case and spacing: "ĐẢNG CỘNG SẢN VIỆT NAM"."""
    return regex.compile(alternation(lint().header.party_headings, spaces=True), regex.IGNORECASE)


# a piece of the motto shorter than this is no piece of it
MOTTO_PIECE = 8


@lru_cache(maxsize=1)
def _folded_motto() -> tuple[str, ...]:
    return tuple(fold(m) for m in vocab().closing.motto)


def _motto_piece(text: str) -> bool:
    """A line that is part of the motto broken over two lines ("CỘNG HÒA XÃ HỘI")."""
    folded = fold(text)
    return len(folded) >= MOTTO_PIECE and any(folded in m for m in _folded_motto())


def _organ_like(text: str) -> bool:
    """A header line set in capitals that names something: "SỞ CÔNG THƯƠNG", not "186/KH-UBND"."""
    return bool(text) and is_upper_text(text) and bool(NAME_WORD.search(text))


def _own_kind(symbol: str | None, seg: Segments) -> bool:
    """Whether a symbol starts with the abbreviation of the plan's kind ("KH-…" for a KẾ HOẠCH)."""
    if not symbol or seg.kind is None:
        return False
    prefix = symbol.split("-")[0].split("/")[-1].casefold()
    return any(k.casefold() == prefix and v == seg.kind[0] for k, v in vocab().symbol_kinds.items())


def _holds_dateline(text: str, dateline: str) -> bool:
    """Whether ``text`` prints the dateline as a line of its own (not "Ngày 30/12/2025, X đã ban hành …")."""
    key, haystack = caseless(dateline), caseless(text)
    at = haystack.find(key)
    return at >= 0 and bool(DATE_TAIL.match(haystack[at + len(key):]))


def _own_dateline(text: str) -> str | None:
    """"Bắc Ninh, ngày 29 tháng 12 năm 2025" on a line of its own (where the parser read its date elsewhere)."""
    m = DATELINE.search(text)
    date = WORD_DATE.match(m["date"]) if m else None
    if m is None or date is None or not DATE_TAIL.match(m["date"][date.end():]):
        return None
    return SPACES.sub(" ", m.group()).strip()


def _issuing_organ(organs: list[PrintedLine]) -> str | None:
    """The lowest organ of the header: its last line that starts with an organ word, with the place lines
    under it ("ỦY BAN NHÂN DÂN" + "TỈNH LÂM ĐỒNG"; "SỞ CÔNG THƯƠNG" under "UBND TỈNH LÀO CAI")."""
    starts = _organ_starts()
    for i in range(len(organs) - 1, -1, -1):
        if (fold(organs[i].text) + " ").startswith(starts):
            return " ".join(o.text for o in organs[i:])
    return " ".join(o.text for o in organs) or None


@lru_cache(maxsize=1)
def _head_issues() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    heads = "|".join(regex.escape(h) for h in sorted(lint().organs.heads, key=len, reverse=True))
    verbs = "|".join(regex.escape(v) for v in lint().organs.issuing_verbs)
    kinds = alternation(vocab().citations.kinds)
    # "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng ban hành Kế hoạch …" at the start of a preamble paragraph
    preamble = regex.compile(rf"^(?:{heads})\s[^.;:]*?\s(?:{verbs})\s+(?:{kinds})\b", regex.IGNORECASE)
    # "(Ban hành kèm theo Kế hoạch số … của Chủ tịch UBND tỉnh …)"
    attached = regex.compile(rf"\s{regex.escape(vocab().grammar.of)}\s+(?:{heads})\b", regex.IGNORECASE)
    return preamble, attached


def _issued_by_head(seg: Segments) -> bool:
    preamble, attached = _head_issues()
    if any(isinstance(p, Para) and preamble.match(p.text) for p in seg.preamble):
        return True
    lines = [a.attached.text for a in seg.annexes if a.attached]
    lines += [p.text for a in seg.annexes for p in a.title_paras if ANNEX_ATTACHED.match(p.text)]
    return any(attached.search(text) for text in lines)
