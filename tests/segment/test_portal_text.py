"""Text from portals, converters and news pages (issue 8, item 2): paragraphs and headings."""
from __future__ import annotations

from kehoach_parser import parse
from kehoach_parser.readers import read_layout
from kehoach_parser.segment.paragraphs import Para, paragraphs


def _paras(text: str) -> list[str]:
    return [p.text for p in paragraphs(read_layout(text.encode("utf-8"), name="p.txt")) if isinstance(p, Para)]


WRAPPED = "\n".join([
    "**KẾ HOẠCH**", "",
    "THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG CỦA", "THỦ TƯỚNG CHÍNH PHỦ VỀ CÔNG TÁC DÂN SỐ", "",
    "Thực hiện Chỉ thị số 27/CT-TTg", "ngày 15 tháng 8 năm 2024 của Thủ tướng Chính phủ về việc tăng cường",
    "công tác dân số trong tình hình mới.", "",
    "**I. MỤC ĐÍCH,", "YÊU CẦU**", "",
    "**1. Mục đích**", "",
    "a) Quán triệt và triển khai", "nghiêm túc Chỉ thị số 27/CT-TTg;", "",
    "b) Phân công nhiệm vụ và trách", "nhiệm cụ thể cho các sở, ban, ngành.", "",
    "**II. NỘI DUNG", "THỰC HIỆN**", "",
    "**1. Sở Y tế**", "",
    "a) Chủ trì, phối hợp với các sở,", "ban, ngành tăng cường kiểm tra, đôn đốc việc", "thực hiện Nghị quyết.", "",
    "b) Tổ chức sơ kết, tổng kết các", "chương trình về dân số.", "",
    "**III. TỔ CHỨC THỰC HIỆN**", "",
    "Các sở, ban, ngành triển khai", "thực hiện Kế hoạch này.",
])


def test_blank_line_paragraphs_join_wrapped_lines_and_headings() -> None:
    got = _paras(WRAPPED)
    assert "I. MỤC ĐÍCH, YÊU CẦU" in got and "II. NỘI DUNG THỰC HIỆN" in got
    assert ("Thực hiện Chỉ thị số 27/CT-TTg ngày 15 tháng 8 năm 2024 của Thủ tướng Chính phủ về việc tăng cường "
            "công tác dân số trong tình hình mới.") in got
    assert "a) Quán triệt và triển khai nghiêm túc Chỉ thị số 27/CT-TTg;" in got


def test_one_line_per_paragraph_is_left_alone() -> None:
    text = "\n".join(["Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Nghị quyết số 57-NQ/TW;",
                      "I. MỤC TIÊU", "Nâng cao hiệu quả.", "Tăng cường chuyển đổi số."] * 6)
    assert len(_paras(text)) == 30


def test_identifier_broken_at_its_hyphen() -> None:
    assert _paras("- Theo Nghị định số 217/2025/NĐ-\nCP ngày 05/8/2025 của Chính phủ.") == [
        "- Theo Nghị định số 217/2025/NĐ-CP ngày 05/8/2025 của Chính phủ."]


def test_pipe_cell_lines_and_packed_closing() -> None:
    text = ("| BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\n"
            "| --- | --- |\n| Số: 09/KH-BTNMT | *Hà Nội, ngày 06 tháng 8 năm 2024* |\n"
            "KẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 13/CT-TTG\n"
            "Thực hiện Chỉ thị số 13/CT-TTg, Bộ Tài nguyên và Môi trường ban hành Kế hoạch:\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Triển khai hiệu quả.\n"
            "| *Nơi nhận:* - Bộ trưởng (để báo cáo); - Các Thứ trưởng; - Lưu VT, VP(TH). "
            "| KT. BỘ TRƯỞNG THỨ TRƯỞNG     Lê Công Thành |\n")
    plan = parse(text.encode("utf-8"), name="kh.txt")
    assert (plan.document.number, plan.document.issuer) == ("09", "Bộ Tài nguyên và Môi trường")
    assert plan.document.title == "TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 13/CT-TTG"
    assert plan.recipients == ["Bộ trưởng (để báo cáo)", "Các Thứ trưởng", "Lưu VT, VP(TH)"]
    sig = plan.signature
    assert sig is not None and (sig.authority, sig.position, sig.signer) == ("KT.", "THỨ TRƯỞNG", "Lê Công Thành")
    assert sig.chain == ["KT. BỘ TRƯỞNG"]


def test_flattened_header_table_marks_a_web_page() -> None:
    text = ("|\nỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\n|\nSố: 186/KH-UBND |\n"
            "Bắc Ninh, ngày 29 tháng 12 năm 2025 |\nKẾ HOẠCH\nPHÁT TRIỂN CHÍNH QUYỀN SỐ TỈNH BẮC NINH\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nTriển khai.\n")
    plan = parse(text.encode("utf-8"), name="kh.txt")
    assert plan.source.origin == "web_page"
    assert plan.document.issuer == "Ủy ban nhân dân tỉnh Bắc Ninh"  # the place from the title
    assert [(s.number, s.children) for s in plan.sections] == [("I", [])]


def test_heading_in_capitals_wrapped_after_a_comma() -> None:
    assert _paras("I. MỤC ĐÍCH,\nYÊU CẦU\n1. Mục đích\nII. NHIỆM VỤ VÀ\nGIẢI PHÁP\nIII. TỔ CHỨC THỰC HIỆN\n"
                  "KINH PHÍ\n") == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "II. NHIỆM VỤ VÀ GIẢI PHÁP",
                                     "III. TỔ CHỨC THỰC HIỆN", "KINH PHÍ"]
