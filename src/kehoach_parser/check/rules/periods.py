"""Year and deadline rules: years and deadlines that contradict the plan period or its issue date."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache

import regex

from ...extract.dates import WORD_DATE
from ...text import fold
from ...vocab import words
from ..context import Context
from ..registry import Hit, check
from ..util import day_label, excerpt, period_label
from .headings import headings


@lru_cache(maxsize=1)
def year_phrase() -> regex.Pattern[str]:
    """"năm 2025" — a single year (not "năm 2025-2027", not "năm 20255")."""
    word = regex.escape(words("lint", "years")["year_word"])
    return regex.compile(rf"(?<![\p{{L}}]){word}\s+(?P<y>(?:19|20)\d{{2}})(?!\d)(?!\s*[-–]\s*(?:19|20)?\d{{2}})",
                         regex.IGNORECASE)


@lru_cache(maxsize=1)
def _context_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    table = words("lint", "years")
    return tuple(fold(w) for w in table["horizon"]), tuple(fold(w) for w in table["past"])


def _excused(before: str, later: bool) -> bool:
    """A later year after "đến", "tầm nhìn" … or an earlier one after "so với", "từ" … is no contradiction."""
    horizon, past = _context_words()
    tail = fold(before)[-40:].rstrip(" ,")
    words_before = horizon if later else past
    return any(tail == w or tail.endswith(" " + w) for w in words_before)


def _texts(ctx: Context) -> Iterator[tuple[str, int | None, int | None]]:
    """(text, line, page) of every task, target and heading."""
    for task in ctx.plan.tasks:
        yield task.name, task.location.line, task.location.page
    for target in ctx.plan.targets:
        where = target.location
        yield target.name, where.line if where else None, where.page if where else None
    yield from headings(ctx)


@check("year.outside-period")
def outside_period(ctx: Context) -> Iterator[Hit]:
    if ctx.period is None:
        return
    start, end = ctx.period[0].year, ctx.period[1].year
    label = period_label(*ctx.period)
    for text, line, page in _texts(ctx):
        dates = [d.span() for d in WORD_DATE.finditer(text) if d["d"] or d["m"]]
        for m in year_phrase().finditer(text):
            year = int(m["y"])
            if start <= year <= end or _excused(text[: m.start()], later=year > end):
                continue
            if any(a <= m.start() < b for a, b in dates):
                continue  # "ngày 22 tháng 12 năm 2024": a date, not a year of its own
            params = {"phrase": m.group(), "period": label}
            if start == end:
                params["expected"] = str(start)
            yield Hit(line=ctx.locate(line, m.group()), page=page, text=excerpt(text), params=params)


@check("year.issued-after-period")
def issued_after_period(ctx: Context) -> Iterator[Hit]:
    if ctx.period is None or ctx.issue_bounds is None:
        return
    if ctx.issue_bounds[0] > ctx.period[1]:
        from .header import dateline_at

        raw = ctx.plan.document.issue_date.raw  # type: ignore[union-attr]
        yield Hit(line=dateline_at(ctx), text=raw, params={"raw": raw, "period": period_label(*ctx.period)})


def _deadline_end(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@check("deadline.before-issue")
def before_issue(ctx: Context) -> Iterator[Hit]:
    if ctx.issue_bounds is None:
        return
    earliest = ctx.issue_bounds[0]
    for task in ctx.plan.tasks:
        end = _deadline_end(task.deadline.end) if task.deadline else None
        if end is not None and end < earliest:
            yield Hit(line=task.location.line, page=task.location.page, text=task.deadline.raw,  # type: ignore[union-attr]
                      params={"deadline": task.deadline.raw, "end": day_label(end),  # type: ignore[union-attr]
                              "issued": day_label(earliest)})


@check("deadline.after-period")
def after_period(ctx: Context) -> Iterator[Hit]:
    if ctx.period is None:
        return
    for task in ctx.plan.tasks:
        end = _deadline_end(task.deadline.end) if task.deadline else None
        if end is not None and end > ctx.period[1]:
            yield Hit(line=task.location.line, page=task.location.page, text=task.deadline.raw,  # type: ignore[union-attr]
                      params={"deadline": task.deadline.raw, "end": day_label(end),  # type: ignore[union-attr]
                              "period": period_label(*ctx.period)})
