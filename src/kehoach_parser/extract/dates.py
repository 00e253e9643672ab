"""Dates as printed in plans: "ngày 10 tháng 7 năm 2025", "22/12/2024", with blank parts allowed."""
from __future__ import annotations

import calendar
from datetime import date

import regex

from ..vocab import vocab

# "22/12/2024", "01.4.2025", "5-9-2019"
NUMERIC_DATE = regex.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d{2})(?!\d)")
# "ngày 10 tháng 7 năm 2025", "ngày tháng năm 2026", "ngày … tháng 03 năm 2026"
WORD_DATE = regex.compile(
    rf"{vocab().grammar.day}\s*(?P<d>\d{{1,2}})?[\s.…_/]*{vocab().grammar.month}\s*(?P<m>\d{{1,2}})?[\s.…_/]*"
    rf"{vocab().grammar.year}\s*(?P<y>(?:19|20)\d{{2}})?",
    regex.IGNORECASE,
)


def iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def month_span(year: int, first: int, last: int | None = None) -> tuple[str, str] | None:
    last = last or first
    if not (1 <= first <= last <= 12):
        return None
    return date(year, first, 1).isoformat(), date(year, last, calendar.monthrange(year, last)[1]).isoformat()


def year_span(first: int, last: int | None = None) -> tuple[str, str]:
    return f"{first:04d}-01-01", f"{last or first:04d}-12-31"


def parse_date(text: str) -> str | None:
    """ISO date of the first complete date in ``text`` (numeric or in words), else None."""
    m = NUMERIC_DATE.search(text)
    if m:
        return iso(int(m["y"]), int(m["m"]), int(m["d"]))
    m = WORD_DATE.search(text)
    if m and m["d"] and m["m"] and m["y"]:
        return iso(int(m["y"]), int(m["m"]), int(m["d"]))
    return None
