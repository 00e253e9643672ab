"""``kehoach parse PATH… [-o DIR] …``: convert plans, one worker process per core.

Without ``-o``: one file (or ``-``) prints its JSON; several inputs or a folder print JSON Lines (one
plan per line, in the order of the inputs). With ``-o DIR``: the inputs' folder tree mirrored under
DIR, ``<stem>.json`` per input (``<stem>.<ext>.json`` where stems would clash).
"""
from __future__ import annotations

import argparse
import json
import logging
import time
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from ..api import _label as printable
from ..batch import BatchOptions, FileResult, run
from ..batch.files import atomic_output
from ..batch.inputs import STDIN, Inputs, discover
from ..limits import Limits
from .console import Console, ConsoleLogHandler, Tally
from .output import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, OutputError, reason_of, write_text


def run_parse(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: BinaryIO) -> int:
    """Run ``kehoach parse`` (see the module docstring); the exit status."""
    limits = Limits()
    for assignment in args.limit:
        limits = Limits.parse_assignment(assignment, limits)
    if args.timeout:
        limits = limits.override(seconds=args.timeout)
    if args.output is None and (args.skip_existing or args.export):
        err.write("kehoach: error: --skip-existing and --export need -o DIR\n")
        return EXIT_USAGE
    if args.output is not None:
        try:
            args.output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            err.write(f"kehoach: error: {args.output}: cannot create output directory ({reason_of(exc)})\n")
            return EXIT_USAGE
    data = _read_stdin(stdin, limits, err) if STDIN in args.paths else None
    inputs = discover(args.paths, globs=args.glob, exclude=args.output, stdin=data, stdin_name=args.name)
    single = args.output is None and len(args.paths) == 1 and (args.paths[0] == STDIN or
                                                               not Path(args.paths[0]).is_dir())
    options = BatchOptions(jobs=args.jobs, limits=limits, ocr=args.ocr, format=args.format,
                           skip_existing=args.skip_existing, strict=args.strict,
                           indent=None if args.compact or (args.output is None and not single) else 2)
    started = time.monotonic()
    console = Console(err, total=len(inputs.files) + len(inputs.missing), quiet=args.quiet, verbose=args.verbose)
    tally = Tally()
    outputs: list[Path] = []
    with _logging_to(console), ExitStack() as stack:
        stack.callback(console.close)
        report = stack.enter_context(_report(args.report)) if args.report else None
        interrupted = _convert(inputs, args.output, options, console, tally, report, outputs,
                               None if args.output is not None else _InOrder(out))
    seconds = time.monotonic() - started
    exported_ok = True
    if args.export and not interrupted:
        exported_ok = _export(outputs, args.output, args.export, console)
    if not args.quiet:
        err.write(tally.summary(seconds, ignored=inputs.ignored) + "\n")
    if interrupted:
        err.write("kehoach: interrupted\n")
        return EXIT_INTERRUPTED
    return EXIT_FAILED if tally.failed or not exported_ok else EXIT_OK


def _convert(inputs: Inputs, out_dir: Path | None, options: BatchOptions, console: Console, tally: Tally,
             report: _Report | None, outputs: list[Path], stdout: _InOrder | None) -> bool:
    """Run the batch, telling the console, the report and standard output about each file as it
    completes; True when Ctrl-C stopped it (the workers are stopped, the report keeps what was done)."""
    with closing(run(inputs, out_dir, options)) as results:
        try:
            for result in results:  # the record first: an output on disk is always in the report
                tally.add(result)
                if report is not None:
                    report.add(result)
                if result.output is not None:
                    outputs.append(result.output)
                if stdout is not None:
                    stdout.add(result)
                console.file_done(result)
        except KeyboardInterrupt:
            return True
    return False


class _InOrder:
    """JSON on standard output in the order of the inputs, whatever order they complete in."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.next = 0
        self.held: dict[int, str | None] = {}

    def add(self, result: FileResult) -> None:
        if result.index is None:
            return
        self.held[result.index] = result.text
        while self.next in self.held:
            text = self.held.pop(self.next)
            if text is not None:
                write_text(self.out, text)
            self.next += 1


class _Report:
    """``--report FILE.jsonl``: one JSON line per input, written to a temporary file renamed at the end."""

    def __init__(self, path: Path, handle: BinaryIO) -> None:
        self.path = path
        self.handle = handle

    def add(self, result: FileResult) -> None:
        try:
            self.handle.write((json.dumps(result.report(), ensure_ascii=False) + "\n").encode("utf-8"))
        except OSError as exc:
            raise OutputError(f"the report {printable(self.path, None)}", reason_of(exc)) from None


@contextmanager
def _report(path: Path) -> Iterator[_Report]:
    try:
        with atomic_output(path) as handle:
            yield _Report(path, handle)
    except OSError as exc:  # the report cannot be created or renamed into place
        raise OutputError(f"the report {printable(path, None)}", reason_of(exc)) from None


@contextmanager
def _logging_to(console: Console) -> Iterator[None]:
    """Library log records (re-emitted by the batch with the file's name) go to the console."""
    handler = ConsoleLogHandler(console)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)


def _read_stdin(stdin: BinaryIO, limits: Limits, err: TextIO) -> bytes | None:
    """Standard input's bytes, at most one more than the input budget (the worker then refuses it)."""
    try:
        return stdin.read(limits.max_input_bytes + 1)
    except (OSError, ValueError) as exc:
        err.write(f"kehoach: error: <stdin>: cannot read standard input ({reason_of(exc)})\n")
        return None


def _export(outputs: list[Path], out_dir: Path, formats: tuple[str, ...], console: Console) -> bool:
    from ..export import export, load_plans

    plans, problems = load_plans(outputs, root=out_dir)
    for problem in problems:
        console.error(problem)
    try:
        written = export(plans, formats, out_dir)
    except OSError as exc:
        console.error(f"{out_dir}: cannot write the exports ({reason_of(exc)})")
        return False
    if console.verbose:
        for path in written:
            console.line(f"kehoach: exported {len(plans)} plan(s) to {path}")
    return not problems
