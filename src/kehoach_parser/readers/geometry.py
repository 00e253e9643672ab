"""Positioned words -> text lines, two-column blocks, paragraphs and table grids.

Shared by the PDF reader (words from the text layer) and OCR (words from Tesseract): both give
words with boxes in PDF points (top-left origin). Nothing here knows about plans: the rules are
typographic (line pitch, indents, margins, gutters, ruling lines).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from statistics import median

import regex

from ..text import join_fragments, normalize_spacing

# "(cid:123)": a glyph the PDF's font does not map to Unicode
CID = regex.compile(r"\(cid:\d+\)")
# "- ", "+ ", "• ", "1. ", "a) ", "(2) ": a list item's marker
LIST_MARKER = regex.compile(r"^(?:[-+•–—·*]|\d{1,2}[.)]|\p{Ll}\)|\(\d{1,2}\))\s")
# a digit run, masked when comparing running headers of different pages ("Trang 3" ~ "Trang 4")
DIGITS = regex.compile(r"\d+")

TERMINAL = (".", ";", ":", "!", "?")
GAP_FACTOR = 2.5  # a horizontal gap of this many line heights separates two columns
TOLERANCE = 2.0  # points: two edges closer than this are aligned
SIZE_STEP = 0.5  # points: font sizes further apart than this are different sizes


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 0.0  # font size in points (0: unknown, as for OCR)
    bold: bool = False

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class TextLine:
    """A line's words, left to right (never changed once the line is made: its measures are kept)."""

    words: list[Word]
    page: int = 0
    number: int = 0  # index in the page's reading order, set when the page is ordered

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @cached_property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @cached_property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @cached_property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @cached_property
    def height(self) -> float:
        return median(w.height for w in self.words)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @cached_property
    def text(self) -> str:
        return normalize_spacing(" ".join(w.text for w in self.words))

    @cached_property
    def style(self) -> tuple[float, bool] | None:
        """(font size, bold) of most of the line's letters, or None when the words carry no font
        (OCR)."""
        sized = [w for w in self.words if w.size > 0]
        if not sized:
            return None
        letters = sum(len(w.text) for w in sized)
        bold = sum(len(w.text) for w in sized if w.bold) * 2 > letters
        return median(w.size for w in sized), bold


@dataclass
class ColumnBlock:
    """Lines set in two columns side by side (a borderless layout table): read column by column."""

    columns: tuple[list[TextLine], list[TextLine]]
    gutter: tuple[float, float]

    @property
    def top(self) -> float:
        return min(line.top for col in self.columns for line in col)

    def lines(self) -> list[TextLine]:
        return sorted((line for col in self.columns for line in col), key=lambda ln: (ln.page, ln.top))


@dataclass
class Grid:
    """A ruled table: cell texts on the grid of its rules."""

    bbox: tuple[float, float, float, float]
    xs: list[float]  # column boundaries
    rows: list[list[str]]
    tops: list[float]  # each row's top
    spans_down: list[dict[int, int]] = field(default_factory=list)  # row -> {column: rows spanned}
    page: int = 0
    numbers: list[int] = field(default_factory=list)  # each row's index in its page's reading order

    @property
    def top(self) -> float:
        return self.bbox[1]


# ----------------------------------------------------------------------------------- lines

def group_lines(words: list[Word]) -> list[TextLine]:
    """Words -> lines: a word joins the line whose middle is within half a height of its own."""
    lines: list[list[Word]] = []
    mids: list[float] = []
    for word in sorted(words, key=lambda w: (w.cy, w.x0)):
        if lines and abs(word.cy - mids[-1]) <= 0.45 * max(word.height, lines[-1][0].height):
            lines[-1].append(word)
        else:
            lines.append([word])
            mids.append(word.cy)
    return [TextLine(sorted(ws, key=lambda w: w.x0)) for ws in lines]


def segments(line: TextLine) -> list[list[Word]]:
    """A line's runs of words separated by gaps wider than ``GAP_FACTOR`` line heights."""
    out: list[list[Word]] = [[line.words[0]]]
    limit = GAP_FACTOR * line.height
    for prev, word in pairwise(line.words):
        if word.x0 - prev.x1 > limit:
            out.append([word])
        else:
            out[-1].append(word)
    return out


def _substantial(words: list[Word]) -> bool:
    """Not a list marker ("1.", "a)", "-") set off by a tab: two words or eight characters."""
    return len(words) >= 2 or sum(len(w.text) for w in words) >= 8


def column_blocks(lines: list[TextLine]) -> list[TextLine | ColumnBlock]:
    """Find runs of lines set in two columns (the header, the closing) and return the page's
    lines with each run replaced by one :class:`ColumnBlock`, in top-to-bottom order."""
    lines = sorted(lines, key=lambda ln: ln.top)
    used = [False] * len(lines)
    blocks: list[tuple[int, ColumnBlock]] = []
    for i, line in enumerate(lines):
        if used[i]:
            continue
        parts = segments(line)
        if len(parts) != 2 or not all(_substantial(p) for p in parts):
            continue
        left, right = (TextLine(p, line.page) for p in parts)
        block = ColumnBlock(([left], [right]), (left.x1, right.x0))
        used[i] = True
        members = [i]
        for direction in (1, -1):
            j = i + direction
            while 0 <= j < len(lines) and not used[j] and not (direction < 0 and _tail(lines, j, block)) \
                    and _extend(block, lines[j], direction):
                used[j] = True
                members.append(j)
                j += direction
        blocks.append((min(members), block))
    out: list[tuple[float, TextLine | ColumnBlock]] = [(ln.top, ln) for k, ln in enumerate(lines) if not used[k]]
    out.extend((b.top, b) for _, b in blocks)
    return [item for _, item in sorted(out, key=lambda pair: pair[0])]


def _tail(lines: list[TextLine], j: int, block: ColumnBlock) -> bool:
    """``lines[j]`` is the last line of a paragraph running across the gutter just above it."""
    if j == 0:
        return False
    above, line = lines[j - 1], lines[j]
    gl, gr = block.gutter
    return above.x0 < gl and above.x1 > gr and line.top - above.bottom < 0.6 * line.height


def extend_block(block: ColumnBlock, line: TextLine, *, same_page: bool = True) -> bool:
    """Add ``line`` (below the block, or at the top of the next page) to it when it sits in its columns."""
    return _extend(block, line, 1, same_page=same_page)


def _extend(block: ColumnBlock, line: TextLine, direction: int, *, same_page: bool = True) -> bool:
    """Add ``line`` to the block when it sits in one of its columns (or in both); False otherwise."""
    gl, gr = block.gutter
    parts = segments(line)
    if same_page:
        edge = [ln for col in block.columns for ln in col]
        near = min(edge, key=lambda ln: abs(ln.top - line.top))
        if abs(near.top - line.top) > 6 * max(line.height, near.height):
            return False
    if len(parts) == 2:  # in a block already, a short word in a column is no list marker
        left, right = (TextLine(p, line.page) for p in parts)
        if left.x1 < gr and right.x0 > gl:
            _add(block.columns[0], left, direction)
            _add(block.columns[1], right, direction)
            block.gutter = (max(gl, left.x1), min(gr, right.x0))
            return True
        return False
    if len(parts) != 1:
        return False
    room = line.height  # a column line keeps at least this far from the other column
    if line.x1 < gr - room and line.x0 < gl + room:
        side = 0
    elif line.x0 > gl + room and line.x1 > gr - room:
        side = 1
    else:  # spans both columns (body text) or sits in the gutter
        return False
    column = block.columns[side]
    if not column or not _aligned(column, line, flush_left_ok=side == 0):
        return False
    _add(column, line, direction)
    if side == 0:
        block.gutter = (max(gl, line.x1), gr)
    else:
        block.gutter = (gl, min(gr, line.x0))
    return True


def _aligned(column: list[TextLine], line: TextLine, *, flush_left_ok: bool) -> bool:
    """The line shares the column's centre (centred text) or — in the left column, where the
    "Nơi nhận" list is set flush left — its left edge."""
    tol = max(6.0, 0.5 * line.height)
    if abs(line.cx - median(ln.cx for ln in column)) <= tol:
        return True
    return flush_left_ok and abs(line.x0 - min(ln.x0 for ln in column)) <= tol


def _add(column: list[TextLine], line: TextLine, direction: int) -> None:
    if direction > 0:
        column.append(line)
    else:
        column.insert(0, line)


def column_text(lines: list[TextLine]) -> str:
    """A column's lines as cell text: one "\\n"-separated piece per line, except a wrapped line,
    joined to the one above: it starts in lower case, or with a digit after a line that does not
    end a sentence ("…, ngày 10 tháng 7 năm" / "2025"), or — in a flush-left column — the line
    above reached the column's edge (its first word would not have fitted there) and it does not
    open a list item of its own."""
    pieces: list[str] = []
    if not lines:
        return ""
    left = min(ln.x0 for ln in lines)
    mid = median(ln.cx for ln in lines)
    flush_left = median(abs(ln.x0 - left) for ln in lines) < median(abs(ln.cx - mid) for ln in lines)
    edge = max(ln.x1 for ln in lines)
    prev: TextLine | None = None
    for line in lines:
        text = line.text
        if not text:
            continue
        first = line.words[0]
        wrapped = prev is not None and flush_left and not LIST_MARKER.match(text) \
            and abs(line.x0 - left) <= TOLERANCE and prev.x1 + 0.3 * prev.height + (first.x1 - first.x0) > edge
        carried = text[:1].islower() or (text[:1].isdigit() and not pieces[-1].endswith(TERMINAL)) if pieces else False
        if pieces and (carried or wrapped):
            pieces[-1] = join_fragments(pieces[-1], text)
        else:
            pieces.append(text)
        prev = line
    return "\n".join(pieces)


# ----------------------------------------------------------------------------------- paragraphs

@dataclass(frozen=True)
class Margins:
    left: float
    right: float


def margins(lines: list[TextLine]) -> Margins | None:
    """The body's left and right edges: the leftmost line start and the rightmost line end that
    several lines share (wrapped lines start on the left margin, justified ones end on the right
    one; a page of short indented paragraphs still has a few lines on the margin), or None with
    too few lines to tell."""
    if len(lines) < 3:
        return None
    need = max(2, len(lines) // 10)
    return Margins(_shared([ln.x0 for ln in lines], need, low=True), _shared([ln.x1 for ln in lines], need, low=False))


def _shared(values: list[float], need: int, *, low: bool) -> float:
    """The lowest (or highest) value that at least ``need`` values lie within TOLERANCE of."""
    ordered = sorted(values, reverse=not low)
    for v in ordered:
        near = [w for w in values if abs(w - v) <= TOLERANCE]
        if len(near) >= need:
            return min(near) if low else max(near)
    return ordered[0]


def line_pitch(lines: list[TextLine]) -> float:
    """Baseline-to-baseline distance over line height for lines of one paragraph (≈ 1.15)."""
    ratios = [(b.bottom - a.bottom) / max(a.height, 1.0) for a, b in pairwise(lines)
              if abs(a.height - b.height) < 1.0 and 0 < b.bottom - a.bottom < 2.2 * a.height]
    return median(ratios) if ratios else 1.2


def spaced(prev: TextLine, line: TextLine, pitch: float) -> bool:
    """More vertical space than the line spacing stands between the two lines (a paragraph gap)."""
    expected = pitch * max(prev.height, line.height)
    return line.bottom - prev.bottom > expected * 1.2 + 1.0


def centred(line: TextLine, m: Margins) -> bool:
    return line.x0 > m.left + 10 and abs(line.cx - (m.left + m.right) / 2) <= 4.0


def continues(prev: TextLine, line: TextLine, m: Margins, m_prev: Margins, *, opened: bool = False) -> bool:
    """``line`` is a wrapped continuation of ``prev`` (the vertical gap is checked by the caller):
    ``prev`` filled its line (the next word would not have fitted), ``line`` starts at the left
    margin, under ``prev``'s text after a hanging marker, or under ``prev`` itself — unless
    ``prev`` opened its paragraph with a first-line indent (``opened``): a line indented like it
    opens the next one — neither is centred, and both are set in the same font size and weight."""
    if abs(prev.height - line.height) > 1.5 or centred(prev, m_prev) or centred(line, m) or restyled(prev, line):
        return False
    first = line.words[0]
    room = m_prev.right - prev.x1
    if room > 0.3 * prev.height + (first.x1 - first.x0) + 1.0:
        return False  # the next word would have fitted: the paragraph ended there
    indented = opened and prev.x0 > m_prev.left + TOLERANCE
    starts = [m.left] + ([] if indented else [prev.x0]) + ([prev.words[1].x0] if len(prev.words) > 1 else [])
    return any(abs(line.x0 - s) <= TOLERANCE for s in starts) or line.x0 < m.left


def restyled(prev: TextLine, line: TextLine) -> bool:
    """The font changes between the two lines: bold against regular, or another size (the bold
    title above the regular preamble). Lines without font information (OCR) never differ."""
    a, b = prev.style, line.style
    return a is not None and b is not None and (a[1] != b[1] or abs(a[0] - b[0]) > SIZE_STEP)


def join_lines(prev_text: str, text: str) -> str:
    """Join a wrapped line to its paragraph: a soft hyphen is removed with no space; otherwise as
    the project joins fragments ("NĐ-" + "CP" without a space, words with one)."""
    if prev_text.endswith("\u00ad"):
        return prev_text[:-1] + text
    return join_fragments(prev_text, text)


# ----------------------------------------------------------------------------------- tables

def _cluster(values: list[float], tol: float = 1.5) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _index(bounds: list[float], value: float) -> int:
    """The index of the bound nearest ``value`` (``bounds`` sorted)."""
    i = bisect_left(bounds, value)
    if i == 0:
        return 0
    if i == len(bounds):
        return i - 1
    return i if bounds[i] - value < value - bounds[i - 1] else i - 1


def _slot(bounds: list[float], value: float) -> int:
    """The interval of ``bounds`` (sorted) that holds ``value``, clamped to the first and last."""
    return min(max(bisect_right(bounds, value) - 1, 0), len(bounds) - 2)


def grid(cells: list[tuple[float, float, float, float]], words: list[Word],
         bbox: tuple[float, float, float, float]) -> Grid:
    """Cell boxes and the words inside them -> a grid of texts. A cell spanning columns is read
    once, in its first column; a cell spanning rows repeats its text in each (a lead unit merged
    over several task rows belongs to every one of them). A cell's lines are wrapped text:
    joined with a space — but a word wider than the cell, broken at its edge, is put back together.
    A word goes to the smallest cell over the grid slot of its centre (found by bisection)."""
    xs = _cluster([c[0] for c in cells] + [c[2] for c in cells])
    ys = _cluster([c[1] for c in cells] + [c[3] for c in cells])
    rows = [[""] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    spans: list[dict[int, int]] = [{} for _ in range(len(ys) - 1)]
    inside: dict[int, list[Word]] = {}
    boxes = sorted(cells, key=lambda c: (c[2] - c[0]) * (c[3] - c[1]))
    spans_of = [(_index(xs, x0), _index(xs, x1), _index(ys, top), _index(ys, bottom)) for x0, top, x1, bottom in boxes]
    slots: dict[tuple[int, int], int] = {}  # (row, column) of the grid -> the smallest cell over it
    for k, (c0, c1, r0, r1) in enumerate(spans_of):
        for r in range(r0, r1):
            for c in range(c0, c1):
                slots.setdefault((r, c), k)
    if len(xs) > 1 and len(ys) > 1:
        for word in words:
            k = slots.get((_slot(ys, word.cy), _slot(xs, word.cx)), -1)
            if k >= 0:
                x0, top, x1, bottom = boxes[k]
                if x0 - 1 <= word.cx <= x1 + 1 and top - 1 <= word.cy <= bottom + 1:
                    inside.setdefault(k, []).append(word)
    for k, (x0, _top, x1, _bottom) in enumerate(boxes):
        c0, c1, r0, r1 = spans_of[k]
        if c1 <= c0 or r1 <= r0:
            continue
        text = ""
        prev: TextLine | None = None
        for line in group_lines(inside.get(k, [])):
            if prev is not None and len(prev.words) == 1 and (x1 - x0) - (prev.x1 - prev.x0) < 1.2 * prev.height:
                text += line.text  # one word wider than the cell, broken where the cell ends ("ST" / "T")
            else:
                text = join_lines(text, line.text)
            prev = line
        for r in range(r0, r1):
            rows[r][c0] = text
        spans[r0][c0] = r1 - r0
    return Grid(bbox, xs, rows, ys[:-1], spans)


def clean_word(text: str) -> tuple[str, int]:
    """A word's text without "(cid:N)" glyphs, and how many there were."""
    found = len(CID.findall(text))
    return (CID.sub("", text) if found else text), found
