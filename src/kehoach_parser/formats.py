"""The input formats there is a reader for, and the file suffixes that name them: the one list every
part uses (the readers' sniffer, the contract's ``source.format``, the command lines, batch discovery)."""
from __future__ import annotations

from typing import Literal

# the contract's source.format
Format = Literal["txt", "md", "docx", "pdf"]
FORMATS: tuple[Format, ...] = ("txt", "md", "docx", "pdf")
# names a caller may give for a format ("--format markdown")
FORMAT_NAMES: dict[str, Format] = {"txt": "txt", "text": "txt", "md": "md", "markdown": "md", "docx": "docx",
                                    "pdf": "pdf"}
# file suffixes of plans -> the format they usually hold (content decides; the suffix tells Markdown
# from text, and a ".doc" that is really a .docx is read as one)
SUFFIXES: dict[str, Format] = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx",
                               ".doc": "docx", ".docm": "docx", ".pdf": "pdf"}
# the suffixes a folder of plans is searched for
PLAN_SUFFIXES: tuple[str, ...] = tuple(SUFFIXES)
