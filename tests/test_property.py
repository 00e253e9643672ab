"""Any text gives a valid Plan or a KehoachError, never another exception."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kehoach_parser import KehoachError, Plan, parse

PLAN_LINES = [
    "KẾ HOẠCH", "Chuyển đổi số phường An Bình năm 2026", "Số: /KH-UBND", "ỦY BAN NHÂN DÂN", "PHƯỜNG AN BÌNH",
    "I. MỤC TIÊU", "II. NHIỆM VỤ", "III- TỔ CHỨC THỰC HIỆN", "1. Foo", "2. Mục tiêu cụ thể", "1.1. Bar",
    "a) Về hạ tầng số:", "- bar", "- Tối thiểu 80% hồ sơ", "+ Đơn vị chủ trì: X", "+ Đơn vị phối hợp: Phòng A, Các tổ",
    "+ Thời gian hoàn thành: Quý II", "STT\tTên nhiệm vụ\tĐơn vị chủ trì\tThời gian hoàn thành",
    "1\tViệc\tPhòng A; Phòng B\tQuý I/2026", "\tcòn tiếp\t\t", "I\tVề nhân lực", "STT\tTên chỉ tiêu\tNăm 2026",
    "1\tTỷ lệ\t≥ 95%", "a\tb", "| a | b |", "|---|---|", "| STT | Nội dung | Thời hạn |", "Nơi nhận:", "- Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "CHỦ TỊCH", "Nguyễn Văn A", "PHỤ LỤC", "PHỤ LỤC I",
    "(Kèm theo Kế hoạch số 12/KH-UBND)", "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;", "", "\f",
    "________", "**đậm**", "<p>ô</p>",
]
number = st.integers(min_value=0, max_value=99).map(str)
year = st.integers(min_value=1890, max_value=2099).map(str)
DATELINES = st.one_of(
    st.builds(lambda d, m, y: f"An Bình, ngày {d} tháng {m} năm {y}", number, number, year),
    st.builds(lambda d, m, y: f"ngày {d}/{m}/{y}", number, number, year),
    st.builds(lambda q, y: f"Quý {q}/{y}", st.sampled_from(["I", "IV", "V", "0", "5", "III-I"]), year),
    st.builds(lambda m, y: f"1\tViệc\tPhòng A\tTháng {m}/{y}", number, year),
)
LINE = st.one_of(st.sampled_from(PLAN_LINES), DATELINES, st.text(max_size=60))
PLAN_LIKE = st.lists(LINE, max_size=40).map("\n".join)


def check(text: str) -> None:
    try:
        plan = parse(text.encode("utf-8"), name="h.txt")
    except KehoachError:
        return
    assert isinstance(plan, Plan)
    assert Plan.model_validate(plan.model_dump()) == plan
    assert Plan.model_validate_json(plan.model_dump_json()) == plan


SETTINGS = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    check(text)


@SETTINGS
@given(PLAN_LIKE)
@example("KẾ HOẠCH\nThử nghiệm\nI. MỤC TIÊU\n1. Foo\n- bar\n+ Đơn vị chủ trì: X\nNơi nhận:\n- Lưu: VT.")
def test_plan_like_text(text: str) -> None:
    check(text)


@pytest.mark.parametrize("dateline", [
    "An Bình, ngày 45 tháng 7 năm 2026",  # no 45th day
    "An Bình, ngày 10 tháng 13 năm 2026",  # no 13th month
    "An Bình, ngày 0 tháng 0 năm 2026",
    "ngày 45/7/2026",
])
def test_out_of_range_dateline(dateline: str) -> None:
    """Found by the property above: such a date must give a Plan (or a KehoachError), not a pydantic error."""
    check(f"{dateline}\nKẾ HOẠCH\nThử nghiệm năm 2026\nI. MỤC TIÊU\nNội dung.")


@SETTINGS
@given(st.binary(max_size=512))
def test_arbitrary_bytes(data: bytes) -> None:
    try:
        plan = parse(data, name="h.txt")
    except KehoachError:
        return
    assert Plan.model_validate(plan.model_dump()) == plan
