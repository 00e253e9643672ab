"""Header facts: kind, number and symbol, issuer, place and date, title, period."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..model import Document, IssueDate, Location, Period
from ..segment.document import Segments
from ..segment.markers import NUMBER_LINE
from ..segment.paragraphs import Para
from ..text import clean, fold, is_upper_text, join_fragments
from ..vocab import alternation, words
from .dates import NUMERIC_DATE, WORD_DATE, iso
from .timespans import calendar_expressions

# "Phường Lê Ích Mộc, ngày 10 tháng 7 năm 2025", "Nam Đồng, ngày tháng 03 năm 2026"
DATELINE = regex.compile(r"(?:^|\s)(?P<place>\p{Lu}[^,\d]*?)\s*,\s*(?P<date>ngày\b.*)$")
# "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc": the national motto column
MOTTO = regex.compile(alternation("closing", "motto", spaces=True).replace(r"\s+\-\s+", r"\s*[-–]\s*"), regex.IGNORECASE)


@lru_cache(maxsize=1)
def _organ_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    organs = words("organs")
    names = sorted(set(organs["names"]) | set(organs["abbreviations"]), key=len, reverse=True)
    levels = sorted(organs["levels"], key=len, reverse=True)
    verbs = sorted(organs["issuing_verbs"], key=len, reverse=True)
    name = "|".join(map(regex.escape, names))
    level = "|".join(map(regex.escape, levels))
    place = r"(?:[\p{Lu}\d][\p{L}\d'’\-]*)(?:\s+[\p{Lu}\d][\p{L}\d'’\-]*)*"
    # "Ủy ban nhân dân Phường Lê Ích Mộc xây dựng", "UBND phường Lê Ích Mộc ban hành"
    body = regex.compile(
        rf"(?P<organ>(?i:{name}))\s+(?P<level>(?i:{level}))\s+(?P<place>{place})"
        rf"(?=\s+(?:{'|'.join(map(regex.escape, verbs))})\b)"
    )
    # "ỦY BAN NHÂN DÂN PHƯỜNG LÊ ÍCH MỘC" (header lines joined)
    header = regex.compile(rf"(?P<organ>{name})\s+(?P<level>{level})\s+(?P<place>\S.*)$", regex.IGNORECASE)
    return body, header


def extract_document(seg: Segments, signature_organ: str | None) -> Document:
    doc = Document()
    if seg.kind:
        doc.kind = seg.kind[0]  # type: ignore[assignment]
        doc.kind_word = seg.kind[1]
    if seg.kind_para is not None:
        doc.location = Location(page=seg.kind_para.page, line=seg.kind_para.line)
    header_texts = [p.text for p in seg.header] or [p.text for p in seg.items[:8] if isinstance(p, Para)]
    for text in header_texts:
        m = NUMBER_LINE.search(text)
        if m:
            doc.number = m["num"] or None
            doc.symbol = m["sym"].rstrip(".-") or None
            doc.number_line = clean(m.group())
            break
    if not seg.kind and doc.symbol:
        prefix = doc.symbol.split("-")[0]
        doc.kind = words("symbol_kinds").get(prefix, "other")
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
    if seg.title_paras:
        title = ""
        for para in seg.title_paras:
            title = join_fragments(title, para.text)
        doc.title = clean(title) or None
    if doc.title:
        doc.period = plan_period(doc.title)
    doc.issuer = _issuer(seg, doc.place, signature_organ)
    return doc


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


def _issuer(seg: Segments, place: str | None, signature_organ: str | None) -> str | None:
    body_pattern, header_pattern = _organ_patterns()
    # 1. the organ lines of the header (left column): the lowest organ, one line or two
    organ_lines = [MOTTO.sub(" ", p.text).strip() for p in seg.header]
    organ_lines = [t for t in organ_lines if t and is_upper_text(t) and not NUMBER_LINE.search(t)]
    for i in range(len(organ_lines) - 1, -1, -1):
        for text in (organ_lines[i], " ".join(organ_lines[i - 1:i + 1]) if i else None):
            m = header_pattern.search(text) if text else None
            if m:
                return _issuer_name(m["organ"], m["level"], _title_case(m["place"]))
    # 2. the body: "Ủy ban nhân dân phường X xây dựng / ban hành Kế hoạch …"
    for item in seg.items:
        if isinstance(item, Para):
            m = body_pattern.search(item.text)
            if m:
                return _issuer_name(m["organ"], m["level"], m["place"])
    # 3. the signature's organ with the dateline's place
    if signature_organ and place:
        m = header_pattern.search(f"{signature_organ} {place}")
        if m:
            return _issuer_name(m["organ"], m["level"], m["place"])
        return f"{_organ_name(signature_organ)} {place}"
    return None


def _organ_name(organ: str) -> str:
    abbreviations: dict[str, str] = words("organs", "abbreviations")
    if organ.upper() in abbreviations:
        return abbreviations[organ.upper()]
    if is_upper_text(organ):
        return organ[:1].upper() + organ[1:].lower()
    return organ


def _issuer_name(organ: str, level: str, place: str) -> str:
    return f"{_organ_name(organ)} {level.lower()} {clean(place)}"


def _title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() if is_upper_text(w) else w for w in clean(text).split())
