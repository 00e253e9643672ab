"""The public API on the five samples: real values written out here, from the gold files and the text."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from kehoach_parser import Plan, parse
from kehoach_parser.model import Section, Target, Task

PlanOf = Callable[[str], Plan]


def _task(plan: Plan, number: str, source: str = "annex") -> Task:
    found = [t for t in plan.tasks if t.number == number and t.source == source]
    assert len(found) == 1, f"expected one {source} task numbered {number}, got {len(found)}"
    return found[0]


def _target(plan: Plan, start: str) -> Target:
    found = [t for t in plan.targets if t.name.startswith(start)]
    assert len(found) == 1, f"expected one target starting {start!r}, got {[t.name for t in found]}"
    return found[0]


def _section(sections: list[Section], *path: str) -> Section:
    node = None
    for number in path:
        node = next(s for s in (sections if node is None else node.children) if s.number == number)
    assert node is not None
    return node


def _numbers(sections: list[Section]) -> list:
    return [(s.number, _numbers(s.children)) for s in sections]


def _gold_numbers(sections: list[dict]) -> list:
    return [(s["number"], _gold_numbers(s.get("children") or [])) for s in sections]


# --------------------------------------------------------------------------- 000


def test_000_document(sample_plan: PlanOf) -> None:
    doc = sample_plan("000").document
    assert doc.kind == "ke_hoach"
    assert doc.number is None  # "Số: /KH-UBND": the number is left blank
    assert doc.symbol == "KH-UBND"
    assert doc.issuer == "Ủy ban nhân dân phường Lê Ích Mộc"
    assert doc.place == "Phường Lê Ích Mộc"
    assert doc.issue_date is not None
    assert doc.issue_date.raw == "ngày tháng năm 2026"
    assert (doc.issue_date.day, doc.issue_date.month, doc.issue_date.year) == (None, None, 2026)
    assert doc.issue_date.iso is None
    assert doc.title == "Chuyển đổi số Phường Lê Ích Mộc năm 2026"
    assert doc.period is not None
    assert (doc.period.start, doc.period.end) == ("2026-01-01", "2026-12-31")


def test_000_tasks_body_and_annex(sample_plan: PlanOf) -> None:
    plan = sample_plan("000")
    assert len(plan.tasks) == 26
    assert sum(t.source == "body" for t in plan.tasks) == 8
    annex = [t for t in plan.tasks if t.source == "annex"]
    assert [t.number for t in annex] == [str(n) for n in range(1, 19)]
    assert all(t.number is None for t in plan.tasks if t.source == "body")


def test_000_lead_cell_split_across_page_break(sample_plan: PlanOf) -> None:
    task = _task(sample_plan("000"), "12")
    # "Các cơ quan chuyên môn, đơn vị thuộc" | page break, header repeated | "phường"
    assert task.lead == ["Các cơ quan chuyên môn, đơn vị thuộc phường"]
    assert task.coordinators == []
    assert task.name == "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 100%."
    assert task.output == "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 100%"
    assert task.deadline is not None and task.deadline.kind == "recurring"


def test_000_annex_task_fields(sample_plan: PlanOf) -> None:
    first = _task(sample_plan("000"), "1")
    assert first.name == "Xây dựng, ban hành Kế hoạch chuyển đổi số Phường Lê Ích Mộc năm 2026"
    assert first.lead == ["Phòng Văn hóa - Xã hội"]
    assert first.coordinators == ["Các cơ quan chuyên môn, đơn vị thuộc phường"]
    assert first.deadline is not None
    assert (first.deadline.raw, first.deadline.kind) == ("Quý I/2026", "quarter")
    assert (first.deadline.start, first.deadline.end) == ("2026-01-01", "2026-03-31")
    assert first.output == "Kế hoạch"
    assert first.note is None
    assert first.group is None
    thirteen = _task(sample_plan("000"), "13")
    assert thirteen.coordinators == [
        "Các cơ quan chuyên môn, đơn vị thuộc phường",
        "Tổ công tác thực hiện Đề án 06/CP và Công nghệ số cộng đồng",
    ]
    fifteen = _task(sample_plan("000"), "15")
    assert fifteen.coordinators == ["Thuế cơ sở 4 Hải Phòng", "các cơ quan, đơn vị liên quan"]


def test_000_body_tasks(sample_plan: PlanOf) -> None:
    body = [t for t in sample_plan("000").tasks if t.source == "body"]
    first = body[0]
    assert first.group == "Thể chế, chính sách số"
    assert first.name.startswith("Triển khai Nghị định số 179/2025/NĐ-CP quy định về mức hỗ trợ")
    assert first.lead == ["Phòng Văn hóa - Xã hội phường"]
    assert first.coordinators == ["các cơ quan, đơn vị liên quan"]
    assert first.deadline is not None
    assert first.deadline.raw == "theo hướng dẫn của Sở Nội vụ thành phố"
    assert first.deadline.kind == "as_directed"
    lan = next(t for t in body if t.name.startswith("Triển khai nâng cấp hạ tầng mạng LAN"))
    assert lan.group == "Hạ tầng số"
    assert lan.lead == ["Văn phòng HĐND và UBND phường"]
    assert lan.deadline is not None
    assert (lan.deadline.raw, lan.deadline.kind) == ("Quý III/2026", "quarter")
    assert (lan.deadline.start, lan.deadline.end) == ("2026-07-01", "2026-09-30")
    people = next(t for t in body if t.group == "Nhân lực số")
    assert people.coordinators == ["Các cơ quan chuyên môn, đơn vị thuộc phường", "các tổ dân phố trên địa bàn"]


def test_000_targets(sample_plan: PlanOf) -> None:
    plan = sample_plan("000")
    assert len(plan.targets) == 20
    assert all(t.source == "table" for t in plan.targets)
    assert [t.group for t in plan.targets] == ["Phát triển hạ tầng"] * 2 + ["Phát triển chuyển đổi số"] * 18

    five_g = _target(plan, "Tỷ lệ phủ sóng 5G")
    # the name is split across a page break: "… và doanh nghiệp" | "viễn thông."
    assert five_g.name == ("Tỷ lệ phủ sóng 5G trên địa bàn phường theo kết quả triển khai của thành phố "
                           "và doanh nghiệp viễn thông.")
    assert five_g.name.endswith("doanh nghiệp viễn thông.")
    assert (five_g.number, five_g.group) == ("1", "Phát triển hạ tầng")
    assert five_g.target is not None
    assert (five_g.target.raw, five_g.target.comparator, five_g.target.value, five_g.target.unit) == (
        "≥80%", ">=", 80, "%")
    assert five_g.baseline is not None
    assert (five_g.baseline.raw, five_g.baseline.comparator, five_g.baseline.value) == ("80%", "=", 80)

    contactless = _target(plan, "Tỷ lệ giao dịch hành chính")
    assert contactless.name == "Tỷ lệ giao dịch hành chính thuộc diện “phi tiếp xúc”."
    assert contactless.target is not None and contactless.target.raw == "≥ 89%"

    trained = _target(plan, "Tỷ lệ cán bộ công chức, viên chức được đào tạo")
    assert trained.target is not None
    assert (trained.target.raw, trained.target.value, trained.target.period) == ("100% (2025-2027)", 100, "2025-2027")

    sme = _target(plan, "Tỷ lệ doanh nghiệp vừa và nhỏ")
    assert sme.baseline is not None
    assert sme.baseline.raw == "100% nộp thuế điện tử, ứng dụng hóa đơn điện tử, ký số..."
    assert (sme.baseline.comparator, sme.baseline.value, sme.baseline.unit) == ("=", 100, "%")

    no_baseline = _target(plan, "Tỷ lệ thủ tục hành chính được tiếp nhận, giải quyết phi địa giới")
    assert no_baseline.baseline is None
    assert no_baseline.target is not None and no_baseline.target.comparator == ">="


def test_000_sections_signature_closing(sample_plan: PlanOf) -> None:
    plan = sample_plan("000")
    assert [(s.number, s.title, s.kind) for s in plan.sections] == [
        ("I", "MỤC TIÊU", "objectives"),
        ("II", "NHIỆM VỤ", "tasks"),
        ("III", "GIẢI PHÁP", "solutions"),
        ("IV", "KINH PHÍ THỰC HIỆN", "funding"),
        ("V", "TỔ CHỨC THỰC HIỆN", "organization"),
    ]
    assert [c.number for c in _section(plan.sections, "II").children] == [str(n) for n in range(1, 10)]
    assert [c.number for c in _section(plan.sections, "II", "7").children] == ["7.1", "7.2", "7.3"]
    assert _section(plan.sections, "II", "8", "8.1").title == "Kinh tế số"
    sig = plan.signature
    assert sig is not None
    assert (sig.authority, sig.organ, sig.position, sig.signer) == (
        "TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Quang Vinh")
    assert plan.recipients == [
        "Sở Khoa học và Công nghệ thành phố",
        "TTĐU; TT.HĐND phường",
        "CT, các PCT UBND phường",
        "Các phòng, ban, đơn vị thuộc phường",
        "Lưu: VT, VHXH",
    ]
    assert [(a.label, a.title) for a in plan.annexes] == [
        ("PHỤ LỤC", "NHIỆM VỤ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN NĂM 2026")]


def test_000_references(sample_plan: PlanOf) -> None:
    refs = sample_plan("000").references
    assert [r.id for r in refs] == [
        "359/KH-UBND", "2629/QĐ-TTg", "8177/BKHCN-CĐSQG", "238/KH-UBND", "12-KH/TU", "57-NQ/TW",
        "179/2025/NĐ-CP", "06/CP", "03-NQ/TU", "73/2019/NĐ-CP", "82/2024/NĐ-CP",
    ]
    first = refs[0]
    assert (first.kind, first.date, first.issuer) == (
        "Kế hoạch", "2025-12-31", "Ủy ban nhân dân thành phố Hải Phòng")
    by_id = {r.id: r for r in refs}
    assert by_id["12-KH/TU"].kind == "Kế hoạch hành động"
    assert by_id["06/CP"].kind == "Đề án"


# --------------------------------------------------------------------------- 001


def test_001_signature_chain(sample_plan: PlanOf) -> None:
    sig = sample_plan("001").signature
    assert sig is not None
    assert (sig.authority, sig.organ, sig.position, sig.signer) == (
        "TM.", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hà")
    assert sig.chain == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]


def test_001_document_and_targets(sample_plan: PlanOf) -> None:
    plan = sample_plan("001")
    doc = plan.document
    assert (doc.kind, doc.number, doc.symbol, doc.place, doc.issue_date) == ("ke_hoach", None, None, None, None)
    assert doc.issuer == "Ủy ban nhân dân xã Vĩnh Bảo"  # inferred from the body: the header has no organ line
    assert doc.title == "Chuyển đổi số xã Vĩnh Bảo năm 2026"
    assert doc.period is not None and (doc.period.start, doc.period.end) == ("2026-01-01", "2026-12-31")
    assert plan.tasks == []
    # a Markdown table with a single year column: no baseline anywhere
    assert len(plan.targets) == 12
    assert [t.number for t in plan.targets] == [str(n) for n in range(1, 13)]
    assert all(t.baseline is None for t in plan.targets)
    first = plan.targets[0]
    assert (first.name, first.group) == ("Tỷ lệ phủ sóng 5G trên địa bàn xã", "Phát triển hạ tầng")
    assert first.target is not None
    assert (first.target.raw, first.target.comparator, first.target.value) == ("≥ 60%", ">=", 60)
    assert plan.targets[2].target is not None and plan.targets[2].target.comparator == "="
    assert "8177/BKHCNCĐSQG" in [r.id for r in plan.references]
    assert plan.recipients == [
        "Sở Khoa học và Công nghệ (để báo cáo)",
        "TT Đảng Ủy, TT HĐND xã (để báo cáo)",
        "CT, các PCT UBND xã",
        "Các phòng, cơ quan, đơn vị",
        "Lưu: VT, VHXXH",
    ]
    assert plan.annexes == []


# --------------------------------------------------------------------------- 002


def test_002_document(sample_plan: PlanOf) -> None:
    doc = sample_plan("002").document
    assert doc.issuer == "Uỷ ban nhân dân phường Thạch Khôi"  # old tone placement kept as printed
    assert doc.title == ("Ứng dụng công nghệ thông tin và Chuyển đổi số trong hoạt động của cơ quan nhà nước "
                         "phường Thạch Khôi 6 tháng cuối năm 2025")
    assert doc.period is not None
    assert (doc.period.start, doc.period.end) == ("2025-07-01", "2025-12-31")


def test_002_text_targets(sample_plan: PlanOf) -> None:
    targets = sample_plan("002").targets
    assert all(t.source == "text" and t.number is None and t.baseline is None for t in targets)
    assert [(t.target.raw, t.target.comparator, t.target.value, t.target.unit)  # type: ignore[union-attr]
            for t in targets] == [
        ("100%", "=", 100, "%"),
        ("Tối thiểu 80%", ">=", 80, "%"),
        ("đạt 90%", "=", 90, "%"),
        ("100%", "=", 100, "%"),
        ("100%", "=", 100, "%"),
        ("trên 90%", ">", 90, "%"),
        ("Tối thiểu 80%", ">=", 80, "%"),
    ]
    assert targets[1].name == "Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình."
    assert targets[5].name == ("Tỷ lệ mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục "
                               "hành chính đạt trên 90%.")


def test_002_signature_sections(sample_plan: PlanOf) -> None:
    plan = sample_plan("002")
    sig = plan.signature
    assert sig is not None
    assert (sig.authority, sig.organ, sig.position, sig.signer) == ("KT.", None, "PHÓ CHỦ TỊCH", "Phạm Ngọc Sơn")
    assert [(s.number, s.kind) for s in plan.sections] == [
        ("I", "bases"), ("II", "objectives"), ("III", "tasks"), ("IV", "solutions"), ("V", "funding"),
        ("VI", "organization"),
    ]
    assert _section(plan.sections, "I").title == "CĂN CỨ LẬP KẾ HOẠCH"
    assert plan.tasks == []
    refs = {r.id: r for r in plan.references}
    assert len(plan.references) == 13
    assert (refs["292/QĐ-BKHCN"].kind, refs["292/QĐ-BKHCN"].date) == ("Quyết định", "2025-03-25")
    assert refs["749/QĐ-TTg"].issuer == "Thủ tướng Chính phủ"


# --------------------------------------------------------------------------- 003

LEADER = "Đồng chí Đinh Thị Thu Hà, Phó Chủ tịch Ủy ban nhân dân phường"


def test_003_annex_task_groups(sample_plan: PlanOf) -> None:
    tasks = sample_plan("003").tasks
    assert len(tasks) == 20
    assert all(t.source == "annex" for t in tasks)
    groups: list[str | None] = []
    for t in tasks:
        if t.group not in groups:
            groups.append(t.group)
    assert groups == [
        "Công tác chỉ đạo, điều hành và tổ chức thực hiện",
        "Về chuyển đổi số, dữ liệu và chính quyền số",
        "Về khoa học, công nghệ và đổi mới sáng tạo",
        "Về nhân lực",
        "Về hợp tác quốc tế về KHCN, ĐMST, CDS",
        "An ninh, an toàn thông tin và bảo vệ thông tin bí mật nhà nước",
        "Về tài chính, kinh phí cho KHCN, ĐMST, CDS",
    ]
    assert [t.number for t in tasks] == ["1", "2", "3", "4", "1", "2", "3", "4", "1", "1", "1", "2",
                                         "1", "2", "3", "4", "5", "6", "1", "2"]


def test_003_lead_person_and_deadlines(sample_plan: PlanOf) -> None:
    tasks = sample_plan("003").tasks
    assert all(t.lead_person == LEADER for t in tasks)
    assert all(t.lead == ["Phòng Văn hoá - Xã hội"] for t in tasks)
    assert all(t.coordinators == ["Các phòng ban, cơ quan, đơn vị thuộc phường"] for t in tasks)
    periodic = [t for t in tasks if t.deadline and t.deadline.raw.startswith("Nhiệm vụ thường xuyên")]
    assert len(periodic) == 2
    for t in periodic:
        assert t.deadline is not None
        assert t.deadline.raw == "Nhiệm vụ thường xuyên; định kỳ hàng tháng báo cáo kết quả"
        assert (t.deadline.kind, t.deadline.start, t.deadline.end) == ("recurring", None, None)
    first = tasks[0]
    assert first.output == "Kế hoạch"
    assert first.name.startswith("Tổ chức phổ biến, quán triệt chủ trương")
    assert first.name.endswith("trong cán bộ, công chức và nhân dân.")
    march = next(t for t in tasks if t.deadline and t.deadline.raw == "Tháng 3/2026")
    assert march.deadline is not None
    assert (march.deadline.kind, march.deadline.start, march.deadline.end) == ("month", "2026-03-01", "2026-03-31")


def test_003_text_targets(sample_plan: PlanOf) -> None:
    targets = sample_plan("003").targets
    assert len(targets) == 16
    assert all(t.source == "text" for t in targets)
    groups: list[str | None] = []
    for t in targets:
        if t.group not in groups:
            groups.append(t.group)
    assert groups == [
        "Về hạ tầng số",
        "Về số hóa, dữ liệu, nền tảng số",
        "Về thủ tục hành chính và dịch vụ công trực tuyến",
        "Về nhân lực và năng lực thực thi công vụ trên môi trường số",
        "Về khoa học, công nghệ và đổi mới sáng tạo",
        "Số hóa, minh bạch hóa quản trị nhiệm vụ khoa học, công nghệ",
    ]
    assert [(t.target.comparator, t.target.value) for t in targets] == [  # type: ignore[union-attr]
        ("=", 95), ("=", 100), ("=", 100), ("=", 100), (">=", 100), (">=", 90), ("=", 95), ("=", 95),
        ("=", 100), (">=", 80), ("=", 95), ("=", 100), ("=", 50), ("=", 100), ("=", 100), (">=", 90),
    ]
    assert targets[0].name == ("Mở rộng phủ sóng 5G đạt 95% dân số, bảo đảm chất lượng dịch vụ; ưu tiên phủ sóng "
                               "khu vực sản xuất, khu công nghiệp.")


def test_003_document_signature(sample_plan: PlanOf) -> None:
    plan = sample_plan("003")
    doc = plan.document
    assert (doc.number, doc.symbol, doc.place) == (None, "KH-UBND", "Nam Đồng")
    assert doc.issuer == "Ủy ban nhân dân phường Nam Đồng"
    assert doc.issue_date is not None
    assert doc.issue_date.raw == "ngày tháng 03 năm 2026"
    assert (doc.issue_date.day, doc.issue_date.month, doc.issue_date.year, doc.issue_date.iso) == (
        None, 3, 2026, None)
    assert doc.title is not None and doc.title.startswith("Triển khai, thực hiện Chương trình công tác năm 2026")
    assert doc.title.endswith("(Điều chỉnh, bổ sung theo Thông báo số 02-TB/BĐC ngày 19/03/2026 của BCD phát "
                              "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số)")
    sig = plan.signature
    assert sig is not None
    assert (sig.authority, sig.organ, sig.position, sig.signer) == ("KT.", None, "PHÓ CHỦ TỊCH", "Đinh Thị Thu Hà")
    assert [(a.label, a.title) for a in plan.annexes] == [("Phụ lục", "PHÂN CÔNG THỰC HIỆN CÁC NHIỆM VỤ")]
    assert [c.number for c in _section(plan.sections, "I", "1", "1.2").children] == ["1.2.1", "1.2.2"]


# --------------------------------------------------------------------------- 004

TASK_11 = (
    "Phối hợp nâng cấp, hoàn thiện hạ tầng công nghệ đáp ứng yêu cầu tại văn bản số 15527BT/TTT-TTH và "
    "708/BTTT-CATTT; hoàn thành kết nối giữa Hệ thống giải quyết TTHC của phường với Cơ sở dữ liệu quốc gia về "
    "dân cư phục vụ giải quyết thủ tục hành chính, dịch vụ công theo Nghị định số 107/2021/NĐ-CP của Chính phủ"
)


def test_004_row_joined_across_page_without_space(sample_plan: PlanOf) -> None:
    task = _task(sample_plan("004"), "11")
    # the row ends "107/2021/NĐ-" on one page and goes on "CP của Chính phủ" on the next
    assert "Nghị định số 107/2021/NĐ-CP của Chính phủ" in task.name
    assert task.name == TASK_11
    assert task.lead == ["Văn phòng HĐND và UBND"]
    assert task.coordinators == ["Phòng Văn hóa xã hội", "Các phòng, ban, ngành, đơn vị thuộc phường",
                                 "các tổ dân phố"]
    assert task.deadline is not None
    assert (task.deadline.raw, task.deadline.kind) == ("Trong năm 2025", "year")
    assert (task.deadline.start, task.deadline.end) == ("2025-01-01", "2025-12-31")


def test_004_references(sample_plan: PlanOf) -> None:
    refs = sample_plan("004").references
    by_id = {r.id: r for r in refs}
    assert (by_id["107/2021/NĐ-CP"].kind, by_id["107/2021/NĐ-CP"].issuer) == ("Nghị định", "Chính phủ")
    # two printings of what is probably one document are two entries
    assert "71-NQ/CP" in by_id and "71/NQ-CP" in by_id
    assert (by_id["71-NQ/CP"].date, by_id["71-NQ/CP"].issuer) == ("2025-04-01", "Chính phủ")
    assert (by_id["15527BT/TTT-TTH"].kind, by_id["708/BTTT-CATTT"].kind) == ("Văn bản", "Văn bản")
    assert (by_id["57-NQ/TW"].date, by_id["57-NQ/TW"].issuer) == ("2024-12-22", "Bộ Chính trị")
    assert len(refs) == 9


def test_004_section_gap_kept(sample_plan: PlanOf) -> None:
    sections = sample_plan("004").sections
    three = _section(sections, "II", "3")
    assert [c.number for c in three.children] == ["3.1", "3.2", "3.3", "3.5", "3.6", "3.7", "3.8", "3.9",
                                                  "3.10", "3.11"]
    assert [c.number for c in _section(sections, "II", "6").children] == ["6.1", "6.2", "6.4", "6.5"]
    assert all(c.title is None for c in three.children)  # numbered paragraphs, not headings
    title = _section(sections, "II", "5", "5.18").title
    assert title == "Tăng cường ứng dụng công nghệ thông tin trong giáo dục và đào tạo"


def test_004_document_and_tasks(sample_plan: PlanOf) -> None:
    plan = sample_plan("004")
    doc = plan.document
    assert (doc.number, doc.symbol, doc.period) == (None, None, None)  # the title names no period
    assert doc.issue_date is not None
    assert (doc.issue_date.raw, doc.issue_date.iso) == ("ngày 10 tháng 7 năm 2025", "2025-07-10")
    assert len(plan.tasks) == 18 and plan.targets == []
    four = _task(plan, "4")
    assert four.lead == []
    assert four.coordinators == ["Phòng Văn hóa - xã hội"]
    assert four.deadline is not None
    assert (four.deadline.raw, four.deadline.kind) == ("Kế hoạch công tác hàng năm", "recurring")
    nine = _task(plan, "9")
    assert nine.deadline is not None
    assert (nine.deadline.raw, nine.deadline.kind) == ("Theo Kế hoạch thành phố", "as_directed")
    six = _task(plan, "6")
    assert six.lead == ["Phòng VH-XH", "Các Tổ dân phố"]
    one = _task(plan, "1")
    assert one.coordinators == ["Các phòng, ban, ngành, đơn vị thuộc phường", "các tổ dân phố"]
    assert one.deadline is not None
    assert (one.deadline.kind, one.deadline.start, one.deadline.end) == ("month", "2025-07-01", "2025-07-31")
    sig = plan.signature
    assert sig is not None
    assert (sig.authority, sig.organ, sig.position, sig.signer) == (
        "TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Quang Vinh")
    assert [a.label for a in plan.annexes] == ["PHỤ LỤC I"]


# --------------------------------------------------------------------------- every sample


def test_matches_gold_structure(sample_stem: str, sample_plan: PlanOf, gold: Callable[[str], dict]) -> None:
    plan, expected = sample_plan(sample_stem), gold(sample_stem)
    assert _numbers(plan.sections) == _gold_numbers(expected["sections"])
    assert len(plan.tasks) == len(expected["tasks"])
    assert len(plan.targets) == len(expected["targets"])
    assert plan.recipients == expected["recipients"]
    contract = {"authority", "organ", "position", "signer"}  # the project may add fields (chain, location …)
    signature = plan.signature.model_dump(include=contract) if plan.signature else None
    assert signature == expected["signature"]


def test_round_trips_through_json(sample_stem: str, sample_plan: PlanOf) -> None:
    plan = sample_plan(sample_stem)
    assert Plan.model_validate_json(plan.model_dump_json()) == plan


def test_bytes_equal_path(sample_stem: str, sample_plan: PlanOf, sample_path: Callable[[str], Path]) -> None:
    path = sample_path(sample_stem)
    from_bytes = parse(path.read_bytes(), name=path.name)
    assert from_bytes == sample_plan(sample_stem)
    assert parse(str(path)) == from_bytes


def test_source(sample_stem: str, sample_plan: PlanOf, sample_path: Callable[[str], Path]) -> None:
    path = sample_path(sample_stem)
    source = sample_plan(sample_stem).source
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (source.file, source.format, source.pages) == (path.name, "txt", None)


def test_bytes_without_name_are_labelled() -> None:
    plan = parse("KẾ HOẠCH\nThử nghiệm năm 2026\nI. MỤC TIÊU\nNội dung.".encode())
    assert plan.source.file == "<bytes>"
    assert plan.document.title == "Thử nghiệm năm 2026"


@pytest.mark.parametrize("field", ["references", "sections", "tasks", "targets"])
def test_no_blank_strings(field: str, all_sample_plans: dict[str, Plan]) -> None:
    """Unknown values are null, never "" (the contract), and strings carry no markup."""

    def strings(value: object):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)

    for stem, plan in all_sample_plans.items():
        for text in strings(plan.model_dump(mode="json")[field]):
            assert text == text.strip() and text, f"{stem}: blank or untrimmed string in {field}: {text!r}"
            assert "**" not in text and "<p>" not in text and "|" not in text, f"{stem}: markup in {text!r}"
