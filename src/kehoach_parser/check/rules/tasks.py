"""Task and target rules: a lead and a deadline where the plan gives them a place (a column of its table,
or a label its other body tasks use), a value for every target of a table that holds values, no unit
both leading and coordinating one task, no share above 100 %."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ...model import Target, Task
from ...text import fold
from ...vocab.lint import lint
from ..context import Context
from ..registry import Hit, check, label
from ..util import excerpt
from .units import is_generic, unit_key


def _label(item: Task | Target) -> tuple[str, str]:
    """("STT 4", "no. 4") or the quoted start of its name."""
    if item.number:
        row = label("row")
        return f"{row.vi} {item.number}", f"{row.en} {item.number}"
    quoted = f"\"{excerpt(item.name, 60)}\""
    return quoted, quoted


def _task_hit(task: Task, **params: str) -> Hit:
    vi, en = _label(task)
    return Hit(line=task.location.line, page=task.location.page, text=excerpt(task.name),
               params={"task": vi, "task_en": en, **params})


def _has_column(ctx: Context, task: Task, *roles: str) -> bool | None:
    """Whether the table a task comes from has a column for one of ``roles`` (None for a body task)."""
    table = ctx.facts.table_rows.get((task.location.page, task.location.line))
    return None if table is None else bool(table.roles & set(roles))


@check("task.lead-missing")
def lead_missing(ctx: Context) -> Iterator[Hit]:
    for task in ctx.plan.tasks:
        if task.lead or task.lead_person or _has_column(ctx, task, "lead", "lead_person") is False:
            continue
        yield _task_hit(task)


@check("task.deadline-missing")
def deadline_missing(ctx: Context) -> Iterator[Hit]:
    gives_deadlines = any(t.deadline for t in ctx.plan.tasks)  # a plan without any deadline has no place for one
    for task in ctx.plan.tasks:
        if task.deadline is not None:
            continue
        column = _has_column(ctx, task, "deadline")
        if column or (column is None and gives_deadlines):
            yield _task_hit(task)


@check("task.lead-also-coordinator")
def lead_also_coordinator(ctx: Context) -> Iterator[Hit]:
    for task in ctx.plan.tasks:
        leads = {unit_key(u): u for u in task.lead if not is_generic(u)}
        both = [leads[k] for k in (unit_key(c) for c in task.coordinators) if k in leads]
        if both:
            where = ctx.position(task.location, both[0], following=3)
            vi, en = _label(task)
            yield Hit(line=where[1], page=where[0], text=both[0], params={"unit": both[0], "task": vi, "task_en": en})


@check("target.value-missing")
def value_missing(ctx: Context) -> Iterator[Hit]:
    for target in ctx.plan.targets:
        where = target.location
        table = ctx.facts.table_rows.get((where.page, where.line)) if where else None
        if target.source == "table" and (table is None or not table.holds_values):
            continue  # "value" columns that hold no value in any row are no value columns
        if target.target is None or (target.target.value is None and not any(c.isdigit() for c in target.target.raw)):
            vi, en = _label(target)
            yield Hit(line=where.line if where else None, page=where.page if where else None,
                      text=excerpt(target.name), params={"target": vi, "target_en": en})


@lru_cache(maxsize=1)
def _share_words() -> tuple[str, ...]:
    return tuple(fold(w) + " " for w in lint().targets.share_words)


@check("target.impossible")
def impossible(ctx: Context) -> Iterator[Hit]:
    """A percentage that no share can reach: "trên 100%", or "Tỷ lệ … đạt 120%"."""
    for target in ctx.plan.targets:
        value = target.target
        if value is None or value.value is None or value.unit != "%":
            continue
        share = (fold(target.name) + " ").startswith(_share_words())
        if (value.comparator == ">" and value.value >= 100) or (share and value.value > 100):
            where = target.location
            yield Hit(line=where.line if where else None, page=where.page if where else None, text=value.raw,
                      params={"value": value.raw, "target": excerpt(target.name, 60)})
