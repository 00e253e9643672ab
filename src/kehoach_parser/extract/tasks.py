"""Tasks: rows of annex task tables and body bullets followed by "+ Đơn vị chủ trì: …" lines."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..model import Location, Task
from ..segment.document import Node
from ..segment.paragraphs import Para
from ..segment.tables import LogicalTable
from ..text import clean, or_none, strip_bullet, strip_trailing
from ..vocab import words
from .deadlines import parse_deadline
from .sections import heading_title
from .units import split_units


@lru_cache(maxsize=1)
def _label_pattern() -> tuple[regex.Pattern[str], dict[str, str]]:
    labels: dict[str, list[str]] = words("task_labels")
    by_text = {label.casefold(): role for role, items in labels.items() for label in items}
    alternatives = "|".join(regex.escape(k) for k in sorted(by_text, key=len, reverse=True))
    # "Đơn vị chủ trì: …", "Thời gian hoàn thành: …" (several may share one line)
    return regex.compile(rf"(?:^|(?<=[;.]\s*))(?P<label>{alternatives})\s*:\s*", regex.IGNORECASE), by_text


def task_labels(text: str) -> dict[str, str] | None:
    """{role: value} of a "+ Đơn vị chủ trì: X" line, or None when it is not a label line."""
    pattern, by_text = _label_pattern()
    body = strip_bullet(text)
    found = list(pattern.finditer(body))
    if not found or found[0].start() != 0:
        return None
    out: dict[str, str] = {}
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(body)
        out[by_text[m["label"].casefold()]] = strip_trailing(body[m.end():end].strip())
    return out


def table_tasks(table: LogicalTable, default_year: int | None) -> list[Task]:
    """One task per row of a task table; a year in the deadline column's header ("Thời gian (Năm
    2026)") completes the deadlines printed without one, before the plan's own year does."""
    year = table.deadline_year or default_year
    tasks = []
    for row in table.rows:
        name = clean(row.cells.get("name", ""))
        if not name:
            continue
        tasks.append(Task(
            number=row.number,
            group=or_none(row.group),
            name=name,
            lead_person=or_none(row.cells.get("lead_person")),
            lead=split_units(row.cells.get("lead")),
            coordinators=split_units(row.cells.get("coordinators")),
            deadline=parse_deadline(row.cells.get("deadline"), year),
            output=or_none(row.cells.get("output")),
            note=or_none(row.cells.get("note")),
            source="annex",
            location=Location(page=row.page, line=row.line),
        ))
    return tasks


def body_tasks(sections: list[Node], default_year: int | None) -> list[Task]:
    tasks: list[Task] = []
    for root in sections:
        for node in root.walk():
            tasks.extend(_node_tasks(node, default_year))
    return tasks


def _node_tasks(node: Node, default_year: int | None) -> list[Task]:
    tasks: list[Task] = []
    candidate: Para | None = node.para if node.depth > 1 else None
    fields: dict[str, str] = {}

    def close() -> None:
        if candidate is not None and fields:
            tasks.append(_body_task(candidate, fields, node, default_year))

    for item in node.content:
        if not isinstance(item, Para):
            continue
        labels = task_labels(item.text)
        if labels is None:
            close()
            candidate, fields = item, {}
            continue
        for role, value in labels.items():
            fields.setdefault(role, value)
    close()
    return tasks


def _body_task(para: Para, fields: dict[str, str], node: Node, default_year: int | None) -> Task:
    text = para.text
    if para is node.para:
        text = node.text
        group = None
    else:
        group = heading_title(node) if node.depth > 1 else None
    return Task(
        group=group,
        name=clean(strip_bullet(text)),
        lead_person=or_none(fields.get("lead_person")),
        lead=split_units(fields.get("lead")),
        coordinators=split_units(fields.get("coordinators")),
        deadline=parse_deadline(fields.get("deadline"), default_year),
        output=or_none(fields.get("output")),
        source="body",
        location=Location(page=para.page, line=para.line),
    )
