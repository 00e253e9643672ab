"""Readers: bytes of one file -> the intermediate layout. They know nothing of plans."""
from __future__ import annotations

from pathlib import PurePath

from ..errors import UnreadableInputError, UnsupportedFormatError
from ..layout import Layout
from .encoding import EncodingError
from .text import read_text

TEXT_FORMATS = {"txt": "txt", "text": "txt", "md": "md", "markdown": "md"}
KNOWN_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx",
                  ".doc": "docx", ".pdf": "pdf"}


def sniff(data: bytes, name: str) -> str:
    """The format of ``data``: its content first (PDF and ZIP magic), then the file name."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    return KNOWN_SUFFIXES.get(PurePath(name).suffix.lower(), "txt")


def read_layout(data: bytes, *, name: str, fmt: str | None = None) -> Layout:
    """Read ``data`` (the bytes of ``name``) into a layout, or raise a KehoachError."""
    if not data.strip():
        raise UnreadableInputError(name, "the file is empty")
    fmt = (fmt or sniff(data, name)).lower().lstrip(".")
    fmt = TEXT_FORMATS.get(fmt, fmt)
    if fmt in ("txt", "md"):
        try:
            return read_text(data, fmt=fmt)
        except EncodingError as exc:
            raise UnreadableInputError(name, str(exc)) from None
    if fmt in ("docx", "pdf", "doc"):
        raise UnsupportedFormatError(name, f"{fmt} files are not supported yet (plain text and Markdown are)")
    raise UnsupportedFormatError(name, f"unknown format {fmt!r} (expected txt or md)")
