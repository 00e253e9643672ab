"""kehoach-parser: Vietnamese administrative plans (văn bản KẾ HOẠCH) -> validated JSON.

>>> from kehoach_parser import parse
>>> plan = parse("ke-hoach.txt")          # doctest: +SKIP
>>> plan.document.title                   # doctest: +SKIP

The package imports its stages on first use (``kehoach_parser.parse`` loads the pipeline), so that
``import kehoach_parser`` and the command line start fast.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    CorruptInputError,
    EncryptedInputError,
    InputTooLargeError,
    InternalError,
    KehoachError,
    OcrUnavailableError,
    ParseTimeoutError,
    UnreadableInputError,
    UnsupportedFormatError,
)
from .limits import Limits

if TYPE_CHECKING:
    from .api import parse
    from .model import Plan

__all__ = [
    "CorruptInputError",
    "EncryptedInputError",
    "InputTooLargeError",
    "InternalError",
    "KehoachError",
    "Limits",
    "OcrUnavailableError",
    "ParseTimeoutError",
    "Plan",
    "UnreadableInputError",
    "UnsupportedFormatError",
    "__version__",
    "parse",
]
__version__ = "0.3.0"

_LAZY = {"parse": ("api", "parse"), "Plan": ("model", "Plan")}


def __getattr__(name: str) -> Any:
    """``parse`` and ``Plan``, imported the first time they are asked for."""
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        value = getattr(importlib.import_module(f".{module}", __name__), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
