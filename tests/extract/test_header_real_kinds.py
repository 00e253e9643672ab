"""Header facts of the kinds of document offices receive (issue 8, item 1 and 2), on small synthetic plans."""
from __future__ import annotations

import pytest

from kehoach_parser import Plan, parse
from kehoach_parser.extract.organs import header_organs, issuer_of

BODY = """
I. MỤC TIÊU
1. Mục tiêu chung
Nâng cao hiệu quả.
II. TỔ CHỨC THỰC HIỆN
Các đơn vị triển khai.
"""


def _parse(text: str, name: str = "kh.txt") -> Plan:
    return parse(text.encode("utf-8"), name=name)


@pytest.mark.parametrize(("lines", "issuer", "parent"), [
    (["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG"], "Sở Công Thương tỉnh Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai"),
    (["BỘ CÔNG AN", "TỔ CÔNG TÁC LIÊN NGÀNH TW"], "Tổ Công tác liên ngành trung ương", "Bộ Công an"),
    (["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], "Ủy ban nhân dân tỉnh Lâm Đồng", None),
    (["BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG"], "Bộ Tài nguyên và Môi trường", None),
    (["UBND TỈNH LAI CHÂU", "VĂN PHÒNG"], "Văn phòng Ủy ban nhân dân tỉnh Lai Châu", "Ủy ban nhân dân tỉnh Lai Châu"),
    (["UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG"], "Sở Công Thương tỉnh Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai"),
    (["UBND THÀNH PHỐ HẢI PHÒNG", "UBND PHƯỜNG LÊ ÍCH MỘC"], "Ủy ban nhân dân phường Lê Ích Mộc",
     "Ủy ban nhân dân thành phố Hải Phòng"),
    (["ỦY BAN NHÂN DÂN THÀNH PHỐ HỘI AN"], "Ủy ban nhân dân thành phố Hội An", None),
    (["SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"], "Sở Lao động - Thương binh và Xã hội", None),
])
def test_organ_lines(lines: list[str], issuer: str, parent: str | None) -> None:
    issuing, above = issuer_of(header_organs(lines))
    assert issuing is not None and issuing.full_name().casefold() == issuer.casefold()
    assert (above.full_name() if above else None) == parent


def test_parent_line_in_a_plan() -> None:
    plan = _parse("UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: 12/KH-SCT\nLào Cai, ngày 05 tháng 01 năm 2026\n\n"
                  "KẾ HOẠCH\nKiểm tra an toàn năm 2026\n" + BODY)
    assert plan.document.issuer == "Sở Công Thương tỉnh Lào Cai"
    assert plan.document.parent_issuer == "Ủy ban nhân dân tỉnh Lào Cai"
    assert plan.document.number == "12"


def test_partial_draft_date() -> None:
    plan = _parse("SỞ CÔNG THƯƠNG\nSố: /KH-SCT\nLào Cai, ngày tháng 4 năm 2026\n\nKẾ HOẠCH\nKiểm tra\n" + BODY)
    date = plan.document.issue_date
    assert date is not None and (date.day, date.month, date.year, date.iso) == (None, 4, 2026, None)
    assert plan.document.number is None and plan.document.symbol == "KH-SCT"


def test_stamps_are_not_the_header() -> None:
    plan = _parse("ĐẾN Số: 1614 Ngày: 25/02/2026\nBỘ CÔNG AN\nTỔ CÔNG TÁC LIÊN NGÀNH TW\nSố: 996/KH-TCTLNTW\n"
                  "Hà Nội, ngày 24 tháng 02 năm 2026\nSAO Y Thời gian ký: 26/02/2026\n\nKẾ HOẠCH\nPhối hợp kiểm soát\n"
                  + BODY)
    doc = plan.document
    assert (doc.number, doc.issuer) == ("996", "Tổ Công tác liên ngành trung ương")
    assert doc.issue_date is not None and doc.issue_date.iso == "2026-02-24"


def test_illegible_number_is_null_with_a_warning() -> None:
    plan = _parse("BỘ CÔNG AN\nSố: đÓ6 /KH-TCTLNTW\nHà Nội, ngày 24 tháng 02 năm 2026\n\nKẾ HOẠCH\nPhối hợp\n" + BODY)
    assert plan.document.number is None and plan.document.symbol == "KH-TCTLNTW"
    assert "number_unreadable" in [w.code for w in plan.warnings]


def test_title_ends_where_the_preamble_starts() -> None:
    plan = _parse("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 186/KH-UBND\nKẾ HOẠCH\nPHÁT TRIỂN CHÍNH QUYỀN SỐ\n"
                  "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\n"
                  "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n" + BODY)
    assert plan.document.title == "PHÁT TRIỂN CHÍNH QUYỀN SỐ"
    assert [r.id for r in plan.references] == ["57-NQ/TW"]


def test_portal_metadata_table_completes_the_header() -> None:
    plan = _parse("| Số hiệu | 186/KH-UBND |\n| Ngày ban hành | 29/12/2025 |\n| Cơ quan ban hành | Tỉnh Bắc Ninh |\n"
                  "| Loại văn bản | Kế hoạch |\n"
                  "ỦY BAN NHÂN DÂN |\nSố: 186/KH-UBND |\nBắc Ninh, ngày 29 tháng 12 năm 2025 |\n"
                  "KẾ HOẠCH\nPHÁT TRIỂN CHÍNH QUYỀN SỐ\n" + BODY)
    doc = plan.document
    assert (doc.number, doc.issuer, doc.title) == ("186", "Ủy ban nhân dân tỉnh Bắc Ninh", "PHÁT TRIỂN CHÍNH QUYỀN SỐ")
    assert plan.source.origin == "web_page"
    assert all(not s.children for s in plan.sections)  # a web page: the Roman sections only


def test_news_lead_is_the_only_header() -> None:
    plan = _parse("Kế hoạch cải cách hành chính năm 2026\n"
                  "Ngày 30/12/2025, Văn phòng UBND tỉnh Lai Châu đã ban hành Kế hoạch số 1888/KH-VPUBND về cải "
                  "cách hành chính năm 2026.\n" + BODY)
    doc = plan.document
    assert (doc.kind, doc.number, doc.symbol) == ("ke_hoach", "1888", "KH-VPUBND")
    assert doc.issuer == "Văn phòng Ủy ban nhân dân tỉnh Lai Châu"
    assert doc.title == "cải cách hành chính năm 2026"
    assert doc.issue_date is not None and doc.issue_date.iso == "2025-12-30"
    assert "1888/KH-VPUBND" not in [r.id for r in plan.references]  # the plan's own number


DECISION = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 25/QĐ-UBND
Lâm Đồng, ngày 10 tháng 01 năm 2026

QUYẾT ĐỊNH
Ban hành Kế hoạch chuyển đổi số năm 2026

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn An

ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG

KẾ HOẠCH
Chuyển đổi số tỉnh Lâm Đồng năm 2026

I. MỤC TIÊU
1. Mục tiêu chung
Nâng cao hiệu quả chuyển đổi số.
II. NHIỆM VỤ
1. Hạ tầng số
Phát triển hạ tầng.
"""


def test_decision_that_issues_a_plan_is_read_as_the_plan() -> None:
    plan = _parse(DECISION)
    doc = plan.document
    assert (doc.kind, doc.number, doc.symbol) == ("ke_hoach", "25", "QĐ-UBND")
    assert doc.issue_date is not None and doc.issue_date.iso == "2026-01-10"
    assert doc.title == "Chuyển đổi số tỉnh Lâm Đồng năm 2026"
    assert [s.number for s in plan.sections] == ["I", "II"]
    assert plan.signature is not None and (plan.signature.authority, plan.signature.signer) == ("KT.", "Nguyễn Văn An")
    assert plan.recipients == ["Như Điều 2", "Lưu: VT"]
