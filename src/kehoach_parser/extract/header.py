"""Header facts: kind, number and symbol, issuer, place and date, title, period."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..model import Document, IssueDate, Location, Period
from ..segment.document import Segments
from ..segment.markers import NUMBER_DIGITS, NUMBER_LINE, document_kind_line, number_line
from ..segment.paragraphs import Para
from ..text import clean, fold, is_upper_text, join_all
from ..vocab import alternation, vocab
from .dates import NUMERIC_DATE, WORD_DATE, iso
from .organs import Organ, header_organs, issuer_of, parse_organ
from .timespans import calendar_expressions

# "Phường Lê Ích Mộc, ngày 10 tháng 7 năm 2025", "Nam Đồng, ngày tháng 03 năm 2026"
DATELINE = regex.compile(rf"(?:^|\s)(?P<place>\p{{Lu}}[^,\d]*?)\s*,\s*(?P<date>{vocab().grammar.day}\b.*)$")
# "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc": the national motto column
MOTTO = regex.compile(alternation(vocab().closing.motto, spaces=True).replace(r"\s+\-\s+", r"\s*[-–]\s*"),
                      regex.IGNORECASE)


@lru_cache(maxsize=1)
def _body_organ() -> regex.Pattern[str]:
    """"Ủy ban nhân dân Phường Lê Ích Mộc xây dựng", "UBND phường Lê Ích Mộc ban hành", "Văn phòng UBND
    tỉnh Lai Châu đã ban hành Kế hoạch": an organ in the body that issues the plan."""
    organs = vocab().organs
    names = alternation(vocab().organs.types)
    levels = alternation(vocab().organs.levels)
    verbs = alternation(vocab().organs.issuing_verbs)
    kinds = alternation(vocab().citations.kinds)
    past = regex.escape(organs.past_marker)
    place = r"(?:[\p{Lu}\d][\p{L}\d'’\-]*)(?:\s+[\p{Lu}\d][\p{L}\d'’\-]*)*"
    return regex.compile(
        rf"(?<![\p{{L}}\-/])(?P<organ>(?:{names})\s+(?i:{levels})\s+{place}"
        rf"|(?<=^|,\s*)(?:{names})(?![\p{{L}}])[^.;:,\d/]{{0,100}}?(?=\s+(?:{past}\s+)?(?:{verbs})\s+(?i:{kinds})(?![\p{{L}}])))"
        rf"\s+(?:{past}\s+)?(?:{verbs})(?![\p{{L}}])"
    )


@lru_cache(maxsize=1)
def _news_report() -> regex.Pattern[str]:
    """"Ngày 30/12/2025, Văn phòng UBND tỉnh Lai Châu đã ban hành Kế hoạch số 1888/KH-VPUBND …": a
    news page's lead that reports the plan, its date, issuer, number and symbol."""
    g = vocab().grammar
    day, number = regex.escape(g.day), regex.escape(g.number)
    names = alternation(vocab().organs.types)
    verbs = alternation(vocab().organs.news_verbs)
    kinds = alternation(vocab().citations.kinds)
    past = alternation(vocab().organs.news_markers)
    return regex.compile(
        rf"^(?:(?i:{day})\s+(?P<date>\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*\d{{4}})\s*,\s*)?"
        rf"(?P<organ>(?:{names})(?![\p{{L}}])[^.;:]{{0,100}}?)\s+(?:(?:{past})\s+)?(?:{verbs})\s+(?i:{kinds})"
        rf"\s+(?i:{number})?\s*(?P<num>\d+)\s*/\s*(?P<sym>[\p{{Lu}}Đ][\p{{L}}\d\-]*)"
    )


@lru_cache(maxsize=1)
def _stamp_markers() -> tuple[str, ...]:
    return tuple(fold(w) for w in vocab().header.stamp_markers)


def is_stamp(text: str) -> bool:
    """A line of a stamp put on the document after it was issued ("ĐẾN Số: 1614 …", "SAO Y …",
    "Ký bởi: …"): never a header fact."""
    folded = fold(text)
    return any(folded.startswith(m) or f" {m}" in folded for m in _stamp_markers())


@lru_cache(maxsize=1)
def _motto_words() -> tuple[str, ...]:
    return tuple(fold(m) for m in vocab().closing.motto)


def is_motto_part(text: str) -> bool:
    """The national motto or a line of it ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM")."""
    folded = fold(MOTTO.sub(" ", text)).strip(" -–")
    if not folded:
        return True
    return len(folded.split()) >= 2 and any(folded in m for m in _motto_words())


def extract_document(seg: Segments, signature_organ: str | None,
                     unreadable: list[tuple[str, str]] | None = None) -> Document:
    """The header facts of a segmented plan (the contract's ``document``).

    Read from the header above the kind word, stamps left out ("ĐẾN Số: …", "SAO Y …"); where the
    header lacks a fact, from a news page's lead ("Ngày 30/12/2025, Văn phòng UBND tỉnh … đã ban
    hành Kế hoạch số 1888/KH-VPUBND …"), a portal's metadata table, the body or the signature."""
    doc = Document()
    unreadable = unreadable if unreadable is not None else []  # (warning code, message) of what could not be read
    if seg.kind:
        doc.kind = seg.kind[0]  # type: ignore[assignment]
        doc.kind_word = seg.kind[1]
    if seg.kind_para is not None:
        doc.location = Location(page=seg.kind_para.page, line=seg.kind_para.line)
    header = [p for p in seg.header if not is_stamp(p.text)]
    header_texts = [p.text for p in header] or [p.text for p in seg.items[:8] if isinstance(p, Para)
                                                 and not is_stamp(p.text)]
    for text in header_texts:
        m = number_line(text)
        if m:
            number = m["num"] or None
            if number is not None and not NUMBER_DIGITS.match(number):
                unreadable.append(("number_unreadable", f"the document number is not printed in digits "
                                                        f"(handwritten or illegible: {number!r}); left blank"))
                number = None
            doc.number = number
            doc.symbol = m["sym"].rstrip(".-") or None
            doc.number_line = clean(m.group())
            break
    for text in header_texts:
        rest = NUMBER_LINE.sub(" ", text)
        rest = MOTTO.sub(" ", rest).strip()
        m = DATELINE.search(rest)
        date = _issue_date(m["date"] if m else rest)
        if date:
            doc.issue_date = date
            doc.place = clean(m["place"]) if m else None
            doc.dateline = clean(m.group()) if m else date.raw
            break
    news = _news(seg) if doc.number_line is None else None
    if news is not None:
        doc.number, doc.symbol = news["num"], news["sym"]
        if doc.issue_date is None and news["date"]:
            doc.issue_date = _issue_date(f"{vocab().grammar.day} {news['date']}")
    _from_metadata(doc, seg.metadata)
    if not seg.kind and doc.symbol:
        prefix = doc.symbol.split("-")[0]
        doc.kind = vocab().symbol_kinds.get(prefix, "other")  # type: ignore[assignment]  # the file's values are kinds
    if seg.title_paras:
        doc.title = clean(join_all([para.text for para in seg.title_paras])) or None
    if doc.title:
        doc.period = plan_period(doc.title)
    issuer, parent = _issuer(seg, header, doc, news, signature_organ)
    doc.issuer = issuer
    doc.parent_issuer = parent
    return doc


def _news(seg: Segments) -> regex.Match[str] | None:
    """The lead of a news page that reports the plan, among the first paragraphs."""
    for item in seg.items[:12]:
        if isinstance(item, Para):
            m = _news_report().match(item.text)
            if m:
                return m
    return None


def _from_metadata(doc: Document, metadata: dict[str, str]) -> None:
    """A portal's metadata table fills in what the document's own header does not print."""
    if not metadata:
        return
    if doc.number_line is None and doc.symbol is None and metadata.get("number"):
        number, _, symbol = metadata["number"].partition("/")
        if number.strip().isdigit() and symbol:
            doc.number, doc.symbol = number.strip(), symbol.strip()
    if doc.issue_date is None and metadata.get("issue_date"):
        doc.issue_date = _issue_date(f"{vocab().grammar.day} {metadata['issue_date']}")


def _issue_date(text: str) -> IssueDate | None:
    m = WORD_DATE.search(text)
    if m and (m["d"] or m["m"] or m["y"]):
        d, mo, y = (int(x) if x else None for x in (m["d"], m["m"], m["y"]))
        return _checked_date(clean(m.group()), y, mo, d)
    m = NUMERIC_DATE.search(text)
    if m and fold(text).lstrip().startswith("ngay"):
        return _checked_date(clean(text[: m.end()]), int(m["y"]), int(m["m"]), int(m["d"]))
    return None


def _checked_date(raw: str, year: int | None, month: int | None, day: int | None) -> IssueDate:
    """An impossible part ("ngày 45", "tháng 13") is kept in ``raw`` and left null."""
    month = month if month is not None and 1 <= month <= 12 else None
    day = day if day is not None and 1 <= day <= 31 else None
    return IssueDate(raw=raw, year=year, month=month, day=day, iso=iso(year, month, day))


# the kinds of time expression that can state a plan's period, the one that decides first
PERIOD_KINDS = ("years", "half", "quarter", "year", "until")


def plan_period(title: str) -> Period | None:
    """The span a plan covers, from its title: "giai đoạn 2026-2030", "6 tháng cuối năm 2025",
    "quý III năm 2026", "năm 2026", or "đến năm 2030" (no start). A date in the title ("Chỉ thị số 13
    ngày 02 tháng 5 năm 2024") states no period."""
    found = calendar_expressions(title, bare_years=False, horizons=True)
    for kind in PERIOD_KINDS:
        for expression in found:
            if expression.kind == kind and expression.end:
                return Period(start=expression.start, end=expression.end)
    return None


def _issuer(seg: Segments, header: list[Para], doc: Document, news: regex.Match[str] | None,
            signature_organ: str | None) -> tuple[str | None, str | None]:
    """(issuer, parent issuer): the lowest organ of the header's organ lines, completed with the
    place of the organ above it; else the organ of a news lead or of the body's issuing sentence;
    else the signature's organ with the dateline's place. An organ bound to a place that the
    document prints without one ("ỦY BAN NHÂN DÂN") takes the place of the portal's metadata
    ("Cơ quan ban hành: Tỉnh Bắc Ninh") or of the title ("… TỈNH BẮC NINH …")."""
    numbered = next((i for i, p in enumerate(header) if number_line(p.text)), len(header))
    lines = [MOTTO.sub(" ", p.text).strip() for p in header[:numbered]]  # the organ stands above "Số: …"
    lines = [text for text in lines if _organ_line(text)]
    issuing, parent = issuer_of(header_organs(lines))
    if issuing is None and news is not None:
        issuing = parse_organ(news["organ"])
    if issuing is None:
        issuing = _body_issuer(seg)
    if issuing is None and signature_organ:
        issuing = parse_organ(signature_organ)
        if not issuing.has_place() and doc.place:
            return f"{issuing.full_name()} {doc.place}", None
    if issuing is None:
        return None, None
    if issuing.placed and not issuing.has_place():
        for hint in (seg.metadata.get("issuer"), doc.title):
            place = _place_in(hint)
            if place is not None:
                issuing = issuing.with_place_of(place)
                break
    return issuing.full_name(), parent.full_name() if parent else None


def _organ_line(text: str) -> bool:
    """A line of the header's organ column: in capitals, not the number, the date or the motto."""
    return is_upper_text(text) and not number_line(text) and not is_motto_part(text) \
        and not WORD_DATE.search(text) and document_kind_line(text) is None


def _body_issuer(seg: Segments) -> Organ | None:
    for item in seg.items:
        if isinstance(item, Para):
            m = _body_organ().search(item.text)
            if m:
                return parse_organ(m["organ"])
    return None


def _place_in(text: str | None) -> Organ | None:
    """The level and place named in ``text`` ("Tỉnh Bắc Ninh", "… TỈNH BẮC NINH GIAI ĐOẠN …")."""
    if not text:
        return None
    m = _level_place().search(text)
    if not m:
        return None
    return parse_organ(f"{m['level']} {m['place']}")


@lru_cache(maxsize=1)
def _level_place() -> regex.Pattern[str]:
    levels = alternation(vocab().organs.levels)
    stops = alternation(vocab().grammar.span)
    # "tỉnh Bắc Ninh", "TỈNH BẮC NINH" (up to "GIAI ĐOẠN", a year or punctuation)
    return regex.compile(
        rf"(?<![\p{{L}}])(?P<level>(?i:{levels}))\s+(?P<place>(?:(?!(?i:{stops})(?![\p{{L}}]))\p{{Lu}}[\p{{L}}'’\-]*\s*){{1,4}})"
    )
