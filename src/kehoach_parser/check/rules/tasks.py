"""Task and target rules: every task has a lead and a deadline, every target a value."""
from __future__ import annotations

from collections.abc import Iterator

from ...model import Target, Task
from ..context import Context
from ..registry import Hit, check, label
from ..util import excerpt


def _label(item: Task | Target) -> tuple[str, str]:
    """("STT 4", "no. 4") or the quoted start of its name."""
    if item.number:
        row = label("row")
        return f"{row.vi} {item.number}", f"{row.en} {item.number}"
    quoted = f"\"{excerpt(item.name, 60)}\""
    return quoted, quoted


def _task_hit(task: Task) -> Hit:
    vi, en = _label(task)
    return Hit(line=task.location.line, page=task.location.page, text=excerpt(task.name),
               params={"task": vi, "task_en": en})


@check("task.lead-missing")
def lead_missing(ctx: Context) -> Iterator[Hit]:
    yield from (_task_hit(t) for t in ctx.plan.tasks if not t.lead and not t.lead_person)


@check("task.deadline-missing")
def deadline_missing(ctx: Context) -> Iterator[Hit]:
    yield from (_task_hit(t) for t in ctx.plan.tasks if t.deadline is None)


@check("target.value-missing")
def value_missing(ctx: Context) -> Iterator[Hit]:
    for target in ctx.plan.targets:
        if target.target is None or (target.target.value is None and not any(c.isdigit() for c in target.target.raw)):
            vi, en = _label(target)
            where = target.location
            yield Hit(line=where.line if where else None, page=where.page if where else None,
                      text=excerpt(target.name), params={"target": vi, "target_en": en})
