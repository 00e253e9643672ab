"""What ``kehoach parse`` tells a person on stderr while a batch runs.

On a terminal: a progress bar (tqdm: files done/total, failures, rate, time left). Always: one line
per failed file, one per plan warning (not with ``-q``), the closing summary line (not with ``-q``).
With ``-v``: one line per file, the traceback of internal errors, and the libraries' log records
(routed through ``logging``, each naming the file it came from).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TextIO

from tqdm import tqdm

from ..batch import FileResult

PREFIX = "kehoach"


class _Bar(tqdm):
    """tqdm without its monitor thread (it tunes ``miniters``, which these bars do not use): a thread
    left running would keep the PDF reader of a later file in this process from forking."""

    monitor_interval = 0


@dataclass
class Tally:
    """Counts for the summary line."""

    converted: int = 0
    failed: int = 0
    timed_out: int = 0
    with_warnings: int = 0
    skipped: int = 0
    renamed: int = 0
    statuses: dict[str, int] = field(default_factory=dict)

    def add(self, result: FileResult) -> None:
        self.statuses[result.status] = self.statuses.get(result.status, 0) + 1
        if result.status == "ok":
            self.converted += 1
            self.with_warnings += bool(result.warnings)
        elif result.status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1
            self.timed_out += result.status == "timeout"
        self.renamed += result.renamed and result.output is not None

    def summary(self, seconds: float, *, ignored: int = 0) -> str:
        """ "53 converted, 6 failed (1 timed out), 4 with warnings, 2 skipped in 40.1 s; …" """
        failed = f"{self.failed} failed" + (f" ({self.timed_out} timed out)" if self.timed_out else "")
        parts = [f"{self.converted} converted", failed, f"{self.with_warnings} with warnings",
                 f"{self.skipped} skipped"]
        text = ", ".join(parts) + f" in {seconds:.1f} s"
        if self.renamed:
            text += f"; {self.renamed} output(s) named <stem>.<ext>.json because inputs share a stem"
        if ignored:
            text += f"; {ignored} file(s) under the folders are not plans and were left out"
        return text


class Console:
    """Messages and the progress bar on one stream (stderr)."""

    def __init__(self, stream: TextIO, *, total: int, quiet: bool = False, verbose: bool = False,
                 progress: bool | None = None) -> None:
        self.stream = stream
        self.quiet = quiet
        self.verbose = verbose
        show = (not quiet and _is_terminal(stream)) if progress is None else progress
        self.bar: tqdm | None = (_Bar(total=total, file=stream, unit="file", dynamic_ncols=True, leave=True,
                                      mininterval=0.2, smoothing=0.1) if show else None)
        self.failed = 0

    def line(self, text: str) -> None:
        """One message line, printed above the progress bar."""
        if self.bar is not None:
            self.bar.write(text, file=self.stream)
        else:
            self.stream.write(text + "\n")
            self.stream.flush()

    def error(self, message: str, details: str | None = None) -> None:
        self.line(f"{PREFIX}: error: {message}")
        if details and self.verbose:
            self.line(details.rstrip("\n"))

    def file_done(self, result: FileResult) -> None:
        """Report one file: its error, its warnings, and with -v its status line; advance the bar."""
        if result.error:
            self.error(result.error, result.details)
        if not self.quiet:
            for code, message in result.warnings:
                self.line(f"{PREFIX}: warning: {result.input}: {code}: {message}")
        if self.verbose:
            target = f" -> {result.report()['output']}" if result.output is not None else ""
            self.line(f"{PREFIX}: {result.status}: {result.input}{target} ({result.seconds:.2f} s)")
        if result.status in ("failed", "timeout"):
            self.failed += 1
        if self.bar is not None:
            if self.failed:
                self.bar.set_postfix_str(f"{self.failed} failed", refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class ConsoleLogHandler(logging.Handler):
    """Library log records as console lines naming their file (``-v`` only)."""

    def __init__(self, console: Console) -> None:
        super().__init__(logging.DEBUG if console.verbose else logging.CRITICAL + 1)
        self.console = console

    def emit(self, record: logging.LogRecord) -> None:
        where = getattr(record, "file", None)
        origin = f"{where}: " if where else ""
        self.console.line(f"{PREFIX}: log: {origin}{record.name}: {record.levelname.lower()}: {record.getMessage()}")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
