"""The ``kehoach`` command line: ``kehoach parse FILE… [-o DIR]``, ``kehoach schema`` and ``kehoach check``."""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..api import parse
from ..check.cli import add_check_parser, run_check
from ..errors import KehoachError
from ..model import json_schema

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kehoach", description="Vietnamese administrative plans -> structured JSON.")
    ap.add_argument("--version", action="version", version=f"kehoach-parser {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("parse", help="parse plans into contract JSON")
    p.add_argument("files", nargs="+", metavar="FILE", help=".txt, .md, .docx or .pdf plans")
    p.add_argument("-o", "--output", metavar="DIR", type=Path,
                   help="write DIR/<stem>.json per input (default: stdout for a single file)")
    p.add_argument("--format", choices=["txt", "md", "docx", "pdf"],
                   help="read every input as this format (default: sniffed from the content)")
    p.add_argument("--compact", action="store_true", help="one-line JSON instead of indented")
    s = sub.add_parser("schema", help="print the JSON Schema of the output")
    s.add_argument("-o", "--output", metavar="FILE", type=Path, help="write it to FILE")
    add_check_parser(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return run_check(args)
    if args.command == "schema":
        text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
        if args.output:
            _write_atomic(args.output, text)
        else:
            sys.stdout.write(text)
        return EXIT_OK
    return _parse_command(args)


def _parse_command(args: argparse.Namespace) -> int:
    if args.output is None and len(args.files) > 1:
        print("kehoach: error: several files need -o DIR", file=sys.stderr)
        return EXIT_USAGE
    if args.output is not None:
        try:
            args.output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"kehoach: error: {args.output}: cannot create output directory ({exc.strerror})", file=sys.stderr)
            return EXIT_USAGE
    failed = 0
    for name in args.files:
        try:
            plan = parse(name, format=args.format)
        except KehoachError as exc:
            print(f"kehoach: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        except Exception as exc:  # a parser bug must not stop the batch either
            print(f"kehoach: error: {name}: internal error ({type(exc).__name__}: {exc})", file=sys.stderr)
            failed += 1
            continue
        text = plan.model_dump_json(indent=None if args.compact else 2) + "\n"
        if args.output is None:
            sys.stdout.write(text)
        else:
            try:
                _write_atomic(args.output / f"{Path(name).stem}.json", text)
            except OSError as exc:
                print(f"kehoach: error: {name}: cannot write output ({exc.strerror})", file=sys.stderr)
                failed += 1
    return EXIT_FAILED if failed else EXIT_OK


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a failure never leaves a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
