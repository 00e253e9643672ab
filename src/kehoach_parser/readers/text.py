"""Reader for .txt and .md plans: decoded text -> layout lines and tables.

Tab-separated lines and Markdown pipe rows become table rows; consecutive rows (blank lines
between them allowed) form one table. Markdown separator rows (|---|) are dropped, rule lines
(____, ----) become hard breaks. Markup is removed from every line and cell.
"""
from __future__ import annotations

import regex

from ..layout import Layout, Line, Row, Table
from ..text import clean
from .encoding import decode
from .options import ReadOptions

# "|----|:--:|---|" — a Markdown table separator row
MD_SEPARATOR = regex.compile(r"^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)+\|?\s*$")
# "| STT | Tên nhiệm vụ |" — a Markdown pipe row (at least two pipes)
MD_ROW = regex.compile(r"^\s*\|.*\|")
# "2", "- 3 -", "Trang 4", "Trang 4/12": a page number alone on its line
PAGE_NUMBER = regex.compile(r"^\s*(?:[-–]\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–])?\s*$",
                            regex.IGNORECASE)
# "## I. MỤC TIÊU" — a Markdown heading marker
MD_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+")
# "* item", "  * item" — a star bullet (Markdown lists), read as "- item"
STAR_BULLET = regex.compile(r"^\s*\*\s+(?=\S)")
# "________" or "-----" alone on a line: a rule under the title or between blocks
RULE = regex.compile(r"^\s*(?:[_=]{3,}|[-–—]{5,}|\*{3,})\s*$")


def read_text(data: bytes, *, fmt: str = "txt", options: ReadOptions | None = None) -> Layout:
    """Decode a .txt/.md file and split it into layout lines and tables (tab or pipe rows)."""
    text, _encoding = decode(data)
    blocks: list[Line | Table] = []
    rows: list[Row] = []
    page = 1
    paged = "\f" in text
    blank = False
    hard = False

    def flush() -> None:
        if rows:
            blocks.append(Table(tuple(rows)))
            rows.clear()

    for number, raw in enumerate(regex.split(r"\r\n|\r|\n", text), start=1):
        if "\f" in raw:  # a page break: provenance changes, the paragraph may go on
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        where = page if paged else None
        if not raw.strip():
            blank = True
            continue
        if MD_SEPARATOR.match(raw):
            continue
        cells = _cells(raw, in_table=bool(rows))
        if cells is not None:
            rows.append(Row(tuple(cells), where, number))
            blank = hard = False
            continue
        if not rows and PAGE_NUMBER.match(raw):
            continue
        if RULE.match(raw):
            flush()
            hard = True
            continue
        flush()
        content = clean(STAR_BULLET.sub("- ", MD_HEADING.sub("", raw)))
        if content:
            blocks.append(Line(content, where, number, blank_before=blank, hard_break=hard))
        blank = hard = False
    flush()
    return Layout(blocks=blocks, format=fmt, pages=page if paged else None)


def _cells(raw: str, *, in_table: bool) -> list[str] | None:
    """The cells of a table row, or None when the line is prose."""
    if MD_ROW.match(raw):
        inner = raw.strip()
        inner = inner[1:] if inner.startswith("|") else inner
        inner = inner[:-1] if inner.endswith("|") else inner
        return [clean(c) for c in inner.split("|")]
    if "\t" in raw:
        cells = [clean(c) for c in raw.split("\t")]
        if sum(1 for c in cells if c) >= 2 or in_table:
            return cells
    return None
