"""The segmenter on layouts the samples do not show: heading styles, kind lines, annex labels."""
from __future__ import annotations

from kehoach_parser import parse


def _plan(*lines: str):
    return parse("\n".join(lines).encode("utf-8"), name="s.txt")


def test_mixed_case_roman_headings_are_sections() -> None:
    plan = _plan("KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "I. Kết quả thực hiện năm 2025", "Đạt nhiều kết quả.",
                 "II. Nhiệm vụ", "1. Hạ tầng số", "Nâng cấp mạng.", "III. Tổ chức thực hiện", "Các phòng thực hiện.")
    assert [(s.number, s.title, s.kind) for s in plan.sections] == [
        ("I", "Kết quả thực hiện năm 2025", "other"), ("II", "Nhiệm vụ", "tasks"),
        ("III", "Tổ chức thực hiện", "organization")]
    assert [(c.number, c.title) for c in plan.sections[1].children] == [("1", "Hạ tầng số")]


def test_a_sentence_after_a_roman_numeral_is_not_a_heading() -> None:
    plan = _plan("KẾ HOẠCH", "Thử nghiệm năm 2026", "", "I. MỤC TIÊU",
                 "V. Nội dung này là một câu dài. Nó không phải tiêu đề; nó là đoạn văn.")
    assert [s.number for s in plan.sections] == ["I"]


def test_plans_without_roman_numerals_use_numbered_capital_headings() -> None:
    plan = _plan("KẾ HOẠCH", "Thử nghiệm năm 2026", "", "1. MỤC TIÊU", "Nâng cao hiệu quả.",
                 "2. NHIỆM VỤ", "- Triển khai phần mềm.", "+ Đơn vị chủ trì: Công an xã.",
                 "+ Thời gian hoàn thành: Quý I/2026.", "3. TỔ CHỨC THỰC HIỆN", "Các đơn vị thực hiện.")
    assert [(s.number, s.kind) for s in plan.sections] == [("1", "objectives"), ("2", "tasks"), ("3", "organization")]
    assert [(t.name, t.lead, t.deadline.kind if t.deadline else None) for t in plan.tasks] == [
        ("Triển khai phần mềm.", ["Công an xã"], "quarter")]


def test_kind_word_and_title_on_one_line() -> None:
    plan = _plan("KẾ HOẠCH Chuyển đổi số xã An Hòa năm 2026", "", "I. MỤC TIÊU", "Nội dung.")
    assert plan.document.kind == "ke_hoach"
    assert plan.document.title == "Chuyển đổi số xã An Hòa năm 2026"


def test_other_kind_words() -> None:
    assert _plan("QUYẾT ĐỊNH", "Về việc ban hành quy chế", "", "I. CĂN CỨ", "x").document.kind == "quyet_dinh"
    assert _plan("BÁO CÁO", "Kết quả chuyển đổi số năm 2025", "", "I. KẾT QUẢ", "x").document.kind == "bao_cao"


def test_annex_labels_and_titles() -> None:
    plan = _plan("KẾ HOẠCH", "Thử nghiệm năm 2026", "", "I. MỤC TIÊU", "Nội dung.", "", "Nơi nhận:", "- Lưu: VT.",
                 "", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Tám", "",
                 "PHỤ LỤC I", "DANH MỤC NHIỆM VỤ", "NĂM 2026", "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2026)",
                 "", "PHỤ LỤC II: CHỈ TIÊU CHUYỂN ĐỔI SỐ", "(Kèm theo Kế hoạch số 12/KH-UBND)")
    assert [(a.label, a.title) for a in plan.annexes] == [
        ("PHỤ LỤC I", "DANH MỤC NHIỆM VỤ NĂM 2026"), ("PHỤ LỤC II", "CHỈ TIÊU CHUYỂN ĐỔI SỐ")]
    assert plan.annexes[0].attached == "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2026)"
    assert plan.signature is not None and plan.signature.signer == "Lê Văn Tám"
    assert plan.signature.authority == "KT." and plan.signature.organ is None


def test_an_organ_line_after_the_signature_is_no_annex_before_a_labelled_one() -> None:
    """The signer's title printed on two lines ("PHÓ GIÁM ĐỐC / SỞ CÔNG THƯƠNG …", read from a scan),
    then "PHỤ LỤC I": one annex, the labelled one, not a second one headed by the organ's name."""
    plan = _plan("KẾ HOẠCH", "Kiểm tra năm 2026", "", "I. MỤC ĐÍCH", "Nội dung.", "", "Nơi nhận:", "- Lưu: VT.",
                 "", "T/M. ĐOÀN KIỂM TRA", "TRƯỞNG ĐOÀN", "Hoàng Văn Thuận", "PHÓ GIÁM ĐỐC",
                 "SỞ CÔNG THƯƠNG TỈNH LÀO CAI", "", "PHỤ LỤC I", "KẾ HOẠCH KIỂM TRA",
                 "(Kèm theo Kế hoạch số 1105/KH-ĐKT ngày 10/3/2026)")
    assert [(a.label, a.title) for a in plan.annexes] == [("PHỤ LỤC I", "KẾ HOẠCH KIỂM TRA")]


def test_a_mention_of_the_annexes_in_the_body_is_not_an_annex() -> None:
    plan = _plan("KẾ HOẠCH", "Thử nghiệm năm 2026", "", "I. NHIỆM VỤ",
                 "Phụ lục kèm theo Kế hoạch này nêu chi tiết các nhiệm vụ.", "II. TỔ CHỨC THỰC HIỆN", "x")
    assert plan.annexes == []
    assert [s.number for s in plan.sections] == ["I", "II"]


def test_signer_in_capitals_is_kept_as_printed() -> None:
    plan = _plan("KẾ HOẠCH", "Thử nghiệm năm 2026", "", "I. MỤC TIÊU", "x", "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                 "(Đã ký)", "NGUYỄN VĂN AN")
    assert plan.signature is not None
    assert (plan.signature.position, plan.signature.signer) == ("CHỦ TỊCH", "NGUYỄN VĂN AN")
