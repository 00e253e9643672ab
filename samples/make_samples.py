#!/usr/bin/env python3
"""Build the Word, PDF and scanned-PDF versions of the bundled plans.

For every ``samples/<stem>.txt`` this writes ``samples/<stem>.docx`` laid out as a real
government document (Decree 30/2020/NĐ-CP): A4, Times New Roman 14 pt (tables 12 pt); the header
as a borderless two-column table (left: the organ lines and "Số: …" when the text has them —
none is invented —, right: the national motto and the italic place-and-date line); the kind word
and title centred in bold; Roman sections, "1." / "1.1." items, "a)" and "(1)" items numbered by
Word's automatic numbering wherever the printed numbers run without a gap (printed literally
where they skip); target and task tables as Word tables whose header row repeats on every page,
with group rows merged across all columns and a lead, coordinating or leading-person cell merged
down over the rows that share it; the closing as a borderless "Nơi nhận | TM. …" table; page
numbers in the header from page 2; annexes in a new landscape section.

Then LibreOffice converts each .docx to ``samples/<stem>.pdf`` and one PDF is rendered to 200 dpi
greyscale images, slightly rotated and speckled, and saved as an image-only PDF
``samples/scanned/<stem>.pdf`` (its gold copy in ``samples/scanned/gold/``).

The content is read from the .txt with the project's own reader and segmenter (its paragraphs,
section tree, closing and annexes); table rows split across pages in the text are stitched back.

usage: python samples/make_samples.py [--no-pdf] [--no-scan] [--scan STEM]
Needs python-docx and pypdfium2 (installed with the package) and ``soffice`` for the PDFs.
"""
from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import ClassVar

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import regex  # noqa: E402

from kehoach_parser.extract.header import DATELINE, MOTTO  # noqa: E402
from kehoach_parser.layout import Table  # noqa: E402
from kehoach_parser.readers.text import read_text  # noqa: E402
from kehoach_parser.segment.document import Node, Segments, segment  # noqa: E402
from kehoach_parser.segment.markers import (  # noqa: E402
    BULLET_LINE,
    NUMBER_LINE,
    RECIPIENTS,
    ROMAN_HEADING,
    roman_value,
)
from kehoach_parser.segment.paragraphs import Para  # noqa: E402
from kehoach_parser.segment.tables import ROMAN_CELL, column_role  # noqa: E402
from kehoach_parser.text import fold, is_upper_text, join_fragments  # noqa: E402

SAMPLES = ROOT / "samples"
FONT = "Times New Roman"
SCAN_STEM = "001"
# "a) text" — a lettered item
LETTERED = regex.compile(r"^(?P<n>[a-z])\)\s*(?P<text>\S.*)$")
# "(1) text" — a numbered item in brackets
BRACKETED = regex.compile(r"^\((?P<n>\d{1,2})\)\s*(?P<text>\S.*)$")
# "7.1. text", "8.1 text", "1. text" — the number printed before a section item
ITEM_NUMBER = regex.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s*")
MOTTO_LINES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


# ----------------------------------------------------------------------------------- numbering

def _lvl(ilvl: int, fmt: str, text: str, indent: int = 567) -> OxmlElement:
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), str(ilvl))
    for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:suff", "space"), ("w:lvlText", text),
                     ("w:lvlJc", "left")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        lvl.append(el)
    ppr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), "0")
    ind.set(qn("w:firstLine"), str(indent))
    ppr.append(ind)
    lvl.append(ppr)
    return lvl


class Lists:
    """The numbering definitions of one document: Roman sections, "1."/"1.1." items, "a)", "(1)"."""

    ABSTRACTS: ClassVar[dict[str, list[tuple[str, str]]]] = {
        "roman": [("upperRoman", "%1.")],
        "items": [("decimal", "%1."), ("decimal", "%1.%2."), ("decimal", "%1.%2.%3."), ("decimal", "%1.%2.%3.%4.")],
        "letters": [("lowerLetter", "%1)")],
        "brackets": [("decimal", "(%1)")],
    }

    def __init__(self, document) -> None:
        self.numbering = document.part.numbering_part.element
        self.ids: dict[str, int] = {}
        first_num = self.numbering.find(qn("w:num"))
        for i, (name, levels) in enumerate(self.ABSTRACTS.items()):
            abstract = OxmlElement("w:abstractNum")
            abstract.set(qn("w:abstractNumId"), str(100 + i))
            kind = OxmlElement("w:multiLevelType")
            kind.set(qn("w:val"), "multilevel" if len(levels) > 1 else "singleLevel")
            abstract.append(kind)
            for ilvl, (fmt, text) in enumerate(levels):
                abstract.append(_lvl(ilvl, fmt, text, indent=0 if name == "roman" else 567))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self.numbering.append(abstract)
            self.ids[name] = 100 + i

    def new(self, name: str) -> int:
        """A new list instance of ``name`` that starts again at 1."""
        num = self.numbering.add_num(self.ids[name])
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        num.append(override)
        return num.numId


def _number(paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num_pr.append(lvl)
    num_pr.append(nid)
    ppr.append(num_pr)


# ----------------------------------------------------------------------------------- formatting

def _fonts(document) -> None:
    for name in ("Normal", "Table Grid"):
        style = document.styles[name]
        style.font.name = FONT
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
    normal = document.styles["Normal"]
    normal.font.size = Pt(14)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def _page(section, landscape: bool = False) -> None:
    width, height = Cm(21), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = (Cm(2), Cm(2)) if landscape else (Cm(3), Cm(2))
    section.header_distance = Cm(1)


def _page_numbers(section) -> None:
    """A centred PAGE field in the header, none on the first page (Decree 30)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _para(container, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None,
          align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True, before: float = 6, keep: bool = False):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(before)
    fmt.first_line_indent = Cm(1) if indent else None
    if keep:
        fmt.keep_with_next = True
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if size:
            run.font.size = Pt(size)
    if bold or italic:  # the paragraph mark's format: Word draws an automatic number in it
        mark = OxmlElement("w:rPr")
        for on, tag in ((bold, "w:b"), (italic, "w:i")):
            if on:
                mark.append(OxmlElement(tag))
        paragraph._p.get_or_add_pPr().append(mark)
    return paragraph


def _cell_para(cell, text: str, *, first: bool, **kw):
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = kw.pop("align", WD_ALIGN_PARAGRAPH.CENTER)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = kw.get("bold") or None, kw.get("italic") or None
        run.font.size = Pt(kw.get("size", 13))
    return paragraph


def _no_borders(table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def _widths(table, widths: list[float]) -> None:
    table.autofit = False
    for i, width in enumerate(widths):
        table.columns[i].width = Cm(width)
        for cell in table.columns[i].cells:
            cell.width = Cm(width)


# ----------------------------------------------------------------------------------- the parts

def _header(document, seg: Segments) -> None:
    left: list[str] = []
    right: list[str] = list(MOTTO_LINES)
    date: list[str] = []
    for para in seg.header:
        text = MOTTO.sub(" ", para.text).strip()
        m = NUMBER_LINE.search(text)
        if m:
            left.append(m.group().strip())
            text = (text[: m.start()] + " " + text[m.end():]).strip()
        if not text:
            continue
        if DATELINE.search(text):
            date.append(text)
        elif is_upper_text(text):
            left.insert(0, text)  # an organ line
        else:
            right.append(text)
    table = document.add_table(rows=2, cols=2)
    _no_borders(table)
    _widths(table, [6.0, 10.5])
    organ = [t for t in left if not NUMBER_LINE.search(t)]
    number = [t for t in left if NUMBER_LINE.search(t)]
    for i, text in enumerate(organ):
        _cell_para(table.cell(0, 0), text, first=i == 0, bold=i > 0, size=13)
    for i, text in enumerate(number):
        _cell_para(table.cell(1, 0), text, first=i == 0, size=13)
    _cell_para(table.cell(0, 1), right[0], first=True, bold=True, size=12)
    for text in right[1:]:
        _cell_para(table.cell(0, 1), text, first=False, bold=True, size=14)
    for i, text in enumerate(date):
        _cell_para(table.cell(1, 1), text, first=i == 0, italic=True, size=14)


def _closing(document, closing: list) -> None:
    left: list[str] = []
    right: list[str] = []
    in_recipients = False
    for item in closing:
        if not isinstance(item, Para):
            continue
        if RECIPIENTS.match(item.text):
            in_recipients = True
            left.append(item.text)
        elif in_recipients and BULLET_LINE.match(item.text):
            left.append(item.text)
        else:
            in_recipients = False
            right.append(item.text)
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, [8.0, 8.0])
    for i, text in enumerate(left):
        _cell_para(table.cell(0, 0), text, first=i == 0, align=WD_ALIGN_PARAGRAPH.LEFT,
                   bold=i == 0, italic=i == 0, size=12 if i == 0 else 11)
    signer = right[-1:] if right and not is_upper_text(right[-1]) else []
    titles = right[: len(right) - len(signer)]
    for i, text in enumerate(titles):
        _cell_para(table.cell(0, 1), text, first=i == 0, bold=True, size=14)
    for _ in range(4):  # room for the signature and the seal
        _cell_para(table.cell(0, 1), "", first=False)
    for text in signer:
        _cell_para(table.cell(0, 1), text, first=False, bold=True, size=14)


def _stitched_rows(tables: list[Table]) -> tuple[list[str], list[list[str]]]:
    """One logical table from the text's page pieces: header repeats dropped, split rows joined."""
    header = list(tables[0].rows[0].cells)
    key = [fold(c) for c in header]
    rows: list[list[str]] = []
    for table in tables:
        for row in table.rows:
            cells = list(row.cells) + [""] * (len(header) - len(row.cells))
            if [fold(c) for c in cells] == key:
                continue
            if not cells[0].strip() and rows:
                rows[-1] = [join_fragments(a, b) for a, b in zip(rows[-1], cells, strict=False)]
                continue
            rows.append(cells)
    return header, rows


def _group_row(cells: list[str]) -> bool:
    m = ROMAN_CELL.match(cells[0].strip())
    return bool(m and roman_value(m.group("num")) and not any(c.strip() for c in cells[2:]))


def _word_table(document, tables: list[Table], width: float) -> None:
    header, rows = _stitched_rows(tables)
    n = len(header)
    table = document.add_table(rows=1 + len(rows), cols=n)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    number_width = 1.2
    name_width = max(width * 0.4, width - number_width - 3.0 * (n - 2)) if n > 2 else width - number_width
    other = (width - number_width - name_width) / max(n - 2, 1)
    _widths(table, [number_width, name_width] + [other] * (n - 2))
    size = 12 if n <= 4 else 11
    for c, text in enumerate(header):
        _cell_para(table.cell(0, c), text, first=True, bold=True, size=size)
    trpr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    trpr.append(repeat)
    merge_cols = [c for c, text in enumerate(header) if column_role(text) in ("lead", "coordinators", "lead_person")]
    runs: dict[int, tuple[int, str]] = {}  # column -> (first row of the run, its text)

    def close(c: int, end: int) -> None:
        start, text = runs.pop(c, (end, ""))
        if text and end - start > 1:
            top = table.cell(start, c)
            top.merge(table.cell(end - 1, c))

    for r, cells in enumerate(rows, start=1):
        if _group_row(cells):
            for c in list(runs):
                close(c, r)
            m = ROMAN_CELL.match(cells[0].strip())
            if m and m.group("text").strip():
                merged = table.cell(r, 0).merge(table.cell(r, n - 1))
                _cell_para(merged, cells[0].strip(), first=True, bold=True, size=size, align=WD_ALIGN_PARAGRAPH.LEFT)
            else:
                _cell_para(table.cell(r, 0), cells[0].strip(), first=True, bold=True, size=size)
                merged = table.cell(r, 1).merge(table.cell(r, n - 1))
                _cell_para(merged, cells[1].strip(), first=True, bold=True, size=size,
                           align=WD_ALIGN_PARAGRAPH.LEFT)
            continue
        for c, text in enumerate(cells):
            text = text.strip()
            if c in merge_cols:
                run = runs.get(c)
                if run and run[1] == text and text:
                    continue  # same unit as the row above: the merge carries it
                close(c, r)
                runs[c] = (r, text)
            align = WD_ALIGN_PARAGRAPH.CENTER if c == 0 else WD_ALIGN_PARAGRAPH.LEFT if c == 1 else \
                WD_ALIGN_PARAGRAPH.CENTER
            _cell_para(table.cell(r, c), text, first=True, size=size, align=align)
    for c in list(runs):
        close(c, len(rows) + 1)


def _sections_index(seg: Segments) -> dict[int, tuple[Node, Node | None, list[Node]]]:
    """id(heading para) -> (node, its parent, its siblings)."""
    out: dict[int, tuple[Node, Node | None, list[Node]]] = {}

    def visit(nodes: list[Node], parent: Node | None) -> None:
        for node in nodes:
            out[id(node.para)] = (node, parent, nodes)
            visit(node.children, node)

    visit(seg.sections, None)
    return out


def _regular(nodes: list[Node], parent: Node | None) -> bool:
    """The printed numbers run 1, 2, 3 … (under "3": 3.1, 3.2 …) without a gap."""
    if parent is None:
        return [roman_value(n.number) for n in nodes] == list(range(1, len(nodes) + 1))
    prefix = "" if parent.depth == 1 else parent.number + "."
    return [n.number for n in nodes] == [f"{prefix}{i}" for i in range(1, len(nodes) + 1)]


class Body:
    """Writes the body paragraphs and tables, with automatic numbering where it fits."""

    def __init__(self, document, seg: Segments, lists: Lists) -> None:
        self.document, self.lists = document, lists
        self.index = _sections_index(seg)
        self.roman_num = lists.new("roman") if _regular(seg.sections, None) else None
        self.item_num: int | None = None
        self.enum_nums: dict[tuple[str, int], int] = {}  # (kind, id of the run's first para) -> numId
        self.runs = self._enumeration_runs(seg)

    def _enumeration_runs(self, seg: Segments) -> dict[int, tuple[str, int]]:
        """id(para) -> (list kind, id of its run) for "a)" and "(1)" items that run without a gap."""
        out: dict[int, tuple[str, int]] = {}
        containers = [seg.preamble] + [node.content for root in seg.sections for node in root.walk()]
        for content in containers:
            for kind, pattern, value in (("letters", LETTERED, lambda s: ord(s) - 96),
                                         ("brackets", BRACKETED, int)):
                paras = [p for p in content if isinstance(p, Para) and pattern.match(p.text)]
                numbers = [value(pattern.match(p.text).group("n")) for p in paras]
                if paras and numbers == list(range(1, len(paras) + 1)):
                    for p in paras:
                        out[id(p)] = (kind, id(paras[0]))
        return out

    def para(self, para: Para) -> None:
        text = para.text
        entry = self.index.get(id(para))
        if entry is not None:
            node, parent, siblings = entry
            if node.depth == 1:
                self.item_num = self.lists.new("items")
                title = ROMAN_HEADING.match(text).group("title") if ROMAN_HEADING.match(text) else text
                p = _para(self.document, title if self.roman_num else text, bold=True, indent=False,
                          before=12, keep=True)
                if self.roman_num:
                    _number(p, self.roman_num, 0)
                return
            auto = self.item_num is not None and _regular(siblings, parent)
            body = ITEM_NUMBER.sub("", text, count=1) if auto else text
            p = _para(self.document, body, bold=node.is_heading, italic=node.depth >= 3 and node.is_heading,
                      keep=node.is_heading)
            if auto:
                _number(p, self.item_num, node.depth - 2)
            return
        run = self.runs.get(id(para))
        if run:
            kind, first = run
            if (kind, first) not in self.enum_nums:
                self.enum_nums[(kind, first)] = self.lists.new(kind)
            pattern = LETTERED if kind == "letters" else BRACKETED
            p = _para(self.document, pattern.match(text).group("text"))
            _number(p, self.enum_nums[(kind, first)], 0)
            return
        _para(self.document, text)


def build_docx(txt: Path, out: Path) -> None:
    layout = read_text(txt.read_bytes())
    seg = segment(layout)
    items = seg.items
    document = Document()
    _fonts(document)
    _page(document.sections[0])
    _page_numbers(document.sections[0])
    lists = Lists(document)

    _header(document, seg)
    if seg.kind_para is not None:
        _para(document, seg.kind[1], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
              indent=False, before=18)
    for para in seg.title_paras:
        _para(document, para.text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=0)
    _para(document, "", indent=False, before=0)

    ids = {id(item): i for i, item in enumerate(items)}
    start = max([ids.get(id(p), -1) for p in seg.title_paras] + [ids.get(id(seg.kind_para), -1)]) + 1
    closing_ids = {id(i) for i in seg.closing}
    annex_ids = {id(a.label) for a in seg.annexes}
    end = next((i for i, item in enumerate(items) if i >= start and (id(item) in closing_ids or id(item) in annex_ids)),
               len(items))
    body = Body(document, seg, lists)
    _items(document, items[start:end], body, width=16.0)
    _closing(document, seg.closing)

    for annex in seg.annexes:
        section = document.add_section(WD_SECTION.NEW_PAGE)
        _page(section, landscape=True)
        in_items = [p for p in annex.title_paras if id(p) in ids]
        label = annex.label.text
        if annex.title_paras and annex.title_paras[0] not in in_items:  # "PHỤ LỤC I: TITLE …" on one line
            for p in in_items:
                label = join_fragments(label, p.text)
            in_items = []
        _para(document, label, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=0)
        for p in in_items:
            _para(document, p.text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=0)
        if annex.attached is not None:
            _para(document, annex.attached.text, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
                  before=0)
        _para(document, "", indent=False, before=0)
        _items(document, annex.items, body, width=25.7)
    document.save(out)


def _items(document, items: list, body: Body, width: float) -> None:
    pending: list[Table] = []
    for item in [*items, None]:
        if isinstance(item, Table):
            pending.append(item)
            continue
        if pending:
            _word_table(document, pending, width)
            pending = []
        if isinstance(item, Para):
            body.para(item)


# ----------------------------------------------------------------------------------- PDF and scan

def to_pdf(docx_files: list[Path], outdir: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("soffice not found: apt-get install -y libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(outdir)] + [str(p) for p in docx_files], check=True,
                       stdout=subprocess.DEVNULL)


def scan(pdf: Path, out: Path, dpi: int = 200, seed: int = 3) -> None:
    """Render ``pdf`` to greyscale images as a scanner would (a slight skew, some speckle) and
    save them as an image-only PDF."""
    import pypdfium2 as pdfium
    from PIL import Image

    rng = random.Random(seed)
    pages = []
    document = pdfium.PdfDocument(str(pdf))
    for page in document:
        image = page.render(scale=dpi / 72).to_pil().convert("L")
        image = image.rotate(rng.uniform(-0.4, 0.4), resample=Image.BICUBIC, expand=False, fillcolor=255)
        noise = Image.effect_noise(image.size, 18).point(lambda v: 0 if v < 40 else 255)
        image = Image.composite(image, noise, noise)  # dark speckles where the noise is dark
        pages.append(image)
    out.parent.mkdir(parents=True, exist_ok=True)
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=dpi)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-pdf", action="store_true", help="only write the .docx files")
    ap.add_argument("--no-scan", action="store_true", help="do not make the scanned PDF")
    ap.add_argument("--scan", default=SCAN_STEM, help="stem (or prefix) of the sample to scan")
    args = ap.parse_args(argv)
    built = []
    for txt in sorted(SAMPLES.glob("*.txt")):
        out = txt.with_suffix(".docx")
        build_docx(txt, out)
        built.append(out)
        print(f"wrote {out.relative_to(ROOT)}")
    if not args.no_pdf:
        to_pdf(built, SAMPLES)
        print("converted to PDF with LibreOffice")
    if not args.no_pdf and not args.no_scan:
        stem = next(p.stem for p in built if p.stem.startswith(args.scan))
        scan(SAMPLES / f"{stem}.pdf", SAMPLES / "scanned" / f"{stem}.pdf")
        gold = SAMPLES / "scanned" / "gold"
        gold.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLES / "gold" / f"{stem}.json", gold / f"{stem}.json")
        print(f"wrote samples/scanned/{stem}.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
