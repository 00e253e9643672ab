"""Worker processes that keep one file's trouble to that file.

Each file runs in a worker process of a pebble ``ProcessPool``: a file that passes its wall-clock
budget has its worker killed (also when it hangs inside C code, where no Python-level check can
run); a worker that crashes or runs out of memory fails only its own file; workers are replaced
after ``recycle_after`` files so that memory stays flat over any number of files. Workers start from
a fork server that has imported the parser once, so a new worker costs a fork, not an import.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.forkserver
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from types import FrameType
from typing import Any

from pebble import ProcessExpired, ProcessPool

from ..limits import budget_hint

# imported once by the fork server, so that every worker starts with the parser loaded (the PDF and
# Word readers are imported by a worker on its first such file: a lighter server starts sooner)
PRELOAD = ["kehoach_parser.batch.worker"]
# how a process dies when memory runs out: the kernel's OOM killer, or a C library whose allocation
# failed under the address-space cap
CRASH_SIGNALS = frozenset(int(getattr(signal, name)) for name in ("SIGKILL", "SIGSEGV", "SIGABRT", "SIGBUS")
                          if hasattr(signal, name))
# prctl(2) option: the signal a process gets when its parent ends
PR_SET_PDEATHSIG = 1
# seconds a worker gets past the file's budget to report the timeout itself before it is killed
KILL_GRACE = 0.5


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        _start_fork_server_quietly()
        return context
    return multiprocessing.get_context("spawn")


def _start_fork_server_quietly() -> None:
    """Start the fork server (and multiprocessing's resource tracker) with stdout and stderr on the null
    device, so that nothing any worker prints before its initializer runs (a traceback of a worker
    started while the pool shuts down, say) reaches the user's terminal or the JSON on stdout."""
    with contextlib.ExitStack() as stack:
        null = os.open(os.devnull, os.O_WRONLY)
        stack.callback(os.close, null)
        for stream, fd in ((sys.stdout, 1), (sys.stderr, 2)):
            with contextlib.suppress(AttributeError, ValueError, OSError):
                stream.flush()
            saved = os.dup(fd)
            stack.callback(os.close, saved)
            stack.callback(os.dup2, saved, fd)
            os.dup2(null, fd)
        multiprocessing.forkserver.ensure_running()


def _start_worker(memory_bytes: int | None) -> None:
    """Worker initializer: standard streams on the null device (a library that prints cannot corrupt
    the JSON on stdout nor put a traceback on the user's terminal; what libraries say goes through
    ``logging`` instead), its own process group (so that killing it also kills what it started, such
    as Tesseract) and an address-space cap (``Limits.max_memory_bytes``)."""
    try:
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)
    except OSError:
        pass
    if hasattr(os, "setpgrp"):
        try:
            os.setpgrp()
            signal.signal(signal.SIGTERM, _kill_group)
        except OSError:
            pass
    _die_with_parent()
    if memory_bytes:
        try:
            import resource

            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            soft = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        except (ImportError, OSError, ValueError):  # no resource module (Windows) or no permission
            pass


def _die_with_parent() -> None:
    """Linux: the worker is killed when the fork server (its parent) ends, which it does when the
    command ends, even by SIGKILL: no worker outlives its batch (nor runs a hung file for ever).

    The fork server ends when the write end of its "alive" pipe closes in every process; each child
    inherits a copy it does not need (it starts no processes through the fork server), closed here."""
    if not sys.platform.startswith("linux"):
        return
    server = getattr(multiprocessing.forkserver, "_forkserver", None)
    alive = getattr(server, "_forkserver_alive_fd", None)
    if isinstance(alive, int):
        with contextlib.suppress(OSError):
            os.close(alive)
        server._forkserver_alive_fd = None  # type: ignore[union-attr]
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL))
    except (OSError, AttributeError):
        pass


def _kill_group(signum: int, frame: FrameType | None) -> None:
    os.killpg(os.getpgrp(), signal.SIGKILL)


class WorkerPool:
    """``jobs`` worker processes with a memory cap each, replaced after ``recycle_after`` files."""

    def __init__(self, jobs: int, *, memory_bytes: int | None, recycle_after: int) -> None:
        self._pool = ProcessPool(max_workers=jobs, max_tasks=recycle_after, initializer=_start_worker,
                                 initargs=(memory_bytes,), context=_context())

    def submit(self, function: Callable[..., Any], *args: Any, seconds: float | None, **kwargs: Any) -> Future[Any]:
        """Run ``function(*args, **kwargs)`` in a worker, killed ``seconds`` (+ a grace) after it starts."""
        timeout = None if seconds is None else seconds + KILL_GRACE
        return self._pool.schedule(function, args=args, kwargs=kwargs, timeout=timeout)

    def close(self) -> None:
        """Wait for the running files, then end the workers."""
        self._pool.close()
        self._pool.join()

    def stop(self) -> None:
        """End the workers now (Ctrl-C): running files are abandoned."""
        self._pool.stop()
        self._pool.join()


def worker_failure(exc: BaseException) -> tuple[bool, str]:
    """(timed out?, what happened) for an exception a pool future raised instead of a result."""
    if isinstance(exc, FutureTimeout):
        return True, "timeout"
    if isinstance(exc, ProcessExpired):
        code = exc.exitcode
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            hint = f" (perhaps out of memory: {budget_hint('max_memory_bytes')})" if -code in CRASH_SIGNALS else ""
            return False, f"the worker process was killed by {name}{hint}"
        # 1: an exception escaped the worker's own loop, which under the cap means memory ran out
        hint = f" (perhaps out of memory: {budget_hint('max_memory_bytes')})" if code == 1 else ""
        return False, f"the worker process exited with code {code}{hint}"
    if isinstance(exc, BrokenProcessPool):
        hint = budget_hint("max_memory_bytes")
        return False, f"the worker processes stopped unexpectedly (perhaps out of memory: {hint})"
    return False, f"the worker pool failed ({type(exc).__name__}: {exc})"
