"""The one grammar of time expressions, shared by deadlines and the plan period.

``calendar_expressions(text)`` scans ``text`` once, left to right, and returns every calendar
expression it holds, with its kind and the span of days it covers:

- ``date``: "ngày 23 tháng 1 năm 2026", "30/6/2026", "ngày 31/12";
- ``month``: "tháng 7/2025", "tháng 10-12/2026";
- ``quarter``: "Quý II/2026", "quý III, IV năm 2026";
- ``half``: "6 tháng đầu năm 2026";
- ``years``: "2024 - 2030", "giai đoạn 2026-2030", "từ năm 2024 đến năm 2030";
- ``year``: "năm 2026", or a bare "2026" where ``bare_years`` allows it;
- ``until``: "đến năm 2030" (a horizon with no start), when ``horizons`` asks for it.

A year the expression leaves out is completed by ``default_year``; without one the expression keeps
its kind and has no dates. Years inside document ids ("179/2025/NĐ-CP") are not expressions.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..text import fold
from ..vocab import alternation, vocab
from .dates import iso, month_span, year_span

# a four-digit year of the plans' centuries: "2026"
YEAR = r"(?:19|20)\d{2}"
# a quarter numeral: "IV", "III", "2"
QUARTER_NUMERAL = r"(?:IV|I{1,3}|[1-4])"
QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class TimeExpression:
    kind: str  # date, month, quarter, half, years, year, until
    start: str | None
    end: str | None
    at: int  # where it starts in the text
    stop: int  # where it ends


def quarter_number(numeral: str) -> int:
    """1 for "I" or "1", 4 for "IV"."""
    return QUARTERS[numeral.upper()]


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern[str]:
    g = vocab().grammar
    day, month, year, quarter = (regex.escape(w) for w in (g.day, g.month, g.year, g.quarter))
    from_, to, and_ = (regex.escape(w) for w in (g.from_, g.to, g.and_))
    span = alternation(g.span)
    halves = alternation(vocab().deadlines.halves)
    half_months = g.half_months
    joiner = rf"(?:\s*(?:[-–,]|{and_}|{to})\s*)"
    return regex.compile(
        # "ngày 23 tháng 1 năm 2026", "ngày 23 tháng 1"
        rf"(?P<wdate>{day}\s*(?P<wd>\d{{1,2}})\s*{month}\s*(?P<wm>\d{{1,2}})(?:\s*{year}\s*(?P<wy>{YEAR}))?)"
        # "30/6/2026", "01.4.2025", "5-9-2019"
        rf"|(?P<ndate>(?<![\d/])(?P<nd>\d{{1,2}})\s*[/.\-]\s*(?P<nm>\d{{1,2}})\s*[/.\-]\s*(?P<ny>{YEAR})(?![\d/]))"
        # "ngày 31/12": a date whose year the context gives
        rf"|(?P<sdate>{day}\s*(?P<sd>\d{{1,2}})\s*/\s*(?P<sm>\d{{1,2}})(?![\d/]|\s*/\s*\d))"
        # "6 tháng đầu năm 2026", "6 tháng cuối năm"
        rf"|(?P<half>(?<!\d){half_months}\s*{month}\s*(?P<hh>{halves})(?:\s*{year})?(?:\s*(?P<hy>{YEAR}))?)"
        # "Quý II/2026", "quý 3 năm 2025", "Quý III, IV/2026", "Quý III-IV năm 2026"
        rf"|(?P<quarter>{quarter}\s*(?P<q>{QUARTER_NUMERAL})(?:{joiner}(?:{quarter}\s*)?(?P<q2>{QUARTER_NUMERAL})(?![\p{{L}}]))*"
        rf"(?:\s*(?:/|{year}|-)\s*(?P<qy>{YEAR}))?)"
        # "tháng 7/2025", "tháng 07 năm 2025", "tháng 10-12/2026"
        rf"|(?P<month>{month}\s*(?P<m>\d{{1,2}})(?:{joiner}(?:{month}\s*)?(?P<m2>\d{{1,2}}))*"
        rf"(?:\s*(?:/|{year})\s*(?P<my>{YEAR}))?(?![\d/]|\s*/\s*\d))"
        # "2024 - 2030", "giai đoạn 2026-2030", "từ năm 2024 đến năm 2030"
        rf"|(?P<years>(?:(?:{span})\s*|{from_}\s+)?(?:{year}\s+)?(?<![\d/])(?P<ya>{YEAR})\s*(?:[-–]|{to}(?:\s+{year})?)\s*"
        rf"(?P<yb>{YEAR})(?![\d/]))"
        # "đến năm 2030": a horizon
        rf"|(?P<until>{to}\s+{year}\s+(?P<uy>{YEAR})(?![\d/]))"
        # "năm 2026"
        rf"|(?P<year>{year}\s+(?P<y>{YEAR})(?![\d/]))"
        # "2026"
        rf"|(?P<bare>(?<![\d/.,])(?P<by>{YEAR})(?![\d/]))",
        regex.IGNORECASE,
    )


def calendar_expressions(text: str, default_year: int | None = None, *, bare_years: bool = True,
                         horizons: bool = False) -> list[TimeExpression]:
    """Every calendar expression of ``text``, in order (see the module's docstring)."""
    out: list[TimeExpression] = []
    for m in _pattern().finditer(text):
        found = _expression(m, default_year, bare_years=bare_years, horizons=horizons)
        if found is not None:
            out.append(found)
    return out


def _year(printed: str | None, default: int | None) -> int | None:
    return int(printed) if printed else default


def _expression(m: regex.Match[str], default_year: int | None, *, bare_years: bool,
                horizons: bool) -> TimeExpression | None:
    at, stop = m.span()
    if m["wdate"] or m["ndate"] or m["sdate"]:
        d, mo, y = ((m["wd"], m["wm"], m["wy"]) if m["wdate"] else (m["nd"], m["nm"], m["ny"]) if m["ndate"]
                    else (m["sd"], m["sm"], None))
        year = _year(y, default_year)
        day = iso(year, int(mo), int(d)) if year else None
        if year and day is None:
            return None  # "ngày 45 tháng 13": not a date
        return TimeExpression("date", day, day, at, stop)
    if m["half"]:
        year = _year(m["hy"], default_year)
        first_half = fold(m["hh"]) == fold(_first_half())
        span = (month_span(year, 1, 6) if first_half else month_span(year, 7, 12)) if year else None
        return _spanned("half", span, at, stop)
    if m["quarter"]:
        year = _year(m["qy"], default_year)
        first = quarter_number(m["q"])
        rest = m.captures("q2")
        last = quarter_number(rest[-1]) if rest else first
        span = month_span(year, 3 * first - 2, 3 * last) if year and first <= last else None
        return _spanned("quarter", span, at, stop)
    if m["month"]:
        first = int(m["m"])
        rest = m.captures("m2")
        last = int(rest[-1]) if rest else first
        if not 1 <= first <= 12:
            return None
        year = _year(m["my"], default_year)
        span = month_span(year, first, last) if year and 1 <= last <= 12 else None
        return _spanned("month", span, at, stop)
    if m["years"]:
        a, b = int(m["ya"]), int(m["yb"])
        if a > b:
            return None
        return TimeExpression("years", *year_span(a, b), at, stop)
    if m["until"]:
        if not horizons:
            return TimeExpression("year", *year_span(int(m["uy"])), at, stop)
        return TimeExpression("until", None, year_span(int(m["uy"]))[1], at, stop)
    if m["year"] or (m["bare"] and bare_years):
        y = int(m["y"] or m["by"])
        return TimeExpression("year", *year_span(y), at, stop)
    return None


def _spanned(kind: str, span: tuple[str, str] | None, at: int, stop: int) -> TimeExpression:
    """An expression of ``kind`` over ``span`` (None: a year the text does not give)."""
    return TimeExpression(kind, span[0] if span else None, span[1] if span else None, at, stop)


@lru_cache(maxsize=1)
def _first_half() -> str:
    """The half-year word of January to June ("đầu")."""
    return next(word for word, half in vocab().deadlines.halves.items() if half == 1)
