"""Tasks: rows of annex task tables and body bullets followed by "+ Đơn vị chủ trì: …" lines."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..model import Location, Task
from ..segment.document import Node
from ..segment.markers import BULLET_LINE, ENUMERATED, PLUS_LINE
from ..segment.paragraphs import Para
from ..segment.tables import LogicalTable
from ..text import clean, or_none, strip_bullet, strip_trailing
from ..vocab import vocab
from .deadlines import parse_deadline
from .sections import heading_title
from .units import split_units


@lru_cache(maxsize=1)
def _label_pattern() -> tuple[regex.Pattern[str], dict[str, str]]:
    labels = vocab().task_labels.model_dump()
    by_text = {label.casefold(): role for role, items in labels.items() for label in items}

    def alternatives(deadline: bool) -> str:
        chosen = [k for k, role in by_text.items() if (role == "deadline") == deadline]
        return "|".join(regex.escape(k) for k in sorted(chosen, key=len, reverse=True))

    # "Đơn vị chủ trì: …", "Thời gian hoàn thành: …" (several may share one line); a deadline label may
    # name what is timed in a word or two: "Thời gian tổ chức: tối ngày 09/11/2026", "Thời điểm triển khai: …"
    return regex.compile(rf"(?:^|(?<=[;.]\s*))(?:(?P<label>{alternatives(False)})|(?P<label_deadline>"
                         rf"{alternatives(True)})(?:[ \t]+\p{{L}}+){{0,2}}?)\s*:\s*", regex.IGNORECASE), by_text


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
        out[by_text[(m["label"] or m["label_deadline"]).casefold()]] = strip_trailing(body[m.end():end].strip())
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
    """The body tasks of one numbered item. A group of label lines ("Đơn vị chủ trì: …") belongs to
    the paragraph right above it when the labels are its sub-bullets ("- Task" / "+ Đơn vị chủ trì:
    …"); when they stand at the level of the bullets above or shallower ("- Task 1" … "- Task 6" /
    "Lãnh đạo phụ trách: …" / "Đơn vị chủ trì: …; Đơn vị phối hợp: …"), they apply to every bullet of
    that block. Label lines right under a numbered item make the item itself the task."""
    tasks: list[Task] = []
    block: list[Para] = []  # paragraphs since the last group of label lines
    fields: dict[str, str] = {}
    owners: list[Para] = []  # the paragraphs the open group of label lines applies to

    def close() -> None:
        if fields:
            tasks.extend(_body_task(para, fields, node, default_year) for para in owners)
        fields.clear()
        owners.clear()

    for item in node.content:
        if not isinstance(item, Para):
            continue
        labels = task_labels(item.text)
        if labels is None:
            if fields:
                close()
                block = []
            block.append(item)
            continue
        if not fields:  # the first label line of a group decides whom the group belongs to
            if not block:
                owners[:] = [node.para] if node.depth > 1 else []
            elif _bullet_depth(item.text) > _bullet_depth(block[-1].text):
                owners[:] = [block[-1]]
            else:
                owners[:] = block
        for role, value in labels.items():
            fields.setdefault(role, value)
    close()
    return tasks


def _bullet_depth(text: str) -> int:
    """How deep a line's bullet sets it: 0 plain, 1 "-"/"•"/"a)", 2 "+"."""
    if PLUS_LINE.match(text):
        return 2
    return 1 if BULLET_LINE.match(text) or ENUMERATED.match(text) else 0


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
