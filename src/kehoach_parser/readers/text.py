"""Reader for .txt and .md plans: decoded text -> layout lines and tables.

Tab-separated lines and Markdown pipe rows become table rows; consecutive rows (blank lines
between them allowed) form one table. Markdown separator rows (|---|) are dropped, rule lines
(____, ----) become hard breaks. Markup is removed from every line and cell.

Every step is linear in the line (the patterns are anchored and possessive, so nothing backtracks),
the text is split lazily, and the budgets hold: ``max_text_chars`` characters after decoding (a file
that cannot fit is refused before it is decoded), ``table_max_columns`` cells in a row and
``max_layout_blocks`` lines and rows in all.
"""
from __future__ import annotations

import regex

from ..layout import Layout, Line, Row, Table
from ..limits import BudgetExceeded, Limits
from ..text import clean
from .encoding import MAX_BYTES_PER_CHAR, decode
from .options import ReadOptions

# "|----|:--:|---|" — a Markdown table separator row (possessive quantifiers: it never backtracks)
MD_SEPARATOR = regex.compile(r"^\s*+\|?+\s*+:?+-++:?+\s*+(?:\|\s*+:?+-++:?+\s*+)++\|?+\s*+$")
# "|---|x" — a character no separator row holds: one cheap scan before MD_SEPARATOR
NOT_SEPARATOR = regex.compile(r"[^\s|:\-]")
# "\r\n", "\r" or "\n" — a line end
LINE_END = regex.compile(r"\r\n|\r|\n")
# "| STT | Tên nhiệm vụ |" — a Markdown pipe row (at least two pipes)
MD_ROW = regex.compile(r"^\s*+\|(?=[^|]*+\|)")
# "2", "- 3 -", "Trang 4", "Trang 4/12": a page number alone on its line
PAGE_NUMBER = regex.compile(r"^\s*+(?:[-–]\s*+)?(?:Trang\s++)?\d{1,3}(?:\s*+/\s*+\d{1,3})?(?:\s*+[-–])?\s*+$",
                            regex.IGNORECASE)
# "## I. MỤC TIÊU" — a Markdown heading marker
MD_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+")
# "* item", "  * item" — a star bullet (Markdown lists), read as "- item"
STAR_BULLET = regex.compile(r"^\s*+\*\s++(?=\S)")
# "|", "ỦY BAN NHÂN DÂN |", "Số: 186/KH-UBND |": a piece of a table copied from a web page as text
TABLE_FRAGMENT = regex.compile(r"^(?:\s*+\|\s*+|[^|]++\|\s*+)$")
# "     ": a run of spaces inside a pipe cell, where a converter put a line break of the cell
CELL_LINE_BREAK = regex.compile(r"\s{3,}+")
# "________" or "-----" alone on a line: a rule under the title or between blocks
RULE = regex.compile(r"^\s*+(?:[_=]{3,}+|[-–—]{5,}+|\*{3,}+)\s*+$")


def read_text(data: bytes, *, fmt: str = "txt", options: ReadOptions | None = None) -> Layout:
    """Decode a .txt/.md file and split it into layout lines and tables (tab or pipe rows)."""
    limits = (options or ReadOptions()).limits
    budget = limits.max_text_chars
    if len(data) > MAX_BYTES_PER_CHAR * budget:  # more characters than the budget, in any encoding
        raise BudgetExceeded(f"the text is {len(data):,} bytes, more than {budget:,} characters", "max_text_chars")
    text, _encoding = decode(data)
    if len(text) > budget:
        raise BudgetExceeded(f"the text has {len(text):,} characters, more than {budget:,}", "max_text_chars")
    blocks: list[Line | Table] = []
    rows: list[Row] = []
    page = 1
    paged = "\f" in text
    blank = False
    hard = False
    count = 0
    fragments = 0  # lines that are pieces of a table copied from a web page

    def flush() -> None:
        if rows:
            blocks.append(Table(tuple(rows)))
            rows.clear()

    for number, raw in enumerate(LINE_END.splititer(text), start=1):
        if "\f" in raw:  # a page break: provenance changes, the paragraph may go on
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        where = page if paged else None
        if not raw.strip():
            blank = True
            continue
        if _is_separator(raw, limits):
            continue
        count += 1
        if count > limits.max_layout_blocks:
            raise BudgetExceeded(f"the text has more than {limits.max_layout_blocks:,} lines and table rows",
                                 "max_layout_blocks")
        cells = _cells(raw, in_table=bool(rows), limits=limits)
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
        if TABLE_FRAGMENT.match(raw):
            fragments += 1
        content = clean(STAR_BULLET.sub("- ", MD_HEADING.sub("", raw)))
        if not content:  # a line of markup only ("|", "**"): the end of a cell or a bold span
            blank = True
            continue
        blocks.append(Line(content, where, number, blank_before=blank, hard_break=hard))
        blank = hard = False
    flush()
    # a table copied from a web page as text breaks into pieces that end in "|" ("ỦY BAN NHÂN DÂN |")
    origin = "web_page" if fragments >= 2 else None
    return Layout(blocks=blocks, format=fmt, pages=page if paged else None, origin=origin)


def _is_separator(raw: str, limits: Limits) -> bool:
    """A Markdown separator row ("|---|:--:|"): a few C-speed scans, then the pattern on a row of at
    most ``table_max_columns`` cells (a wider one is refused as a table row)."""
    return ("-" in raw and NOT_SEPARATOR.search(raw) is None and raw.count("|") <= limits.table_max_columns + 1
            and MD_SEPARATOR.match(raw) is not None)


def _cells(raw: str, *, in_table: bool, limits: Limits) -> list[str] | None:
    """The cells of a table row, or None when the line is prose."""
    if MD_ROW.match(raw):
        inner = raw.strip()
        inner = inner[1:] if inner.startswith("|") else inner
        inner = inner[:-1] if inner.endswith("|") else inner
        # a converter packs a cell's lines into one, separated by runs of spaces: "KT. BỘ TRƯỞNG     Lê Công Thành"
        return _row(inner.split("|"), limits, lines=True)
    if "\t" in raw:
        cells = _row(raw.split("\t"), limits)
        if sum(1 for c in cells if c) >= 2 or in_table:
            return cells
    return None


def _row(pieces: list[str], limits: Limits, *, lines: bool = False) -> list[str]:
    """The cleaned cells of a row; with ``lines``, a run of spaces inside a cell is a line break."""
    if len(pieces) > limits.table_max_columns:
        raise BudgetExceeded(f"a table row has more than {limits.table_max_columns:,} columns", "table_max_columns")
    if lines:
        return ["\n".join(filter(None, (clean(piece) for piece in CELL_LINE_BREAK.split(c)))) for c in pieces]
    return [clean(c) for c in pieces]
