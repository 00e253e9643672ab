"""Sheets -> one CSV file per sheet: UTF-8 with a byte-order mark (so that Excel shows Vietnamese),
ISO dates, the same headers as the workbook."""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..batch.files import atomic_output
from .tables import Cell, Sheet

CSV_ENCODING = "utf-8-sig"


def csv_name(sheet: Sheet) -> str:
    """The file one sheet is written to: "kehoach-tasks.csv"."""
    return f"kehoach-{sheet.key}.csv"


def write_csv(sheets: Sequence[Sheet], folder: Path) -> list[Path]:
    """Write every sheet to ``folder/kehoach-<sheet>.csv`` (atomically); the files written."""
    written = []
    for sheet in sheets:
        target = folder / csv_name(sheet)
        text = io.StringIO(newline="")
        writer = csv.writer(text)
        writer.writerow(sheet.headers)
        writer.writerows([_text(value) for value in row] for row in sheet.rows)
        with atomic_output(target) as handle:
            handle.write(text.getvalue().encode(CSV_ENCODING))
        written.append(target)
    return written


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
