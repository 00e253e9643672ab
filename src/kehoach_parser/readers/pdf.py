"""Reader for .pdf plans (pdfplumber): positioned words -> layout lines and tables.

Per page: tables are found from the ruling lines (pdfplumber's "lines" strategy) and read cell by
cell on the grid of their rules (:func:`.geometry.grid`: a merged cell read once across and
repeated down; a cell's wrapped lines joined with a space). The other words are grouped into
lines; page numbers and running headers/footers in the top and bottom margins are dropped; runs of
lines set in two columns side by side (the borderless header "organ | motto", the closing "Nơi
nhận | TM. …") become a one-row, two-cell :class:`Table` whose cells hold the column's lines
separated by "\\n" — what the Word reader gives for the same borderless tables, and what the
segmenter unfolds column by column. The remaining lines are joined back into paragraphs by their
geometry (:func:`.geometry.continues`: the line above filled the measure, this one starts at the
margin, no paragraph spacing, neither is centred), across page breaks too, so that each
:class:`Line` is a whole paragraph where the geometry tells; a soft hyphen at a line end is
removed. ``blank_before`` marks paragraph spacing above a line.

A table that ends a page and one that starts the next with the same columns are one table: their
rows are joined (the segmenter drops the repeated header row and stitches a row split by the page
break, recognised by its empty first cell); a cell merged down across the page break, printed
only on the first page, is repeated into the rows it spans on the next.

Pages without a text layer are read by OCR (:mod:`.ocr`, Tesseract) into the same words and rules.
"(cid:N)" glyphs (no Unicode mapping in the font) are dropped and reported as a layout warning.

Provenance: ``page`` is 1-based; ``line`` is the position of the text line (or table row) in its
page's reading order, 1-based, after page numbers and running headers are dropped; a paragraph
carries its first line's.
"""
from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass, field

from ..layout import Layout, Line, Row, Table
from ..limits import BudgetExceeded
from ..text import normalize_spacing
from . import geometry, streams, textlayer
from .geometry import ColumnBlock, Grid, Margins, TextLine, Word
from .options import ReadOptions
from .page_numbers import PAGE_NUMBER
from .parallel import read_pages
from .pdfium import Document, PageContent, open_document
from .problems import CorruptProblem
from .rules import BBox, tables

MARGIN_ZONE = 0.12  # top and bottom share of the page where page numbers and running heads sit
SCANNED_MAX_GLYPHS = 20  # a page with fewer characters in its text layer ...
SCANNED_MIN_COVER = 0.5  # ... and images over at least this share of it is a scan (a stamped page number aside)


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[TextLine]
    grids: list[Grid]
    items: list[TextLine | ColumnBlock | Grid] = field(default_factory=list)
    ocr: bool = False


def read_pdf(data: bytes, *, options: ReadOptions | None = None, ocr_dpi: int = 300) -> Layout:
    """Read the bytes of a PDF into a layout. Raises a ReadProblem when they are not one, and
    :class:`~kehoach_parser.limits.BudgetExceeded` past one of ``options.limits``.

    Each page is loaded once (PDFium) and released: its text layer is checked (none, blank,
    garbled or usable) and its words and ruling lines read into lines and table grids in the same
    pass. Pages without a usable text layer are read by OCR afterwards (``options.ocr``: "auto"
    those pages, "force" every page, "never" none — they stay empty, with a warning)."""
    options = options or ReadOptions()
    limits = options.limits
    streams.check(data, limits)
    warnings: list[tuple[str, str]] = []
    unmapped: dict[int, int] = {}
    with open_document(data) as document:
        count = len(document)
        if count == 0:
            raise CorruptProblem("the PDF has no pages (damaged?)")
        if count > limits.pdf_max_pages:
            raise BudgetExceeded(f"the PDF has {count:,} pages, more than {limits.pdf_max_pages:,}", "pdf_max_pages")
        pages: list[Page] = []
        need: dict[str, list[int]] = {"scanned": [], "garbled": [], "forced": []}
        with closing(read_pages(document, limits, options.deadline, options.workers)) as contents:
            for content in contents:
                verdict = _text_layer(content)
                page = Page(content.number, content.width, content.height, [], [])
                pages.append(page)
                if verdict == "blank":
                    continue
                if verdict != "text":
                    need[verdict].append(content.number)
                    continue
                if options.ocr == "force":
                    need["forced"].append(content.number)
                    continue
                if content.unmapped:
                    unmapped[content.number] = content.unmapped
                page.lines, page.grids = _split(content.words, tables(content.rules), content.number)
        if need["garbled"]:
            warnings.append(("text_layer_garbled", f"the text layer of page(s) {_ranges(need['garbled'])} does not "
                                                   "read as Vietnamese (fonts without a usable character map)"))
        wanted = sorted(need["scanned"] + need["garbled"] + need["forced"])
        if wanted and options.ocr == "never":
            warnings.append(("ocr_skipped", f"page(s) {_ranges(wanted)} need OCR, which is off (ocr='never'): "
                                            "they were left empty"))
        elif wanted:
            illegible = _ocr(document, [pages[n - 1] for n in wanted], options, ocr_dpi)
            if illegible:
                warnings.append(("ocr_illegible", f"page(s) {_ranges(illegible)}: words OCR could not read as print "
                                                  "(handwriting?) were left out"))
            reason = {"scanned": "have no text layer", "garbled": "have a garbled text layer",
                      "forced": "were asked to be"}
            said = "; ".join(f"{_ranges(need[k])} {reason[k]}" for k in ("scanned", "garbled", "forced") if need[k])
            warnings.append(("ocr", f"page(s) read by OCR: {said}"))
    if unmapped:
        total = sum(unmapped.values())
        warnings.append(("unmapped_glyphs", f"{total} glyph(s) on page(s) {_ranges(sorted(unmapped))} have no "
                                            "Unicode mapping in the PDF's fonts and may read wrongly"))
    _drop_running_lines(pages)
    previous: Page | None = None
    for page in pages:
        _order(page, previous)
        previous = page
    blocks = _blocks(pages)
    ocr_pages = frozenset(wanted) if wanted and options.ocr != "never" else frozenset()
    return Layout(blocks=blocks, format="pdf", pages=len(pages), warnings=warnings, lines_are_paragraphs=True,
                  ocr_pages=ocr_pages)


def _text_layer(content: PageContent) -> str:
    """"text" (a usable text layer), "blank" (nothing to read: no text, no image), "scanned" (page
    images and next to no text) or "garbled" (text that does not read as Vietnamese)."""
    if content.glyphs < SCANNED_MAX_GLYPHS:
        page_area = max(content.width * content.height, 1.0)
        covered = sum(max(0.0, x1 - x0) * max(0.0, bottom - top) for x0, top, x1, bottom in content.images)
        if covered >= SCANNED_MIN_COVER * page_area:
            return "scanned"
        if not content.glyphs:
            return "blank" if not content.images else "scanned"
    if textlayer.garbled([w.text for w in content.words]):
        return "garbled"
    return "text"


def _ocr(document: Document, pages: list[Page], options: ReadOptions, dpi: int) -> list[int]:
    """Read ``pages`` by OCR (within the OCR budgets), in place; the numbers of the pages where
    words were left out as handwriting or illegible."""
    from .ocr import ocr_page, reconcile

    limits = options.limits
    if len(pages) > limits.ocr_max_pages:
        raise BudgetExceeded(f"{len(pages):,} pages need OCR, more than {limits.ocr_max_pages:,}", "ocr_max_pages")
    illegible: list[int] = []
    readings = []
    for page in pages:
        options.deadline.check()
        reading = ocr_page(document, page.number - 1, page.width, page.height, dpi=dpi,
                           max_pixels=limits.ocr_max_pixels)
        readings.append(reading)
        if reading.illegible:
            illegible.append(page.number)
    for page, reading, words in zip(pages, readings, reconcile([r.words for r in readings]), strict=True):
        page.lines, page.grids = _split(words, reading.tables, page.number)
        page.ocr = True
    return illegible


def _split(words: list[Word], tables: list[tuple[BBox, list[BBox]]], number: int) -> tuple[list[TextLine], list[Grid]]:
    """Words inside a table's box go to its cells, the others to text lines."""
    inside: list[list[Word]] = [[] for _ in tables]
    free: list[Word] = []
    for word in words:
        for k, (bbox, _cells) in enumerate(tables):
            if bbox[0] - 1 <= word.cx <= bbox[2] + 1 and bbox[1] - 1 <= word.cy <= bbox[3] + 1:
                inside[k].append(word)
                break
        else:
            free.append(word)
    grids = []
    for (bbox, cells), ws in zip(tables, inside, strict=True):
        g = geometry.grid(cells, ws, bbox)
        g.page = number
        grids.append(g)
    lines = geometry.group_lines(free)
    for line in lines:
        line.page = number
    return lines, grids


def _ranges(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers[:12]) + (" …" if len(numbers) > 12 else "")


def _drop_running_lines(pages: list[Page]) -> None:
    """Drop page numbers and running headers/footers: lines in the top or bottom margin zone that
    are a page number, or whose text (digits aside) recurs on several pages."""
    def zone(page: Page, line: TextLine) -> bool:
        return line.bottom < page.height * MARGIN_ZONE or line.top > page.height * (1 - MARGIN_ZONE)

    seen: dict[str, set[int]] = {}
    for page in pages:
        for line in page.lines:
            if zone(page, line):
                seen.setdefault(geometry.DIGITS.sub("#", line.text), set()).add(page.number)
    repeated = {text for text, where in seen.items() if len(where) >= max(2, (len(pages) + 1) // 2)}
    for page in pages:
        page.lines = [ln for ln in page.lines if not (zone(page, ln) and (
            PAGE_NUMBER.match(ln.text) or geometry.DIGITS.sub("#", ln.text) in repeated))]


def _order(page: Page, previous: Page | None) -> None:
    """The page's items in reading order, each text line and table row numbered. Lines at the top
    that carry on the two columns that ended the page before are added to that block."""
    counter = 0
    lines = sorted(page.lines, key=lambda ln: ln.top)
    last = previous.items[-1] if previous is not None and previous.items else None
    if isinstance(last, ColumnBlock) and previous is not None and round(previous.width) == round(page.width):
        while lines and (not page.grids or lines[0].bottom < min(g.top for g in page.grids)) \
                and geometry.extend_block(last, lines[0], same_page=False):
            counter += 1
            lines[0].number = counter
            lines.pop(0)
    items: list[tuple[float, TextLine | ColumnBlock | Grid]] = [
        (item.top, item) for item in geometry.column_blocks(lines)]
    items.extend((g.top, g) for g in page.grids)
    items.sort(key=lambda pair: pair[0])
    for _, item in items:
        if isinstance(item, TextLine):
            counter += 1
            item.number = counter
        elif isinstance(item, ColumnBlock):
            for line in item.lines():
                counter += 1
                line.number = counter
        else:
            item.numbers = list(range(counter + 1, counter + 1 + len(item.rows)))
            counter += len(item.rows)
    page.items = [item for _, item in items]


def _blocks(pages: list[Page]) -> list[Line | Table]:
    """Pages' items -> layout blocks: paragraphs joined back, tables joined across pages."""
    doc_margins: dict[int, Margins] = {}
    page_margins: dict[int, Margins] = {}
    for page in pages:
        flow = [i for i in page.items if isinstance(i, TextLine)]
        m = geometry.margins(flow)
        if m is not None:
            page_margins[page.number] = m
            doc_margins.setdefault(round(page.width), m)
    pitch = geometry.line_pitch([i for p in pages for i in p.items if isinstance(i, TextLine)])

    def margins_of(page: Page) -> Margins:
        return page_margins.get(page.number) or doc_margins.get(round(page.width)) or Margins(
            page.width * 0.1, page.width * 0.9)

    blocks: list[Line | Table] = []
    grids: dict[int, Grid] = {}  # id(Table block) -> the grid it was built from (the last one joined)
    prev_line: TextLine | None = None  # the last physical line of the open paragraph
    prev_page: Page | None = None
    opened = False  # prev_line is the first line of its paragraph
    for page in pages:
        m = margins_of(page)
        for index, item in enumerate(page.items):
            if isinstance(item, Grid):
                last = blocks[-1] if blocks else None
                if isinstance(last, Table) and id(last) in grids and prev_line is None and index == 0 and \
                        _continued(grids[id(last)], item):
                    joined = Table(last.rows + _rows(item, grids[id(last)]))
                    del grids[id(last)]
                    blocks[-1] = joined
                    grids[id(joined)] = item
                else:
                    table = Table(tuple(_rows(item, None)))
                    if table.rows:
                        blocks.append(table)
                        grids[id(table)] = item
                prev_line = None
                continue
            if isinstance(item, ColumnBlock):
                cells = tuple(geometry.column_text(col) for col in item.columns)
                first = min(item.lines(), key=lambda ln: (ln.page, ln.number))
                blocks.append(Table((Row(cells, page.number, first.number),)))
                prev_line = None
                continue
            line = item
            text = line.text
            if not text:
                continue
            if prev_line is not None and isinstance(blocks[-1], Line):
                same_page = prev_line.page == line.page
                gap = geometry.spaced(prev_line, line, pitch) if same_page else False
                m_prev = margins_of(prev_page) if prev_page is not None else m
                if not gap and geometry.continues(prev_line, line, m, m_prev, opened=opened):
                    last = blocks[-1]
                    blocks[-1] = Line(geometry.join_lines(last.text, text), last.page, last.line,
                                      last.blank_before, last.hard_break)
                    prev_line, prev_page, opened = line, page, False
                    continue
                blank = gap
            else:
                blank = _first_spaced(page, index)
            blocks.append(Line(normalize_spacing(text), page.number, line.number, blank_before=blank))
            prev_line, prev_page, opened = line, page, True
    return blocks


def _first_spaced(page: Page, index: int) -> bool:
    """Paragraph spacing above the first line after a table or column block on the same page."""
    if index == 0:
        return False
    before = page.items[index - 1]
    if isinstance(before, TextLine):
        return False
    line = page.items[index]
    if not isinstance(line, TextLine):
        return False
    bottom = before.bbox[3] if isinstance(before, Grid) else max(ln.bottom for ln in before.lines())
    return line.top - bottom > 0.5 * line.height


def _continued(prev: Grid, grid: Grid) -> bool:
    """``grid`` (first on its page) continues ``prev`` (last on the page before): same columns."""
    if len(prev.xs) != len(grid.xs):
        return False
    return all(abs(a - b) <= 3.0 for a, b in zip(prev.xs, grid.xs, strict=True))


def _rows(grid: Grid, prev: Grid | None) -> tuple[Row, ...]:
    rows = [list(r) for r in grid.rows]
    if prev is not None and prev.rows and rows:
        _carry_merges(prev, grid, rows)
    out = []
    for cells, number in zip(rows, grid.numbers, strict=False):
        if any(c.strip() for c in cells):
            out.append(Row(tuple(normalize_spacing(c) for c in cells), grid.page, number))
    return tuple(out)


def _carry_merges(prev: Grid, grid: Grid, rows: list[list[str]]) -> None:
    """A cell merged down across the page break prints its text where the break finds it: all on
    the first page, or its start there and its rest here. Give the rows its continuation spans on
    this page the cell's whole text (rows with a first cell of their own: a row split by the break,
    with an empty first cell, is joined to its first part by the segmenter)."""
    repeated_header = [normalize_spacing(c) for c in rows[0]] == [normalize_spacing(c) for c in prev.rows[0]]
    start = 1 if repeated_header else 0
    if start >= len(rows) or start >= len(grid.spans_down):
        return
    last = prev.rows[-1]
    split_row = not rows[start][0].strip()
    last_spans = _spans_at_end(prev)
    for c, span in grid.spans_down[start].items():
        if split_row:
            if span < 2:
                continue
            whole = geometry.join_lines(last[c], rows[start][c]) if last[c].strip() else rows[start][c]
        else:
            if rows[start][c].strip() or not last[c].strip() or (span < 2 and last_spans.get(c, 1) < 2):
                continue
            whole = last[c]
        for r in range(start, min(start + span, len(rows))):
            if rows[r][0].strip():
                rows[r][c] = whole


def _spans_at_end(grid: Grid) -> dict[int, int]:
    """Columns whose cell reaching the table's bottom spans more than one row -> its row count."""
    out: dict[int, int] = {}
    n = len(grid.rows)
    for r, spans in enumerate(grid.spans_down):
        for c, span in spans.items():
            if r + span == n:
                out[c] = span
    return out
