"""The words of the exports (``vocab/export.toml``): sheet titles, column headers, value labels."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..vocab import load_toml

SHEETS = ("plans", "tasks", "targets", "references", "summary")


@dataclass(frozen=True)
class ExportLabels:
    """Typed view of ``export.toml``."""

    date_format: str
    list_separator: str
    sheets: dict[str, str]  # sheet key -> title
    columns: dict[str, dict[str, str]]  # sheet key -> column key -> header, in column order
    quarter: str  # "Quý {quarter}/{year}"
    no_lead: str
    kinds: dict[str, dict[str, str]]  # "document" | "deadline" | "source" -> code -> label
    calendar: dict[str, str]

    def kind(self, family: str, code: str | None) -> str | None:
        """The label of a coded value ("ke_hoach" -> "Kế hoạch"); the code itself when it has none."""
        return None if code is None else self.kinds[family].get(code, code)


@lru_cache(maxsize=1)
def labels() -> ExportLabels:
    """The export vocabulary, read from the package data once."""
    data: dict[str, Any] = load_toml("export.toml")
    missing = [key for key in SHEETS if key not in data["sheets"] or key not in data["columns"]]
    if missing:
        raise KeyError(f"export.toml lacks the sheet(s) {', '.join(missing)}")
    return ExportLabels(date_format=data["date_format"], list_separator=data["list_separator"],
                        sheets=dict(data["sheets"]), columns={k: dict(v) for k, v in data["columns"].items()},
                        quarter=data["summary"]["quarter"], no_lead=data["summary"]["no_lead"],
                        kinds={k: dict(v) for k, v in data["kinds"].items()}, calendar=dict(data["calendar"]))
