"""The PDF reader: geometry on synthetic words, and the committed sample PDFs (made by LibreOffice
from the sample .docx files) read into the same layout the other readers give."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from kehoach_parser.layout import Layout, Line, Table
from kehoach_parser.readers import geometry, read_layout
from kehoach_parser.readers.geometry import Margins, TextLine, Word
from kehoach_parser.readers.page_numbers import PAGE_NUMBER
from kehoach_parser.readers.pdf import Page, _drop_running_lines
from kehoach_parser.segment.tables import logical_table

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@cache
def _layout(stem: str) -> Layout:
    path = next(SAMPLES.glob(f"{stem}*.pdf"))
    return read_layout(path.read_bytes(), name=path.name)


def _words(text: str, x0: float, top: float, size: float = 12.0, char: float = 6.0) -> list[Word]:
    out, x = [], x0
    for word in text.split():
        out.append(Word(word, x, x + char * len(word), top, top + size))
        x += char * len(word) + 3.0
    return out


def _line(text: str, x0: float, top: float, page: int = 1) -> TextLine:
    return TextLine(_words(text, x0, top), page)


# ----------------------------------------------------------------------------------- geometry

def test_two_column_header_read_column_by_column() -> None:
    words = (_words("ỦY BAN NHÂN DÂN", 100, 50) + _words("CỘNG HÒA XÃ HỘI", 330, 50)
             + _words("PHƯỜNG AN BÌNH", 103, 65) + _words("Độc lập - Tự do", 333, 65)
             + _words("Số: 12/KH-UBND", 103, 80) + _words("An Bình, ngày 05 tháng 01", 310, 80)
             + _words("KẾ HOẠCH", 260, 120))
    items = geometry.column_blocks(geometry.group_lines(words))
    block = items[0]
    assert isinstance(block, geometry.ColumnBlock)
    assert geometry.column_text(block.columns[0]) == "ỦY BAN NHÂN DÂN\nPHƯỜNG AN BÌNH\nSố: 12/KH-UBND"
    assert geometry.column_text(block.columns[1]) == "CỘNG HÒA XÃ HỘI\nĐộc lập - Tự do\nAn Bình, ngày 05 tháng 01"
    assert isinstance(items[1], TextLine) and items[1].text == "KẾ HOẠCH"  # centred on the page: not a column line


def test_a_tab_after_a_number_is_no_column() -> None:
    words = _words("1.", 100, 50) + _words("Mục tiêu chung của kế hoạch", 160, 50)
    assert all(isinstance(i, TextLine) for i in geometry.column_blocks(geometry.group_lines(words)))


def test_wrapped_lines_join_into_paragraphs() -> None:
    m = Margins(85.0, 538.0)
    first = TextLine([*_words("Thực hiện Kế hoạch số 12/KH-UBND", 113, 100), Word("cuối", 512, 538, 100, 112)])
    wrapped = _line("Phòng Văn hóa - Xã hội chủ trì.", 85, 116)
    indented = _line("Căn cứ Nghị quyết số 57-NQ/TW.", 113, 116)
    short = _line("Câu ngắn kết thúc.", 85, 100)
    assert geometry.continues(first, wrapped, m, m, opened=True)
    assert not geometry.continues(first, indented, m, m, opened=True)  # a new first-line indent
    assert not geometry.continues(short, wrapped, m, m)  # the next word would have fitted
    assert geometry.join_lines("công nghệ thông tin, chuyển đổi\u00ad", "số") == "công nghệ thông tin, chuyển đổisố"
    assert geometry.join_lines("Nghị định số 73/2019/NĐ-", "CP ngày") == "Nghị định số 73/2019/NĐ-CP ngày"


def test_margins_and_spacing() -> None:
    lines = [_line("x " * 40, 85, 100 + 16 * i) for i in range(6)] + [_line("ngắn", 113, 200)]
    m = geometry.margins(lines)
    assert m is not None and abs(m.left - 85) < 1
    pitch = geometry.line_pitch(lines)
    assert not geometry.spaced(lines[0], lines[1], pitch)
    assert geometry.spaced(lines[1], _line("sau khoảng cách", 85, 140), pitch)


def test_grid_merged_cells() -> None:
    # 3 columns; row 2 is a group row spanning all columns; column 3 merged down over rows 3-4
    cells = [(0, 0, 30, 20), (30, 0, 200, 20), (200, 0, 300, 20),
             (0, 20, 300, 40),
             (0, 40, 30, 60), (30, 40, 200, 60), (200, 40, 300, 80),
             (0, 60, 30, 80), (30, 60, 200, 80)]
    words = (_words("STT", 2, 4) + _words("Tên", 40, 4) + _words("Đơn vị", 210, 4) + _words("I. Nhóm một", 2, 24)
             + _words("1", 5, 44) + _words("Việc một", 40, 44) + _words("Phòng", 210, 44) + _words("Kinh tế", 210, 58)
             + _words("2", 5, 64) + _words("Việc hai", 40, 64))
    g = geometry.grid([tuple(map(float, c)) for c in cells], words, (0.0, 0.0, 300.0, 80.0))
    assert g.rows == [["STT", "Tên", "Đơn vị"], ["I. Nhóm một", "", ""], ["1", "Việc một", "Phòng Kinh tế"],
                      ["2", "Việc hai", "Phòng Kinh tế"]]
    assert g.spans_down[2] == {0: 1, 1: 1, 2: 2}


def test_word_wider_than_its_cell_is_put_back_together() -> None:
    words = [Word("ST", 4, 20, 4, 15), Word("T", 9, 15, 17, 28), Word("Tên", 34, 52, 4, 15),
             Word("chỉ", 34, 50, 17, 28)]
    g = geometry.grid([(0.0, 0.0, 24.0, 32.0), (24.0, 0.0, 90.0, 32.0)], words, (0.0, 0.0, 90.0, 32.0))
    assert g.rows[0] == ["STT", "Tên chỉ"]  # only a word filling its cell is a broken word


def test_cid_glyphs_are_dropped_and_counted() -> None:
    assert geometry.clean_word("Vi(cid:7)t") == ("Vit", 1)
    assert geometry.clean_word("Việt") == ("Việt", 0)


def test_page_numbers_and_running_heads_are_dropped() -> None:
    pages = []
    for n in range(1, 4):
        lines = [_line(str(n), 290, 30, n), _line("Kế hoạch chuyển đổi số - trang", 200, 812, n),
                 _line("Nội dung trang", 85, 100, n), _line("7", 85, 300, n)]
        pages.append(Page(n, 595.0, 842.0, lines, []))
    _drop_running_lines(pages)
    for page in pages:
        assert [ln.text for ln in page.lines] == ["Nội dung trang", "7"]  # a number in the body stays


# ----------------------------------------------------------------------------------- the samples

@pytest.mark.parametrize("stem", ["000", "003"])
def test_sample_pages_and_provenance(stem: str) -> None:
    import pdfplumber

    layout = _layout(stem)
    path = next(SAMPLES.glob(f"{stem}*.pdf"))
    with pdfplumber.open(path) as pdf:
        assert layout.pages == len(pdf.pages)
    assert layout.format == "pdf"
    for block in layout.blocks:
        rows = block.rows if isinstance(block, Table) else [block]
        for item in rows:
            assert item.page is not None and 1 <= item.page <= layout.pages
            assert item.line is not None and item.line >= 1
    texts = [b.text for b in layout.blocks if isinstance(b, Line)]
    assert not any(PAGE_NUMBER.match(t) for t in texts), "a page number survived"


def test_header_and_closing_become_two_column_tables() -> None:
    layout = _layout("003")
    header = layout.blocks[0]
    assert isinstance(header, Table) and header.rows[0].cells[0] == "Số: /KH-UBND"
    motto_column = header.rows[0].cells[1]
    assert motto_column.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nNam Đồng")
    closing = next(b for b in layout.blocks if isinstance(b, Table) and b.rows[0].cells[0].startswith("Nơi nhận"))
    left, right = closing.rows[0].cells
    # the closing runs onto the next page: its lines there still join the two columns
    assert left.splitlines()[-1] == "- Lưu: VT, VHXH."
    assert "- Sở Khoa học và Công nghệ thành phố Hải Phòng;" in left.splitlines()  # a wrapped recipient rejoined
    assert right.splitlines() == ["KT.CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đinh Thị Thu Hà"]


def test_table_continued_across_pages_is_one_table() -> None:
    layout = _layout("000")
    tasks = [b for b in layout.blocks if isinstance(b, Table) and logical_table(b).kind == "tasks"]
    assert len(tasks) == 1
    table = tasks[0]
    assert len({r.page for r in table.rows}) >= 2
    header = table.rows[0].cells
    assert sum(1 for r in table.rows if r.cells == header) >= 2  # the header row repeated on each page
    logical = logical_table(table)
    assert [r.number for r in logical.rows] == [str(n) for n in range(1, 19)]


def test_merged_lead_split_by_a_page_break_is_whole_on_every_row() -> None:
    layout = _layout("003")
    table = next(b for b in layout.blocks if isinstance(b, Table) and logical_table(b).kind == "tasks")
    leads = {r.cells.get("lead_person") for r in logical_table(table).rows}
    assert leads == {"Đồng chí Đinh Thị Thu Hà, Phó Chủ tịch Ủy ban nhân dân phường"}


def test_table_after_a_two_column_block_on_the_page_before() -> None:
    from kehoach_parser.readers.pdf import _blocks, _order

    closing = (_words("Nơi nhận:", 85, 700) + _words("TM. ỦY BAN NHÂN DÂN", 360, 700)
               + _words("- Lưu: VT.", 85, 715) + _words("CHỦ TỊCH", 390, 715))
    first = Page(1, 595.0, 842.0, geometry.group_lines(closing), [])
    for line in first.lines:
        line.page = 1
    g = geometry.grid([(85.0, 60.0, 200.0, 80.0), (200.0, 60.0, 500.0, 80.0)],
                      _words("1", 90, 64) + _words("Việc một", 210, 64), (85.0, 60.0, 500.0, 80.0))
    g.page = 2
    second = Page(2, 595.0, 842.0, [], [g])
    _order(first, None)
    _order(second, first)
    blocks = _blocks([first, second])
    assert [type(b).__name__ for b in blocks] == ["Table", "Table"]
    assert blocks[1].rows[0].cells == ("1", "Việc một")
