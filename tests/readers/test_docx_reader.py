"""The Word reader on tiny documents made here with python-docx: numbering, merged cells, cell
paragraphs, nested tables, breaks, what is ignored."""
from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from kehoach_parser.layout import Line, Table
from kehoach_parser.readers import read_layout
from kehoach_parser.readers.word_numbering import bullet_glyph, format_number


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _read(document):
    return read_layout(_bytes(document), name="t.docx")


def _lines(layout) -> list[str]:
    return [b.text for b in layout.blocks if isinstance(b, Line)]


def _abstract(document, aid: int, levels: list[tuple[str, str, int]], restart: dict[int, int] | None = None) -> None:
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(aid))
    for ilvl, (fmt, text, start) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", str(start)), ("w:numFmt", fmt), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        if restart and ilvl in restart:
            el = OxmlElement("w:lvlRestart")
            el.set(qn("w:val"), str(restart[ilvl]))
            lvl.append(el)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)


def _num(document, aid: int, start_override: int | None = None) -> int:
    num = document.part.numbering_part.element.add_num(aid)
    if start_override is not None:
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), str(start_override))
        override.append(start)
        num.append(override)
    return num.numId


def _numbered(document, text: str, num_id: int, ilvl: int = 0):
    paragraph = document.add_paragraph(text)
    num_pr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", ilvl), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(val))
        num_pr.append(el)
    paragraph._p.get_or_add_pPr().append(num_pr)
    return paragraph


def test_multilevel_numbering_restarts_lower_levels() -> None:
    document = Document()
    _abstract(document, 90, [("upperRoman", "%1.", 1), ("decimal", "%2.", 1), ("decimal", "%2.%3.", 1)])
    num = _num(document, 90)
    for text, level in [("MỤC TIÊU", 0), ("Mục tiêu chung", 1), ("Mục tiêu cụ thể", 1), ("Hạ tầng", 2),
                        ("Dữ liệu", 2), ("NHIỆM VỤ", 0), ("Nhiệm vụ chung", 1), ("Chi tiết", 2)]:
        _numbered(document, text, num, level)
    assert _lines(_read(document)) == [
        "I. MỤC TIÊU", "1. Mục tiêu chung", "2. Mục tiêu cụ thể", "2.1. Hạ tầng", "2.2. Dữ liệu",
        "II. NHIỆM VỤ", "1. Nhiệm vụ chung", "1.1. Chi tiết"]


def test_letters_start_values_and_start_override() -> None:
    document = Document()
    _abstract(document, 91, [("lowerLetter", "%1)", 1)])
    _abstract(document, 92, [("decimal", "(%1)", 3)])
    first, second = _num(document, 91), _num(document, 91, start_override=1)
    brackets = _num(document, 92)
    _numbered(document, "Tập trung", first)
    _numbered(document, "Tạo chuyển biến", first)
    _numbered(document, "Bám sát", second)  # a new list instance that starts again
    _numbered(document, "Về hạ tầng số", brackets)
    _numbered(document, "Về dữ liệu", brackets)
    assert _lines(_read(document)) == ["a) Tập trung", "b) Tạo chuyển biến", "a) Bám sát", "(3) Về hạ tầng số",
                                       "(4) Về dữ liệu"]


def test_level_that_never_restarts() -> None:
    document = Document()
    _abstract(document, 93, [("decimal", "%1.", 1), ("decimal", "%2/", 1)], restart={1: 0})
    num = _num(document, 93)
    for text, level in [("A", 0), ("x", 1), ("B", 0), ("y", 1)]:
        _numbered(document, text, num, level)
    assert _lines(_read(document)) == ["1. A", "1/ x", "2. B", "2/ y"]


@pytest.mark.parametrize(("n", "fmt", "out"), [
    (3, "decimal", "3"), (3, "lowerLetter", "c"), (27, "lowerLetter", "aa"), (4, "upperRoman", "IV"),
    (9, "lowerRoman", "ix"), (5, "decimalZero", "05"), (2, "none", "")])
def test_number_formats(n: int, fmt: str, out: str) -> None:
    assert format_number(n, fmt) == out


def test_bullet_glyphs() -> None:
    assert bullet_glyph("\uf02d") == "-"  # Symbol's dash
    assert bullet_glyph("–") == "-"
    assert bullet_glyph("+") == "+"
    assert bullet_glyph("\uf0b7") == "•"


def test_merged_cells_read_once_across_and_repeated_down() -> None:
    document = Document()
    table = document.add_table(rows=5, cols=4)
    for c, text in enumerate(["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời gian"]):
        table.cell(0, c).text = text
    group = table.cell(1, 1).merge(table.cell(1, 3))  # a group row spanning the rest of the row
    table.cell(1, 0).text = "I"
    group.text = "Phát triển hạ tầng"
    for r, (n, name, when) in enumerate([("1", "Việc một", "Quý I/2026"), ("2", "Việc hai", "Quý II/2026"),
                                         ("3", "Việc ba", "Thường xuyên")], start=2):
        table.cell(r, 0).text, table.cell(r, 1).text, table.cell(r, 3).text = n, name, when
    lead = table.cell(2, 2).merge(table.cell(4, 2))  # one lead unit merged down over three tasks
    lead.text = "Phòng Văn hóa - Xã hội"
    layout = _read(document)
    (block,) = [b for b in layout.blocks if isinstance(b, Table)]
    rows = [r.cells for r in block.rows]
    assert rows[1] == ("I", "Phát triển hạ tầng", "", "")
    assert [r[2] for r in rows[2:]] == ["Phòng Văn hóa - Xã hội"] * 3
    assert [r[0] for r in rows[2:]] == ["1", "2", "3"]


def test_cell_paragraphs_line_breaks_and_nested_tables() -> None:
    document = Document()
    table = document.add_table(rows=1, cols=2)
    left = table.cell(0, 0)
    left.text = "Nơi nhận:"
    left.add_paragraph("- Như trên;")
    left.add_paragraph("")
    left.add_paragraph("- Lưu: VT.")
    right = table.cell(0, 1)
    run = right.paragraphs[0].add_run("TM. ỦY BAN NHÂN DÂN")
    run.add_break()
    run.add_text("CHỦ TỊCH")
    inner = right.add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Nguyễn", "Văn An"
    (block,) = [b for b in _read(document).blocks if isinstance(b, Table)]
    assert block.rows[0].cells == ("Nơi nhận:\n- Như trên;\n- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An")


def test_breaks_blank_lines_headers_hidden_and_tracked_text() -> None:
    document = Document()
    document.sections[0].header.paragraphs[0].text = "2"  # a page number in the header: ignored
    document.sections[0].footer.paragraphs[0].text = "Chân trang"
    title = document.add_paragraph()
    run = title.add_run("Thực hiện Nghị quyết số 57-NQ/TW")
    run.add_break()
    run.add_text("của Bộ Chính trị")
    document.add_paragraph("")
    body = document.add_paragraph("Nội dung ")
    hidden = body.add_run("ẩn ")
    hidden.font.hidden = True
    body.add_run("chính")
    inserted = OxmlElement("w:ins")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = " thêm"
    r.append(t)
    inserted.append(r)
    body._p.append(inserted)
    deleted = OxmlElement("w:del")
    r = OxmlElement("w:r")
    dt = OxmlElement("w:delText")
    dt.text = " xóa"
    r.append(dt)
    deleted.append(r)
    body._p.append(deleted)
    document.add_page_break()
    document.add_paragraph("Trang sau")
    blocks = [b for b in _read(document).blocks if isinstance(b, Line)]
    assert [b.text for b in blocks] == ["Thực hiện Nghị quyết số 57-NQ/TW", "của Bộ Chính trị", "Nội dung chính thêm",
                                        "Trang sau"]
    assert blocks[1].blank_before is False  # the second piece of one paragraph
    assert blocks[2].blank_before is True  # an empty paragraph stood before it
    assert blocks[3].hard_break is True
    assert [b.line for b in blocks] == sorted(b.line for b in blocks)
    assert all(b.page is None for b in blocks)


def test_paragraph_spacing_reads_as_a_blank_line() -> None:
    from docx.shared import Pt

    document = Document()
    document.styles["Normal"].paragraph_format.space_after = Pt(0)  # the template's Normal has 10 pt after
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Chuyển đổi số năm 2026")
    spaced = document.add_paragraph("Thực hiện Kế hoạch số 12/KH-UBND …")
    spaced.paragraph_format.space_before = Pt(6)
    blocks = [b for b in _read(document).blocks if isinstance(b, Line)]
    assert [b.blank_before for b in blocks] == [False, False, True]


def test_sample_docx_layout(samples_dir) -> None:
    """A committed sample: the header table first, numbered headings rendered, no page numbers."""
    layout = read_layout((samples_dir / "003_5ff484b46b8ac1a0.docx").read_bytes(), name="003.docx")
    assert layout.format == "docx"
    assert isinstance(layout.blocks[0], Table)
    texts = _lines(layout)
    assert "I. MỤC TIÊU, YÊU CẦU" in texts and "1.2.1. Về chuyển đổi số quốc gia" in texts
    assert any(t.startswith("a) Tập trung") for t in texts) and any(t.startswith("(1) Về hạ tầng số") for t in texts)
    assert not any(t.isdigit() for t in texts)
