"""What ``kehoach check`` reports on the five shared samples, in each of their formats.

``EXPECTED`` pins every (rule, line) of the .txt files, exactly: each entry is a defect a reviewer who
knows Decree 30/2020/NĐ-CP agrees with (the comment says what is wrong); nothing else may be reported.
The .docx and .pdf of each sample must give the same findings (same rules on the same words), each at
the (page, line) where its words are printed in that format. A change of the rules or of the parser
that adds, drops or moves a finding must update this file on purpose.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from kehoach_parser.api import parse_document
from kehoach_parser.check import Finding, check_document
from kehoach_parser.layout import Line
from kehoach_parser.pipeline import ParsedDocument
from kehoach_parser.text import caseless as match_key

EXPECTED: dict[str, list[tuple[str, int | None]]] = {
    "000": [
        ("header.organ-missing", 3),  # no "ỦY BAN NHÂN DÂN / PHƯỜNG LÊ ÍCH MỘC" above the number
        ("header.draft", 3),  # "Số: /KH-UBND … ngày tháng năm 2026": a draft, number and date still blank
        ("citation.incomplete-first-mention", 18),  # "Nghị quyết số 57-NQ/TW" first cited without its date
        ("citation.incomplete-first-mention", 66),  # "Nghị định số 179/2025/NĐ-CP" first cited without its date
        ("spelling.typo", 230),  # "có phải pháp cụ thể" for "giải pháp" (12 times elsewhere)
        ("spelling.tone-typo", 282),  # "Chuyên đổi số"
        ("spelling.tone-typo", 292),  # "chuyên đổi số"
        ("spelling.tone-typo", 296),  # "chuyên đổi số"
        ("spelling.tone-typo", 300),  # "Chuyên đổi số"
        ("year.outside-period", 341),  # annex task 5: "… Ngày Chuyển đổi số quốc gia năm 2025" in a 2026 plan
        ("unit.level-mismatch", 349),  # "Trung tâm Phục vụ hành chính công xã" in a phường's plan
    ],
    "001": [
        ("header.organ-missing", 3),  # no organ, number or date header at all (the kind word is there)
        ("header.number-missing", 3),
        ("header.dateline-missing", 3),
        ("citation.malformed-id", 20),  # "8177/BKHCNCĐSQG": the dash of "BKHCN-CĐSQG" is missing
        ("unit.renamed", 73),  # "hướng dẫn của Bộ Thông tin và Truyền thông" in 2026: merged into Bộ KH&CN on 1/3/2025
        ("spelling.mixed-tone-placement", 91),  # "tạp hoá", "số hoá", "hàng hoá" beside "hóa" elsewhere
        ("spelling.tone-typo", 129),  # "Bổ trí" for "Bố trí"
        ("recipients.archive-format", 171),  # "Lưu: VT, VHXXH." for "VHXH"
    ],
    "002": [
        ("header.organ-missing", 1),  # no organ, number or date header at all (the kind word is there)
        ("header.number-missing", 1),
        ("header.dateline-missing", 1),
        ("spelling.mixed-tone-placement", 16),  # "Uỷ ban" beside "Ủy ban"
        ("spelling.typo", 332),  # "thông tin truyên truyền" for "tuyên truyền"
        ("signature.collective-without-tm", 510),  # a UBND's plan signed "KT. CHỦ TỊCH" without "TM. ỦY BAN NHÂN DÂN"
    ],
    "003": [
        ("header.organ-missing", 3),  # no organ above "Số: /KH-UBND"
        ("header.draft", 3),  # "Số: /KH-UBND", "ngày tháng 03 năm 2026": a draft
        ("citation.incomplete-first-mention", 13),  # "Công văn số 1061/SKH-CN-QLCL ngày 25/03/2026" without issuer
        ("spelling.tone-typo", 29),  # "chuyên biến"
        ("spelling.tone-typo", 71),  # "chuyên đổi số"
        ("spelling.tone-typo", 73),  # "chuyên đổi số"
        ("spelling.tone-typo", 89),  # "tiên độ"
        ("citation.incomplete-first-mention", 115),  # "Quyết định số 204-QĐ/TW" without date
        ("citation.incomplete-first-mention", 115),  # "Kế hoạch số 447-KH/TU" without date or issuer (TU: which one?)
        ("recipients.punctuation", 231),  # "- TT Đảng ủy, TT HĐND phường; (đề b/cáo)": the ";" belongs at the end
        ("signature.authority-spacing", 238),  # "KT.CHỦ TỊCH" without the space
        ("signature.collective-without-tm", 238),  # a UBND's plan signed "KT.CHỦ TỊCH" without "TM. ỦY BAN NHÂN DÂN"
        ("annex.attached-date-early", 247),  # header "ngày tháng 03", annex line "ngày 31 tháng 03 năm 2026"
        ("spelling.mixed-tone-placement", 252),  # "Phòng Văn hoá", "đơn giản hoá" beside "hóa"
        ("spelling.tone-typo", 275),  # annex: "chuyên đổi số"
        ("numbering.groups", 280),  # annex groups I, II, III, IV, VI: no V
        ("citation.malformed-id", 298),  # "Nghị quyết số 57- NQ/TW": a space inside the id
    ],
    "004": [
        ("header.organ-missing", 3),  # no organ and no number line above the dateline
        ("header.number-missing", 3),
        ("citation.inconsistent-id", 9),  # "71-NQ/CP" (8 times) and "71/NQ-CP" (line 25): the State's form is 71/NQ-CP
        ("citation.malformed-id", 15),  # "Chương trình hành động số 89- CTr/TU": a space inside the id
        ("numbering.items", 93),  # 3.3 then 3.5
        ("spelling.tone-typo", 113),  # "Tổ chuyên đổi số"
        ("spelling.mixed-tone-placement", 115),  # "khoá", "hàng hoá" beside "hóa"
        ("numbering.items", 177),  # 6.2 then 6.4
        ("spelling.doubled-word", 271),  # annex title: "DANH MỤC NHIỆM VỤ THỰC HIỆN THỰC HIỆN NGHỊ QUYẾT"
        ("heading.near-miss", 273),  # annex title: "CHUYỂN ĐỔI SÓ"
        ("heading.near-miss", 276),  # annex title: "TRÊN ĐỊA BẢN"
        ("annex.attached-mismatch", 278),  # "ngày tháng 7 năm 2025" though the plan is dated 10 tháng 7
        ("spelling.tone-typo", 282),  # annex: "chuyên đổi số"
        ("spelling.tone-typo", 283),
        ("task.lead-missing", 284),  # annex task 4: the lead cell is empty
        ("spelling.tone-typo", 284),
        ("task.lead-also-coordinator", 289),  # task 6: "Phòng VH-XH" leads, "Phòng Văn hóa - xã hội" coordinates
        ("spelling.tone-typo", 290),  # "yêu tố"
        ("spelling.tone-typo", 290),  # "thông nhất"
        ("citation.incomplete-first-mention", 294),  # "văn bản số 15527BT/TTT-TTH" without date or issuer
        ("citation.incomplete-first-mention", 294),  # "708/BTTT-CATTT" without date
        ("citation.incomplete-first-mention", 294),  # "Nghị định số 107/2021/NĐ-" without date (the .txt cuts the id)
        ("spelling.tone-typo", 299),  # "Tổ chuyên đổi số"
        ("unit.unknown", 302),  # "Văn phòng HDND và UBND phường": HĐND misspelt
        ("spelling.tone-typo", 304),  # "triễn khai"
    ],
}

# What one format prints otherwise, and so is reported otherwise: (stem, format) -> the .txt finding it
# replaces and its own.
FORMAT_TEXT = {
    # the .txt cuts "107/2021/NĐ-CP" at a tab ("NĐ-" ends a cell, "CP" is lost), the Word and PDF files
    # print it whole; either way it is first cited without its date
    ("004", "docx"): (("citation.incomplete-first-mention", "nghị định 107/2021/nđ"),
                      ("citation.incomplete-first-mention", "nghị định 107/2021/nđ-cp")),
    ("004", "pdf"): (("citation.incomplete-first-mention", "nghị định 107/2021/nđ"),
                     ("citation.incomplete-first-mention", "nghị định 107/2021/nđ-cp")),
}

Checked = tuple[ParsedDocument, list[Finding]]


@pytest.fixture(scope="session")
def checked(samples_dir: Path) -> Callable[[str, str], Checked]:
    """``checked("000", "pdf")`` -> the parsed sample and its findings (each file parsed once per session)."""
    cache: dict[tuple[str, str], Checked] = {}

    def get(stem: str, fmt: str) -> Checked:
        if (stem, fmt) not in cache:
            (path,) = samples_dir.glob(f"{stem}_*.{fmt}")
            doc = parse_document(path)
            report = check_document(doc, str(path))
            assert report.crashed == []
            cache[stem, fmt] = (doc, report.findings)
        return cache[stem, fmt]

    return get


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_sample_findings(stem: str, checked: Callable[[str, str], Checked]) -> None:
    found = sorted((f.rule, f.location.line) for f in checked(stem, "txt")[1])
    assert found == sorted(EXPECTED[stem])


def _keys(findings: list[Finding]) -> Counter[tuple[str, str]]:
    return Counter((f.rule, match_key(f.text or "")) for f in findings)


def _agree(stem: str, fmt: str, checked: Callable[[str, str], Checked]) -> None:
    text = _keys(checked(stem, "txt")[1])
    if (stem, fmt) in FORMAT_TEXT:
        theirs, ours = FORMAT_TEXT[stem, fmt]
        text[theirs] -= 1
        text[ours] += 1
    doc, findings = checked(stem, fmt)
    assert _keys(findings) == +text
    printed = _printed_lines(doc)
    for f in findings:
        assert (f.location.page is not None) == (fmt == "pdf"), f
        if f.text and f.category not in ("signature", "input"):
            # the finding points at the line that prints its words (a citation's id; else the excerpt's start)
            words = f.text.split()[-1] if f.category == "citation" else f.text[:12]
            assert match_key(words) in match_key(printed[f.location.page, f.location.line]), f


def _printed_lines(doc: ParsedDocument) -> dict[tuple[int | None, int | None], str]:
    out: dict[tuple[int | None, int | None], str] = {}
    for block in doc.layout.blocks:
        if isinstance(block, Line):
            out[block.page, block.line] = block.text
        else:
            for row in block.rows:
                out[row.page, row.line] = " | ".join(row.cells)
    return out


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_word_file_gives_the_same_findings(stem: str, checked: Callable[[str, str], Checked]) -> None:
    _agree(stem, "docx", checked)


def test_pdf_gives_the_same_findings_at_its_pages(checked: Callable[[str, str], Checked]) -> None:
    """One sample in the default run (a PDF takes seconds to read); all of them in the slow run."""
    _agree("001", "pdf", checked)
    _, findings = checked("001", "pdf")
    header = [f for f in findings if f.rule.startswith("header.")]
    assert header and {f.location.page for f in header} == {1}  # the header is on page 1, not the last page


@pytest.mark.slow
@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_every_pdf_gives_the_same_findings(stem: str, checked: Callable[[str, str], Checked]) -> None:
    _agree(stem, "pdf", checked)


def test_the_named_defects_are_reported(checked: Callable[[str, str], Checked]) -> None:
    """The defects the issues name, with the words a reader looks for."""
    def texts(stem: str, rule: str) -> list[str]:
        return [f"{f.text} {f.message} {f.hint}" for f in checked(stem, "txt")[1] if f.rule == rule]

    assert any("Trung tâm Phục vụ hành chính công phường" in t for t in texts("000", "unit.level-mismatch"))
    assert any("năm 2025" in t for t in texts("000", "year.outside-period"))
    assert any("giải pháp" in t for t in texts("000", "spelling.typo"))
    assert any("BKHCN-CĐSQG" in t for t in texts("001", "citation.malformed-id"))
    assert any("Bộ Khoa học và Công nghệ" in t for t in texts("001", "unit.renamed"))
    assert any("VHXH" in t for t in texts("001", "recipients.archive-format"))
    assert any("tuyên truyền" in t for t in texts("002", "spelling.typo"))
    assert any("KT. CHỦ TỊCH" in t for t in texts("003", "signature.authority-spacing"))
    assert any("57-NQ/TW" in t for t in texts("003", "citation.malformed-id"))
    assert any("71-NQ/CP" in t and "71/NQ-CP" in t for t in texts("004", "citation.inconsistent-id"))
    assert any("CHUYỂN ĐỔI SỐ" in t for t in texts("004", "heading.near-miss"))
    assert any("THỰC HIỆN" in t for t in texts("004", "spelling.doubled-word"))
    assert any("3.4" in t for t in texts("004", "numbering.items"))
    assert any("6.3" in t for t in texts("004", "numbering.items"))
