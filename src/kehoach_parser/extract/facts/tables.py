"""Table facts: per data table its column roles, whether its value columns hold values at all, its group
rows, and its numbered rows with the rows that repeat the one above (a merged cell read down)."""
from __future__ import annotations

from dataclasses import dataclass

from ...layout import Table
from ...segment.document import Segments
from ...segment.tables import GroupRow, LogicalTable
from .spans import position_key


@dataclass(frozen=True)
class TableRowFact:
    number: str | None
    name: str
    page: int | None
    line: int | None
    group: str | None
    repeats_previous: bool  # same number and name as the row above: one task with two product rows
    has_value: bool  # a digit in one of its value columns


@dataclass(frozen=True)
class TableFacts:
    kind: str  # "tasks" or "targets"
    roles: frozenset[str]
    zone: int  # 0 in the body, n in the n-th annex
    page: int | None
    line: int | None
    groups: tuple[GroupRow, ...]
    rows: tuple[TableRowFact, ...]

    @property
    def holds_values(self) -> bool:
        """Whether any row has a value: a table whose "value" columns are all words has no value column."""
        return any(r.has_value for r in self.rows)


def table_facts(seg: Segments, tables: list[tuple[Table, LogicalTable]]) -> list[TableFacts]:
    starts = [position_key(a.label.page, a.label.line) for a in seg.annexes]
    out = []
    for table, logical in tables:
        if logical.kind not in ("tasks", "targets"):
            continue
        rows: list[TableRowFact] = []
        for row in logical.rows:
            name = row.cells.get("name", "").strip()
            previous = rows[-1] if rows else None
            repeats = previous is not None and row.number is not None and previous.number == row.number \
                and previous.name == name
            has_value = any(any(c.isdigit() for c in v) for v in row.values.values())
            rows.append(TableRowFact(row.number, name, row.page, row.line, row.group, repeats, has_value))
        zone = sum(1 for s in starts if position_key(table.page, table.line) >= s)
        out.append(TableFacts(logical.kind, frozenset(logical.roles), zone, table.page, table.line,
                              tuple(logical.groups), tuple(rows)))
    return out
