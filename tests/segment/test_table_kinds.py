"""Tables by what their headers say (issue 8, item 3): task tables, indicator tables, and the rest."""
from __future__ import annotations

from kehoach_parser import Plan, parse
from kehoach_parser.layout import Row, Table
from kehoach_parser.segment.tables import logical_table

HEAD = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 05/KH-UBND
Lâm Đồng, ngày 05 tháng 01 năm 2026

KẾ HOẠCH
Tuyên truyền năm 2026

I. NHIỆM VỤ
1. Tuyên truyền
"""


def _table(*rows: tuple[str, ...]) -> Table:
    return Table(tuple(Row(cells, None, i) for i, cells in enumerate(rows, start=1)))


def _tsv(*rows: tuple[str, ...]) -> str:
    return "".join("\t".join(r) + "\n" for r in rows)


def _parse(text: str) -> Plan:
    return parse(text.encode("utf-8"), name="kh.txt")


def test_person_column_makes_a_task_table() -> None:
    logical = logical_table(_table(("TT", "Nhiệm vụ thực hiện", "Người thực hiện", "Ghi chú"),
                                   ("1.", "Rà soát hồ sơ", "Nguyễn Văn A\nTrần Thị B", "")))
    assert logical.kind == "tasks" and logical.roles["lead_person"] == 2
    assert [r.number for r in logical.rows] == ["1"]


def test_indicator_table_needs_a_value_column() -> None:
    assert logical_table(_table(("STT", "Tên chỉ tiêu", "Kết quả năm 2025", "Năm 2026"),
                                ("1", "Tỷ lệ hồ sơ trực tuyến", "80%", "90%"))).kind == "targets"
    # an indicator column but no value column: nothing to read as a target
    assert logical_table(_table(("STT", "Tên chỉ tiêu", "Ghi chú"), ("1", "Tỷ lệ", ""))).kind == "other"


def test_task_words_never_make_an_indicator_table() -> None:
    table = _table(("TT", "Nhiệm vụ", "Kết quả năm 2025", "Năm 2026"), ("1", "Việc một", "x", "y"))
    assert logical_table(table).kind == "other"


def test_schedule_of_inspected_units_is_other() -> None:
    table = _table(("STT", "Tên đơn vị kiểm tra", "Thời gian kiểm tra", "Thời hạn kiểm tra"),
                   ("1", "Công ty A", "23/3/2026", "02 ngày"))
    assert logical_table(table).kind == "other"


def test_year_in_the_deadline_header_completes_deadlines() -> None:
    plan = _parse(HEAD + _tsv(("TT", "Nội dung", "Trách nhiệm thực hiện", "Thời gian (Năm 2026)"),
                              ("1", "Giải đáp vướng mắc", "Lãnh đạo Sở Y tế", "Từ 20 giờ - 21 giờ ngày 23 tháng 1"),
                              ("2", "Phát sóng chương trình", "Báo Lâm Đồng", "Quý II")))
    tasks = {t.number: t for t in plan.tasks}
    assert tasks["1"].lead == ["Lãnh đạo Sở Y tế"] and tasks["1"].source == "annex"
    assert tasks["1"].deadline is not None and (tasks["1"].deadline.kind, tasks["1"].deadline.start) == (
        "date", "2026-01-23")
    assert tasks["2"].deadline is not None and tasks["2"].deadline.end == "2026-06-30"


def test_column_number_row_and_extra_column() -> None:
    plan = _parse(HEAD + _tsv(("STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Theo dõi, kiểm tra, đôn đốc", "Thời hạn"),
                              ("(1)", "(2)", "(3)", "(4)", "(5)"),
                              ("1", "Rà soát thủ tục", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Quý I/2026")))
    assert [(t.number, t.name, t.lead) for t in plan.tasks] == [("1", "Rà soát thủ tục", ["Sở Tư pháp"])]


def test_lettered_sub_rows() -> None:
    logical = logical_table(_table(("STT", "Tên nhiệm vụ", "Cơ quan chủ trì"), ("1", "Việc lớn", "Sở A"),
                                   ("a)", "Việc nhỏ", "Sở B")))
    assert [r.number for r in logical.rows] == ["1", "a"]
