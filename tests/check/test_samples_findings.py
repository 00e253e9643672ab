"""What ``kehoach check`` reports on the five shared samples: every (rule, line), exactly.

Each entry is a defect a careful reviewer agrees with (the comment says what is wrong); nothing else
may be reported. A change of the rules or of the parser that adds, drops or moves a finding must
update this list on purpose.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_parser.check import check_file

EXPECTED: dict[str, list[tuple[str, int | None]]] = {
    "000": [
        ("header.organ-missing", 3),  # no "ỦY BAN NHÂN DÂN / PHƯỜNG LÊ ÍCH MỘC" above the number
        ("header.draft", 3),  # "Số: /KH-UBND … ngày tháng năm 2026": a draft, number and date still blank
        ("citation.incomplete-first-mention", 18),  # "Nghị quyết số 57-NQ/TW" without date or issuer
        ("citation.incomplete-first-mention", 66),  # "Nghị định số 179/2025/NĐ-CP" without date or issuer
        ("spelling.tone-typo", 282),  # "Chuyên đổi số"
        ("spelling.tone-typo", 292),  # "chuyên đổi số"
        ("spelling.tone-typo", 296),  # "chuyên đổi số"
        ("spelling.tone-typo", 300),  # "Chuyên đổi số"
        ("year.outside-period", 341),  # annex task 5: "… Ngày Chuyển đổi số quốc gia năm 2025" in a 2026 plan
        ("unit.level-mismatch", 349),  # "Trung tâm Phục vụ hành chính công xã" in a phường's plan
    ],
    "001": [
        ("header.organ-missing", 3),  # no organ, number or date header at all
        ("header.number-missing", 3),
        ("header.dateline-missing", 3),
        ("spelling.mixed-tone-placement", 91),  # "tạp hoá", "số hoá", "hàng hoá" beside "hóa" elsewhere
        ("spelling.tone-typo", 129),  # "Bổ trí" for "Bố trí"
    ],
    "002": [
        ("header.organ-missing", 1),  # no organ, number or date header at all
        ("header.number-missing", 1),
        ("header.dateline-missing", 1),
        ("spelling.mixed-tone-placement", 16),  # "Uỷ ban" beside "Ủy ban"
        ("citation.incomplete-first-mention", 75),  # "Nghị định số 73/2019/NĐ-CP ngày 05/9/2019" without issuer
        ("signature.collective-without-tm", 510),  # "KT. CHỦ TỊCH" without "TM. ỦY BAN NHÂN DÂN"
    ],
    "003": [
        ("header.organ-missing", 3),  # no organ above "Số: /KH-UBND"
        ("header.draft", 3),  # "Số: /KH-UBND", "ngày tháng 03 năm 2026": a draft
        ("citation.incomplete-first-mention", 13),  # "Công văn số 1061/SKH-CN-QLCL ngày 25/03/2026" without issuer
        ("spelling.tone-typo", 29),  # "chuyên biến"
        ("spelling.tone-typo", 71),  # "chuyên đổi số"
        ("spelling.tone-typo", 73),  # "chuyên đổi số"
        ("spelling.tone-typo", 89),  # "tiên độ"
        ("citation.incomplete-first-mention", 115),  # "Quyết định số 204-QĐ/TW" without date or issuer
        ("citation.incomplete-first-mention", 115),  # "Kế hoạch số 447-KH/TU" without date or issuer
        ("recipients.punctuation", 231),  # "- TT Đảng ủy, TT HĐND phường; (đề b/cáo)"
        ("signature.collective-without-tm", 238),  # "KT.CHỦ TỊCH" without "TM. ỦY BAN NHÂN DÂN"
        ("spelling.mixed-tone-placement", 252),  # "Phòng Văn hoá", "đơn giản hoá" beside "hóa"
        ("spelling.tone-typo", 275),  # annex: "chuyên đổi số"
        ("numbering.groups", 280),  # annex groups I, II, III, IV, VI: no V
    ],
    "004": [
        ("header.organ-missing", 3),  # no organ and no number line above the dateline
        ("header.number-missing", 3),
        ("citation.inconsistent-id", 9),  # "71-NQ/CP" (8 times) and "71/NQ-CP" (line 25): the State's form is 71/NQ-CP
        ("numbering.items", 93),  # 3.3 then 3.5
        ("spelling.tone-typo", 113),  # "Tổ chuyên đổi số"
        ("spelling.mixed-tone-placement", 115),  # "khoá", "hàng hoá" beside "hóa"
        ("numbering.items", 177),  # 6.2 then 6.4
        ("heading.near-miss", 273),  # annex title: "CHUYỂN ĐỔI SÓ"
        ("heading.near-miss", 276),  # annex title: "TRÊN ĐỊA BẢN"
        ("annex.attached-mismatch", 278),  # "ngày tháng 7 năm 2025" though the plan is dated 10 tháng 7
        ("spelling.tone-typo", 282),  # annex: "chuyên đổi số"
        ("spelling.tone-typo", 283),
        ("task.lead-missing", 284),  # annex task 4: the lead cell is empty
        ("spelling.tone-typo", 284),
        ("spelling.tone-typo", 290),  # "yêu tố"
        ("spelling.tone-typo", 290),  # "thông nhất"
        ("citation.incomplete-first-mention", 294),  # "văn bản số 15527BT/TTT-TTH" without date or issuer
        ("citation.incomplete-first-mention", 294),  # "708/BTTT-CATTT" without date or issuer
        ("citation.incomplete-first-mention", 294),  # "Nghị định số 107/2021/NĐ-CP" without date
        ("spelling.tone-typo", 299),  # "Tổ chuyên đổi số"
        ("unit.unknown", 302),  # "Văn phòng HDND và UBND phường": HĐND misspelt
        ("spelling.tone-typo", 304),  # "triễn khai"
    ],
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_sample_findings(stem: str, samples_dir: Path) -> None:
    (path,) = samples_dir.glob(f"{stem}_*.txt")
    report = check_file(path)
    assert report.crashed == []
    found = sorted((f.rule, f.location.line) for f in report.findings)
    assert found == sorted(EXPECTED[stem])


def test_the_named_defects_are_reported(samples_dir: Path) -> None:
    """The defects the issue names, with the words a reader looks for."""
    def texts(stem: str, rule: str) -> list[str]:
        (path,) = samples_dir.glob(f"{stem}_*.txt")
        return [f"{f.text} {f.message} {f.hint}" for f in check_file(path).findings if f.rule == rule]

    assert any("Trung tâm Phục vụ hành chính công phường" in t for t in texts("000", "unit.level-mismatch"))
    assert any("năm 2025" in t for t in texts("000", "year.outside-period"))
    assert any("71-NQ/CP" in t and "71/NQ-CP" in t for t in texts("004", "citation.inconsistent-id"))
    assert any("CHUYỂN ĐỔI SỐ" in t for t in texts("004", "heading.near-miss"))
    assert any("3.4" in t for t in texts("004", "numbering.items"))
    assert any("6.3" in t for t in texts("004", "numbering.items"))
