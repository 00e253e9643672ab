"""The library entry points: ``parse(path_or_bytes) -> Plan`` and ``parse_document`` (the plan with its layout).

This is the one error boundary of the library: whatever goes wrong inside, the caller gets a
:class:`~kehoach_parser.errors.KehoachError` whose message is one line naming the file — an input
problem as its own subclass, a budget passed as :class:`InputTooLargeError`, a bug of ours as
:class:`InternalError` (with the traceback kept in ``details``).
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .errors import InputTooLargeError, InternalError, KehoachError, ParseTimeoutError, UnreadableInputError
from .formats import FORMATS
from .layout import Layout
from .limits import DEFAULT_LIMITS, BudgetExceeded, Deadline, Limits
from .model import Plan, Source
from .pipeline import ParsedDocument, analyse
from .readers import read_layout, sniff
from .readers.options import OCR_MODES, OcrMode, ReadOptions

__all__ = ["ParsedDocument", "parse", "parse_document", "read_input"]

Source_ = str | os.PathLike[str] | bytes
CHUNK = 1024 * 1024
T = TypeVar("T")


def parse(source: Source_, *, format: str | None = None, name: str | None = None, limits: Limits | None = None,
          ocr: OcrMode = "auto", workers: int = 1) -> Plan:
    """Parse one plan (a path, or the file's bytes) into a validated :class:`Plan`.

    ``format`` ("txt", "md", "docx", "pdf") overrides sniffing; ``name`` labels bytes in messages and
    in ``source.file``; ``limits`` sets the budgets (:class:`~kehoach_parser.limits.Limits`); ``ocr``
    is "auto" (pages without a usable text layer), "force" (every PDF page) or "never";
    ``workers`` > 1 reads a long PDF's pages in that many processes (forked, on Linux, when the
    caller has no other thread; the plan is the same).
    Raises :class:`~kehoach_parser.errors.KehoachError` (and only that) on any failure.
    """
    return parse_document(source, format=format, name=name, limits=limits, ocr=ocr, workers=workers).plan


def parse_document(source: Source_, *, format: str | None = None, name: str | None = None,
                   limits: Limits | None = None, ocr: OcrMode = "auto", workers: int = 1) -> ParsedDocument:
    """Like :func:`parse`, but also return what the plan was built from: the reader's layout (lines
    and table rows with their page/line), the segments and the data tables (``.plan`` is the Plan
    :func:`parse` returns). For tools that need more than the plan, such as ``kehoach check``."""
    limits = limits or DEFAULT_LIMITS
    label = _label(source, name)
    if ocr not in OCR_MODES:
        raise KehoachError(label, f"unknown OCR mode {ocr!r} (expected {', '.join(OCR_MODES)})")
    deadline = Deadline(limits.seconds)

    def work() -> ParsedDocument:
        data = read_input(source, limits, label=label)
        options = ReadOptions(limits=limits, ocr=ocr, deadline=deadline, workers=workers)
        layout = read_layout(data, name=label, fmt=format, options=options)
        deadline.check()
        return analyse(layout, _source(data, label, layout), limits=limits, deadline=deadline)

    return guarded(label, work)


def guarded(label: str, work: Callable[[], T]) -> T:
    """Run ``work``; turn every failure into a one-line :class:`KehoachError` about ``label``."""
    try:
        return work()
    except KehoachError:
        raise
    except BudgetExceeded as exc:
        kind = ParseTimeoutError if exc.budget == "seconds" else InputTooLargeError
        raise kind(label, exc.problem, exc.budget) from None
    except MemoryError:
        raise InputTooLargeError(label, "the input needs more memory than this machine gives",
                                 "max_memory_bytes") from None
    except RecursionError as exc:
        raise InternalError(label, exc) from None
    except Exception as exc:
        raise InternalError(label, exc) from exc


def read_input(source: Source_, limits: Limits = DEFAULT_LIMITS, *, label: str | None = None) -> bytes:
    """The input's bytes, read in bounded chunks: a file past ``limits.max_input_bytes`` is refused
    before it is read, and anything that is not a regular file (a FIFO, a device) is refused unread."""
    label = label or _label(source, None)
    budget = limits.max_input_bytes
    if isinstance(source, (bytes, bytearray, memoryview)):
        if len(source) > budget:
            raise InputTooLargeError(label, f"the input is {len(source):,} bytes, more than {budget:,}",
                                     "max_input_bytes")
        return bytes(source)
    path = Path(source)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableInputError(label, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableInputError(label, "is not a regular file (a pipe, socket or device); save it as a file")
        if info.st_size > budget:
            raise InputTooLargeError(label, f"the file is {info.st_size:,} bytes, more than {budget:,}",
                                     "max_input_bytes")
        chunks: list[bytes] = []
        total = 0
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                total += len(chunk)
                if total > budget:  # the file grew while it was read
                    raise InputTooLargeError(label, f"the file is more than {budget:,} bytes", "max_input_bytes")
                chunks.append(chunk)
        return b"".join(chunks)
    except FileNotFoundError:
        raise UnreadableInputError(label, "no such file") from None
    except IsADirectoryError:
        raise UnreadableInputError(label, "is a directory, not a file") from None
    except PermissionError:
        raise UnreadableInputError(label, "permission denied") from None
    except OSError as exc:
        raise UnreadableInputError(label, exc.strerror or str(exc)) from None


def _label(source: Source_, name: str | None) -> str:
    """How messages name the input: ``name``, the path as given, or "<bytes>"; always printable
    (a file name with bytes that are not UTF-8 shows them as "?")."""
    if name:
        text = name
    elif isinstance(source, (bytes, bytearray, memoryview)):
        text = "<bytes>"
    else:
        text = os.fspath(source)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace").replace("\ufffd", "?")


def _source(data: bytes, label: str, layout: Layout) -> Source:
    fmt = layout.format if layout.format in FORMATS else sniff(data, label)
    return Source(file=Path(label).name, format=fmt,  # type: ignore[arg-type]  # one of FORMATS
                  sha256=hashlib.sha256(data).hexdigest(), pages=layout.pages)
