"""Numbering rules: Roman sections, numbered items at every level, table group rows and STT columns."""
from __future__ import annotations

from collections.abc import Iterator

from ...layout import Table
from ...model import Section
from ...segment.tables import LogicalTable
from ..context import Context
from ..registry import Hit, check
from ..util import number_value, same_style, sequence_breaks


def _line(section: Section) -> int | None:
    return section.location.line if section.location else None


def _heading_text(section: Section) -> str:
    return f"{section.number}. {section.title or section.text or ''}".strip()


@check("numbering.sections")
def sections(ctx: Context) -> Iterator[Hit]:
    tops = ctx.plan.sections
    for step in sequence_breaks(number_value(s.number) for s in tops):
        section = tops[step.index]
        params = {"number": section.number, "expected": same_style(step.expected, section.number)}
        if step.previous is None:
            yield Hit(line=_line(section), text=_heading_text(section), params=params, variant="first")
        else:
            params["previous"] = tops[step.previous].number
            yield Hit(line=_line(section), text=_heading_text(section), params=params)


@check("numbering.items")
def items(ctx: Context) -> Iterator[Hit]:
    for top in ctx.plan.sections:
        yield from _children(top, depth=1)


def _children(parent: Section, depth: int) -> Iterator[Hit]:
    kids = parent.children
    last_parts = []
    for kid in kids:
        *prefix, last = kid.number.split(".")
        if depth > 1 and prefix and ".".join(prefix) != parent.number:
            yield Hit(line=_line(kid), text=_heading_text(kid), params={"number": kid.number, "parent": parent.number},
                      variant="parent")
        last_parts.append(int(last) if last.isdigit() else None)
    for step in sequence_breaks(last_parts):
        kid = kids[step.index]
        expected = ".".join(kid.number.split(".")[:-1] + [str(step.expected)])
        params = {"number": kid.number, "expected": expected, "parent": parent.number}
        if step.previous is None:
            yield Hit(line=_line(kid), text=_heading_text(kid), params=params, variant="first")
        else:
            params["previous"] = kids[step.previous].number
            yield Hit(line=_line(kid), text=_heading_text(kid), params=params)
    for kid in kids:
        yield from _children(kid, depth + 1)


def _zones(ctx: Context) -> dict[tuple[int, str], list[tuple[Table, LogicalTable]]]:
    """Data tables by (zone, kind): the body is zone 0, each annex the zone after its label."""
    starts = [a.label.line or 0 for a in ctx.segments.annexes]
    out: dict[tuple[int, str], list[tuple[Table, LogicalTable]]] = {}
    for table, logical in ctx.doc.tables:
        if logical.kind not in ("tasks", "targets"):
            continue
        zone = sum(1 for s in starts if (table.line or 0) >= s)
        out.setdefault((zone, logical.kind), []).append((table, logical))
    return out


@check("numbering.groups")
def groups(ctx: Context) -> Iterator[Hit]:
    for tables in _zones(ctx).values():
        rows = [(g, i == 0) for _, logical in tables for i, g in enumerate(logical.groups)]
        values = [number_value(g.number) for g, _ in rows]
        for step in sequence_breaks(values, restarts=[first for _, first in rows]):
            group = rows[step.index][0]
            params = {"number": group.number, "expected": same_style(step.expected, group.number)}
            text = f"{group.number}. {group.title}"
            if step.previous is None:
                yield Hit(line=group.line, page=group.page, text=text, params=params, variant="first")
            else:
                params["previous"] = rows[step.previous][0].number
                yield Hit(line=group.line, page=group.page, text=text, params=params)


@check("numbering.rows")
def rows(ctx: Context) -> Iterator[Hit]:
    for tables in _zones(ctx).values():
        entries = []
        restarts = []
        previous_group: object = object()
        for t_index, (_, logical) in enumerate(tables):
            for r_index, row in enumerate(logical.rows):
                if row.number is None or not row.number.isdigit():
                    continue
                restarts.append(row.group != previous_group or (r_index == 0 and t_index > 0))
                previous_group = row.group
                entries.append(row)
        for step in sequence_breaks((int(r.number) for r in entries), restarts=restarts):
            row = entries[step.index]
            params = {"number": row.number, "expected": str(step.expected),
                      "previous": entries[step.previous].number if step.previous is not None else "—"}
            name = row.cells.get("name", "")
            yield Hit(line=row.line, page=row.page, text=f"{row.number} | {name}"[:120], params=params)
