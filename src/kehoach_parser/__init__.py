"""kehoach-parser: Vietnamese administrative plans (văn bản KẾ HOẠCH) -> validated JSON.

>>> from kehoach_parser import parse
>>> plan = parse("ke-hoach.txt")          # doctest: +SKIP
>>> plan.document.title                   # doctest: +SKIP
"""
from __future__ import annotations

from .api import parse
from .errors import (
    CorruptInputError,
    EncryptedInputError,
    KehoachError,
    OcrUnavailableError,
    UnreadableInputError,
    UnsupportedFormatError,
)
from .model import Plan

__all__ = [
    "CorruptInputError",
    "EncryptedInputError",
    "KehoachError",
    "OcrUnavailableError",
    "Plan",
    "UnreadableInputError",
    "UnsupportedFormatError",
    "__version__",
    "parse",
]
__version__ = "0.1.0"
