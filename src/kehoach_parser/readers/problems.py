"""What a reader raises when the bytes cannot be read; ``read_layout`` turns these into the
library's :class:`~kehoach_parser.errors.KehoachError` family, adding the file name."""
from __future__ import annotations


class ReadProblem(ValueError):
    """The bytes are not a readable document of the format (message: the problem)."""


class CorruptProblem(ReadProblem):
    """Damaged or truncated file of a known format."""


class EncryptedProblem(ReadProblem):
    """Password-protected file."""


class OcrProblem(ReadProblem):
    """OCR is needed but the OCR engine or its language data is missing."""
