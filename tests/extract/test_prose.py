"""Targets and tasks in prose, and the deadlines they carry (issue 8, item 4)."""
from __future__ import annotations

import pytest

from kehoach_parser import Plan, parse
from kehoach_parser.extract.deadlines import parse_deadline

HEAD = """SỞ CÔNG THƯƠNG
Số: 08/KH-SCT
Lào Cai, ngày 05 tháng 01 năm 2026

KẾ HOẠCH
Phát triển công nghiệp năm 2026

"""


def _parse(body: str) -> Plan:
    return parse((HEAD + body).encode("utf-8"), name="kh.txt")


@pytest.mark.parametrize("heading", ["2. Các chỉ tiêu cụ thể đến năm 2030", "2. CHỈ TIÊU CHỦ YẾU",
                                     "2. Chỉ tiêu thi đua"])
def test_percentages_under_target_headings(heading: str) -> None:
    plan = _parse(f"I. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển.\n{heading}\n- Tỷ lệ lấp đầy đạt trên 80%.\n"
                  "- Hình thành mới 15 cụm công nghiệp.\nII. TỔ CHỨC THỰC HIỆN\nCác phòng thực hiện.\n")
    assert [(t.name, t.target.comparator, t.target.value) for t in plan.targets if t.target] == [
        ("Tỷ lệ lấp đầy đạt trên 80%.", ">", 80)]


def test_target_block_inside_each_area() -> None:
    plan = _parse("I. MỤC TIÊU, NHIỆM VỤ\n1. Cải cách thể chế\na) Mục tiêu\n- 100% văn bản được kiểm tra.\n"
                  "- Có ứng dụng AI.\nb) Nhiệm vụ\n- Rà soát 100% văn bản hằng năm.\n"
                  "2. Cải cách tài chính công\na) Mục tiêu\n"
                  "- Tỷ lệ giải ngân đạt tối thiểu 95%. 100% đơn vị công khai.\n")
    assert [(t.group, t.target.raw) for t in plan.targets if t.target] == [
        ("Cải cách thể chế", "100%"), ("Cải cách tài chính công", "tối thiểu 95%")]


def test_range_is_at_least_its_lower_bound() -> None:
    plan = _parse("I. MỤC TIÊU\n1. Mục tiêu cụ thể\n- Tỷ lệ lấp đầy đạt 60-70%.\n")
    target = plan.targets[0].target
    assert target is not None and (target.raw, target.comparator, target.value) == ("đạt 60-70%", ">=", 60)


def test_block_of_bullets_closed_by_one_label_group() -> None:
    plan = _parse("I. NHIỆM VỤ TRỌNG TÂM\n1. Tái cơ cấu ngành công nghiệp\n- Tham mưu chính sách thu hút.\n"
                  "- Phối hợp xây dựng danh mục dự án.\nLãnh đạo phụ trách: Phó giám đốc Nguyễn Văn A.\n"
                  "Đơn vị chủ trì: Phòng Quản lý Công nghiệp; "
                  "Đơn vị phối hợp: Phòng Quản lý Năng lượng, Văn phòng Sở.\n"
                  "2. Phát triển năng lượng\n- Đôn đốc dự án điện gió.\n+ Đơn vị chủ trì: Phòng Quản lý Năng lượng.\n"
                  "- Rà soát nhu cầu cấp điện.\n+ Đơn vị chủ trì: Văn phòng Sở.\n")
    got = [(t.group, t.name, t.lead_person, t.lead, t.coordinators) for t in plan.tasks]
    assert got == [
        ("Tái cơ cấu ngành công nghiệp", "Tham mưu chính sách thu hút.", "Phó giám đốc Nguyễn Văn A",
         ["Phòng Quản lý Công nghiệp"], ["Phòng Quản lý Năng lượng", "Văn phòng Sở"]),
        ("Tái cơ cấu ngành công nghiệp", "Phối hợp xây dựng danh mục dự án.", "Phó giám đốc Nguyễn Văn A",
         ["Phòng Quản lý Công nghiệp"], ["Phòng Quản lý Năng lượng", "Văn phòng Sở"]),
        ("Phát triển năng lượng", "Đôn đốc dự án điện gió.", None, ["Phòng Quản lý Năng lượng"], []),
        ("Phát triển năng lượng", "Rà soát nhu cầu cấp điện.", None, ["Văn phòng Sở"], []),
    ]


@pytest.mark.parametrize(("raw", "kind", "start", "end"), [
    ("Ban hành kế hoạch trong tháng 01/2026 và tổ chức thực hiện", "month", "2026-01-01", "2026-01-31"),
    ("Ban hành kế hoạch chậm nhất là ngày 31/12/2025 và tổ chức mở lớp theo kế hoạch", "date", "2025-12-31",
     "2025-12-31"),
    ("Ban hành kế hoạch trong tháng 01/2026, kiểm tra trong tháng 6/2026", "other", "2026-01-01", "2026-06-30"),
    ("2024 - 2030", "other", "2024-01-01", "2030-12-31"),
    ("Quý III, IV/2026", "quarter", "2026-07-01", "2026-12-31"),
    ("Quý IV/2026, 2027", "other", "2026-10-01", "2027-12-31"),
    ("Hằng năm", "recurring", None, None),
    ("Trước ngày 05 của tháng liền kề", "recurring", None, None),
    ("Theo các mốc thời gian tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025", "as_directed", None, None),
    ("6 tháng đầu năm 2026", "other", "2026-01-01", "2026-06-30"),
    ("từ năm 2024 đến năm 2030", "other", "2024-01-01", "2030-12-31"),
])
def test_deadline_expressions(raw: str, kind: str, start: str | None, end: str | None) -> None:
    deadline = parse_deadline(raw, 2026)
    assert deadline is not None and (deadline.kind, deadline.start, deadline.end) == (kind, start, end)


def test_deadline_year_from_context() -> None:
    deadline = parse_deadline("ngày 23 tháng 1", 2026)
    assert deadline is not None and (deadline.kind, deadline.start) == ("date", "2026-01-23")
    assert parse_deadline("ngày 23 tháng 1") == parse_deadline("ngày 23 tháng 1", None)
    no_year = parse_deadline("ngày 23 tháng 1")
    assert no_year is not None and (no_year.kind, no_year.start) == ("date", None)


def test_horizon_period() -> None:
    plan = _parse("I. MỤC TIÊU\nPhát triển.\n").model_copy()
    from kehoach_parser.extract.header import plan_period

    period = plan_period("Thực hiện Nghị quyết về phát triển công nghiệp đến năm 2030")
    assert period is not None and (period.start, period.end) == (None, "2030-12-31")
    assert plan_period("Chỉ thị số 13/CT-TTg ngày 02 tháng 5 năm 2024 của Thủ tướng") is None
    assert plan.document.period is not None
