"""Sheets -> one XLSX workbook (openpyxl, write-only so memory stays small): a frozen, bold header
row with an autofilter on every sheet, column widths from the content, real date cells."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from ..batch.files import atomic_output
from .labels import labels
from .tables import Cell, Sheet

MAX_CELL_CHARS = 32_767  # Excel's limit for one cell
MAX_TITLE_CHARS = 31  # Excel's limit for a sheet title
MIN_WIDTH, MAX_WIDTH = 6, 60  # column widths, in characters
DATE_WIDTH = 12


def write_xlsx(sheets: Sequence[Sheet], target: Path) -> None:
    """Write ``sheets`` to the workbook ``target`` (atomically)."""
    book = Workbook(write_only=True)
    date_format = labels().date_format
    for sheet in sheets:
        ws = book.create_sheet(title=sheet.title[:MAX_TITLE_CHARS])
        _widths(ws, sheet)
        ws.freeze_panes = "A2"
        last = get_column_letter(max(1, len(sheet.headers)))
        ws.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
        bold = Font(bold=True)
        header = []
        for title in sheet.headers:
            cell = WriteOnlyCell(ws, value=title)
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            header.append(cell)
        ws.append(header)
        for row in sheet.rows:
            ws.append([_cell(ws, value, date_format) for value in row])
    with atomic_output(target) as handle:
        book.save(handle)


def _cell(ws: WriteOnlyWorksheet, value: Cell, date_format: str) -> WriteOnlyCell:
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(text) > MAX_CELL_CHARS:
            text = text[: MAX_CELL_CHARS - 1] + "…"
        cell = WriteOnlyCell(ws, value=text)
        cell.data_type = "s"  # text, even when it starts with "=" (never a formula)
        return cell
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, date):
        cell.number_format = date_format
    return cell


def _widths(ws: WriteOnlyWorksheet, sheet: Sheet) -> None:
    for index, header in enumerate(sheet.headers):
        longest = max((_shown_length(row[index]) for row in sheet.rows), default=0)
        width = max(MIN_WIDTH, min(MAX_WIDTH, max(longest, len(header)) + 2))
        ws.column_dimensions[get_column_letter(index + 1)].width = width


def _shown_length(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return DATE_WIDTH
    return len(str(value))
