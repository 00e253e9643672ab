"""Tasks -> an iCalendar file (the ``icalendar`` library): one VTODO per task whose deadline has a
date, due at its end (a whole-day date), starting at its start when that is earlier; the plan, lead
and coordinating units, deadline as printed and output in the description. Outlook, Google
Calendar and Thunderbird import it."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timezone
from pathlib import Path

from icalendar import Calendar, Todo

from ..batch.files import atomic_output
from ..model import Plan, Task
from .labels import ExportLabels, labels
from .tables import LoadedPlan, as_date, joined, plan_number

PRODID = "-//kehoach-parser//kehoach export//EN"
UID_DOMAIN = "kehoach-parser"
MAX_SUMMARY = 250  # characters of a task's name in the calendar's title


def write_ics(plans: Sequence[LoadedPlan], target: Path) -> int:
    """Write the calendar of ``plans``' dated tasks to ``target`` (atomically); the number of VTODOs."""
    words = labels()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    count = 0
    for loaded in plans:
        for index, task in enumerate(loaded.plan.tasks):
            due = as_date(task.deadline.end) if task.deadline else None
            if not isinstance(due, date):
                continue
            calendar.add_component(_todo(loaded.plan, index, task, due, stamp, words))
            count += 1
    with atomic_output(target) as handle:
        handle.write(calendar.to_ical())
    return count


def _todo(plan: Plan, index: int, task: Task, due: date, stamp: datetime, words: ExportLabels) -> Todo:
    todo = Todo()
    todo.add("uid", f"{plan.source.sha256[:20]}-{index + 1}@{UID_DOMAIN}")
    todo.add("dtstamp", stamp)
    name = task.name if len(task.name) <= MAX_SUMMARY else task.name[: MAX_SUMMARY - 1] + "…"
    todo.add("summary", name)
    start = as_date(task.deadline.start) if task.deadline else None
    if isinstance(start, date) and start < due:
        todo.add("dtstart", start)
    todo.add("due", due)
    todo.add("status", "NEEDS-ACTION")
    label = words.calendar
    lines = [(label["plan"], " ".join(filter(None, [plan_number(plan), plan.document.title]))),
             (label["lead"], joined(task.lead, words)), (label["lead_person"], task.lead_person),
             (label["coordinators"], joined(task.coordinators, words)),
             (label["deadline"], task.deadline.raw if task.deadline else None), (label["output"], task.output),
             (label["file"], plan.source.file)]
    todo.add("description", "\n".join(f"{key}: {value}" for key, value in lines if value))
    return todo
