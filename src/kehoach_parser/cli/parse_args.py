"""The arguments of ``kehoach parse``: kept apart from the command (parse_cmd), so that ``kehoach
check`` and ``kehoach schema`` start without importing the batch machinery."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..formats import FORMATS
from ..limits import Limits
from ..readers.options import OCR_MODES

EXPORT_FORMATS = ("xlsx", "csv", "ics")


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def _limit(text: str) -> str:
    try:
        Limits.parse_assignment(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _formats(text: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [f for f in chosen if f not in EXPORT_FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"expected a comma-separated list of {', '.join(EXPORT_FORMATS)}")
    return chosen


def add_parse_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "parse", help="parse plans into contract JSON",
        description="Parse plans (.txt, .md, .docx, .pdf; folders recursively) into contract JSON, in parallel, "
                    "each file in its own worker process with a time and memory budget.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="plan files, folders (every plan below them, by suffix or content), or - for standard input")
    p.add_argument("-o", "--output", metavar="DIR", type=Path,
                   help="write DIR/<path>.json per input, mirroring the inputs' folders (default: standard output)")
    p.add_argument("--glob", action="append", default=[], metavar="PATTERN",
                   help="only the files below the folders whose relative path matches (fnmatch; '*' crosses "
                        "folders; repeatable), e.g. --glob '*.pdf'")
    p.add_argument("--format", choices=FORMATS, help="read every input as this format (default: sniffed)")
    p.add_argument("--name", metavar="NAME",
                   help="the file name of standard input's plan (its suffix is the format hint; default: stdin)")
    p.add_argument("--compact", action="store_true", help="one-line JSON instead of indented")
    p.add_argument("-j", "--jobs", type=_positive_int, metavar="N", help="worker processes (default: one per core)")
    p.add_argument("--ocr", choices=OCR_MODES, default="auto",
                   help="OCR of PDF pages: auto (pages without a text layer, the default), force, never")
    p.add_argument("--limit", action="append", default=[], type=_limit, metavar="NAME=VALUE",
                   help=f"change a budget (repeatable; names: {', '.join(Limits.names())})")
    p.add_argument("--timeout", type=_positive_float, metavar="SECONDS",
                   help=f"wall-clock budget per file (--limit seconds=…; default {Limits().seconds:g})")
    p.add_argument("--skip-existing", action="store_true",
                   help="do not parse an input again when its output records the same sha256 (needs -o)")
    p.add_argument("--strict", action="store_true", help="a plan with warnings fails (and is not written)")
    p.add_argument("--report", type=Path, metavar="FILE.jsonl",
                   help="write one JSON line per input: path, output, status, error, warnings, sha256, seconds")
    p.add_argument("--export", type=_formats, metavar="FORMATS",
                   help="after the batch, also write xlsx, csv and/or ics exports of its plans into DIR (needs -o)")
    talk = p.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    talk.add_argument("-v", "--verbose", action="store_true",
                      help="a line per file, tracebacks of internal errors and the libraries' log records")
    return p
