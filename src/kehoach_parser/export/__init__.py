"""Exports for people: the plans' JSON -> an XLSX workbook, CSV files, an iCalendar file.

>>> from kehoach_parser.export import export, load_plans
>>> plans, problems = load_plans(["out/"])                  # doctest: +SKIP
>>> export(plans, ["xlsx", "ics"], Path("reports/"))        # doctest: +SKIP

Sheets (titles and headers from ``vocab/export.toml``): Plans (one row per plan), Tasks, Targets,
References and a Summary of tasks per lead unit by quarter (:mod:`.summary`).
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..api import _label as printable
from ..model import Plan
from .tables import LoadedPlan, Sheet, plan_sheets

__all__ = ["FORMATS", "LoadedPlan", "export", "load_plans", "targets"]

FORMATS = ("xlsx", "csv", "ics")
FILE_STEM = "kehoach"
JSON_SUFFIX = ".json"


def load_plans(paths: Iterable[str | os.PathLike[str]], *,
               root: Path | None = None) -> tuple[list[LoadedPlan], list[str]]:
    """The plans in the JSON files and folders ``paths`` (every ``*.json`` below a folder, sorted; hidden
    ones left out), and a one-line problem for each file that is not a plan's JSON. A plan is named by
    its path below the folder it was found in (or below ``root``, for files given by name)."""
    plans: list[LoadedPlan] = []
    problems: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob(f"*{JSON_SUFFIX}")
                           if not any(part.startswith(".") for part in p.relative_to(path).parts))
            items = [(p, p.relative_to(path).as_posix()) for p in found]
        else:
            items = [(path, _below(path, root))]
        for file, name in items:
            try:
                plans.append(LoadedPlan(printable(name, None), Plan.model_validate_json(file.read_bytes())))
            except FileNotFoundError:
                problems.append(f"{printable(file, None)}: no such file or directory")
            except OSError as exc:
                problems.append(f"{printable(file, None)}: cannot read ({exc.strerror or exc})")
            except ValueError:
                problems.append(f"{printable(file, None)}: not a plan's JSON (kehoach parse output)")
    return plans, problems


def targets(formats: Sequence[str], out: Path) -> dict[str, Path]:
    """Where each format goes: ``out`` itself when it is one .xlsx or .ics file, else a folder holding
    kehoach.xlsx, kehoach-<sheet>.csv and kehoach.ics."""
    if len(formats) == 1 and formats[0] != "csv" and out.suffix.lower() == f".{formats[0]}":
        return {formats[0]: out}
    return {fmt: out if fmt == "csv" else out / f"{FILE_STEM}.{fmt}" for fmt in formats}


def export(plans: Sequence[LoadedPlan], formats: Sequence[str], out: Path) -> list[Path]:
    """Write ``plans`` in each of ``formats`` (see :func:`targets`); the files written."""
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown:
        raise ValueError(f"unknown export format(s) {', '.join(unknown)} (expected {', '.join(FORMATS)})")
    written: list[Path] = []
    sheets: list[Sheet] | None = None
    for fmt, target in targets(formats, out).items():
        if fmt == "ics":
            from .ics import write_ics

            write_ics(plans, target)
            written.append(target)
            continue
        if sheets is None:
            from .summary import summary_sheet

            sheets = [*plan_sheets(plans), summary_sheet(plans)]
        if fmt == "xlsx":
            from .xlsx import write_xlsx

            write_xlsx(sheets, target)
            written.append(target)
        else:
            from .csvfiles import write_csv

            written.extend(write_csv(sheets, target))
    return written


def _below(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return os.fspath(path)
