"""``kehoach export JSON_DIR|FILE… --to xlsx,csv,ics -o FILE_OR_DIR``: spreadsheets and calendars of
parsed plans for people."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from .output import EXIT_FAILED, EXIT_OK, reason_of


def add_export_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    from .parse_args import _formats

    e = sub.add_parser(
        "export", help="plans' JSON -> XLSX workbook, CSV files, iCalendar tasks",
        description="Write the plans parsed by `kehoach parse` as an XLSX workbook (sheets of plans, tasks, "
                    "targets, references and a summary of tasks per lead unit by quarter), CSV files (one per "
                    "sheet, UTF-8 with BOM) or an iCalendar file (one VTODO per task with a dated deadline).")
    e.add_argument("paths", nargs="+", metavar="JSON_DIR|FILE", help="folders of plan JSON (searched recursively) "
                                                                   "or JSON files")
    e.add_argument("--to", required=True, type=_formats, metavar="FORMATS",
                   help="xlsx, csv and/or ics, comma-separated")
    e.add_argument("-o", "--output", required=True, type=Path, metavar="FILE_OR_DIR",
                   help="a .xlsx or .ics file for that one format; otherwise a folder that receives "
                        "kehoach.xlsx, kehoach-<sheet>.csv and kehoach.ics")
    e.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    return e


def run_export(args: argparse.Namespace, err: TextIO) -> int:
    """Run ``kehoach export``; exit 1 when a file was not a plan's JSON or nothing could be written."""
    from ..export import export, load_plans

    plans, problems = load_plans(args.paths)
    for problem in problems:
        err.write(f"kehoach: error: {problem}\n")
    if not plans:
        err.write("kehoach: error: no plan JSON found (run `kehoach parse … -o DIR` first)\n")
        return EXIT_FAILED
    try:
        written = export(plans, args.to, args.output)
    except OSError as exc:
        err.write(f"kehoach: error: {args.output}: cannot write the export ({reason_of(exc)})\n")
        return EXIT_FAILED
    if not args.quiet:
        tasks = sum(len(p.plan.tasks) for p in plans)
        err.write(f"exported {len(plans)} plan(s), {tasks} task(s) to {', '.join(map(str, written))}\n")
    return EXIT_FAILED if problems else EXIT_OK
