"""One file's conversion, as a worker process runs it: a pure function of the input bytes whose
result (:class:`Outcome`) is picklable, so that any engine (this package's process pool, Dask …) can
run it. It never raises: every failure is an outcome with a one-line message naming the file."""
from __future__ import annotations

import hashlib
import logging
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..api import _label as printable
from ..api import guarded, parse, read_input
from ..errors import InternalError, KehoachError, ParseTimeoutError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Plan
from ..readers.options import OcrMode

Status = Literal["ok", "failed", "timeout"]
MAX_LOG_RECORDS = 50  # log records kept per file (pdfminer can log thousands on a damaged file)


@dataclass(frozen=True)
class LogEntry:
    """A library's log record or Python warning, captured while one file was parsed."""

    level: int
    logger: str
    message: str


@dataclass(frozen=True)
class Outcome:
    """What converting one file gave: the plan's JSON (validated) or the error, and what was noticed."""

    status: Status
    text: str | None = field(default=None, repr=False)  # the plan's JSON, read back into Plan before
    sha256: str | None = None
    warnings: tuple[tuple[str, str], ...] = ()  # the plan's warnings: (code, message)
    error: str | None = None  # one line naming the file
    details: str | None = field(default=None, repr=False)  # an internal error's traceback (shown with -v)
    logs: tuple[LogEntry, ...] = ()
    seconds: float = 0.0


def parse_one(source: str | bytes, *, name: str | None = None, format: str | None = None,
              limits: Limits = DEFAULT_LIMITS, ocr: OcrMode = "auto", indent: int | None = 2) -> Outcome:
    """Parse one plan (a path or the file's bytes) into its validated JSON; never raises.

    Library log records (pdfminer, PDFium, underthesea) and Python warnings raised meanwhile are
    kept in ``logs`` instead of being printed without the file's name.
    """
    started = time.perf_counter()
    label = printable(source, name)
    read: list[bytes] = []

    def work() -> Outcome:
        data = read_input(source if isinstance(source, bytes) else Path(source), limits, label=label)
        read.append(data)
        plan = parse(data, name=label, format=format, limits=limits, ocr=ocr)
        text = plan.model_dump_json(indent=indent)
        _read_back(label, text)
        return Outcome("ok", text + "\n", plan.source.sha256, tuple((w.code, w.message) for w in plan.warnings))

    with _captured_logs() as logs:
        try:
            outcome = guarded(label, work)  # the library's one error boundary, around all of it
        except KehoachError as error:
            outcome = Outcome("timeout" if isinstance(error, ParseTimeoutError) else "failed",
                              sha256=hashlib.sha256(read[0]).hexdigest() if read else None,
                              error=str(error), details=getattr(error, "details", None))
    return Outcome(outcome.status, outcome.text, outcome.sha256, outcome.warnings, outcome.error, outcome.details,
                   tuple(logs), time.perf_counter() - started)


def _read_back(label: str, text: str) -> None:
    """The JSON must read back into a Plan before anyone writes it (issue 7: always valid output)."""
    try:
        Plan.model_validate_json(text)
    except ValueError as exc:
        raise InternalError(label, ValueError(f"the plan's JSON does not read back: {exc}")) from None


class _ListHandler(logging.Handler):
    def __init__(self, sink: list[LogEntry]) -> None:
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.sink) < MAX_LOG_RECORDS:
            self.sink.append(LogEntry(record.levelno, record.name, record.getMessage()))


@contextmanager
def _captured_logs() -> Iterator[list[LogEntry]]:
    """Collect WARNING and above from every logger, and Python warnings, while the block runs."""
    sink: list[LogEntry] = []
    handler = _ListHandler(sink)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield sink
        for item in caught[: max(0, MAX_LOG_RECORDS - len(sink))]:
            sink.append(LogEntry(logging.WARNING, "py.warnings",
                                 f"{item.category.__name__}: {item.message}"))
    finally:
        root.removeHandler(handler)
