"""Reader for .docx plans: the body's paragraphs and tables in document order -> layout.

The package is opened by :mod:`.ooxml` (ZIP directory and inflated sizes checked against the
budgets); word/document.xml is then read as a stream of XML events, never as a whole tree, so memory
stays proportional to the text it holds and a million-element part costs no more than its text.
Nothing recurses: nested tables, text boxes and content controls are kept on explicit stacks.

Paragraphs
    Every body paragraph is one :class:`Line` (Word never hard-wraps, so a Line is a whole
    paragraph). A manual line break (w:br, w:cr) splits it into several Lines, the later ones
    glued to it (``blank_before`` False). ``blank_before``: one or more empty paragraphs stood
    before it, or the paragraph spacing between the two (direct, from the style chain or the
    document defaults) is visible. ``hard_break``: a page break, "page break before" or a section
    break stood before it. Automatic numbering (w:numPr) is rendered into the text ("1. ", "a) ",
    "1.2. ", "II. ", "- ") by :mod:`.numbering`. Tabs read as spaces. Text boxes anchored in a
    paragraph follow it as Lines (or Tables) of their own.
Runs
    Text in a legacy Vietnamese font (TCVN3 .VnTime/.VnTimeH, VNI-Times …, chosen by w:rFonts through
    the run's character style, the paragraph's style chain and the document defaults) is decoded to
    Unicode by :mod:`.legacy_fonts`; w:caps text reads in capitals, as Word shows it.
Tables
    One :class:`Table` per top-level w:tbl, one :class:`Row` per w:tr, one cell per grid column.
    A horizontally merged cell (w:gridSpan) is read once, in its first grid column; the columns it
    covers are "" (a span is cut at the table's declared grid, and a row wider than
    ``table_max_columns`` is refused). A vertically merged cell (w:vMerge) repeats its text in
    every row it spans: a Word row is a whole row (no page splits), so a lead unit merged over five
    task rows is the lead of each of them, and only the row stitcher's continuation rule (an empty
    STT) may join rows. A cell's paragraphs are joined with "\\n"; a nested table is read into its
    cell, one "\\n"-separated line per row with its cells separated by a space. Empty rows are
    dropped; a one-cell table (a frame around text) is read as the blocks it holds. Borderless
    layout tables (the two-column header, "Nơi nhận | TM. …") are emitted like any table: the
    segmenter unfolds them.
Ignored
    Page headers and footers, footnotes, comments, deleted (w:del, w:moveFrom) and hidden
    (w:vanish) text, field codes (their results are read), the mc:Fallback copy of drawings,
    tracked formatting changes.
Provenance
    ``line`` is the 1-based position of the Line or Row in the body's reading order; ``page`` is
    None: a .docx has no pages until a word processor lays it out.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from ..layout import Layout, Line, Row, Table
from ..limits import BudgetExceeded, Deadline, Limits
from ..text import normalize_spacing
from .docx_styles import Styles, look_of, spacing_values
from .legacy_fonts import decode, font_encoding
from .ooxml import HEX_CODE, MAIN_DOCUMENT, MC_NS, W_VAL, Budgeted, Package, feed, integer, parse_tree, toggled, w
from .options import ReadOptions
from .problems import ReadProblem
from .word_numbering import Numbering, bullet_glyph

SPACED = 4.0  # points of paragraph spacing that separate two paragraphs visibly
DEADLINE_EVERY = 0xFFFF  # elements between two checks of the wall-clock budget

P, R, T, TBL, TR, TC = (w(tag) for tag in ("p", "r", "t", "tbl", "tr", "tc"))
PPR, RPR, TCPR, TRPR, NUMPR = (w(tag) for tag in ("pPr", "rPr", "tcPr", "trPr", "numPr"))
TXBX, SECTPR = w("txbxContent"), w("sectPr")
PROPERTY_PARENTS = (PPR, RPR, TCPR, TRPR, NUMPR)
# subtrees whose text is not what Word shows: deleted and moved-away text, field instructions,
# tracked formatting changes, properties of content controls and tables, the fallback copy of a drawing
SKIPPED = frozenset({w(tag) for tag in (
    "del", "moveFrom", "instrText", "delText", "pPrChange", "rPrChange", "sectPrChange", "tblPrChange",
    "trPrChange", "tcPrChange", "tblGridChange", "numberingChange", "sdtPr", "sdtEndPr", "tabs", "tblPr",
    "tblPrEx", "customXmlPr", "smartTagPr", "fldData", "footnoteReference", "endnoteReference",
    "commentReference")} | {f"{{{MC_NS}}}Fallback"})
BREAK = None  # a manual line break among a run's pieces
SOFT_HYPHEN = "\u00ad"  # an invisible hyphenation point (TCVN3 text has none left once decoded: it is "ư")


def _value(attrib: Any) -> str | None:
    result: str | None = attrib.get(W_VAL)
    return result


def _toggle(attrib: Any) -> bool:
    return toggled(attrib.get(W_VAL))


# the properties read from a paragraph's w:pPr or a run's w:rPr: element -> (the parent it must
# have, whose property it is, the field it sets, how its attributes are read)
PROPERTIES: dict[str, tuple[str, str, str, Callable[[Any], Any]]] = {
    w("pStyle"): (PPR, "paragraph", "style", _value),
    w("numId"): (NUMPR, "paragraph", "num_id", _value),
    w("ilvl"): (NUMPR, "paragraph", "ilvl", _value),
    w("pageBreakBefore"): (PPR, "paragraph", "page_break_before", _toggle),
    w("rStyle"): (RPR, "run", "style", _value),
    w("rFonts"): (RPR, "run", "fonts", dict),
    w("caps"): (RPR, "run", "caps", _toggle),
    w("vanish"): (RPR, "run", "hidden", _toggle),
}


@dataclass
class _Para:
    """A finished paragraph: its text pieces (between manual line breaks, tidied, label included)."""

    pieces: list[str]
    spacing: tuple[float, float]
    page_break_before: bool = False
    break_after: bool = False  # a page break inside it, or a section ends with it
    boxes: list[_Record] = field(default_factory=list)  # text boxes anchored in it


@dataclass
class _TableRecord:
    rows: list[list[str]]
    first_cell: list[_Record]  # what the first cell holds: a one-cell table is read as that


_Record = _Para | _TableRecord


class _OpenPara:
    __slots__ = (
        "after",
        "before",
        "boxes",
        "break_after",
        "ilvl",
        "num_id",
        "page_break_before",
        "pieces",
        "style",
    )

    def __init__(self) -> None:
        self.style: str | None = None
        self.num_id: str | None = None
        self.ilvl: str | None = None
        self.before: str | None = None
        self.after: str | None = None
        self.page_break_before = False
        self.break_after = False
        self.pieces: list[list[str]] = [[]]
        self.boxes: list[_Record] = []


class _OpenRun:
    __slots__ = ("caps", "fonts", "hidden", "plain", "style", "tokens")

    def __init__(self) -> None:
        self.style: str | None = None
        self.fonts: dict[str, str] | None = None
        self.caps: bool | None = None
        self.hidden = False
        # text as stored (str), text that is no font's encoding (a tab, a symbol: a 1-tuple), or BREAK
        self.tokens: list[str | tuple[str] | None] = []
        self.plain = True  # only stored text so far


class _OpenTable:
    __slots__ = ("above", "cells", "first_cell", "grid", "rows")

    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.grid = 0  # columns declared by w:tblGrid
        self.above: dict[int, str] = {}  # grid column -> text of the vertical merge open there
        self.cells: list[str] | None = None  # the open row
        self.first_cell: list[_Record] | None = None


class _OpenCell:
    __slots__ = ("merge", "records", "span")

    def __init__(self) -> None:
        self.records: list[_Record] = []
        self.span = 1
        self.merge: str | None = None  # w:vMerge: "restart", "continue" or None


class _Emitter:
    """Turns records into layout blocks with line numbers, blank lines and hard breaks."""

    def __init__(self, max_blocks: int) -> None:
        self.blocks: list[Line | Table] = []
        self.max_blocks = max_blocks
        self.line = 0
        self.blank = False
        self.hard = False
        self.after = 0.0  # space after the last paragraph, in points

    def _next_line(self) -> int:
        self.line += 1
        if self.line > self.max_blocks:
            raise BudgetExceeded(f"the document has more than {self.max_blocks:,} lines and table rows",
                                 "max_layout_blocks")
        return self.line

    def emit(self, records: list[_Record]) -> None:
        # an explicit stack: a box in a box in a frame … never recurses
        work: list[tuple[bool, _Record]] = [(False, record) for record in reversed(records)]
        while work:
            closing, record = work.pop()
            if isinstance(record, _TableRecord):
                if len(record.rows) == 1 and max(map(len, record.rows)) == 1:  # a frame around text
                    work.extend((False, inner) for inner in reversed(record.first_cell))
                else:
                    self._table(record)
            elif closing:
                if record.break_after:
                    self.hard = True
            else:
                self._paragraph(record)
                work.append((True, record))
                work.extend((False, box) for box in reversed(record.boxes))

    def paragraph(self, para: _Para) -> None:
        """A paragraph without text boxes."""
        self._paragraph(para)
        if para.break_after:
            self.hard = True

    def _paragraph(self, para: _Para) -> None:
        if para.page_break_before:
            self.hard = True
        before, after = para.spacing
        if self.after + before >= SPACED:
            self.blank = True
        self.after = after
        first = True
        for text in para.pieces:
            if not text:
                continue
            self.blocks.append(Line(text, None, self._next_line(), blank_before=self.blank if first else False,
                                    hard_break=self.hard if first else False))
            self.blank = self.hard = first = False
        if first:  # an empty paragraph: a blank line
            self.blank = True

    def _table(self, table: _TableRecord) -> None:
        width = max((len(cells) for cells in table.rows), default=0)
        rows = []
        for cells in table.rows:
            if not any(c.strip() for c in cells):
                continue
            rows.append(Row(tuple(cells + [""] * (width - len(cells))), None, self._next_line()))
        if rows:
            self.blocks.append(Table(tuple(rows)))
            self.blank = self.hard = False
            self.after = 0.0


def text_lines(records: list[_Record]) -> list[str]:
    """The lines of a cell's records: each paragraph piece, each nested table row (cells joined by a
    space), text boxes after their paragraph."""
    out: list[str] = []
    work = list(reversed(records))
    while work:
        record = work.pop()
        if isinstance(record, _Para):
            out.extend(piece for piece in record.pieces if piece)
            work.extend(reversed(record.boxes))
        else:
            for cells in record.rows:
                text = normalize_spacing(" ".join(c.replace("\n", " ") for c in cells if c.strip()))
                if text:
                    out.append(text)
    return out


class _Body(Budgeted):
    """The event target for word/document.xml: keeps what is open (paragraphs, runs, tables, cells,
    text boxes) on stacks and emits each body block as soon as it is complete."""

    def __init__(self, styles: Styles, numbering: Numbering, limits: Limits, deadline: Deadline, part: str) -> None:
        super().__init__(limits, part)
        self.styles = styles
        self.numbering = numbering
        self.limits = limits
        self.deadline = deadline
        self.emitter = _Emitter(limits.max_layout_blocks)
        self.max_chars = limits.max_text_chars
        self.chars = 0
        self.legacy_fonts: dict[str, set[str]] = {}  # encoding -> the font names decoded with it
        # the properties elements open (w:pPr, w:numPr, w:rPr, w:tcPr, w:trPr), innermost last: the
        # handlers of the elements inside them read it as their "parent"
        self.props: list[str] = [""]
        self.skip_at = 0  # depth of the subtree being skipped (0: none)
        self.in_text = False
        self.paras: list[_OpenPara] = []
        self.runs: list[_OpenRun] = []
        self.tables: list[_OpenTable] = []
        self.cells: list[_OpenCell] = []
        # where finished records go: None is the body (emitted at once), a list a cell or a text box
        self.sinks: list[list[_Record] | None] = [None]
        self.starts = {P: self._start_p, R: self._start_r, T: self._start_t, TBL: self._start_tbl,
                       TR: self._start_tr, TC: self._start_tc, TXBX: self._start_box,
                       w("tab"): self._tab, w("ptab"): self._tab, w("br"): self._br, w("cr"): self._cr,
                       w("noBreakHyphen"): self._hyphen, w("sym"): self._sym, w("spacing"): self._spacing,
                       w("gridCol"): self._grid_col, w("gridBefore"): self._grid_before,
                       w("gridSpan"): self._grid_span, w("vMerge"): self._v_merge,
                       SECTPR: self._section}
        self.starts.update({tag: partial(self._open_props, tag) for tag in PROPERTY_PARENTS})
        self.starts.update(dict.fromkeys(SKIPPED, self._skip))
        self.starts.update({tag: partial(self._property, setting) for tag, setting in PROPERTIES.items()})
        self.ends = {P: self._end_p, R: self._end_r, T: self._end_t, TBL: self._end_tbl, TR: self._end_tr,
                     TC: self._end_tc, TXBX: self._end_box}
        self.ends.update(dict.fromkeys(PROPERTY_PARENTS, self._close_props))

    # --- the parser's events -------------------------------------------------------------------
    def start(self, tag: str, attrib: Any) -> None:
        # the hot path (every element of the part): budgets counted inline, one dictionary lookup
        self.elements += 1
        self.depth += 1
        if self.elements > self.max_elements or self.depth > self.max_depth:
            self.depth -= 1
            self.count()  # raises the budget's error
        if not self.elements & DEADLINE_EVERY:
            self.deadline.check()
        if self.skip_at:
            return
        handler = self.starts.get(tag)
        if handler is not None:
            handler(attrib, self.props[-1])

    def _skip(self, attrib: Any, parent: str) -> None:
        self.skip_at = self.depth

    def _open_props(self, tag: str, attrib: Any, parent: str) -> None:
        if tag == RPR and parent == PPR:  # the paragraph mark's run properties
            self.skip_at = self.depth
        else:
            self.props.append(tag)

    def _close_props(self) -> None:
        self.props.pop()

    def _section(self, attrib: Any, parent: str) -> None:
        if parent == PPR and self.paras:
            self.paras[-1].break_after = True  # a section ends with this paragraph
        self.skip_at = self.depth

    def _property(self, setting: tuple[str, str, str, Callable[[Any], Any]], attrib: Any, parent: str) -> None:
        if parent == setting[0]:
            owners = self.paras if setting[1] == "paragraph" else self.runs
            if owners:
                setattr(owners[-1], setting[2], setting[3](attrib))

    def end(self, tag: str) -> None:
        if self.skip_at:
            if self.skip_at == self.depth:
                self.skip_at = 0
        else:
            handler = self.ends.get(tag)
            if handler is not None:
                handler()
        self.depth -= 1

    def data(self, text: str) -> None:
        if self.in_text and not self.skip_at:
            self.chars += len(text)
            if self.chars > self.max_chars:
                raise BudgetExceeded(f"the document holds more than {self.max_chars:,} characters of text",
                                     "max_text_chars")
            self.runs[-1].tokens.append(text)

    def close(self) -> Layout:
        warnings = [("legacy_font_decoded", f"text in {encoding.upper()} fonts ({', '.join(sorted(fonts)[:4])}) "
                     "was read as Unicode by the font's character table")
                    for encoding, fonts in sorted(self.legacy_fonts.items())]
        return Layout(blocks=self.emitter.blocks, format="docx", pages=None, warnings=warnings,
                      lines_are_paragraphs=True)

    # --- paragraphs and runs ---------------------------------------------------------------------
    def _start_p(self, attrib: Any, parent: str) -> None:
        self.paras.append(_OpenPara())

    def _spacing(self, attrib: Any, parent: str) -> None:
        if parent == PPR and self.paras:
            self.paras[-1].before, self.paras[-1].after = attrib.get(w("before")), attrib.get(w("after"))

    def _end_p(self) -> None:
        para = self.paras.pop()
        pieces = ["".join(fragments).replace(SOFT_HYPHEN, "") for fragments in para.pieces]
        if para.num_id is not None or self.numbering.styled(para.style):
            label = self.numbering.label(para.style, para.num_id, para.ilvl)
            if label:
                pieces[0] = label + pieces[0]
        spacing = self.styles.spacing(para.style)
        if para.before is not None or para.after is not None:
            spacing = spacing_values(para.before, para.after, spacing)
        self._finish(_Para([normalize_spacing(piece) for piece in pieces], spacing, para.page_break_before,
                           para.break_after, para.boxes))

    def _finish(self, record: _Record) -> None:
        sink = self.sinks[-1]
        if sink is not None:
            sink.append(record)
        elif isinstance(record, _Para) and not record.boxes:  # the common case, without the emitter's stack
            self.emitter.paragraph(record)
        else:
            self.emitter.emit([record])

    def _start_r(self, attrib: Any, parent: str) -> None:
        self.runs.append(_OpenRun())

    def _start_t(self, attrib: Any, parent: str) -> None:
        self.in_text = bool(self.runs)

    def _end_t(self) -> None:
        self.in_text = False

    def _literal(self, text: str | None) -> None:
        if self.runs:
            run = self.runs[-1]
            run.plain = False
            run.tokens.append(BREAK if text is BREAK else (text,))

    def _tab(self, attrib: Any, parent: str) -> None:
        self._literal(" ")

    def _hyphen(self, attrib: Any, parent: str) -> None:
        self._literal("-")

    def _br(self, attrib: Any, parent: str) -> None:
        if attrib.get(w("type")) == "page":
            if self.paras:
                self.paras[-1].break_after = True
        else:
            self._literal(BREAK)

    def _cr(self, attrib: Any, parent: str) -> None:
        self._literal(BREAK)

    def _sym(self, attrib: Any, parent: str) -> None:
        code = (attrib.get(w("char")) or "").strip()
        glyph = ""
        if HEX_CODE.fullmatch(code):
            point = int(code, 16)
            if 0xF000 <= point <= 0xF0FF:
                glyph = bullet_glyph(chr(point))
            elif point >= 0x20 and not 0xD800 <= point <= 0xDFFF and point <= 0x10FFFF:
                glyph = chr(point)
                legacy = font_encoding(attrib.get(w("font")))  # a letter inserted from a legacy font
                glyph = decode(glyph, legacy) if legacy is not None else glyph
        self._literal(glyph)

    def _end_r(self) -> None:
        run = self.runs.pop()
        if run.hidden or not self.paras or not run.tokens:
            return
        look = self.styles.look(self.paras[-1].style, run.style)
        if run.fonts is not None or run.caps is not None:  # direct formatting over the styles
            look = look_of(run.fonts, run.caps).over(look)
        legacy = look.legacy
        pieces = self.paras[-1].pieces
        if legacy is None and not look.caps and run.plain:  # the common case: text as it is
            pieces[-1].extend(run.tokens)  # type: ignore[arg-type]
            return
        if legacy is not None:
            self.legacy_fonts.setdefault(legacy.encoding.name, set()).add(legacy.name)
        for token in run.tokens:
            if token is BREAK:
                pieces.append([])
            elif isinstance(token, tuple):
                pieces[-1].append(token[0])
            else:
                text = decode(token, legacy) if legacy is not None else token
                pieces[-1].append(text.upper() if look.caps else text)

    # --- text boxes ------------------------------------------------------------------------------
    def _start_box(self, attrib: Any, parent: str) -> None:
        self.sinks.append([])

    def _end_box(self) -> None:
        records = self.sinks.pop() or []
        if self.paras:  # emitted after the paragraph it is anchored in
            self.paras[-1].boxes.extend(records)
        else:
            for record in records:
                self._finish(record)

    # --- tables ----------------------------------------------------------------------------------
    def _start_tbl(self, attrib: Any, parent: str) -> None:
        self.tables.append(_OpenTable())

    def _grid_col(self, attrib: Any, parent: str) -> None:
        if self.tables and self.tables[-1].cells is None:
            self.tables[-1].grid += 1

    def _start_tr(self, attrib: Any, parent: str) -> None:
        if self.tables:
            self.tables[-1].cells = []

    def _grid_before(self, attrib: Any, parent: str) -> None:
        if parent == TRPR and self.tables and self.tables[-1].cells is not None:
            table = self.tables[-1]
            cells = table.cells
            assert cells is not None
            count = integer(attrib.get(W_VAL), 0) or 0
            cells.extend([""] * self._columns(table, len(cells), count))

    def _columns(self, table: _OpenTable, column: int, span: int) -> int:
        """How many grid columns a cell spanning ``span`` from ``column`` really takes: at least one,
        at most to the end of the declared grid (or ``table_max_columns`` without one)."""
        edge = table.grid if table.grid > column else self.limits.table_max_columns
        return max(1, min(span, edge - column))

    def _start_tc(self, attrib: Any, parent: str) -> None:
        self.cells.append(_OpenCell())
        self.sinks.append(self.cells[-1].records)

    def _grid_span(self, attrib: Any, parent: str) -> None:
        if parent == TCPR and self.cells:
            self.cells[-1].span = integer(attrib.get(W_VAL), 1) or 1

    def _v_merge(self, attrib: Any, parent: str) -> None:
        if parent == TCPR and self.cells:
            self.cells[-1].merge = "restart" if attrib.get(W_VAL) == "restart" else "continue"

    def _end_tc(self) -> None:
        cell = self.cells.pop()
        self.sinks.pop()
        if not self.tables or self.tables[-1].cells is None:
            return
        table = self.tables[-1]
        cells = table.cells
        assert cells is not None
        if table.first_cell is None:
            table.first_cell = cell.records
        column = len(cells)
        if cell.merge == "continue":
            text = table.above.get(column, "")
        else:
            text = "\n".join(text_lines(cell.records))
            if cell.merge == "restart":
                table.above[column] = text
            else:
                table.above.pop(column, None)
        cells.append(text)
        cells.extend([""] * (self._columns(table, column, cell.span) - 1))
        if len(cells) > self.limits.table_max_columns:
            raise BudgetExceeded(f"a table row has more than {self.limits.table_max_columns:,} columns",
                                 "table_max_columns")

    def _end_tr(self) -> None:
        if not self.tables or self.tables[-1].cells is None:
            return
        table = self.tables[-1]
        table.rows.append(table.cells or [])
        table.cells = None
        if len(table.rows) > self.limits.table_max_rows:
            raise BudgetExceeded(f"a table has more than {self.limits.table_max_rows:,} rows", "table_max_rows")

    def _end_tbl(self) -> None:
        table = self.tables.pop()
        if table.rows:
            self._finish(_TableRecord(table.rows, table.first_cell or []))


def read_docx(data: bytes, *, options: ReadOptions | None = None) -> Layout:
    """Read the bytes of a .docx into a layout. Raises a ReadProblem when they are not one, and
    :class:`~kehoach_parser.limits.BudgetExceeded` past a budget of ``options.limits``."""
    options = options or ReadOptions()
    limits = options.limits
    with Package(data, limits) as package:
        main = package.related("", "officeDocument") or (MAIN_DOCUMENT if package.has(MAIN_DOCUMENT) else None)
        if main is None:
            raise ReadProblem("a ZIP archive without word/document.xml: not a Word document")
        styles = Styles(_side_part(package, main, "styles", limits))
        numbering = Numbering(_side_part(package, main, "numbering", limits), styles, limits)
        body = _Body(styles, numbering, limits, options.deadline, main)
        layout: Layout = feed(package.chunks(main), body, main)
    return layout


def _side_part(package: Package, main: str, kind: str, limits: Limits) -> Any:
    """The kept elements of the part ``main`` relates to as ``kind`` (word/styles.xml …), or None."""
    folder = main.rpartition("/")[0]
    name = package.related(main, kind) or f"{folder}/{kind}.xml"
    if not package.has(name):
        return None
    return parse_tree(package.chunks(name, side=True), limits, name)
