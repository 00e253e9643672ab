"""The errors ``parse`` raises: one family, each message naming the file and the problem."""
from __future__ import annotations


class KehoachError(Exception):
    """Base of every error the library raises on bad input."""

    def __init__(self, source: str, problem: str) -> None:
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
