"""Row stitching: ``segment.tables.logical_table`` on hand-built tables, and the same through ``parse``."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from kehoach_parser import Plan, parse
from kehoach_parser.layout import Row, Table
from kehoach_parser.segment.tables import LogicalTable, logical_table

HEADER = ("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm", "Ghi chú")


def _table(*rows: tuple[str, ...], page_break_after: int | None = None) -> Table:
    """Rows numbered from line 1; rows after ``page_break_after`` are on page 2."""
    return Table(tuple(
        Row(cells, 1 if page_break_after is None or i <= page_break_after else 2, i)
        for i, cells in enumerate(rows, start=1)
    ))


def _tsv(*rows: tuple[str, ...]) -> str:
    return "".join("\t".join(r) + "\n" for r in rows)


# --------------------------------------------------------------------------- logical_table


def test_page_break_header_repeat_and_continuation() -> None:
    table = _table(
        HEADER,
        ("1", "Triển khai Nghị định số 107/2021/NĐ-", "Văn phòng HĐND và UBND", "Các cơ quan chuyên môn, đơn vị thuộc",
         "Quý I/2026", "Kế hoạch", ""),
        HEADER,  # the header printed again on the next page
        ("", "CP của Chính phủ", "", "phường", "", "", ""),  # the rest of row 1
        ("2", "Nhiệm vụ hai", "Phòng VH-XH", "", "Thường xuyên", "", ""),
        page_break_after=2,
    )
    logical = logical_table(table)
    assert logical.kind == "tasks"
    assert [r.number for r in logical.rows] == ["1", "2"]
    first = logical.rows[0]
    assert first.cells["name"] == "Triển khai Nghị định số 107/2021/NĐ-CP của Chính phủ"  # no space after "-"
    assert first.cells["coordinators"] == "Các cơ quan chuyên môn, đơn vị thuộc phường"  # the right column
    assert first.cells["lead"] == "Văn phòng HĐND và UBND"
    assert (first.page, first.line) == (1, 2)
    assert logical.warnings == []


def test_header_repeat_in_other_case_dropped() -> None:
    upper = tuple(c.upper() for c in HEADER)
    logical = logical_table(_table(HEADER, ("1", "Việc một", "Phòng A", "", "", "", ""), upper,
                                   ("2", "Việc hai", "Phòng B", "", "", "", "")))
    assert [(r.number, r.cells["name"]) for r in logical.rows] == [("1", "Việc một"), ("2", "Việc hai")]


def test_continuation_joins_with_space_and_slash_without() -> None:
    logical = logical_table(_table(
        HEADER,
        ("1", "Thực hiện chính sách hỗ trợ về CNTT/", "Phòng A", "", "", "Văn bản/", ""),
        ("", "Chuyển đổi số của các cơ quan", "", "", "", "Báo cáo", ""),
        ("2", "Tổ chức tuyên truyền tới", "Phòng B", "", "", "", ""),
        ("", "người dân trên địa bàn", "", "", "", "", ""),
    ))
    assert [r.cells["name"] for r in logical.rows] == [
        "Thực hiện chính sách hỗ trợ về CNTT/Chuyển đổi số của các cơ quan",
        "Tổ chức tuyên truyền tới người dân trên địa bàn",
    ]
    assert logical.rows[0].cells["output"] == "Văn bản/Báo cáo"


def test_roman_group_in_stt_cell() -> None:
    logical = logical_table(_table(
        HEADER,
        ("I. Công tác chỉ đạo, điều hành", "", "", "", "", "", ""),
        ("1", "Việc một", "Phòng A", "", "", "", ""),
        ("III. Về khoa học, công nghệ và đổi mới sáng tạo.", "", "", "", "", "", ""),
        ("1", "Việc hai", "Phòng B", "", "", "", ""),
        ("2", "Việc ba", "Phòng B", "", "", "", ""),
    ))
    assert [(r.number, r.group) for r in logical.rows] == [
        ("1", "Công tác chỉ đạo, điều hành"),
        ("1", "Về khoa học, công nghệ và đổi mới sáng tạo"),
        ("2", "Về khoa học, công nghệ và đổi mới sáng tạo"),
    ]


def test_roman_group_as_number_and_name() -> None:
    logical = logical_table(_table(
        HEADER,
        ("I", "Về hạ tầng số", "", "", "", "", ""),
        ("1", "Việc một", "Phòng A", "", "", "", ""),
        ("II", "Về nhân lực", "", "", "", "", ""),
        ("1", "Việc hai", "Phòng B", "", "", "", ""),
    ))
    assert [(r.number, r.group, r.cells["name"]) for r in logical.rows] == [
        ("1", "Về hạ tầng số", "Việc một"),
        ("1", "Về nhân lực", "Việc hai"),
    ]


def test_no_groups_means_group_none() -> None:
    logical = logical_table(_table(HEADER, ("1.", "Việc một", "Phòng A", "", "", "", "")))
    assert [(r.number, r.group) for r in logical.rows] == [("1", None)]


def test_header_with_other_wording() -> None:
    header = ("TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Kết quả", "Ghi chú")
    logical = logical_table(_table(header, ("1.", "Việc A", "Phòng X", "Phòng Y", "Quý II/2026", "Báo cáo", "ghi")))
    assert logical.kind == "tasks"
    assert logical.roles == {"number": 0, "name": 1, "lead": 2, "coordinators": 3, "deadline": 4, "output": 5,
                             "note": 6}
    row = logical.rows[0]
    assert row.number == "1"
    assert row.cells == {"name": "Việc A", "lead": "Phòng X", "coordinators": "Phòng Y", "deadline": "Quý II/2026",
                         "output": "Báo cáo", "note": "ghi"}


def test_lead_person_column() -> None:
    header = ("STT", "Tên nhiệm vụ", "Chủ trì chủ đạo", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm đầu ra",
              "Thời gian thực hiện/ hoàn thành", "Ghi chú")
    logical = logical_table(_table(header, ("1", "Việc", "Đồng chí A", "Phòng B", "Phòng C", "Văn bản", "Quý I/2026",
                                            "")))
    assert logical.roles == {"number": 0, "name": 1, "lead_person": 2, "lead": 3, "coordinators": 4, "output": 5,
                             "deadline": 6, "note": 7}


def test_column_index_row_dropped() -> None:
    logical = logical_table(_table(HEADER, ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"),
                                   ("1", "Việc", "Phòng A", "", "", "", "")))
    assert [r.cells["name"] for r in logical.rows] == ["Việc"]


def test_target_table_baseline_and_target_years() -> None:
    logical = logical_table(_table(
        ("STT", "Tên chỉ tiêu", "Thực hiện 2025", "Kế hoạch 2026"),
        ("I", "Phát triển hạ tầng", "", ""),
        ("1", "Tỷ lệ phủ sóng 5G trên địa bàn phường", "80%", "≥80%"),
        ("", "và doanh nghiệp viễn thông.", "", ""),
    ))
    assert logical.kind == "targets"
    assert [(v.index, v.year, v.hint) for v in logical.value_columns] == [(2, 2025, "baseline"), (3, 2026, "target")]
    row = logical.rows[0]
    assert (row.number, row.group) == ("1", "Phát triển hạ tầng")
    assert row.cells["name"] == "Tỷ lệ phủ sóng 5G trên địa bàn phường và doanh nghiệp viễn thông."
    assert row.values == {2: "80%", 3: "≥80%"}


def test_target_table_one_year_column() -> None:
    logical = logical_table(_table(("STT", "Chỉ tiêu", "Chỉ tiêu năm 2026"), ("1", "Tỷ lệ A", "≥ 95%")))
    assert logical.kind == "targets"
    assert [(v.index, v.year) for v in logical.value_columns] == [(2, 2026)]
    assert logical.rows[0].values == {2: "≥ 95%"}


def test_unrecognised_table_is_other() -> None:
    logical: LogicalTable = logical_table(_table(("Họ tên", "Chức vụ"), ("Nguyễn Văn A", "Trưởng phòng")))
    assert logical.kind == "other"
    assert logical.rows == []


# --------------------------------------------------------------------------- through parse


@pytest.fixture
def annex_plan(make_plan: Callable[[str], str]) -> Callable[[str, str], Plan]:
    def run(annex: str, name: str = "x.txt") -> Plan:
        return parse(make_plan(annex).encode("utf-8"), name=name)

    return run


def test_parse_task_table_across_page_break(annex_plan: Callable[[str, str], Plan]) -> None:
    annex = _tsv(
        HEADER,
        ("I. Về hạ tầng số", "", "", "", "", "", ""),
        ("1", "Triển khai Nghị định số 107/2021/NĐ-", "Văn phòng HĐND và UBND", "Các cơ quan chuyên môn, đơn vị thuộc",
         "Quý I/2026", "Kế hoạch", ""),
    ) + "\n" + _tsv(
        HEADER,
        ("", "CP của Chính phủ", "", "phường", "", "", ""),
        ("2", "Nhiệm vụ hai", "Phòng VH-XH, Các Tổ dân phố", "", "Thường xuyên", "", ""),
        ("II", "Về nhân lực", "", "", "", "", ""),
        ("1", "Nhiệm vụ ba", "Phòng Kinh tế, Hạ tầng và Đô thị", "", "Quý II", "", "Ghi chú riêng"),
    )
    plan = annex_plan(annex, "x.txt")
    assert [(t.number, t.group, t.name) for t in plan.tasks] == [
        ("1", "Về hạ tầng số", "Triển khai Nghị định số 107/2021/NĐ-CP của Chính phủ"),
        ("2", "Về hạ tầng số", "Nhiệm vụ hai"),
        ("1", "Về nhân lực", "Nhiệm vụ ba"),
    ]
    first, second, third = plan.tasks
    assert first.lead == ["Văn phòng HĐND và UBND"]
    assert first.coordinators == ["Các cơ quan chuyên môn, đơn vị thuộc phường"]
    assert first.deadline is not None and (first.deadline.start, first.deadline.end) == ("2026-01-01", "2026-03-31")
    assert (first.output, first.note, first.source) == ("Kế hoạch", None, "annex")
    assert second.lead == ["Phòng VH-XH", "Các Tổ dân phố"]
    assert second.coordinators == [] and second.output is None
    assert third.lead == ["Phòng Kinh tế, Hạ tầng và Đô thị"]
    assert third.note == "Ghi chú riêng"
    # "Quý II" without a year takes the plan's year (the title says "năm 2026")
    assert third.deadline is not None and (third.deadline.start, third.deadline.end) == ("2026-04-01", "2026-06-30")
    assert [r.id for r in plan.references] == ["107/2021/NĐ-CP"]  # stitched, and the plan's own number left out
    assert plan.references[0].issuer == "Chính phủ"
    assert [w.code for w in plan.warnings] == []


def test_parse_header_with_other_wording(annex_plan: Callable[[str, str], Plan]) -> None:
    annex = _tsv(
        ("TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Kết quả", "Ghi chú"),
        ("1.", "Rà soát thủ tục hành chính", "Văn phòng HĐND và UBND",
         "Các phòng, ban, ngành, đơn vị thuộc phường và các tổ dân phố",
         "Tháng 7/2026", "Báo cáo", ""),
    )
    [task] = annex_plan(annex, "x.txt").tasks
    assert (task.number, task.name, task.output, task.note) == ("1", "Rà soát thủ tục hành chính", "Báo cáo", None)
    assert task.lead == ["Văn phòng HĐND và UBND"]
    assert task.coordinators == ["Các phòng, ban, ngành, đơn vị thuộc phường", "các tổ dân phố"]
    assert task.deadline is not None and (task.deadline.kind, task.deadline.end) == ("month", "2026-07-31")


def test_parse_target_table_two_years(annex_plan: Callable[[str, str], Plan]) -> None:
    annex = _tsv(
        ("STT", "Tên chỉ tiêu", "Thực hiện 2025", "Kế hoạch 2026"),
        ("I", "Phát triển hạ tầng", "", ""),
        ("1", "Tỷ lệ phủ sóng 5G trên địa bàn phường theo kết quả triển khai của thành phố và doanh nghiệp",
         "80%", "≥80%"),
    ) + "\n" + _tsv(
        ("", "viễn thông.", "", ""),
        ("II", "Phát triển chuyển đổi số", "", ""),
        ("1", "Tỷ lệ cán bộ được đào tạo kỹ năng số", "", "100% (2025-2027)"),
    )
    plan = annex_plan(annex, "x.txt")
    assert [(t.number, t.group, t.name) for t in plan.targets] == [
        ("1", "Phát triển hạ tầng",
         "Tỷ lệ phủ sóng 5G trên địa bàn phường theo kết quả triển khai của thành phố và doanh nghiệp viễn thông."),
        ("1", "Phát triển chuyển đổi số", "Tỷ lệ cán bộ được đào tạo kỹ năng số"),
    ]
    five_g, trained = plan.targets
    assert five_g.baseline is not None and five_g.target is not None
    assert (five_g.baseline.raw, five_g.baseline.comparator, five_g.baseline.value) == ("80%", "=", 80)
    assert (five_g.target.raw, five_g.target.comparator, five_g.target.value) == ("≥80%", ">=", 80)
    assert trained.baseline is None  # empty baseline cell
    assert trained.target is not None
    assert (trained.target.value, trained.target.period) == (100, "2025-2027")
    assert all(t.source == "table" for t in plan.targets)


def test_parse_target_table_one_year(annex_plan: Callable[[str, str], Plan]) -> None:
    annex = _tsv(("STT", "Tên chỉ tiêu", "Năm 2026"), ("1", "Tỷ lệ phủ sóng 5G", "≥ 60%"),
                 ("2", "Tỷ lệ hồ sơ số hóa", "100%"))
    plan = annex_plan(annex, "x.txt")
    assert [(t.number, t.name, t.baseline) for t in plan.targets] == [
        ("1", "Tỷ lệ phủ sóng 5G", None), ("2", "Tỷ lệ hồ sơ số hóa", None)]
    assert [(t.target.raw, t.target.comparator) for t in plan.targets] == [  # type: ignore[union-attr]
        ("≥ 60%", ">="), ("100%", "=")]


def test_parse_markdown_pipe_table(annex_plan: Callable[[str, str], Plan]) -> None:
    annex = (
        "| **STT** | **Nội dung nhiệm vụ** | **Đơn vị chủ trì** | **Đơn vị phối hợp** | **Thời gian thực hiện** |\n"
        "|---|:---|---|---|---:|\n"
        "| <p>1</p> | <p>Xây dựng **kế hoạch** chuyển đổi số</p> | <p>Phòng Văn hóa - Xã hội</p> |"
        " Các phòng, ban, ngành, đơn vị thuộc phường và các tổ dân phố | Quý I/2026 |\n"
        "| 2 | Số hóa hồ sơ theo Nghị định số 107/2021/NĐ- | Văn phòng HĐND và UBND | | Trong năm 2026 |\n"
        "\n"
        "| **STT** | **Nội dung nhiệm vụ** | **Đơn vị chủ trì** | **Đơn vị phối hợp** | **Thời gian thực hiện** |\n"
        "|---|---|---|---|---|\n"
        "| | CP của Chính phủ | | Công an phường | |\n"
    )
    plan = annex_plan(annex, "x.md")
    assert plan.source.format == "md"
    assert [(t.number, t.name) for t in plan.tasks] == [
        ("1", "Xây dựng kế hoạch chuyển đổi số"),
        ("2", "Số hóa hồ sơ theo Nghị định số 107/2021/NĐ-CP của Chính phủ"),
    ]
    first, second = plan.tasks
    assert first.lead == ["Phòng Văn hóa - Xã hội"]
    assert first.coordinators == ["Các phòng, ban, ngành, đơn vị thuộc phường", "các tổ dân phố"]
    assert second.coordinators == ["Công an phường"]
    assert second.deadline is not None and second.deadline.kind == "year"
    for task in plan.tasks:
        for text in [task.name, *task.lead, *task.coordinators]:
            assert "**" not in text and "<p>" not in text and "</p>" not in text and "|" not in text
