"""Readers: bytes of one file -> the intermediate layout. They know nothing of plans.

The format is sniffed from the content, not the name: "%PDF-" is a PDF, a ZIP holding
word/document.xml is a Word file (whatever its extension), an OLE2 compound file is a legacy
.doc or a password-protected Word file, anything else is text (Markdown when named .md). Sniffing
looks at a bounded prefix and, for a ZIP, at its directory only (within the package budgets); it
never raises anything but :class:`~kehoach_parser.limits.BudgetExceeded` for a directory past them.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import Literal

from ..errors import (
    CorruptInputError,
    EncryptedInputError,
    OcrUnavailableError,
    UnreadableInputError,
    UnsupportedFormatError,
)
from ..layout import Layout
from ..limits import DEFAULT_LIMITS, Limits
from .encoding import EncodingError
from .ooxml import part_names
from .options import ReadOptions
from .problems import CorruptProblem, EncryptedProblem, OcrProblem, ReadProblem
from .text import read_text

TEXT_FORMATS = {"txt": "txt", "text": "txt", "md": "md", "markdown": "md"}
# the formats there is a reader for: the contract's source.format
Format = Literal["txt", "md", "docx", "pdf"]
FORMATS: tuple[Format, ...] = ("txt", "md", "docx", "pdf")
KNOWN_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx",
                  ".doc": "docx", ".docm": "docx", ".pdf": "pdf"}
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_MAGIC = b"{\\rtf"
SNIFF_PREFIX = 1024  # bytes of the start a magic number may sit in (after some junk or white space)
# the stream an encrypted OOXML file (a password-protected .docx) keeps inside its OLE2 container
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# other ZIP-based formats: a part that names them -> what to call them
ZIP_KINDS = (("xl/workbook.xml", "an Excel workbook"), ("ppt/presentation.xml", "a PowerPoint presentation"),
             ("content.xml", "an OpenDocument file"))


def sniff(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """The format of ``data``: "pdf", "docx", "txt", "md", or one no reader takes
    ("doc", "zip", "rtf", "xlsx" …). Content decides; the name only tells Markdown from text."""
    suffix = KNOWN_SUFFIXES.get(PurePath(name).suffix.lower())
    prefix = data[:SNIFF_PREFIX]
    if PDF_MAGIC in prefix:  # a few bytes of junk before the header are allowed
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return _zip_kind(data, suffix, limits)
    if data.startswith(OLE_MAGIC):
        return "encrypted-ooxml" if ENCRYPTED_PACKAGE in data else "doc"
    if prefix.lstrip().startswith(RTF_MAGIC):
        return "rtf"
    return "md" if suffix == "md" else "txt"


def _zip_kind(data: bytes, suffix: str | None, limits: Limits) -> str:
    listed = part_names(data, limits)
    if listed is None:
        return "docx" if suffix == "docx" else "broken-zip"  # the Word reader says what is wrong
    names = {part.lower() for part in listed}  # part names are case-insensitive
    if "word/document.xml" in names:
        return "docx"
    for part, _ in ZIP_KINDS:
        if part in names:
            return f"zip:{part}"
    return "zip"


def read_layout(data: bytes, *, name: str, fmt: str | None = None, options: ReadOptions | None = None) -> Layout:
    """Read ``data`` (the bytes of ``name``) into a layout, or raise a KehoachError.

    ``options`` carries the budgets, the deadline and the OCR policy; a reader that passes a budget
    raises :class:`~kehoach_parser.limits.BudgetExceeded`, which ``parse`` reports with the file's name.
    """
    options = options or ReadOptions()
    if not data or data.isspace():
        raise UnreadableInputError(name, "the file is empty")
    fmt = (fmt or sniff(data, name, options.limits)).lower().lstrip(".")
    fmt = TEXT_FORMATS.get(fmt, fmt)
    try:
        if fmt in ("txt", "md"):
            return read_text(data, fmt=fmt, options=options)
        if fmt == "docx":
            from .docx import read_docx

            return read_docx(data, options=options)
        if fmt == "pdf":
            from .pdf import read_pdf

            return read_pdf(data, options=options)
    except EncodingError as exc:
        raise UnreadableInputError(name, str(exc)) from None
    except EncryptedProblem as exc:
        raise EncryptedInputError(name, str(exc)) from None
    except OcrProblem as exc:
        raise OcrUnavailableError(name, str(exc)) from None
    except CorruptProblem as exc:
        raise CorruptInputError(name, str(exc)) from None
    except ReadProblem as exc:
        raise UnreadableInputError(name, str(exc)) from None
    raise _unsupported(name, fmt)


def _unsupported(name: str, fmt: str) -> Exception:
    if fmt == "encrypted-ooxml":
        return EncryptedInputError(name, "the Word file is password-protected: remove the password and save it again")
    if fmt == "doc":
        return UnsupportedFormatError(name, "a Word 97-2003 (.doc) file: save it as .docx")
    if fmt == "rtf":
        return UnsupportedFormatError(name, "an RTF file: save it as .docx")
    if fmt == "broken-zip":
        return CorruptInputError(name, "a damaged or truncated ZIP archive, not a readable document")
    if fmt.startswith("zip:"):
        kind = dict(ZIP_KINDS)[fmt[4:]]
        return UnsupportedFormatError(name, f"{kind}, not a Word document (.docx)")
    if fmt == "zip":
        return UnsupportedFormatError(name, "a ZIP archive that is not a Word document (no word/document.xml)")
    return UnsupportedFormatError(name, f"unknown format {fmt!r} (expected {', '.join(FORMATS)})")
