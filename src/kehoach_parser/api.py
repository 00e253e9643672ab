"""The library entry points: ``parse(path_or_bytes) -> Plan`` and ``parse_document`` (the plan with its layout)."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .errors import UnreadableInputError
from .layout import Layout
from .model import Plan, Source
from .pipeline import ParsedDocument, analyse, build_plan
from .readers import read_layout, sniff

__all__ = ["parse", "parse_document", "ParsedDocument"]


def parse(source: str | os.PathLike[str] | bytes, *, format: str | None = None, name: str | None = None) -> Plan:
    """Parse one plan (a path, or the file's bytes) into a validated :class:`Plan`.

    ``format`` ("txt", "md", …) overrides sniffing; ``name`` labels bytes in messages and in
    ``source.file``. Raises :class:`~kehoach_parser.errors.KehoachError` on unreadable input.
    """
    layout, src = _read(source, format=format, name=name)
    return build_plan(layout, src)


def parse_document(source: str | os.PathLike[str] | bytes, *, format: str | None = None,
                   name: str | None = None) -> ParsedDocument:
    """Like :func:`parse`, but also return what the plan was built from: the reader's layout (lines
    and table rows with their page/line), the segments and the data tables (``.plan`` is the Plan
    :func:`parse` returns). For tools that need the raw text, such as ``kehoach check``."""
    layout, src = _read(source, format=format, name=name)
    return analyse(layout, src)


def _read(source: str | os.PathLike[str] | bytes, *, format: str | None, name: str | None) -> tuple[Layout, Source]:
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
    return layout, src
