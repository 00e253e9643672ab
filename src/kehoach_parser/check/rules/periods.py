"""Year and deadline rules: years and deadlines that contradict the plan period or its issue date."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache

import regex

from ...extract.dates import WORD_DATE
from ...extract.references import DOC_ID
from ...model import Location, Task
from ...text import fold
from ...vocab import vocab
from ...vocab.lint import lint
from ..context import Context
from ..registry import Hit, check, hit_at
from ..util import day_label, excerpt, period_label
from .headings import headings

# "1441/QĐ-UBND", "7178/PA-UBND": a document's number and symbol inside a deadline cell
CITED_ID = regex.compile(DOC_ID)


@lru_cache(maxsize=1)
def year_phrase() -> regex.Pattern[str]:
    """"năm 2025" — a single year (not "năm 2025-2027", not "năm 20255")."""
    word = regex.escape(vocab().grammar.year)
    return regex.compile(rf"(?<![\p{{L}}]){word}\s+(?P<y>(?:19|20)\d{{2}})(?!\d)(?!\s*[-–]\s*(?:19|20)?\d{{2}})",
                         regex.IGNORECASE)


@lru_cache(maxsize=1)
def _context_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    table = lint().years
    return tuple(fold(w) for w in table.horizon), tuple(fold(w) for w in table.past)


def _excused(before: str, later: bool) -> bool:
    """A later year after "đến", "tầm nhìn" … or an earlier one after "so với", "từ" … is no contradiction."""
    horizon, past = _context_words()
    tail = fold(before)[-40:].rstrip(" ,")
    words_before = horizon if later else past
    return any(tail == w or tail.endswith(" " + w) for w in words_before)


def _texts(ctx: Context) -> Iterator[tuple[str, Location | None, int]]:
    """(text, where it starts, how many texts after it it may run on) of every task, target and heading."""
    for task in ctx.plan.tasks:
        yield task.name, task.location, 0
    for target in ctx.plan.targets:
        yield target.name, target.location, 0
    yield from headings(ctx)


@check("year.outside-period")
def outside_period(ctx: Context) -> Iterator[Hit]:
    if ctx.period is None:
        return
    start, end = ctx.period[0].year, ctx.period[1].year
    label = period_label(*ctx.period)
    for text, where, lines in _texts(ctx):
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
            before = text.count(m.group(), 0, m.start())
            yield hit_at(ctx.position(where, m.group(), following=lines, occurrence=before), excerpt(text), params)


@check("year.issued-after-period")
def issued_after_period(ctx: Context) -> Iterator[Hit]:
    if ctx.period is None or ctx.issue_bounds is None:
        return
    if ctx.issue_bounds[0] > ctx.period[1]:
        from .header import dateline_at

        raw = ctx.plan.document.issue_date.raw  # type: ignore[union-attr]
        yield hit_at(dateline_at(ctx), raw, {"raw": raw, "period": period_label(*ctx.period)})


def _deadline_end(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _deadline_of(task: Task) -> date | None:
    """The end of a task's deadline, unless its date is a cited document's ("Theo các mốc tại Quyết định số
    1441/QĐ-UBND ngày 25/9/2025": the date of the decision, not a deadline)."""
    if task.deadline is None or not task.deadline.end:
        return None
    if task.deadline.kind == "date" and CITED_ID.search(task.deadline.raw):
        return None
    return _deadline_end(task.deadline.end)


@check("deadline.before-issue")
def before_issue(ctx: Context) -> Iterator[Hit]:
    if ctx.issue_bounds is None:
        return
    earliest = ctx.issue_bounds[0]
    for task in ctx.plan.tasks:
        end = _deadline_of(task)
        if end is not None and end < earliest:
            yield Hit(line=task.location.line, page=task.location.page, text=task.deadline.raw,  # type: ignore[union-attr]
                      params={"deadline": task.deadline.raw, "end": day_label(end),  # type: ignore[union-attr]
                              "issued": day_label(earliest)})


@check("deadline.after-period")
def after_period(ctx: Context) -> Iterator[Hit]:
    if ctx.period is None:
        return
    for task in ctx.plan.tasks:
        end = _deadline_of(task)
        if end is not None and end > ctx.period[1]:
            yield Hit(line=task.location.line, page=task.location.page, text=task.deadline.raw,  # type: ignore[union-attr]
                      params={"deadline": task.deadline.raw, "end": day_label(end),  # type: ignore[union-attr]
                              "period": period_label(*ctx.period)})
