"""Layout lines -> logical paragraphs (``segment.paragraphs.paragraphs`` over ``readers.read_layout``)."""
from __future__ import annotations

import textwrap

from kehoach_parser.layout import Table
from kehoach_parser.readers import read_layout
from kehoach_parser.segment.paragraphs import Para, paragraphs

SENTENCES = (
    "Ủy ban nhân dân phường tập trung chỉ đạo các cơ quan, đơn vị đẩy mạnh chuyển đổi số toàn diện trong "
    "hoạt động quản lý nhà nước, cung cấp dịch vụ công trực tuyến toàn trình cho người dân và doanh nghiệp, bảo "
    "đảm kết nối, chia sẻ dữ liệu giữa các hệ thống thông tin, nâng cao chất lượng phục vụ Nhân dân, Doanh nghiệp "
    "và Tổ chức trên địa bàn, đồng thời tăng cường bảo đảm an toàn thông tin mạng, an ninh mạng trong quá trình "
    "vận hành các Hệ thống thông tin dùng chung của thành phố và của phường theo đúng quy định của pháp luật."
)
LONG_PARAGRAPH = " ".join([SENTENCES] * 4)


def _texts(text: str, name: str = "p.txt") -> list[str]:
    items = paragraphs(read_layout(text.encode("utf-8"), name=name))
    assert all(isinstance(i, Para) for i in items)
    return [i.text for i in items if isinstance(i, Para)]


def _pdf_like(paragraph: str, width: int = 80) -> str:
    """The paragraph hard-wrapped at ``width`` with a blank line between wrapped lines (PDF text)."""
    return "\n\n".join(textwrap.wrap(paragraph, width))


def test_hard_wrapped_paragraph_rejoined() -> None:
    wrapped = _pdf_like(LONG_PARAGRAPH)
    assert wrapped.count("\n\n") >= 20  # really hard-wrapped, with blank lines in between
    assert _texts(wrapped) == [LONG_PARAGRAPH]


def test_hard_wrapped_paragraphs_keep_their_headings_and_bullets() -> None:
    text = "\n\n".join([
        "1. Mục tiêu chung",
        _pdf_like(LONG_PARAGRAPH),
        "2. Yêu cầu",
        _pdf_like(SENTENCES),
        "- Bảo đảm tiến độ.",
        "- Bảo đảm chất lượng.",
    ])
    assert _texts(text) == ["1. Mục tiêu chung", LONG_PARAGRAPH, "2. Yêu cầu", SENTENCES, "- Bảo đảm tiến độ.",
                            "- Bảo đảm chất lượng."]


def test_heading_not_joined_to_the_sentence_below() -> None:
    text = "I. MỤC TIÊU\n1. Mục tiêu chung\nNâng cao hiệu quả hoạt động.\n2. Yêu cầu\nBảo đảm tiến độ."
    assert _texts(text) == ["I. MỤC TIÊU", "1. Mục tiêu chung", "Nâng cao hiệu quả hoạt động.", "2. Yêu cầu",
                            "Bảo đảm tiến độ."]


def test_whole_line_paragraphs_not_joined() -> None:
    text = ("Thực hiện Kế hoạch số 359/KH-UBND của Ủy ban nhân dân thành phố\n"
            "Ủy ban nhân dân phường xây dựng Kế hoạch triển khai như sau")
    assert len(_texts(text)) == 2


def test_lower_case_continuation_joined() -> None:
    text = "Các cơ quan, đơn vị triển khai thực hiện nhiệm vụ\nđúng tiến độ và chất lượng."
    assert _texts(text) == ["Các cơ quan, đơn vị triển khai thực hiện nhiệm vụ đúng tiến độ và chất lượng."]


def test_lower_case_continuation_after_blank_line_page_break_joined() -> None:
    text = "Các cơ quan, đơn vị triển khai thực hiện nhiệm vụ\n\n\nđúng tiến độ và chất lượng."
    assert _texts(text) == ["Các cơ quan, đơn vị triển khai thực hiện nhiệm vụ đúng tiến độ và chất lượng."]


def test_lower_case_continuation_after_page_number_joined() -> None:
    text = "Các cơ quan, đơn vị triển khai thực hiện nhiệm vụ\n\n2\n\nđúng tiến độ và chất lượng."
    assert _texts(text) == ["Các cơ quan, đơn vị triển khai thực hiện nhiệm vụ đúng tiến độ và chất lượng."]


def test_lower_case_continuation_after_form_feed_joined() -> None:
    # a sentence that runs over the page break: the next page cannot open a paragraph in lower case
    text = "Các cơ quan, đơn vị triển khai thực hiện nhiệm vụ\n\f\nđúng tiến độ và chất lượng."
    items = paragraphs(read_layout(text.encode("utf-8"), name="p.txt"))
    assert [i.text for i in items if isinstance(i, Para)] == [
        "Các cơ quan, đơn vị triển khai thực hiện nhiệm vụ đúng tiến độ và chất lượng."]
    assert isinstance(items[0], Para) and items[0].page == 1  # the paragraph starts on the first page


def test_form_feed_counts_pages() -> None:
    items = paragraphs(read_layout("Trang một.\n\fTrang hai.\n\f\nTrang ba.".encode(), name="p.txt"))
    assert [(i.text, i.page) for i in items if isinstance(i, Para)] == [
        ("Trang một.", 1), ("Trang hai.", 2), ("Trang ba.", 3)]


def test_tables_pass_through() -> None:
    text = "Danh sách như sau:\nSTT\tTên nhiệm vụ\tĐơn vị chủ trì\n1\tViệc một\tPhòng A\nHết danh sách."
    items = paragraphs(read_layout(text.encode("utf-8"), name="p.txt"))
    assert [type(i) for i in items] == [Para, Table, Para]
    table = items[1]
    assert isinstance(table, Table)
    assert [r.cells for r in table.rows] == [("STT", "Tên nhiệm vụ", "Đơn vị chủ trì"), ("1", "Việc một", "Phòng A")]


def test_paragraph_keeps_its_first_line_number() -> None:
    items = paragraphs(read_layout("Tiêu đề.\n\nCác cơ quan thực hiện\nđúng tiến độ.".encode(), name="p.txt"))
    assert [(i.text, i.line) for i in items if isinstance(i, Para)] == [
        ("Tiêu đề.", 1), ("Các cơ quan thực hiện đúng tiến độ.", 3)]
