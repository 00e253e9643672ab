"""The Word reader on the real plans (tests/data/real, sources in SOURCES.md): the layout holds what
Word shows — auto-numbered STT cells and headings, restarted lettered lists, merged cells, a heading
that starts with a tab, the header and "Nơi nhận" tables, every word of the document."""
from __future__ import annotations

import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from kehoach_parser.layout import Layout, Line, Table
from kehoach_parser.readers import read_layout

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FILES = {"01": "01_laocai-sct-2242-kiem-tra-vlncn.docx", "03": "03_laocai-sct-de-an-08-cong-nghiep-xanh.docx",
         "06": "06_lamdong-cchc-2026.docx", "07": "07_lamdong-tuyen-truyen-cchc-2026.docx"}


@pytest.fixture(scope="module")
def layouts(real_dir: Path) -> dict[str, Layout]:
    return {key: read_layout((real_dir / name).read_bytes(), name=name) for key, name in FILES.items()}


def _lines(layout: Layout) -> list[str]:
    return [b.text for b in layout.blocks if isinstance(b, Line)]


def _tables(layout: Layout) -> list[Table]:
    return [b for b in layout.blocks if isinstance(b, Table)]


@pytest.mark.parametrize("key", sorted(FILES))
def test_every_word_of_the_body_is_read(key: str, real_dir: Path, layouts: dict[str, Layout]) -> None:
    """Each word of document.xml's text runs appears in the layout (merged cells may repeat some,
    numbering adds labels; nothing is lost)."""
    with zipfile.ZipFile(real_dir / FILES[key]) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    words: Counter[str] = Counter()
    for paragraph in root.iter(f"{W}p"):
        text = "".join(t.text or "" if t.tag == f"{W}t" else " " for t in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br"))
        words.update(unicodedata.normalize("NFC", text).split())
    read: Counter[str] = Counter()
    for block in layouts[key].blocks:
        for text in ([block.text] if isinstance(block, Line) else [c for r in block.rows for c in r.cells]):
            read.update(text.split())
    assert not words - read


def test_01_header_table_and_auto_numbered_stt(layouts: dict[str, Layout]) -> None:
    header, closing, tasks = _tables(layouts["01"])
    assert [r.cells for r in header.rows] == [("UBND TỈNH LÀO CAI", "", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                              ("SỞ CÔNG THƯƠNG", "", "Độc lập - Tự do - Hạnh phúc"),
                                              ("Số: /KH-SCT", "", "Lào Cai, ngày tháng 4 năm 2026")]
    assert closing.rows[0].cells[0].startswith("Nơi nhận:\n- Ban Giám đốc Sở;")
    assert closing.rows[0].cells[2] == "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nHoàng Văn Thuân"
    assert tasks.rows[0].cells == ("TT", "Nhiệm vụ thực hiện", "Người thực hiện", "Ghi chú")
    assert [r.cells[0] for r in tasks.rows[1:]] == [f"{n}." for n in range(1, 10)]  # Word's numbering, not typed
    assert tasks.rows[1].cells[1:3] == ("Rà soát việc đáp ứng các điều kiện của học viên",
                                        "Đỗ Mạnh Cường\nVũ Việt Linh\nNguyễn Thị Loan")
    lines = _lines(layouts["01"])
    assert lines[:3] == ["KẾ HOẠCH", "Kiểm tra, cấp Giấy chứng nhận huấn luyện kỹ thuật an toàn",
                         "vật liệu nổ công nghiệp, tiền chất thuốc nổ trên địa bàn tỉnh Lào Cai"]
    assert "(Kèm theo Kế hoạch số /KH-SCT ngày /4/2026 của Sở Công Thương)" in lines


def test_03_one_row_header_and_report_forms(layouts: dict[str, Layout]) -> None:
    header, closing, form1, form2 = _tables(layouts["03"])
    assert len(form2.rows) == 1
    assert header.rows[0].cells[0] == "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: /KH-SCT"
    assert closing.rows[0].cells[1] == "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrịnh Văn Thành"
    assert len(form1.rows) == 1 and form1.rows[0].cells[:2] == ("TT", "Tên nhiệm vụ /Dự án")  # empty rows dropped
    lines = _lines(layouts["03"])
    assert "Lãnh đạo phụ trách: Phó giám đốc Nguyễn Trường Giang." in lines
    assert lines.index("Phụ lục số 01:") < lines.index("I. Đặc điểm, tình hình")


def test_06_auto_numbered_headings_and_restarted_letters(layouts: dict[str, Layout]) -> None:
    lines = _lines(layouts["06"])
    headings = [t for t in lines if t[:2] in {f"{n}." for n in range(1, 8)} and len(t) < 70]
    assert headings[:7] == ["1. Cải cách thể chế", "2. Cải cách thủ tục hành chính",
                            "3. Cải cách tổ chức bộ máy hành chính nhà nước", "4. Cải cách chế độ công vụ",
                            "5. Cải cách tài chính công",
                            "6. Xây dựng và phát triển chính quyền điện tử, chính quyền số",
                            "7. Công tác chỉ đạo, điều hành"]
    assert lines.count("a) Mục tiêu") == 6 and lines.count("b) Nhiệm vụ") == 6
    start = lines.index("1. Công tác triển khai")
    assert [t[:3] for t in lines[start + 1:start + 4]] == ["a) ", "b) ", "c) "]
    funding = lines.index("2. Kinh phí thực hiện")
    assert [t[:3] for t in lines[funding + 1:funding + 3]] == ["a) ", "b) "]  # a new list: restarts at a)


def test_06_annex_with_spans_and_vertical_merges(layouts: dict[str, Layout]) -> None:
    annex = _tables(layouts["06"])[-1]
    assert annex.rows[0].cells == ("STT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì thực hiện",
                                   "Phối hợp thực hiện", "Theo dõi, kiểm tra, đôn đốc")
    assert annex.rows[1].cells == ("I", "Cải cách thể chế", "", "", "", "", "")  # a group title over the row
    groups = [r.cells[0] for r in annex.rows if r.cells[0] in ("I", "II", "III", "IV", "V", "VI", "VII")]
    assert groups == ["I", "II", "III", "IV", "V", "VI", "VII"]
    merged = [r for r in annex.rows if r.cells[1].startswith("Tham mưu ban hành Kế hoạch kiểm tra")]
    assert [r.cells[0] for r in merged] == ["2", "2"]  # one task merged over its two products
    assert merged[0].cells[2] == "Kế hoạch kiểm tra cải cách hành chính năm 2026 của tỉnh"
    assert merged[1].cells[2].startswith("Kế hoạch tự kiểm tra cải cách hành chính năm 2026")
    assert len(annex.rows) == 60


def test_07_body_task_tables_and_a_heading_after_a_tab(layouts: dict[str, Layout]) -> None:
    lines = _lines(layouts["07"])
    assert "4. Tổ chức tập huấn nghiệp vụ công tác CCHC cho đội ngũ cán bộ, công chức, viên chức" in lines
    header, first, second, closing = _tables(layouts["07"])
    assert header.rows[1].cells == ("Số: /KH-UBND", "Lâm Đồng, ngày tháng 01 năm 2026")
    assert first.rows[0].cells == ("TT", "Nội dung", "Trách nhiệm\nthực hiện", "Thời gian\n(Năm 2026)")
    assert len(first.rows) == 12 and len(second.rows) == 11
    assert first.rows[2].cells[2] == "Lãnh đạo\nSở Giáo dục và Đào tạo"
    assert closing.rows[0].cells[1] == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Ngọc Phúc"
