"""Functions the worker-pool tests run in worker processes (importable there: tests/ is on sys.path)."""
from __future__ import annotations

import os
import signal
import time


def echo(value: int) -> tuple[int, int]:
    return value, os.getpid()


def sleep_in_c(seconds: float) -> None:
    """A hang inside C code with SIGTERM blocked: no Python-level check or handler can stop it."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    time.sleep(seconds)


def sleep(seconds: float) -> None:
    time.sleep(seconds)


def abort() -> None:
    os.abort()


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))
