"""Batch conversion: many plans, every core, nothing lost.

>>> from kehoach_parser.batch import convert
>>> for result in convert(["incoming/"], "out/", jobs=4):      # doctest: +SKIP
...     print(result.status, result.input, result.output)

Inputs are discovered by :func:`~kehoach_parser.batch.inputs.discover` (folders recursively, outputs
that never clash); each file is parsed in a worker process (:mod:`~kehoach_parser.batch.pool`) by
:func:`~kehoach_parser.batch.worker.parse_one`; the parent process writes every output atomically,
after the worker has read it back into a ``Plan``. One result per file is yielded as it completes.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from ..api import _label as printable
from ..errors import KehoachError, ParseTimeoutError
from ..limits import DEFAULT_LIMITS, Limits
from ..readers.options import OcrMode
from .files import file_sha256, write_atomic
from .inputs import InputFile, Inputs, discover
from .pool import WorkerPool, worker_failure
from .worker import LogEntry, Outcome, parse_one

__all__ = ["BatchOptions", "FileResult", "Inputs", "Outcome", "convert", "discover", "parse_one", "run"]

Status = Literal["ok", "failed", "timeout", "skipped"]
RECYCLE_AFTER = 50  # files a worker process converts before it is replaced
LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs. ``jobs`` None: one worker per core."""

    jobs: int | None = None
    limits: Limits = DEFAULT_LIMITS
    ocr: OcrMode = "auto"
    format: str | None = None
    skip_existing: bool = False  # an output that records the input's sha256 is kept, not parsed again
    strict: bool = False  # a plan with warnings is a failure (and is not written)
    indent: int | None = 2  # of the written JSON (None: one line)
    recycle_after: int = RECYCLE_AFTER


@dataclass(frozen=True)
class FileResult:
    """What happened to one input."""

    input: str  # the input as given, printable
    status: Status
    output: Path | None = None  # the output written (or kept, when skipped)
    error: str | None = None  # one line naming the file
    warnings: tuple[tuple[str, str], ...] = ()  # (code, message) of the plan's warnings
    sha256: str | None = None
    seconds: float = 0.0
    details: str | None = field(default=None, repr=False)  # an internal error's traceback
    text: str | None = field(default=None, repr=False)  # the plan's JSON when there is no output folder
    renamed: bool = False  # the output is named <stem>.<ext>.json
    index: int | None = None  # the input's place in Inputs.files (None: a path that does not exist)

    def report(self) -> dict[str, Any]:
        """The ``--report`` line of this input."""
        return {"path": self.input, "output": None if self.output is None else _printable_path(self.output),
                "status": self.status, "error": self.error, "warnings": [code for code, _ in self.warnings],
                "sha256": self.sha256, "seconds": round(self.seconds, 3)}


def convert(paths: Iterable[str | os.PathLike[str]], out_dir: str | os.PathLike[str] | None, *,
            jobs: int | None = None, limits: Limits | None = None, ocr: OcrMode = "auto",
            format: str | None = None, globs: tuple[str, ...] = (), skip_existing: bool = False,
            strict: bool = False, indent: int | None = 2) -> Generator[FileResult, None, None]:
    """Convert the plans under ``paths`` (files and folders) into ``out_dir`` (mirrored tree, one
    ``.json`` per input), ``jobs`` files at a time; yield one :class:`FileResult` per input as it
    completes. With ``out_dir`` None nothing is written and each result carries its JSON (``text``)."""
    target = None if out_dir is None else Path(out_dir)
    inputs = discover(paths, globs=globs, exclude=target)
    options = BatchOptions(jobs=jobs, limits=limits or DEFAULT_LIMITS, ocr=ocr, format=format,
                           skip_existing=skip_existing, strict=strict, indent=indent)
    return run(inputs, target, options)


def run(inputs: Inputs, out_dir: Path | None, options: BatchOptions) -> Generator[FileResult, None, None]:
    """Convert ``inputs`` (from :func:`discover`); see :func:`convert`. Closing the iterator early,
    or Ctrl-C while it runs, stops the workers; no partial file is ever left."""
    for label, problem in inputs.missing:
        yield FileResult(label, "failed", error=_message(label, problem))
    # largest first: the slowest files start early and the last minutes keep every core busy
    queue = deque(inputs.files if out_dir is None else sorted(inputs.files, key=lambda f: -f.size))
    jobs = max(1, min(options.jobs or available_cores(), len(queue) or 1))
    runner = _Runner(jobs, options)
    finished = False
    try:
        while queue or runner.running:
            while queue and len(runner.running) < 2 * jobs:  # a few files handed out ahead of the results
                item = queue.popleft()
                kept = _kept_output(item, out_dir) if options.skip_existing and out_dir is not None else None
                if kept is not None:
                    yield kept
                else:
                    runner.submit(item)
            for item, outcome in runner.collect():
                if outcome is None:  # its worker pool broke under it: once more in a fresh pool
                    queue.appendleft(item)
                else:
                    yield _finish(item, outcome, out_dir, options)
        finished = True
    finally:
        runner.close(finished)


class _Runner:
    """The files in flight and the pool they run in; a pool that breaks (its workers cannot start, or
    one died between files) is replaced, and the files it held are run once more in the new one."""

    def __init__(self, jobs: int, options: BatchOptions) -> None:
        self.jobs = jobs
        self.options = options
        self.pool: WorkerPool | None = None
        self.running: dict[Future[Outcome], InputFile] = {}
        self.retried: set[int] = set()

    def submit(self, item: InputFile) -> None:
        if self.pool is None:
            self.pool = WorkerPool(self.jobs, memory_bytes=self.options.limits.max_memory_bytes,
                                   recycle_after=self.options.recycle_after)
        source: str | bytes = item.data if item.path is None else os.fspath(item.path)  # type: ignore[assignment]
        try:
            future = self.pool.submit(parse_one, source, seconds=self.options.limits.seconds, name=item.label,
                                      format=self.options.format, limits=self.options.limits,
                                      ocr=self.options.ocr, indent=self.options.indent)
        except RuntimeError as exc:  # pebble: the pool is broken
            future = Future()
            future.set_exception(BrokenProcessPool(str(exc)))
        self.running[future] = item

    def collect(self) -> Iterator[tuple[InputFile, Outcome | None]]:
        """Wait for at least one file; (file, outcome), or (file, None) for a file to submit again."""
        done, _ = wait(self.running, return_when=FIRST_COMPLETED)
        failures = {future: future.exception() for future in done}
        broken = any(isinstance(exc, BrokenProcessPool) for exc in failures.values())
        # a broken pool finishes nothing more: every file it held is run again, once, in a new pool
        for future in list(self.running) if broken else list(done):
            item = self.running.pop(future)
            exc = failures.get(future)  # None: finished, or still held by the broken pool
            if future in done and not isinstance(exc, BrokenProcessPool):
                yield item, future.result() if exc is None else self._failure(item, exc)
            elif item.index not in self.retried:
                self.retried.add(item.index)
                yield item, None
            else:
                yield item, self._failure(item, exc or BrokenProcessPool("the worker pool broke twice"))
        if broken:
            self.close(False)

    def _failure(self, item: InputFile, exc: BaseException) -> Outcome:
        timed_out, problem = worker_failure(exc)
        if timed_out:
            seconds = self.options.limits.seconds
            error = str(ParseTimeoutError(item.label, f"parsing took longer than {seconds:g} s", "seconds"))
            return Outcome("timeout", sha256=_input_sha256(item), error=error, seconds=seconds)
        return Outcome("failed", sha256=_input_sha256(item), error=_message(item.label, problem))

    def close(self, finished: bool) -> None:
        if self.pool is not None:
            self.pool.close() if finished else self.pool.stop()
            self.pool = None


def _finish(item: InputFile, outcome: Outcome, out_dir: Path | None, options: BatchOptions) -> FileResult:
    _relog(item.label, outcome.logs)
    result = FileResult(item.label, outcome.status, error=outcome.error, warnings=outcome.warnings,
                        sha256=outcome.sha256, seconds=outcome.seconds, details=outcome.details,
                        renamed=item.renamed, index=item.index)
    if outcome.status != "ok" or outcome.text is None:
        return result
    if options.strict and outcome.warnings:
        codes = ", ".join(sorted({code for code, _ in outcome.warnings}))
        return replace(result, status="failed", error=_message(item.label, f"warnings with --strict ({codes})"))
    if out_dir is None:
        return replace(result, text=outcome.text)
    target = out_dir / item.output
    try:
        write_atomic(target, outcome.text)
    except OSError as exc:
        problem = f"cannot write {_printable_path(target)} ({exc.strerror or exc})"
        return replace(result, status="failed", error=_message(item.label, problem))
    return replace(result, output=target)


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on macOS or Windows
        return os.cpu_count() or 1


def _kept_output(item: InputFile, out_dir: Path) -> FileResult | None:
    """A "skipped" result when the output exists and records this input's sha256."""
    target = out_dir / item.output
    try:
        recorded = json.loads(target.read_bytes())["source"]["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    sha256 = _input_sha256(item)
    if sha256 is None or recorded != sha256:
        return None
    return FileResult(item.label, "skipped", output=target, sha256=sha256, renamed=item.renamed, index=item.index)


def _input_sha256(item: InputFile) -> str | None:
    """The input's sha256; None for what cannot be hashed without risk (a FIFO, a missing file)."""
    if item.path is None:
        return hashlib.sha256(item.data or b"").hexdigest()
    try:
        if not stat.S_ISREG(item.path.stat().st_mode):
            return None
        return file_sha256(item.path)
    except OSError:
        return None


def _relog(label: str, logs: tuple[LogEntry, ...]) -> None:
    """Hand the worker's captured records to this process's logging, with the file's name in them."""
    for entry in logs:
        record = logging.makeLogRecord({"name": entry.logger, "levelno": entry.level,
                                        "levelname": logging.getLevelName(entry.level), "msg": entry.message,
                                        "file": label})
        logging.getLogger(entry.logger).handle(record)


def _message(label: str, problem: str) -> str:
    """One line, at most ~220 characters, naming the file (the library's own message format)."""
    return str(KehoachError(label, problem))


def _printable_path(path: Path) -> str:
    return printable(path, None)
