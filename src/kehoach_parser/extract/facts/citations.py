"""Citation facts: every mention of a document with what its clause says of it — the id as printed, a
date after it (or before it in the same clause), an issuer after "của", named before it ("Công ty X tại
Văn bản số …", "được Thủ tướng Chính phủ phê duyệt tại …") or implied by its symbol (…/NĐ-CP)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from ...text import fold, is_upper_text, tone_key
from ...vocab import vocab
from ...vocab.lint import lint
from ..dates import NUMERIC_DATE, WORD_DATE, parse_date
from ..references import Mention, issuer_after, mentions
from .spans import TextSpan

IssuerSource = Literal["after", "clause", "before", "symbol"]

# the parts of an id: "71" and "NQ", "CP" of "71-NQ/CP"; "179", "2025", "NĐ", "CP" of "179/2025/NĐ-CP"
ID_PART = regex.compile(r"\d+|[\p{L}]+")
# the lettered parts of a symbol between its separators: "QĐ", "BCA", "C04" of "7404/QĐ-BCA-C04"
SYMBOL_PART = regex.compile(r"[\p{L}][\p{L}\d]*")
# a term-numbered organ: "QH15" (the National Assembly's 15th term)
TERM_ORGAN = regex.compile(r"^(?P<organ>\p{Lu}+)\d+$")
# where a clause ends: a semicolon, a colon or a sentence stop
CLAUSE_END = regex.compile(r"[;:]|\.(?:\s|$)")
# what may stand before the date that opens a news lead: nothing, or "Ngày" (folded)
OPENING_WORDS = ("", "ngay")
# at least this share of capitalised words makes a phrase a proper name ("Danh nghiệp tư nhân Than đá Suối Bắc")
PROPER_SHARE = 0.4
# the part of an id that goes on at the start of the next text: "CP ngày …", "UBND", "TTg"
ID_GOES_ON = regex.compile(r"^\s*[\p{Lu}\d][\p{Lu}\d]*(?:[\p{Ll}](?=[\s,;.)]))?(?![\p{L}\d])")
# white space inside an id as printed: "57- NQ/TW", "164/TTr- SKHCN"
INNER_SPACE = regex.compile(r"\s")


def document_key(doc_id: str) -> tuple[str, ...]:
    """The same for every arrangement of one id: "71-NQ/CP" and "71/NQ-CP" -> ("71", "cp", "nq")."""
    parts = ID_PART.findall(doc_id)
    if not parts:
        return (doc_id,)
    number, rest = parts[0], parts[1:]
    return (number, *sorted(tone_key(p.casefold()) for p in rest))


@dataclass(frozen=True)
class SymbolPart:
    text: str
    role: Literal["kind", "organ"]


@dataclass(frozen=True)
class CitationFact:
    """One citation of a document in one text, and what the text says of it."""

    kind: str  # "Nghị quyết"
    id: str  # spaces removed: "57-NQ/TW"
    printed: str  # as printed: "57- NQ/TW"
    date: str | None  # ISO, after the id or before it in its clause
    issuer: str | None
    issuer_source: IssuerSource | None
    span: TextSpan
    start: int  # where the id stands in the span's text
    end: int
    in_capitals: bool  # printed in a text set in capitals (a title: "… 13/CT-TTG …")
    at_text_end: bool  # the id ends the document's text (an excerpt cut off inside it)
    symbol_parts: tuple[SymbolPart, ...]

    @property
    def page(self) -> int | None:
        return self.span.position(self.start)[0]

    @property
    def line(self) -> int | None:
        return self.span.position(self.start)[1]

    @property
    def key(self) -> tuple[str, ...]:
        return document_key(self.id)


@lru_cache(maxsize=1)
def _heads() -> regex.Pattern[str]:
    """First words of an issuer: an organ ("Bộ", "Sở", "Công ty") or a post ("Giám đốc", "Thủ tướng")."""
    heads = {*vocab().citations.issuer_heads, *lint().organs.extra_heads, *lint().organs.heads}
    alternatives = "|".join(regex.escape(h) for h in sorted(heads, key=len, reverse=True))
    # "Bộ Tài chính", "Giám đốc Sở …": a head word, whole, in its printed case
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternatives})(?![\p{{L}}])")


@lru_cache(maxsize=1)
def _folded_heads() -> tuple[str, ...]:
    heads = {*vocab().citations.issuer_heads, *lint().organs.extra_heads, *lint().organs.heads}
    return tuple(fold(h) + " " for h in heads)


@lru_cache(maxsize=1)
def _of_issuer() -> regex.Pattern[str]:
    word = regex.escape(vocab().grammar.of)
    # "của Bộ Chính trị", "CỦA THỦ TƯỚNG CHÍNH PHỦ": the issuer word and what follows it
    return regex.compile(rf"(?<![\p{{L}}]){word}\s+(?=\S)", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _connectors() -> regex.Pattern[str]:
    words_ = sorted(lint().citations.before_connectors, key=len, reverse=True)
    # "… phê duyệt tại" at the end of the words before a citation: trailing connectors
    return regex.compile(rf"(?:\s+(?:{'|'.join(map(regex.escape, words_))}))+\s*[,]?\s*$", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _stops() -> regex.Pattern[str]:
    stops = sorted(vocab().citations.issuer_stop_words, key=len, reverse=True)
    kinds = sorted(vocab().citations.kinds, key=len, reverse=True)
    # a verb or a kind word inside the words before a citation: not an issuer's name
    return regex.compile(rf"(?<![\p{{L}}])(?:{'|'.join(map(regex.escape, stops + kinds))})(?![\p{{L}}])",
                         regex.IGNORECASE)


@lru_cache(maxsize=1)
def _symbol_issuers() -> tuple[dict[str, str], dict[str, str]]:
    table: dict[str, str] = lint().citations.symbol_issuers
    return table, {k.casefold(): k for k in table}


@lru_cache(maxsize=1)
def _kind_abbreviations() -> frozenset[str]:
    return frozenset(k.casefold() for k in lint().citations.kind_abbreviations)


def symbol_parts(doc_id: str) -> tuple[SymbolPart, ...]:
    """The lettered parts of an id after its number, the first being the kind when it is a kind
    abbreviation ("NQ" of "57-NQ/TW"); the others name the organ and its unit."""
    parts = [m.group() for m in SYMBOL_PART.finditer(doc_id.split("/", 1)[-1] if "/" in doc_id else doc_id)]
    if "-" in doc_id.split("/", 1)[0]:  # "57-NQ/TW": the kind stands before the "/"
        parts = [m.group() for m in SYMBOL_PART.finditer(doc_id)]
    out: list[SymbolPart] = []
    for i, part in enumerate(parts):
        role: Literal["kind", "organ"] = "kind" if i == 0 and part.casefold() in _kind_abbreviations() else "organ"
        out.append(SymbolPart(part, role))
    return tuple(out)


def symbol_issuer(parts: tuple[SymbolPart, ...]) -> str | None:
    """The issuer an id's symbol names ("CP" -> Chính phủ, "QH15" -> Quốc hội)."""
    table, folded = _symbol_issuers()
    for part in parts:
        if part.role != "organ":
            continue
        code = folded.get(part.text.casefold())  # "TTG" in a title set in capitals names the Prime Minister too
        if code:
            return table[code]
        term = TERM_ORGAN.match(part.text)
        if term and term["organ"] in table:
            return table[term["organ"]]
    return None


@dataclass
class _Clauses:
    """Clause boundaries, dates and "của <issuer>" places of one text, found once."""

    ends: list[int]
    dates: list[tuple[int, int, str | None]]
    issuers: list[tuple[int, str]]

    def clause_start(self, at: int) -> int:
        i = bisect_right(self.ends, at)
        return self.ends[i - 1] if i else 0

    def clause_end(self, at: int) -> int:
        i = bisect_left(self.ends, at)
        return self.ends[i] if i < len(self.ends) else 1 << 60


def _clauses(text: str) -> _Clauses:
    ends = [m.end() for m in CLAUSE_END.finditer(text)]
    dates = sorted([(m.start(), m.end(), parse_date(m.group())) for m in NUMERIC_DATE.finditer(text)]
                   + [(m.start(), m.end(), parse_date(m.group())) for m in WORD_DATE.finditer(text)
                      if m["d"] and m["m"] and m["y"]])
    issuers = []
    for m in _of_issuer().finditer(text):
        rest = text[m.end(): m.end() + 80]
        if (fold(rest) + " ").startswith(_folded_heads()):
            name = issuer_after(rest) or _stops().split(rest, maxsplit=1)[0]
            issuers.append((m.start(), name.strip(" ,;.")))
    return _Clauses(ends, dates, issuers)


def citation_facts(spans: list[TextSpan], own_key: tuple[str, ...] | None) -> list[CitationFact]:
    """Every citation of the document in reading order, the plan's own number left out. A citation whose id
    is broken at the end of its text ("… Nghị định số 217/2025/NĐ-" / "CP ngày 05/8/2025 của Chính phủ") is
    read with the text that goes on with it."""
    out: list[CitationFact] = []
    for index, span in enumerate(spans):
        following = spans[index + 1] if index + 1 < len(spans) else None
        found = [m for m in mentions(span.text) if document_key(m.id) != own_key]
        if not found:
            continue
        clauses = _clauses(span.text)
        previous_end = -1
        for m in found:
            whole = _continued(span.text, m, following) if m is found[-1] else None
            out.append(_fact(span, whole or m, clauses, previous_end, following is None))
            previous_end = m.end
    return out


def _continued(text: str, m: Mention, following: TextSpan | None) -> Mention | None:
    """The mention read across a line break inside its id: the id's end, its date and issuer are in the
    next text ("NĐ-" + "CP ngày 05/8/2025 của Chính phủ"); None when the next text does not go on with it."""
    if following is None or text[m.end:].rstrip() not in ("-", "/") or not ID_GOES_ON.match(following.text):
        return None
    joined = text[: len(text.rstrip())] + following.text.lstrip()
    again = [n for n in mentions(joined) if n.start == m.start]
    if not again:
        return None
    n = again[0]
    return Mention(n.id, n.kind, n.date, n.issuer, m.start, m.end)


def _fact(span: TextSpan, m: Mention, clauses: _Clauses, previous_end: int, last: bool) -> CitationFact:
    text = span.text
    printed = text[m.start:m.end]
    kind_start = _kind_start(text, m.start)
    clause = clauses.clause_start(kind_start)
    lower = max(clause, previous_end)
    parts = symbol_parts(m.id)
    issuer, source = _issuer(m, clauses, text, lower, kind_start, parts)
    date = m.date
    if date is None and source == "before" and previous_end < clause:
        # "Ngày 30/12/2025, Văn phòng UBND tỉnh … đã ban hành Kế hoạch số 1888/KH-VPUBND": a date that opens
        # the clause of an issuer named before the citation is the citation's
        date = _opening_date(clauses, text, clause, text.rfind(issuer, clause, kind_start) if issuer else kind_start)
    # an id that ends the document's last text ("… Quyết định số 2629/QĐ-T"): an excerpt cut off inside it
    cut = last and len(text[m.end:].rstrip()) <= 1
    return CitationFact(m.kind, m.id, printed, date, issuer, source, span, m.start, m.end, is_upper_text(text),
                        cut, parts)


def _kind_start(text: str, id_start: int) -> int:
    """Where the kind word before an id starts (the citation pattern puts it at most ~30 characters back)."""
    window = text[max(0, id_start - 40):id_start]
    for kind in sorted(vocab().citations.kinds, key=len, reverse=True):
        at = window.casefold().rfind(kind.casefold())
        if at >= 0:
            return max(0, id_start - 40) + at
    return id_start


def _opening_date(clauses: _Clauses, text: str, clause: int, upper: int) -> str | None:
    """The complete date that opens the clause ("Ngày 30/12/2025, …"), when it stands before ``upper``."""
    i = bisect_left([start for start, _, _ in clauses.dates], clause)
    if i >= len(clauses.dates):
        return None
    start, _, iso = clauses.dates[i]
    opening = fold(text[clause:start]).strip(" ,")
    return iso if start < upper and opening in OPENING_WORDS else None


def _issuer(m: Mention, clauses: _Clauses, text: str, lower: int, kind_start: int,
            parts: tuple[SymbolPart, ...]) -> tuple[str | None, IssuerSource | None]:
    if m.issuer:
        return m.issuer, "after"
    stop = clauses.clause_end(m.end)
    i = bisect_left(clauses.issuers, (m.end, ""))
    if i < len(clauses.issuers) and clauses.issuers[i][0] < stop:
        return clauses.issuers[i][1], "clause"
    before = _issuer_before(text[lower:kind_start])
    if before:
        return before, "before"
    implied = symbol_issuer(parts)
    if implied:
        return implied, "symbol"
    return None, None


def _issuer_before(words_before: str) -> str | None:
    """"Công ty TNHH Lương Việt" of "… gồm: Công ty TNHH Lương Việt tại ", "Thủ tướng Chính phủ" of "được
    Thủ tướng Chính phủ phê duyệt tại ": an organ or post, then only connectors up to the citation."""
    trimmed = _connectors().sub("", words_before)
    if trimmed == words_before.rstrip():
        return None  # no connector ("tại", "phê duyệt tại"): the organ is no issuer of what follows
    stops = list(_stops().finditer(trimmed))
    after_stop = stops[-1].end() if stops else 0
    head = _heads().search(trimmed, after_stop)
    if head:
        return trimmed[head.start():].strip(" ,") or None
    name = trimmed[after_stop:].strip(" ,")
    # "Danh nghiệp tư nhân Than đá Suối Bắc tại Văn bản số …": a proper name (capitalised words), then a
    # connector; not a clause of plain words ("Phối hợp nâng cấp hạ tầng … tại văn bản số …")
    words_ = name.split()
    capitals = sum(1 for w in words_ if w[:1].isupper())
    proper = len(words_) >= 2 and name[:1].isupper() and "," not in name and capitals >= PROPER_SHARE * len(words_)
    return name if proper else None


def issuer_mentions(spans: list[TextSpan]) -> Iterator[tuple[TextSpan, int, str]]:
    """(span, offset, text) of every "của <issuer>" of the document (for rules on organ names)."""
    for span in spans:
        for start, issuer in _clauses(span.text).issuers:
            yield span, start, issuer
