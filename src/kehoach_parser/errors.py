"""The errors ``parse`` raises: one family, each message one line naming the file and the problem."""
from __future__ import annotations

import traceback

MAX_MESSAGE = 220  # characters of a whole message; a longer problem (a raw PDF dictionary …) is cut
MAX_SOURCE = 80  # characters of the file name in a message; a longer path keeps its end


def one_line(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text`` on one line, at most ``limit`` characters (an ellipsis marks a cut)."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class KehoachError(Exception):
    """Base of every error the library raises on bad input."""

    def __init__(self, source: str, problem: str) -> None:
        source = " ".join(str(source).split())
        if len(source) > MAX_SOURCE:
            source = "…" + source[-(MAX_SOURCE - 1):]
        problem = one_line(problem, MAX_MESSAGE - len(source) - 2)
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class UnreadableInputError(KehoachError):
    """The bytes cannot be read as a document (unknown encoding, binary, empty, corrupt)."""


class UnsupportedFormatError(KehoachError):
    """The file is of a format this version has no reader for."""


class CorruptInputError(UnreadableInputError):
    """The file is of a known format but damaged or truncated (a broken ZIP, a PDF without its end)."""


class EncryptedInputError(UnreadableInputError):
    """The file is password-protected and cannot be opened without the password."""


class OcrUnavailableError(UnreadableInputError):
    """A scanned page needs OCR but Tesseract (or its Vietnamese data) is not installed."""


class InputTooLargeError(KehoachError):
    """The input passes one of the budgets of :class:`~kehoach_parser.limits.Limits`.

    ``budget`` is the budget's name (``"pdf_max_pages"``); the message says how to raise it.
    """

    def __init__(self, source: str, problem: str, budget: str) -> None:
        from .limits import budget_hint

        super().__init__(source, f"{one_line(problem, 90)} ({budget_hint(budget)})")
        self.budget = budget


class ParseTimeoutError(InputTooLargeError):
    """Parsing the file took longer than its wall-clock budget (``Limits.seconds``)."""


class InternalError(KehoachError):
    """A bug in kehoach-parser, not a problem of the input. ``details`` keeps the traceback (``-v``)."""

    def __init__(self, source: str, exc: BaseException) -> None:
        super().__init__(source, f"internal error ({type(exc).__name__}: {exc}); please report it with the file")
        self.details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
