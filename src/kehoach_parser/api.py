"""The library entry point: ``parse(path_or_bytes) -> Plan``."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .errors import UnreadableInputError
from .model import Plan, Source
from .pipeline import build_plan
from .readers import read_layout, sniff


def parse(source: str | os.PathLike[str] | bytes, *, format: str | None = None, name: str | None = None) -> Plan:
    """Parse one plan (a path, or the file's bytes) into a validated :class:`Plan`.

    ``format`` ("txt", "md", …) overrides sniffing; ``name`` labels bytes in messages and in
    ``source.file``. Raises :class:`~kehoach_parser.errors.KehoachError` on unreadable input.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        label = name or "<bytes>"
    else:
        path = Path(source)
        label = name or path.name
        try:
            data = path.read_bytes()
        except IsADirectoryError:
            raise UnreadableInputError(str(path), "is a directory, not a file") from None
        except FileNotFoundError:
            raise UnreadableInputError(str(path), "no such file") from None
        except OSError as exc:
            raise UnreadableInputError(str(path), exc.strerror or str(exc)) from None
    layout = read_layout(data, name=label, fmt=format)
    fmt = layout.format if layout.format in ("txt", "md", "docx", "pdf") else sniff(data, label)
    src = Source(file=Path(label).name, format=fmt, sha256=hashlib.sha256(data).hexdigest(), pages=layout.pages)
    return build_plan(layout, src)
