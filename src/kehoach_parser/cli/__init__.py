"""The ``kehoach`` command line: ``parse``, ``export``, ``schema`` and ``check``.

This is the command line's error boundary: whatever happens, a user sees one line per problem,
never a traceback (``-v`` shows the traceback of an internal error); Ctrl-C prints "interrupted" and
exits 130; a closed or full standard output is one line and exit 1.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import BinaryIO, NoReturn, TextIO

from .. import __version__
from ..check.cli import add_check_parser, run_check
from ..model import json_schema
from .export_cmd import add_export_parser, run_export
from .output import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, STDOUT, OutputError, reason_of, write_text
from .parse_args import add_parse_parser

__all__ = ["EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "build_parser", "main", "run"]
# the commands after which the process may leave without the interpreter's teardown (see run())
QUICK_EXIT_COMMANDS = frozenset({"check"})
_finished: list[str] = []  # the command main() ran last in this process


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kehoach", description="Vietnamese administrative plans -> structured JSON.")
    ap.add_argument("--version", action="version", version=f"kehoach-parser {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_parse_parser(sub)
    add_export_parser(sub)
    s = sub.add_parser("schema", help="print the JSON Schema of the output")
    s.add_argument("-o", "--output", metavar="FILE", type=Path, help="write it to FILE")
    add_check_parser(sub)
    return ap


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None,
         stdin: BinaryIO | None = None) -> int:
    """Run the command line; return its exit status (0 ok, 1 some file failed, 2 usage, 130 Ctrl-C).

    ``stdout``/``stderr``/``stdin`` replace the process's streams (tests run the CLI in-process)."""
    out = stdout or sys.stdout or io.StringIO()  # a process started with its standard output closed has none:
    err = stderr or sys.stderr or io.StringIO()  # writing to it fails as a closed stream does (below)
    if stdout is None and sys.stdout is None:
        out.close()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    verbose = getattr(args, "verbose", False)
    try:
        with _terminate_as_interrupt():
            return _dispatch(args, out, err, stdin)
    except KeyboardInterrupt:
        _say(err, "kehoach: interrupted")
        return EXIT_INTERRUPTED
    except OutputError as exc:
        _say(err, f"kehoach: error: {exc}")
        if exc.what == STDOUT:
            _silence_stdout(out)
        return EXIT_FAILED
    except Exception as exc:  # a bug of ours: one line (the traceback with -v), never a traceback dump
        _say(err, f"kehoach: error: internal error ({type(exc).__name__}: {exc}); please report it")
        if verbose:
            _say(err, traceback.format_exc().rstrip("\n"))
        return EXIT_FAILED


def run() -> NoReturn:
    """The ``kehoach`` program (its console script, ``python -m kehoach_parser``): :func:`main`, then
    exit with its status. After ``kehoach check`` the process leaves without the interpreter's teardown,
    which frees every object of the parse one by one (0.1-0.3 s after a 40-page plan, as long as the
    rules take): everything is written by then, and the standard streams are flushed first."""
    status = main()
    if _finished and _finished[-1] in QUICK_EXIT_COMMANDS:
        try:  # the command flushed what it wrote (and reported a failure): this only makes sure
            if sys.stdout is not None:
                sys.stdout.flush()
        except (OSError, ValueError) as exc:
            _say(sys.stderr, f"kehoach: error: {OutputError(STDOUT, reason_of(exc))}")
            status = status if status != EXIT_OK else EXIT_FAILED
        with contextlib.suppress(OSError, ValueError, AttributeError):
            sys.stderr.flush()
        os._exit(status)
    sys.exit(status)


def _dispatch(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: BinaryIO | None) -> int:
    _finished.append(args.command)
    if args.command == "check":
        return run_check(args, stdout=out, stderr=err)
    if args.command == "schema":
        return _schema(args, out)
    if args.command == "export":
        return run_export(args, err)
    from .parse_cmd import run_parse  # the batch machinery: only for parse

    return run_parse(args, out, err, stdin if stdin is not None else sys.stdin.buffer)


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (a job scheduler, ``kill``) stops the command as Ctrl-C does: workers stopped, no
    partial file, exit 130. Only where signals can be handled (the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    from ..batch.files import write_atomic

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        write_atomic(args.output, text)
    else:
        write_text(out, text)
    return EXIT_OK


def _say(err: TextIO, line: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        err.write(line + "\n")
        err.flush()


def _silence_stdout(out: TextIO) -> None:
    """After a broken pipe on the real stdout, point it at /dev/null so that the interpreter's own
    flush at exit does not print another error."""
    if out is not sys.stdout:
        return
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
