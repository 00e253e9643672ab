"""Reader for .docx plans (python-docx): the body's paragraphs and tables in document order -> layout.

Paragraphs
    Every body paragraph is one :class:`Line` (Word never hard-wraps, so a Line is a whole
    paragraph). A manual line break (w:br, w:cr) splits it into several Lines, the later ones
    glued to it (``blank_before`` False). ``blank_before``: one or more empty paragraphs stood
    before it. ``hard_break``: a page break, "page break before" or a section break stood before
    it. Automatic numbering (w:numPr) is rendered into the text ("1. ", "a) ", "1.2. ", "II. ",
    "- ") by :mod:`.numbering`. Tabs read as spaces. Text boxes anchored in a paragraph follow it
    as Lines of their own.
Tables
    One :class:`Table` per top-level w:tbl, one :class:`Row` per w:tr, one cell per grid column.
    A horizontally merged cell (w:gridSpan) is read once, in its first grid column; the columns it
    covers are "". A vertically merged cell (w:vMerge) repeats its text in every row it spans: a
    Word row is a whole row (no page splits), so a lead unit merged over five task rows is the
    lead of each of them, and only the row stitcher's continuation rule (an empty STT) may join
    rows. A cell's paragraphs are joined with "\\n"; a nested table is read into its cell, one
    "\\n"-separated line per row with its cells separated by a space. Empty rows are dropped; a
    one-cell table (a frame around text) is read as the Lines it holds. Borderless layout tables
    (the two-column header, "Nơi nhận | TM. …") are emitted like any table: the segmenter unfolds them.
Ignored
    Page headers and footers, footnotes, comments, deleted (w:del, w:moveFrom) and hidden
    (w:vanish) text, field codes (their results are read), the mc:Fallback copy of drawings.
Provenance
    ``line`` is the 1-based position of the Line or Row in the body's reading order; ``page`` is
    None: a .docx has no pages until a word processor lays it out.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

from ..layout import Layout, Line, Row, Table
from ..text import tidy
from .numbering import Numbering, bullet_glyph
from .options import ReadOptions
from .problems import CorruptProblem, ReadProblem

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
SKIPPED = {qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr"), qn("w:instrText"), qn("w:delText"),
           qn("w:footnoteReference"), qn("w:endnoteReference"), qn("w:commentReference"), MC_FALLBACK}
BREAKS = {qn("w:br"), qn("w:cr")}
SPACED = 4.0  # points of paragraph spacing that separate two paragraphs visibly


class Spacing:
    """Space before and after a paragraph in points: direct formatting, then its style and the
    styles it is based on, then the document defaults."""

    def __init__(self, styles: etree._Element | None) -> None:
        self.styles: dict[str, etree._Element] = {}
        self.default = (0.0, 0.0)
        if styles is None:
            return
        for style in styles.iter(qn("w:style")):
            self.styles[style.get(qn("w:styleId"), "")] = style
        defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
        self.default = self._own(defaults, (0.0, 0.0))
        self.paragraph_default = next((sid for sid, st in self.styles.items()
                                       if st.get(qn("w:type")) == "paragraph" and st.get(qn("w:default")) in ("1", "true")),
                                      None)

    @staticmethod
    def _own(ppr: etree._Element | None, base: tuple[float, float]) -> tuple[float, float]:
        spacing = ppr.find(qn("w:spacing")) if ppr is not None else None
        if spacing is None:
            return base
        before, after = spacing.get(qn("w:before")), spacing.get(qn("w:after"))
        return (int(before) / 20 if before and before.lstrip("-").isdigit() else base[0],
                int(after) / 20 if after and after.lstrip("-").isdigit() else base[1])

    def of(self, p: etree._Element) -> tuple[float, float]:
        ppr = p.find(qn("w:pPr"))
        style_id = _val(ppr.find(qn("w:pStyle"))) if ppr is not None else None
        chain: list[etree._Element] = []
        style_id = style_id or getattr(self, "paragraph_default", None)
        while style_id and style_id in self.styles and len(chain) < 10:
            style = self.styles[style_id]
            chain.append(style)
            style_id = _val(style.find(qn("w:basedOn")))
        value = self.default
        for style in reversed(chain):
            value = self._own(style.find(qn("w:pPr")), value)
        return self._own(ppr, value)


@dataclass
class _State:
    numbering: Numbering
    spacing: Spacing
    blocks: list[Line | Table] = field(default_factory=list)
    line: int = 0
    blank: bool = False
    hard: bool = False
    after: float = 0.0  # space after the last paragraph, in points

    def next_line(self) -> int:
        self.line += 1
        return self.line


def read_docx(data: bytes, *, options: ReadOptions | None = None) -> Layout:
    """Read the bytes of a .docx into a layout. Raises a ReadProblem when they are not one."""
    document = _open(data)
    styles = document.styles.element
    state = _State(Numbering(_numbering_element(document), styles), Spacing(styles))
    _body(document.element.body, state)
    return Layout(blocks=state.blocks, format="docx", pages=None, lines_are_paragraphs=True)


def _open(data: bytes):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise ReadProblem("a ZIP archive without word/document.xml: not a Word document")
            bad = archive.testzip()
            if bad is not None:
                raise CorruptProblem(f"the Word file is damaged (part {bad} fails its checksum)")
    except zipfile.BadZipFile:
        raise CorruptProblem("the Word file is damaged or truncated (not a readable ZIP archive)") from None
    except (EOFError, zipfile.LargeZipFile, OSError) as exc:
        raise CorruptProblem(f"the Word file is damaged or truncated ({exc})") from None
    try:
        return docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise ReadProblem("not a Word document package") from None
    except etree.XMLSyntaxError as exc:
        raise CorruptProblem(f"the Word file is damaged (broken XML: {exc})") from None
    except ValueError as exc:  # a macro-enabled or template package: another content type
        raise ReadProblem(f"not a Word document ({exc})") from None
    except (KeyError, zipfile.BadZipFile, EOFError) as exc:
        raise CorruptProblem(f"the Word file is damaged ({exc})") from None


def _numbering_element(document) -> etree._Element | None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        return document.part.part_related_by(RT.NUMBERING).element
    except KeyError:
        return None


def _body(container: etree._Element, state: _State) -> None:
    for child in container.iterchildren():
        tag = child.tag
        if tag == qn("w:p"):
            _paragraph(child, state)
        elif tag == qn("w:tbl"):
            _table(child, state)
        elif tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent"))
            _body(content if content is not None else child, state)


def _paragraph(p: etree._Element, state: _State) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None \
            and _val(ppr.find(qn("w:pageBreakBefore")), "1") not in ("0", "false"):
        state.hard = True
    pieces, boxes, page_break = _paragraph_text(p)
    before, after = state.spacing.of(p)
    if state.after + before >= SPACED:
        state.blank = True
    state.after = after
    label = state.numbering.label(p)
    if label and pieces:
        pieces[0] = label + pieces[0]
    elif label:
        pieces = [label.strip()]
    texts = [t for t in (tidy(piece) for piece in pieces)]
    first = True
    for text in texts:
        if not text:
            continue
        state.blocks.append(Line(text, None, state.next_line(), blank_before=state.blank if first else False,
                                 hard_break=state.hard if first else False))
        state.blank = state.hard = first = False
    if first:  # an empty paragraph: a blank line
        state.blank = True
    for box in boxes:
        _body(box, state)
    if page_break or (ppr is not None and ppr.find(qn("w:sectPr")) is not None):
        state.hard = True


def _paragraph_text(p: etree._Element) -> tuple[list[str], list[etree._Element], bool]:
    """(the paragraph's pieces between manual line breaks, its text boxes, a page break seen)."""
    pieces: list[str] = [""]
    boxes: list[etree._Element] = []
    page_break = False

    def walk(el: etree._Element) -> None:
        nonlocal page_break
        for child in el.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIPPED:
                continue
            if tag == qn("w:txbxContent"):
                boxes.append(child)
            elif tag == qn("w:r"):
                rpr = child.find(qn("w:rPr"))
                vanish = rpr.find(qn("w:vanish")) if rpr is not None else None
                if vanish is None or _val(vanish, "1") in ("0", "false"):
                    walk(child)
            elif tag == qn("w:t"):
                pieces[-1] += child.text or ""
            elif tag == qn("w:tab") or tag == qn("w:ptab"):
                pieces[-1] += " "
            elif tag in BREAKS:
                if child.get(qn("w:type")) == "page":
                    page_break = True
                else:
                    pieces.append("")
            elif tag == qn("w:noBreakHyphen"):
                pieces[-1] += "-"
            elif tag == qn("w:sym"):
                code = child.get(qn("w:char"), "")
                try:
                    glyph = chr(int(code, 16))
                except ValueError:
                    glyph = ""
                pieces[-1] += bullet_glyph(glyph) if 0xF000 <= ord(glyph or " ") <= 0xF0FF else glyph
            elif tag == qn("w:softHyphen"):
                continue
            else:
                walk(child)

    walk(p)
    return [piece.replace("\u00ad", "") for piece in pieces], boxes, page_break


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    return default if el is None else el.get(qn("w:val"), default)


def _table(tbl: etree._Element, state: _State) -> None:
    grid = _grid(tbl, state)
    if not grid:
        return
    width = max(len(cells) for cells, _ in grid)
    if width == 1 and len(grid) == 1:  # a frame around text, not a table
        for cell in _children(tbl, "w:tr")[0].iter(qn("w:tc")):
            _body(cell, state)
            break
        return
    rows = []
    for cells, _tr in grid:
        if not any(c.strip() for c in cells):
            continue
        cells = cells + [""] * (width - len(cells))
        rows.append(Row(tuple(cells), None, state.next_line()))
    if rows:
        state.blocks.append(Table(tuple(rows)))
        state.blank = state.hard = False
        state.after = 0.0


def _children(parent: etree._Element, tag: str) -> list[etree._Element]:
    """The ``tag`` children of ``parent`` (rows of a table, cells of a row), looking through the
    content controls and custom XML that may wrap them."""
    out = []
    for child in parent.iterchildren():
        if child.tag == qn(tag):
            out.append(child)
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent"))
            out.extend(c for c in (content if content is not None else child).iterchildren() if c.tag == qn(tag))
    return out


def _grid(tbl: etree._Element, state: _State) -> list[tuple[list[str], etree._Element]]:
    """Each row's cells on the table grid: merged cells read once across, repeated down."""
    out: list[tuple[list[str], etree._Element]] = []
    above: dict[int, str] = {}  # grid column -> text of the vertical merge open there
    for tr in _children(tbl, "w:tr"):
        trpr = tr.find(qn("w:trPr"))
        before = _int(_val(trpr.find(qn("w:gridBefore")))) if trpr is not None else 0
        cells = [""] * before
        for tc in _children(tr, "w:tc"):
            tcpr = tc.find(qn("w:tcPr"))
            span = _int(_val(tcpr.find(qn("w:gridSpan")))) if tcpr is not None else 1
            merge_el = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
            merge = None if merge_el is None else _val(merge_el, "continue")
            col = len(cells)
            if merge == "continue":
                text = above.get(col, "")
                _cell_text(tc, state)  # keeps numbering counters in step
            else:
                text = _cell_text(tc, state)
                if merge == "restart":
                    above[col] = text
                else:
                    above.pop(col, None)
            cells.extend([text] + [""] * (max(span, 1) - 1))
        out.append((cells, tr))
    return out


def _int(text: str | None) -> int:
    try:
        return int(text) if text else 0
    except ValueError:
        return 0


def _cell_text(tc: etree._Element, state: _State) -> str:
    """A cell's paragraphs joined with "\\n"; a nested table one line per row."""
    lines: list[str] = []
    for child in tc.iterchildren():
        if child.tag == qn("w:p"):
            pieces, _boxes, _ = _paragraph_text(child)
            pieces[0] = state.numbering.label(child) + pieces[0]
            lines.extend(text for text in (tidy(piece) for piece in pieces) if text)
        elif child.tag == qn("w:tbl"):
            for cells, _tr in _grid(child, state):
                text = tidy(" ".join(c.replace("\n", " ") for c in cells if c.strip()))
                if text:
                    lines.append(text)
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent"))
            text = _cell_text(content if content is not None else child, state)
            if text:
                lines.append(text)
    return "\n".join(lines)
