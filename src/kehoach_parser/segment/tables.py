"""Tables -> logical tables: column roles from fuzzy header matching, rows stitched back.

A logical table knows which column holds the STT, the name, the lead unit, the deadline …
(whatever the header's wording), has its repeated header rows (one per printed page) dropped,
its continuation rows (empty STT: a row split across a page break) joined back into the row
above column by column, and its Roman group rows turned into the ``group`` of the rows below.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex
from rapidfuzz import fuzz

from ..layout import Row, Table
from ..text import fold, join_fragments
from ..text.roman import roman_value
from ..vocab import vocab

# "I", "II.", "IV -", "III. Về khoa học …" — a Roman group marker at the start of a cell
ROMAN_CELL = regex.compile(r"^(?P<num>[IVXL]{1,6})\s*(?:[.):\-–]\s*|\s+|$)(?P<text>.*)$")
# "A", "B." — a lettered group marker
LETTER_CELL = regex.compile(r"^(?P<num>[A-H])\s*[.)]?\s*$")
# "1", "1.", "12", "1.1", "2a", "a)" — a row number (a lettered sub-row: "a)")
NUMBER_CELL = regex.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[a-z]?\.?|[a-zđ]\))$")
# "(1)", "1", "(2)" — column numbering printed under the header
COLUMN_INDEX = regex.compile(r"^\(?\d{1,2}\)?$")
# a year in a header: "Kết quả năm 2025", "Năm 2026"
YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")

ROLES = ("number", "name", "lead_person", "lead", "coordinators", "deadline", "output", "note", "unit_of_measure")
# header words that only one kind of table uses for its name column (see [columns] in the vocabulary)
NAME_KINDS = ("task_name", "indicator_name")
# columns that say who carries a task out: a table with one of them and a name column is a task table
RESPONSIBILITY = ("lead_person", "lead", "coordinators")


@dataclass
class LogicalRow:
    number: str | None
    group: str | None
    cells: dict[str, str]  # role -> text
    values: dict[int, str]  # value column index -> text (target tables)
    page: int | None
    line: int | None


@dataclass
class ValueColumn:
    index: int
    header: str
    year: int | None
    hint: str | None  # "baseline" / "target" from the header's words


@dataclass
class GroupRow:
    """A group row of a task or target table ("IV | Về nhân lực"): its marker as printed and where it stands."""

    number: str
    title: str
    page: int | None
    line: int | None


@dataclass
class LogicalTable:
    kind: str  # "tasks", "targets" or "other"
    roles: dict[str, int]
    value_columns: list[ValueColumn]
    header: tuple[str, ...]
    rows: list[LogicalRow] = field(default_factory=list)
    deadline_year: int | None = None  # a year printed in the deadline column's header ("Thời gian (Năm 2026)")
    warnings: list[tuple[str, str]] = field(default_factory=list)
    page: int | None = None
    line: int | None = None
    groups: list[GroupRow] = field(default_factory=list)  # the group rows, in order (for numbering checks)


MAX_HEADER_CHARS = 200  # a header cell ("Cơ quan, đơn vị chủ trì thực hiện") is a few words, at most a line or two


@lru_cache(maxsize=1)
def _synonyms() -> list[tuple[str, str]]:
    columns = vocab().columns
    return [(role, fold(s)) for role in (*ROLES, *NAME_KINDS) for s in columns.of_role(role)]


@lru_cache(maxsize=1)
def _hint_words() -> tuple[list[str], list[str]]:
    columns = vocab().columns
    return [fold(w) for w in columns.baseline_words], [fold(w) for w in columns.target_words]


def column_role(header: str) -> str | None:
    """The role of a column from its header text ("Cơ quan chủ trì" -> "lead"), or None. A name
    column whose words only a task or only an indicator table uses is "task_name" / "indicator_name"."""
    if len(header) > MAX_HEADER_CHARS:  # a paragraph, not a header (nor a key for the cache to keep)
        return None
    return _header_role(header)


@lru_cache(maxsize=512)
def _header_role(header: str) -> str | None:
    text = fold(header)
    if not text:
        return None
    best: tuple[float, int, str] | None = None
    for role, syn in _synonyms():
        if len(syn) <= 4 or len(text) <= 4:
            # a narrow header cell may break a short word over two lines: "ST" / "T" read "ST T"
            score = 100.0 if text.strip(" .") == syn or text.replace(" ", "") == syn else 0.0
        elif len(text) >= len(syn):
            score = fuzz.partial_ratio(syn, text)
        else:
            score = fuzz.ratio(syn, text)
        if score >= 88 and (best is None or (score, len(syn)) > (best[0], best[1])):
            best = (score, len(syn), role)
    return best[2] if best else None


def _role(cell: str) -> str | None:
    """``column_role`` with the kinds of name column folded into "name"."""
    role = column_role(cell)
    return "name" if role in NAME_KINDS else role


def _header_index(table: Table) -> int | None:
    for i, row in enumerate(table.rows[:4]):
        roles = {_role(c) for c in row.cells if c}
        years = sum(1 for c in row.cells if YEAR.search(c))
        if "name" in roles and (len(roles - {None, "name"}) >= 1 or years):
            return i
    return None


def logical_table(table: Table) -> LogicalTable:
    """The table's column roles and stitched rows ("other" for a table that is not data).

    A task table has a name column and a responsibility column (lead person, lead or coordinating
    units); an indicator (target) table has a name column that is not a task's and value columns
    (a year in the header, or the words of a plan or result column); anything else (a schedule of
    inspected units, a report form) is "other" and yields neither.
    """
    head = _header_index(table)
    if head is None:
        return LogicalTable("other", {}, [], (), page=table.page, line=table.line)
    header = table.rows[head].cells
    roles: dict[str, int] = {}
    values: list[ValueColumn] = []
    name_kind: str | None = None
    deadline_year: int | None = None
    baseline_words, target_words = _hint_words()
    for i, cell in enumerate(header):
        year = YEAR.search(cell)
        role = column_role(cell)
        if role == "deadline" and "deadline" not in roles:
            roles["deadline"] = i
            deadline_year = int(year.group()) if year else None
            continue
        folded = fold(cell)
        hint = "baseline" if any(w in folded for w in baseline_words) else (
            "target" if any(w in folded for w in target_words) else None)
        if year or (role is None and hint and "name" in roles):
            values.append(ValueColumn(i, cell, int(year.group()) if year else None, hint))
            continue
        if role in NAME_KINDS or role == "name":
            if "name" not in roles:
                roles["name"] = i
                name_kind = role
            continue
        if role and role not in roles:
            roles[role] = i
    if "name" in roles and set(RESPONSIBILITY) & roles.keys():
        kind = "tasks"
        values = []
    elif "name" in roles and values and name_kind != "task_name":
        kind = "targets"
        deadline_year = None
    else:
        kind = "other"
    result = LogicalTable(kind, roles, values, header, page=table.page, line=table.line, deadline_year=deadline_year)
    if kind != "other":
        _stitch(result, table.rows[head + 1:])
    return result


def _stitch(table: LogicalTable, rows: tuple[Row, ...]) -> None:
    header_key = [fold(c) for c in table.header]
    group: str | None = None
    num_col = table.roles.get("number")
    name_col = table.roles.get("name")
    for row in rows:
        cells = list(row.cells) + [""] * (len(table.header) - len(row.cells))
        numbered_row = num_col is not None and NUMBER_CELL.match(cells[num_col].strip())
        if not numbered_row and (_is_header_repeat(cells, header_key) or _is_column_index(cells)):
            continue
        first = cells[num_col].strip() if num_col is not None else ""
        others = [c for i, c in enumerate(cells) if c and i not in (num_col, name_col)]
        # group rows: "I | Phát triển hạ tầng | | " or "III. Về khoa học … | | |"
        marker = ROMAN_CELL.match(first) if first else None
        if marker and roman_value(marker.group("num")) and not others:
            text = marker.group("text").strip() or (cells[name_col].strip() if name_col is not None else "")
            if text:
                group = text.rstrip(" .:;")
                table.groups.append(GroupRow(marker.group("num"), group, row.page, row.line))
                continue
        if first and LETTER_CELL.match(first) and not others and name_col is not None and cells[name_col]:
            group = cells[name_col].rstrip(" .:;")
            table.groups.append(GroupRow(first.rstrip(" .)"), group, row.page, row.line))
            continue
        # "| | II. Về chuyển đổi số | | |": the Roman marker printed in the name cell
        named = ROMAN_CELL.match(cells[name_col].strip()) if not first and name_col is not None else None
        if named and roman_value(named.group("num")) and named.group("text").strip() and not others:
            group = named.group("text").strip().rstrip(" .:;")
            table.groups.append(GroupRow(named.group("num"), group, row.page, row.line))
            continue
        continuation = num_col is not None and not first
        if num_col is None and name_col is not None and table.rows:
            text = cells[name_col].strip()
            continuation = bool(text) and text[0].islower()
        if continuation and table.rows:
            _merge(table, table.rows[-1], cells)
            continue
        if continuation:
            table.warnings.append(("orphan_continuation_row", f"row at line {row.line} continues nothing"))
        by_role = {role: cells[i] for role, i in table.roles.items() if i < len(cells)}
        number = by_role.pop("number", "").strip().rstrip(".)") or None
        table.rows.append(LogicalRow(number, group, by_role,
                                     {v.index: cells[v.index] for v in table.value_columns},
                                     row.page, row.line))


def _merge(table: LogicalTable, target: LogicalRow, cells: list[str]) -> None:
    for role, i in table.roles.items():
        if role != "number" and i < len(cells) and cells[i]:
            target.cells[role] = join_fragments(target.cells.get(role, ""), cells[i])
    for v in table.value_columns:
        if v.index < len(cells) and cells[v.index]:
            target.values[v.index] = join_fragments(target.values.get(v.index, ""), cells[v.index])


def _is_header_repeat(cells: list[str], header_key: list[str]) -> bool:
    filled = [(fold(c), h) for c, h in zip(cells, header_key, strict=False) if c or h]
    if not filled:
        return True
    same = sum(1 for c, h in filled if c == h or (c and h and fuzz.ratio(c, h) >= 90))
    return same / len(filled) >= 0.8


def _is_column_index(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return len(filled) >= 3 and all(COLUMN_INDEX.match(c) for c in filled)
