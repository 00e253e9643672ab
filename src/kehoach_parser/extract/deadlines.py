"""Deadlines: "Quý II/2026", "Tháng 7/2025", "Trong năm 2025", "Thường xuyên", "Theo hướng dẫn …"."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..model import Deadline
from ..text import clean, fold, strip_trailing
from ..vocab import words
from .dates import NUMERIC_DATE, iso, month_span, year_span

# "Quý II/2026", "quý 3 năm 2025", "Quý I, II/2026", "Quý III-IV năm 2026"
QUARTER = regex.compile(
    r"quý\s*(?P<q>IV|I{1,3}|[1-4])(?:\s*(?:[-–,]|và|đến)\s*(?:quý\s*)?(?P<q2>IV|I{1,3}|[1-4]))?"
    r"(?:\s*(?:/|năm|-)\s*(?P<y>(?:19|20)\d{2}))?",
    regex.IGNORECASE,
)
# "Tháng 7/2025", "tháng 07 năm 2025", "Tháng 10-12/2026"
MONTH = regex.compile(
    r"tháng\s*(?P<m>\d{1,2})(?:\s*(?:[-–]|đến)\s*(?:tháng\s*)?(?P<m2>\d{1,2}))?"
    r"(?:\s*(?:/|năm)\s*(?P<y>(?:19|20)\d{2}))?(?!\s*/?\s*\d)",
    regex.IGNORECASE,
)
# "6 tháng đầu năm 2026", "6 tháng cuối năm 2025"
HALF = regex.compile(r"6\s*tháng\s*(?P<half>đầu|cuối)\s*năm\s*(?P<y>(?:19|20)\d{2})", regex.IGNORECASE)
# "2026", "năm 2026", "2026-2030", "giai đoạn 2026 - 2030"
YEAR = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?:\s*[-–]\s*(?P<y2>(?:19|20)\d{2}))?(?!\d)")

QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@lru_cache(maxsize=1)
def _phrases() -> tuple[list[str], list[str]]:
    table = words("deadlines")
    return [fold(w) for w in table["recurring"]], [fold(w) for w in table["as_directed"]]


def parse_deadline(text: str | None, default_year: int | None = None) -> Deadline | None:
    """Classify a deadline cell and turn it into a date range; empty -> None.

    ``default_year`` (the plan's year) completes "Quý II" or "Tháng 7" printed without a year.
    """
    raw = strip_trailing(clean(text or ""))
    if not raw:
        return None
    folded = fold(raw)
    recurring, as_directed = _phrases()
    if any(_has_phrase(folded, w) for w in recurring):
        return Deadline(raw=raw, kind="recurring")
    m = QUARTER.search(raw)
    if m:
        year = int(m["y"]) if m["y"] else default_year
        first = QUARTERS[m["q"].upper()]
        last = QUARTERS[m["q2"].upper()] if m["q2"] else first
        span = month_span(year, 3 * first - 2, 3 * last) if year and first <= last else None
        return Deadline(raw=raw, kind="quarter", start=span[0] if span else None, end=span[1] if span else None)
    m = MONTH.search(raw)
    if m and 1 <= int(m["m"]) <= 12:
        year = int(m["y"]) if m["y"] else default_year
        span = month_span(year, int(m["m"]), int(m["m2"]) if m["m2"] else None) if year else None
        return Deadline(raw=raw, kind="month", start=span[0] if span else None, end=span[1] if span else None)
    m = NUMERIC_DATE.search(raw)
    if m:
        day = iso(int(m["y"]), int(m["m"]), int(m["d"]))
        if day:
            return Deadline(raw=raw, kind="date", start=day, end=day)
    m = HALF.search(raw)
    if m:
        year = int(m["y"])
        start, end = month_span(year, 1, 6) if fold(m["half"]) == "dau" else month_span(year, 7, 12)
        return Deadline(raw=raw, kind="other", start=start, end=end)
    if any(_has_phrase(folded, w) for w in as_directed):
        return Deadline(raw=raw, kind="as_directed")
    m = YEAR.search(raw)
    if m:
        start, end = year_span(int(m["y"]), int(m["y2"]) if m["y2"] else None)
        return Deadline(raw=raw, kind="year", start=start, end=end)
    return Deadline(raw=raw, kind="other")


def _has_phrase(folded: str, phrase: str) -> bool:
    at = folded.find(phrase)
    while at >= 0:
        before_ok = at == 0 or not folded[at - 1].isalnum()
        after = at + len(phrase)
        if before_ok and (after == len(folded) or not folded[after].isalnum()):
            return True
        at = folded.find(phrase, at + 1)
    return False
