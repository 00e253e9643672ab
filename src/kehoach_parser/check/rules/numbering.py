"""Numbering rules: Roman sections, numbered items at every level, table group rows and STT columns
(the tables read from the table facts: a row that repeats the one above is one merged task, not a repeat)."""
from __future__ import annotations

from collections.abc import Iterator

from ...extract.facts import TableFacts
from ...model import Section
from ..context import Context
from ..registry import Hit, check
from ..util import number_value, same_style, sequence_breaks, small_int


def _hit(section: Section, params: dict[str, str], variant: str | None = None) -> Hit:
    where = section.location
    text = f"{section.number}. {section.title or section.text or ''}".strip()
    return Hit(line=where.line if where else None, page=where.page if where else None, text=text, params=params,
               variant=variant)


@check("numbering.sections")
def sections(ctx: Context) -> Iterator[Hit]:
    tops = ctx.plan.sections
    for step in sequence_breaks(number_value(s.number) for s in tops):
        section = tops[step.at]
        params = {"number": section.number, "expected": same_style(step.expected, section.number)}
        if step.previous is None:
            yield _hit(section, params, "first")
        else:
            params["previous"] = tops[step.previous].number
            yield _hit(section, params)


@check("numbering.items")
def items(ctx: Context) -> Iterator[Hit]:
    stack = [(top, 1) for top in reversed(ctx.plan.sections)]
    while stack:  # depth first, without recursion (a plan may nest deeply)
        parent, depth = stack.pop()
        yield from _children(parent, depth)
        stack.extend((kid, depth + 1) for kid in reversed(parent.children))


def _children(parent: Section, depth: int) -> Iterator[Hit]:
    kids = parent.children
    last_parts = []
    for kid in kids:
        *prefix, last = kid.number.split(".")
        if depth > 1 and prefix and ".".join(prefix) != parent.number:
            yield _hit(kid, {"number": kid.number, "parent": parent.number}, "parent")
        last_parts.append(small_int(last))
    for step in sequence_breaks(last_parts):
        kid = kids[step.at]
        expected = ".".join([*kid.number.split(".")[:-1], str(step.expected)])
        params = {"number": kid.number, "expected": expected, "parent": parent.number}
        if step.previous is None:
            yield _hit(kid, params, "first")
        else:
            params["previous"] = kids[step.previous].number
            yield _hit(kid, params)


def _zones(ctx: Context) -> dict[tuple[int, str], list[TableFacts]]:
    """Data tables by (zone, kind): the body is zone 0, each annex the zone after its label."""
    out: dict[tuple[int, str], list[TableFacts]] = {}
    for table in ctx.facts.tables:
        out.setdefault((table.zone, table.kind), []).append(table)
    return out


@check("numbering.groups")
def groups(ctx: Context) -> Iterator[Hit]:
    for tables in _zones(ctx).values():
        rows = [(g, i == 0) for table in tables for i, g in enumerate(table.groups)]
        values = [number_value(g.number) for g, _ in rows]
        for step in sequence_breaks(values, restarts=[first for _, first in rows]):
            group = rows[step.at][0]
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
        values: list[int] = []
        restarts = []
        previous_group: object = object()
        for t_index, table in enumerate(tables):
            for r_index, row in enumerate(table.rows):
                value = small_int(row.number or "")
                if value is None or row.repeats_previous:
                    continue
                restarts.append(row.group != previous_group or (r_index == 0 and t_index > 0))
                previous_group = row.group
                entries.append(row)
                values.append(value)
        for step in sequence_breaks(values, restarts=restarts):
            row = entries[step.at]
            params = {"number": row.number, "expected": str(step.expected),
                      "previous": entries[step.previous].number if step.previous is not None else "—"}
            yield Hit(line=row.line, page=row.page, text=f"{row.number} | {row.name}"[:120], params=params)
