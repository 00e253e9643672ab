"""Plans -> the rows of the export sheets (Plans, Tasks, Targets, References, Summary).

Each sheet is a list of rows keyed by column key; the headers and their order come from
``vocab/export.toml``. Dates are ``datetime.date`` (real date cells in XLSX, ISO in CSV).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from ..model import Location, Plan
from .labels import ExportLabels, labels

Cell = str | int | float | date | None
Row = dict[str, Cell]
T = TypeVar("T")


@dataclass(frozen=True)
class LoadedPlan:
    """A plan read from its JSON, with the JSON's path as the exports name it."""

    name: str
    plan: Plan


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    columns: tuple[str, ...]  # column keys
    headers: tuple[str, ...]
    rows: list[tuple[Cell, ...]]


def as_date(iso: str | None) -> date | str | None:
    """An ISO date as a ``date``; anything else is kept as printed (never guessed)."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso)
    except ValueError:
        return iso


def plan_number(plan: Plan) -> str | None:
    """ "186/KH-UBND"; "/KH-UBND" for a draft whose number is blank."""
    number, symbol = plan.document.number, plan.document.symbol
    if symbol:
        return f"{number or ''}/{symbol}"
    return number


def joined(items: Sequence[str], words: ExportLabels) -> str | None:
    return words.list_separator.join(items) or None


def sheet(key: str, rows: Iterator[Row], words: ExportLabels | None = None) -> Sheet:
    """Rows keyed by column key -> a sheet in the column order of ``export.toml``."""
    words = words or labels()
    columns = tuple(words.columns[key])
    table = []
    for row in rows:
        if set(row) != set(columns):
            raise KeyError(f"sheet {key}: row keys {sorted(row)} do not match export.toml {sorted(columns)}")
        table.append(tuple(row[c] for c in columns))
    return Sheet(key, words.sheets[key], columns, tuple(words.columns[key][c] for c in columns), table)


def plan_sheets(plans: Sequence[LoadedPlan]) -> list[Sheet]:
    """The Plans, Tasks, Targets and References sheets."""
    words = labels()
    return [sheet("plans", _plan_rows(plans, words), words), sheet("tasks", _task_rows(plans, words), words),
            sheet("targets", _target_rows(plans, words), words),
            sheet("references", _reference_rows(plans, words), words)]


def _plan_rows(plans: Sequence[LoadedPlan], words: ExportLabels) -> Iterator[Row]:
    for loaded in plans:
        plan, doc = loaded.plan, loaded.plan.document
        yield {"json": loaded.name, "file": plan.source.file, "kind": words.kind("document", doc.kind),
               "number": plan_number(plan), "issuer": doc.issuer, "place": doc.place,
               "date": as_date(doc.issue_date.iso) if doc.issue_date else None, "title": doc.title,
               "period_start": as_date(doc.period.start) if doc.period else None,
               "period_end": as_date(doc.period.end) if doc.period else None,
               "tasks": len(plan.tasks), "targets": len(plan.targets), "references": len(plan.references),
               "warnings": len(plan.warnings)}


def _of_plan(plan: Plan) -> Row:
    return {"plan_number": plan_number(plan), "plan_issuer": plan.document.issuer}


def _where(plan: Plan, location: Location | None) -> Row:
    return {"file": plan.source.file, "page": location.page if location else None,
            "line": location.line if location else None}


def _each(plans: Sequence[LoadedPlan], items: Callable[[Plan], Sequence[T]]) -> Iterator[tuple[Plan, T]]:
    """(plan, item) for every task, target or reference of every plan, in order."""
    for loaded in plans:
        for item in items(loaded.plan):
            yield loaded.plan, item


def _task_rows(plans: Sequence[LoadedPlan], words: ExportLabels) -> Iterator[Row]:
    for plan, task in _each(plans, lambda p: p.tasks):
        deadline = task.deadline
        yield {**_of_plan(plan), "number": task.number, "group": task.group, "name": task.name,
               "lead_person": task.lead_person, "lead": joined(task.lead, words),
               "coordinators": joined(task.coordinators, words),
               "deadline": deadline.raw if deadline else None,
               "deadline_kind": words.kind("deadline", deadline.kind) if deadline else None,
               "start": as_date(deadline.start) if deadline else None,
               "end": as_date(deadline.end) if deadline else None,
               "output": task.output, "note": task.note, "source": words.kind("source", task.source),
               **_where(plan, task.location)}


def _target_rows(plans: Sequence[LoadedPlan], words: ExportLabels) -> Iterator[Row]:
    for plan, target in _each(plans, lambda p: p.targets):
        goal = target.target
        yield {**_of_plan(plan), "number": target.number, "group": target.group, "name": target.name,
               "baseline": target.baseline.raw if target.baseline else None,
               "target": goal.raw if goal else None, "comparator": goal.comparator if goal else None,
               "value": goal.value if goal else None, "unit": goal.unit if goal else None,
               "period": goal.period if goal else None, **_where(plan, target.location)}


def _reference_rows(plans: Sequence[LoadedPlan], words: ExportLabels) -> Iterator[Row]:
    for plan, reference in _each(plans, lambda p: p.references):
        yield {**_of_plan(plan), "id": reference.id, "kind": reference.kind, "date": as_date(reference.date),
               "issuer": reference.issuer, "mentions": reference.mentions, "file": plan.source.file}
