"""Exit statuses, and writing what a command outputs without tracebacks."""
from __future__ import annotations

from typing import TextIO

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
STDOUT = "standard output"


class OutputError(Exception):
    """What the command writes cannot be written (a closed pipe, a full disk): it stops, exit 1."""

    def __init__(self, what: str, reason: str) -> None:
        super().__init__(f"cannot write to {what} ({reason})")
        self.what = what


def reason_of(exc: BaseException) -> str:
    """ "No space left on device", "the reading end of the pipe was closed" …"""
    if isinstance(exc, BrokenPipeError):
        return "the reading end of the pipe was closed"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return "it is closed"


def write_text(stream: TextIO, text: str, what: str = STDOUT) -> None:
    """Write and flush ``text``; any failure -> :class:`OutputError` naming ``what``."""
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError, AttributeError) as exc:  # ValueError: a closed stream; None: no stream at all
        raise OutputError(what, reason_of(exc)) from None
