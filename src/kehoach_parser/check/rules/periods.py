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
from ..util import day_label, excerpt, holds_phrase, period_label
from .headings import headings

# "1441/QĐ-UBND", "7178/PA-UBND": a document's number and symbol inside a deadline cell
CITED_ID = regex.compile(DOC_ID)
# a letter of a document's symbol: "QĐ" of "1441/QĐ-UBND" ("28/02/2025", a date, has none)
SYMBOL_LETTER = regex.compile(r"\p{L}")
# characters before a year that its context words are looked for in (a bounded slice per year)
LOOK_BEHIND = 120
# what ends a clause: a look-back word before it says nothing of the year after it
CLAUSE_END = regex.compile(r"[;.:!?]")


@lru_cache(maxsize=1)
def year_phrase() -> regex.Pattern[str]:
    """"năm 2025" — a single year (not "năm 2025-2027", not "năm 20255")."""
    word = regex.escape(vocab().grammar.year)
    return regex.compile(rf"(?<![\p{{L}}]){word}\s+(?P<y>(?:19|20)\d{{2}})(?!\d)(?!\s*[-–]\s*(?:19|20)?\d{{2}})",
                         regex.IGNORECASE)


@lru_cache(maxsize=1)
def _context_words() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    table = lint().years
    return (tuple(fold(w) for w in table.horizon), tuple(fold(w) for w in table.past),
            frozenset(fold(w) for w in table.looking_back))


def _excused(before: str, later: bool) -> bool:
    """A later year after "đến", "tầm nhìn" … or an earlier one after "so với", "từ" … is no contradiction,
    nor an earlier one a few words after "tổng kết", "kê khai" … in the same clause (a look back)."""
    horizon, past, looking_back = _context_words()
    tail = fold(before).rstrip(" ,")
    if any(tail == w or tail.endswith(" " + w) for w in (horizon if later else past)):
        return True
    if later:
        return False
    clause = CLAUSE_END.split(tail)[-1].replace(",", " ").split()[-lint().years.looking_back_words:]
    return holds_phrase(clause, looking_back)


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
    seen: set[tuple[int | None, int | None, str]] = set()  # a heading that is also a task: one finding
    for text, where, lines in _texts(ctx):
        dates = [d.span() for d in WORD_DATE.finditer(text) if d["d"] or d["m"]]
        for m in year_phrase().finditer(text):
            year = int(m["y"])
            if start <= year <= end or _excused(text[max(0, m.start() - LOOK_BEHIND):m.start()], later=year > end):
                continue
            if any(a <= m.start() < b for a, b in dates):
                continue  # "ngày 22 tháng 12 năm 2024": a date, not a year of its own
            params = {"phrase": m.group(), "period": label}
            if start == end:
                params["expected"] = str(start)
            before = text.count(m.group(), 0, m.start())
            hit = hit_at(ctx.position(where, m.group(), following=lines, occurrence=before), excerpt(text), params)
            if (hit.page, hit.line, m.group()) not in seen:
                seen.add((hit.page, hit.line, m.group()))
                yield hit


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
    if task.deadline.kind == "date" and any(SYMBOL_LETTER.search(m.group())
                                            for m in CITED_ID.finditer(task.deadline.raw)):
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
