"""A PDF's pages read by several processes: the pages are cut into consecutive runs; the calling
process reads the first run while forked children read the others and hand back what they read.

A child only speeds things up, it never decides anything: whatever stops it (an exception, a budget,
a crash, a kill), the pages it did not hand back are read by the caller, which then meets the same
problem itself and reports it as it would reading alone. A child that outlives the file's deadline
is killed. Forking is used only where it is safe: on Linux, from a process with a single thread
(a library caller's threads, a worker pool's, are never forked); anywhere else the pages are read in
this process, one after the other.
"""
from __future__ import annotations

import gc
import os
import pickle
import select
import signal
import sys
import threading
from collections.abc import Generator, Iterator
from contextlib import suppress

from ..limits import Deadline, Limits
from .geometry import Word
from .pdfium import Document, PageContent
from .rules import Rule

MIN_RUN = 8  # pages: a shorter run is not worth a process (forking and handing back cost ~10 ms)
CHUNK = 1 << 20  # bytes read from a child's pipe at a time
WAIT = 60.0  # seconds: the longest wait for a child at a time (select() refuses a far-off deadline)

_Packed = tuple[int, float, float, list[tuple[str, float, float, float, float, float, bool]],
                list[tuple[bool, float, float, float]], list[tuple[float, float, float, float]], int, int]


def available_cores() -> int:
    """The processor cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """Whether forking this process is safe: Linux, and no other thread that a child would copy
    in the middle of its work."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def runs(count: int, workers: int) -> list[range]:
    """``count`` pages cut into at most ``workers`` consecutive runs of at least MIN_RUN pages each."""
    workers = max(1, min(workers, count // MIN_RUN))
    size, extra = divmod(count, workers)
    out, start = [], 0
    for k in range(workers):
        end = start + size + (k < extra)
        out.append(range(start, end))
        start = end
    return out


def read_pages(document: Document, limits: Limits, deadline: Deadline,
               workers: int = 1) -> Generator[PageContent, None, None]:
    """Every page of ``document`` in order, read by up to ``workers`` processes, no more than the cores
    this process may use (see the module). Close the iterator when stopping early: that stops the children."""
    count = len(document)
    workers = min(workers, available_cores())
    parts = runs(count, workers) if workers > 1 and can_fork() else [range(count)]
    children: list[_Child] = []
    try:
        for part in parts[1:]:
            try:
                children.append(_Child.start(document, part, limits, deadline))
            except OSError:  # no process or pipe to be had (a process limit): this one reads those pages
                break
        yield from _read(document, parts[0], limits, deadline)
        for k, part in enumerate(parts[1:]):
            handed = children[k].collect(deadline) if k < len(children) else []
            yield from handed
            yield from _read(document, part[len(handed):], limits, deadline)
    finally:
        for child in children:
            child.stop()


def _read(document: Document, pages: range, limits: Limits, deadline: Deadline) -> Iterator[PageContent]:
    for index in pages:
        deadline.check()
        yield document.read_page(index, limits)


class _Child:
    """A forked process reading one run of pages, and the pipe it hands them back through."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid, self.pipe = pid, pipe
        self.done = False

    @classmethod
    def start(cls, document: Document, pages: range, limits: Limits, deadline: Deadline) -> _Child:
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            raise
        if pid == 0:  # the child: read, hand back, leave without running the parent's exit handlers
            status = 1
            try:
                os.close(read_end)
                gc.freeze()  # the collector leaves the parent's objects alone: no copying of their pages
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
                packed: list[_Packed] = []
                with suppress(BaseException):  # the parent reads the rest and meets the problem itself
                    for page in _read(document, pages, limits, deadline):
                        packed.append(_pack(page))
                with os.fdopen(write_end, "wb") as out:
                    out.write(pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL))
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        return cls(pid, read_end)

    def collect(self, deadline: Deadline) -> list[PageContent]:
        """The pages the child read (in order; fewer than asked, or none, when it stopped early)."""
        chunks: list[bytes] = []
        while True:
            remaining = deadline.remaining()
            if remaining <= 0:  # past the deadline: the caller's next check says so
                self.stop()
                return []
            ready, _, _ = select.select([self.pipe], [], [], min(remaining, WAIT))
            if not ready:
                continue
            chunk = os.read(self.pipe, CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
        self.stop()
        try:
            return [_unpack(page) for page in pickle.loads(b"".join(chunks))]
        except Exception:  # the child died while it wrote: its pages are read again
            return []

    def stop(self) -> None:
        """Kill the child if it still runs, reap it and close the pipe (once)."""
        if self.done:
            return
        self.done = True
        with suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with suppress(OSError):
            os.waitpid(self.pid, 0)
        os.close(self.pipe)


def _pack(page: PageContent) -> _Packed:
    """A page as plain tuples (pickled several times faster than the dataclasses)."""
    return (page.number, page.width, page.height,
            [(w.text, w.x0, w.x1, w.top, w.bottom, w.size, w.bold) for w in page.words],
            [(r.vertical, r.position, r.start, r.end) for r in page.rules],
            list(page.images), page.glyphs, page.unmapped)


def _unpack(packed: _Packed) -> PageContent:
    number, width, height, words, rules, images, glyphs, unmapped = packed
    return PageContent(number, width, height, [Word(*w) for w in words], [Rule(*r) for r in rules],
                       images, glyphs, unmapped)
