"""Deadlines: "Quý II/2026", "Tháng 7/2025", "Trong năm 2025", "Thường xuyên", "Theo hướng dẫn …".

How a printed deadline is read (gold conventions, "Deadlines"):

1. periodic wording anywhere ("Thường xuyên", "Hằng năm", "Trước ngày 05 của tháng liền kề") -> recurring;
2. a deadline that opens with "Theo …" -> as_directed (whatever dates it quotes);
3. otherwise the calendar expressions it holds (a date, a month, a quarter or a list of quarters,
   a half-year, a year, a span of years), found in one left-to-right scan: one expression gives its
   own kind and span; several, or a span of years, give "other" from the earliest start to the
   latest end; none gives as_directed when it says so ("theo kế hoạch …"), else "other".

A year missing from an expression ("Quý II", "ngày 23 tháng 1") is completed by ``default_year``
(a year in the column header, else the plan's year).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..model import Deadline
from ..text import clean, fold, strip_trailing
from ..vocab import vocab
from .timespans import calendar_expressions

__all__ = ["parse_deadline"]


@dataclass(frozen=True)
class _Phrases:
    recurring: tuple[str, ...]
    as_directed: tuple[str, ...]
    as_directed_start: regex.Pattern[str]


@lru_cache(maxsize=1)
def _phrases() -> _Phrases:
    table = vocab().deadlines
    opener = "|".join(regex.escape(fold(w)) for w in table.as_directed_openers)
    return _Phrases(
        recurring=tuple(fold(w) for w in table.recurring),
        as_directed=tuple(fold(w) for w in table.as_directed),
        as_directed_start=regex.compile(rf"^(?:{opener})\b"),  # "theo …" at the start of a deadline
    )


def parse_deadline(text: str | None, default_year: int | None = None) -> Deadline | None:
    """Classify a deadline cell and turn it into a date range; empty -> None."""
    raw = strip_trailing(clean(text or ""))
    if not raw:
        return None
    folded = fold(raw)
    phrases = _phrases()
    if any(_has_phrase(folded, w) for w in phrases.recurring):
        return Deadline(raw=raw, kind="recurring")
    if phrases.as_directed_start.match(folded):
        return Deadline(raw=raw, kind="as_directed")
    found = calendar_expressions(raw, default_year)
    if not found:
        if any(_has_phrase(folded, w) for w in phrases.as_directed):
            return Deadline(raw=raw, kind="as_directed")
        return Deadline(raw=raw, kind="other")
    if len(found) == 1:
        one = found[0]
        kind = "other" if one.kind in ("half", "years") else one.kind
        return Deadline(raw=raw, kind=kind, start=one.start, end=one.end)  # type: ignore[arg-type]
    starts = [e.start for e in found if e.start]
    ends = [e.end for e in found if e.end]
    return Deadline(raw=raw, kind="other", start=min(starts) if starts else None, end=max(ends) if ends else None)


def _has_phrase(folded: str, phrase: str) -> bool:
    """``phrase`` stands in ``folded`` as whole words."""
    at = folded.find(phrase)
    while at >= 0:
        before_ok = at == 0 or not folded[at - 1].isalnum()
        after = at + len(phrase)
        if before_ok and (after == len(folded) or not folded[after].isalnum()):
            return True
        at = folded.find(phrase, at + 1)
    return False

