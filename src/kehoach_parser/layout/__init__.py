"""The intermediate layout every reader produces and every later stage reads.

A layout is a flat list of blocks in reading order: text lines and tables. It carries
provenance (page and line of every line and row) and nothing about plans.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """One line of text as the reader saw it (markup already removed)."""

    text: str
    page: int | None = None
    line: int | None = None
    blank_before: bool = False  # an empty line separated it from the previous block
    hard_break: bool = False  # a rule line or page-level break: never joined to the previous line


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]

    @property
    def page(self) -> int | None:
        return self.rows[0].page if self.rows else None

    @property
    def line(self) -> int | None:
        return self.rows[0].line if self.rows else None

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


Block = Line | Table


@dataclass
class Layout:
    blocks: list[Block]
    format: str
    pages: int | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (code, message)
    # each Line is a whole paragraph (Word; PDF, whose reader joins wrapped lines by their geometry),
    # rather than possibly one physical line of a paragraph (plain text)
    lines_are_paragraphs: bool = False
    ocr_pages: frozenset[int] = frozenset()  # the pages read by OCR (their text is less certain)
    origin: str | None = None  # "web_page": text copied from a web page (its tables broken into pieces)
