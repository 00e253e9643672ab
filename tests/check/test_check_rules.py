"""Every rule fails on at least one document and passes on at least one: each document is the
shared valid plan (conftest.VALID_PLAN) with one thing changed."""
from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from plan_template import VALID_PLAN, Edit, edited

from kehoach_parser.check import CheckConfig, Finding, all_rules

FIRES, PASSES = True, False

# the parts of the valid plan the cases change
ORGAN = "ỦY BAN NHÂN DÂN\nPHƯỜNG AN BÌNH\n"
NUMBER = "Số: 12/KH-UBND"
DATELINE = "An Bình, ngày 05 tháng 01 năm 2026"
TITLE_AND_PREAMBLE = (
    "Chuyển đổi số phường An Bình năm 2026\n\nCăn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về "
    "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;\n\nỦy ban nhân dân phường "
    "An Bình ban hành Kế hoạch chuyển đổi số năm 2026 như sau:\n\n")
CITATION = "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về"
BODY_LINE = "Thực hiện các nhiệm vụ tại Phụ lục kèm theo."
SIGNATURE = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n"
RECIPIENTS = "Nơi nhận:\n- UBND thành phố;\n- Lưu: VT, VHXH.\n"
ATTACHED = "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân phường An Bình)"
ANNEX = "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n" + ATTACHED + "\n"
ROW_2 = "2\tTập huấn kỹ năng số\tPhòng Văn hóa - Xã hội\tCác cơ quan, đơn vị liên quan\tQuý III/2026"
ROW_3 = "3\tSố hóa hồ sơ thủ tục hành chính\tTrung tâm Phục vụ hành chính công phường\tCông an phường\tThường xuyên"


def case(rule: str, fires: bool, edits: list[Edit], name: str) -> pytest.param:  # type: ignore[valid-type]
    return pytest.param(rule, fires, edits, id=f"{rule}:{'fails' if fires else 'passes'}:{name}")


CASES = [
    # header ------------------------------------------------------------------------------------
    case("header.organ-missing", FIRES, [(ORGAN, "")], "no organ lines"),
    case("header.organ-missing", PASSES, [(ORGAN, "ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH\n")], "organ on one line"),
    case("header.number-missing", FIRES, [(NUMBER + "\n", "")], "no number line"),
    case("header.number-missing", PASSES, [(NUMBER, "Số: /KH-UBND")], "blank number of a draft"),
    case("header.number-format", FIRES, [(NUMBER, "Số: 5/KH-UBND")], "5 not zero-padded"),
    case("header.number-format", PASSES, [(NUMBER, "Số: 05/KH-UBND")], "05"),
    case("header.symbol-format", FIRES, [(NUMBER, "Số: 12/KH - UBND")], "spaces"),
    case("header.symbol-format", FIRES, [(NUMBER, "Số: 12/Kh-ubnd")], "lower case"),
    case("header.symbol-format", PASSES, [], "KH-UBND"),
    case("header.symbol-format", PASSES, [(NUMBER, "Số: 12/KH-BCĐ")], "Đ allowed"),
    case("header.kind-missing", FIRES, [("KẾ HOẠCH\n", "")], "no kind word"),
    case("header.kind-missing", PASSES, [], "KẾ HOẠCH"),
    case("header.kind-symbol-mismatch", FIRES, [(NUMBER, "Số: 12/QĐ-UBND")], "QĐ for a plan"),
    case("header.kind-symbol-mismatch", PASSES, [], "KH for a plan"),
    case("header.title-missing", FIRES, [(TITLE_AND_PREAMBLE, "")], "kind word then a section"),
    case("header.title-missing", PASSES, [], "title"),
    case("header.dateline-missing", FIRES, [(DATELINE + "\n", "")], "no dateline"),
    case("header.dateline-missing", PASSES, [], "dateline"),
    case("header.dateline-format", FIRES, [(DATELINE, "An Bình, ngày 05/01/2026")], "numeric date"),
    case("header.dateline-format", FIRES, [(DATELINE, "ngày 05 tháng 01 năm 2026")], "no place"),
    case("header.dateline-format", PASSES, [], "place, ngày dd tháng mm năm yyyy"),
    case("header.date-padding", FIRES, [(DATELINE, "An Bình, ngày 5 tháng 01 năm 2026")], "day 5"),
    case("header.date-padding", FIRES, [(DATELINE, "An Bình, ngày 05 tháng 1 năm 2026")], "month 1"),
    case("header.date-padding", PASSES, [(DATELINE, "An Bình, ngày 15 tháng 3 năm 2026")], "day 15, month 3"),
    case("header.date-blank", FIRES, [(DATELINE, "An Bình, ngày    tháng 01 năm 2026")], "issued, blank day"),
    case("header.date-blank", PASSES, [(NUMBER, "Số: /KH-UBND"), (DATELINE, "An Bình, ngày    tháng 01 năm 2026")],
         "draft, blank day"),
    case("header.date-blank", PASSES, [], "complete date"),
    case("header.date-invalid", FIRES, [(DATELINE, "An Bình, ngày 31 tháng 02 năm 2026")], "31 February"),
    case("header.date-invalid", PASSES, [(DATELINE, "An Bình, ngày 28 tháng 02 năm 2026")], "28 February"),
    case("header.draft", FIRES, [(NUMBER, "Số: /KH-UBND")], "blank number"),
    case("header.draft", FIRES, [(ORGAN, ORGAN + "DỰ THẢO\n"), (DATELINE, "An Bình, ngày    tháng 01 năm 2026")],
         "marked draft, blank day"),
    case("header.draft", PASSES, [], "issued"),
    # numbering ---------------------------------------------------------------------------------
    case("numbering.sections", FIRES, [("III. TỔ CHỨC THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN")], "I, II, IV"),
    case("numbering.sections", FIRES, [("III. TỔ CHỨC THỰC HIỆN", "II. TỔ CHỨC THỰC HIỆN")], "I, II, II"),
    case("numbering.sections", PASSES, [], "I, II, III"),
    case("numbering.items", FIRES, [("2. Nhân lực số", "3. Nhân lực số")], "1 then 3"),
    case("numbering.items", FIRES, [("2. Mục tiêu cụ thể\n", "2. Mục tiêu cụ thể\n2.1. Chung\nNội dung.\n"
                                     "2.3. Riêng\nNội dung.\n")], "2.1 then 2.3"),
    case("numbering.items", FIRES, [("2. Mục tiêu cụ thể\n", "2. Mục tiêu cụ thể\n3.1. Chung\nNội dung.\n")],
         "3.1 under 2"),
    case("numbering.items", PASSES, [("2. Mục tiêu cụ thể\n", "2. Mục tiêu cụ thể\n2.1. Chung\nNội dung.\n"
                                      "2.2. Riêng\nNội dung.\n")], "2.1 then 2.2"),
    case("numbering.groups", FIRES, [("II\tDữ liệu số", "III\tDữ liệu số")], "groups I, III"),
    case("numbering.groups", PASSES, [], "groups I, II"),
    case("numbering.rows", FIRES, [(ROW_3, "4" + ROW_3[1:])], "STT 1, 2, 4"),
    case("numbering.rows", FIRES, [(ROW_2, "1" + ROW_2[1:])], "STT 1, 1, 3"),
    case("numbering.rows", PASSES, [(ROW_3, "1" + ROW_3[1:])], "restart at 1 in group II"),
    case("numbering.rows", PASSES, [], "STT running on across groups"),
    # year, deadline ----------------------------------------------------------------------------
    case("year.outside-period", FIRES, [("Tập huấn kỹ năng số", "Tập huấn kỹ năng số năm 2025")], "2025 task"),
    case("year.outside-period", FIRES, [("1. Hạ tầng số", "1. Hạ tầng số năm 2025")], "2025 heading"),
    case("year.outside-period", PASSES, [("Tập huấn kỹ năng số", "Tập huấn kỹ năng số năm 2026, định hướng đến năm 2030")],
         "2026 and a horizon"),
    case("year.outside-period", PASSES, [("Tập huấn kỹ năng số", "Tập huấn kỹ năng số, tăng so với năm 2025")],
         "comparison with 2025"),
    case("year.issued-after-period", FIRES, [(DATELINE, "An Bình, ngày 05 tháng 01 năm 2027")], "issued 2027"),
    case("year.issued-after-period", PASSES, [(DATELINE, "An Bình, ngày 15 tháng 12 năm 2025")], "issued before"),
    case("deadline.before-issue", FIRES, [("\tQuý III/2026", "\tTháng 12/2025")], "December 2025"),
    case("deadline.before-issue", PASSES, [("\tQuý III/2026", "\tQuý I/2026")], "first quarter"),
    case("deadline.after-period", FIRES, [("\tQuý III/2026", "\tQuý I/2027")], "2027"),
    case("deadline.after-period", PASSES, [("\tQuý III/2026", "\tQuý IV/2026")], "last quarter"),
    # task, target ------------------------------------------------------------------------------
    case("task.lead-missing", FIRES, [("\tPhòng Văn hóa - Xã hội\t", "\t\t")], "empty lead cell"),
    case("task.lead-missing", PASSES, [], "every row has a lead"),
    case("task.deadline-missing", FIRES, [("\tQuý III/2026", "\t")], "empty deadline cell"),
    case("task.deadline-missing", FIRES, [("+ Thời gian hoàn thành: Quý II/2026.\n", "")], "body task"),
    case("task.deadline-missing", PASSES, [], "every task has a deadline"),
    case("target.value-missing", FIRES, [("toàn trình\t≥ 80%", "toàn trình\t")], "empty value"),
    case("target.value-missing", PASSES, [], "values"),
    # citation ----------------------------------------------------------------------------------
    case("citation.inconsistent-id", FIRES, [(BODY_LINE, BODY_LINE[:-1] + " theo Nghị quyết số 57/NQ-TW.")],
         "57-NQ/TW and 57/NQ-TW"),
    case("citation.inconsistent-id", PASSES, [(BODY_LINE, BODY_LINE[:-1] + " theo Nghị quyết số 57-NQ/TW.")],
         "57-NQ/TW twice"),
    case("citation.incomplete-first-mention", FIRES, [(CITATION, "Nghị quyết số 57-NQ/TW về")], "no date, no issuer"),
    case("citation.incomplete-first-mention", FIRES, [(CITATION, "Nghị quyết số 57-NQ/TW ngày 22/12/2024 về")],
         "no issuer"),
    case("citation.incomplete-first-mention", PASSES, [
        (CITATION + " đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;",
         "Nghị quyết số 57-NQ/TW ngày 22/12/2024 về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và "
         "chuyển đổi số quốc gia của Bộ Chính trị;")], "issuer at the end of the clause"),
    case("citation.incomplete-first-mention", PASSES, [(BODY_LINE, "Thực hiện Đề án 06/CP tại phường.")],
         "a project cited by its name"),
    case("citation.date-after-issue", FIRES, [(CITATION, "Nghị quyết số 57-NQ/TW ngày 22/12/2026 của Bộ Chính trị về")],
         "dated after the plan"),
    case("citation.date-after-issue", PASSES, [], "dated before the plan"),
    # unit --------------------------------------------------------------------------------------
    case("unit.level-mismatch", FIRES, [("hành chính công phường", "hành chính công xã")], "xã unit, phường plan"),
    case("unit.level-mismatch", FIRES, [("\tCông an phường\t", "\tCông an xã\t")], "coordinator"),
    case("unit.level-mismatch", PASSES, [("\tCông an phường\t", "\tỦy ban nhân dân cấp xã\t")], "a tier, not a place"),
    case("unit.unknown", FIRES, [("\tPhòng Văn hóa - Xã hội\t", "\tPhòng Văn hóa Xã hôi\t")], "misspelt"),
    case("unit.unknown", FIRES, [("\tVăn phòng HĐND và UBND phường\t", "\tVăn phòng HDND và UBND phường\t")],
         "HDND"),
    case("unit.unknown", PASSES, [("\tPhòng Văn hóa - Xã hội\t", "\tPhòng VH-XH\t")], "abbreviation"),
    case("unit.unknown", PASSES, [("\tPhòng Văn hóa - Xã hội\t", "\tPhòng Văn hóa – Xã hội phường An Bình\t")],
         "dash, level and place"),
    case("unit.unknown", PASSES, [("\tVăn phòng HĐND và UBND phường\t",
                                   "\tVăn phòng Hội đồng nhân dân và Ủy ban nhân dân phường\t")], "long form"),
    case("unit.unknown", PASSES, [("\tPhòng Văn hóa - Xã hội\t", "\tCác phòng, ban chuyên môn\t")], "a group"),
    # heading -----------------------------------------------------------------------------------
    case("heading.near-miss", FIRES, [("III. TỔ CHỨC THỰC HIỆN", "III. TỔ CHỨC THỰC HIÊN")], "a tone mark"),
    case("heading.near-miss", FIRES, [("III. TỔ CHỨC THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆNN")], "a letter"),
    case("heading.near-miss", FIRES, [("DANH MỤC NHIỆM VỤ", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SÓ")], "annex title"),
    case("heading.near-miss", PASSES, [("1. Hạ tầng số", "1. Phát triển khoa học và công nghệ")],
         "no fuzzy match across word groups"),
    # signature ---------------------------------------------------------------------------------
    case("signature.missing", FIRES, [(SIGNATURE, "")], "no signature"),
    case("signature.missing", PASSES, [], "signature"),
    case("signature.authority-invalid", FIRES, [("TM. ỦY BAN", "T/M ỦY BAN")], "T/M"),
    case("signature.authority-invalid", FIRES, [("TM. ỦY BAN", "THAY MẶT ỦY BAN")], "spelled out"),
    case("signature.authority-invalid", PASSES, [("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN\nKT.CHỦ TỊCH\n"
                                                  "PHÓ CHỦ TỊCH")], "KT. without a space"),
    case("signature.kt-not-deputy", FIRES, [("CHỦ TỊCH\n\nNguyễn", "KT. CHỦ TỊCH\nCHỦ TỊCH\n\nNguyễn")], "KT. by the head"),
    case("signature.kt-not-deputy", PASSES, [("CHỦ TỊCH\n\nNguyễn", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn")], "KT. deputy"),
    case("signature.deputy-without-kt", FIRES, [("CHỦ TỊCH\n\nNguyễn", "PHÓ CHỦ TỊCH\n\nNguyễn")], "deputy, no KT."),
    case("signature.deputy-without-kt", PASSES, [("CHỦ TỊCH\n\nNguyễn", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn")],
         "deputy with KT."),
    case("signature.collective-without-tm", FIRES, [("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")],
         "KT. first"),
    case("signature.collective-without-tm", PASSES, [("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
                                                      "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")], "TM. first"),
    case("signature.signer-missing", FIRES, [("Nguyễn Văn An\n", "")], "no name"),
    case("signature.signer-missing", FIRES, [("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n", "TM. ỦY BAN NHÂN DÂN\n")],
         "no position"),
    case("signature.signer-missing", PASSES, [], "name"),
    # recipients --------------------------------------------------------------------------------
    case("recipients.missing", FIRES, [(RECIPIENTS, "")], "no Nơi nhận"),
    case("recipients.missing", PASSES, [], "Nơi nhận"),
    case("recipients.bullet", FIRES, [("- UBND thành phố;", "UBND thành phố;")], "no dash"),
    case("recipients.bullet", FIRES, [("- UBND thành phố;", "+ UBND thành phố;")], "plus"),
    case("recipients.bullet", PASSES, [], "dashes"),
    case("recipients.archive-last", FIRES, [("- UBND thành phố;\n- Lưu: VT, VHXH.", "- Lưu: VT, VHXH;\n- UBND thành phố.")],
         "Lưu first"),
    case("recipients.archive-last", FIRES, [("\n- Lưu: VT, VHXH.", "")], "no Lưu"),
    case("recipients.archive-last", PASSES, [], "Lưu last"),
    case("recipients.punctuation", FIRES, [("- UBND thành phố;", "- UBND thành phố")], "no semicolon"),
    case("recipients.punctuation", FIRES, [("- Lưu: VT, VHXH.", "- Lưu: VT, VHXH")], "no full stop"),
    case("recipients.punctuation", PASSES, [], "; and ."),
    # annex -------------------------------------------------------------------------------------
    case("annex.numbering", FIRES, [(ANNEX, ANNEX + "\nPHỤ LỤC\nDANH MỤC CHỈ TIÊU\n" + ATTACHED + "\n")],
         "two unnumbered"),
    case("annex.numbering", FIRES, [(ANNEX, ANNEX.replace("PHỤ LỤC", "PHỤ LỤC 1") + "\nPHỤ LỤC 2\nDANH MỤC CHỈ TIÊU\n"
                                     + ATTACHED + "\n")], "Arabic numerals"),
    case("annex.numbering", PASSES, [(ANNEX, ANNEX.replace("PHỤ LỤC", "PHỤ LỤC I") + "\nPHỤ LỤC II\nDANH MỤC CHỈ TIÊU\n"
                                      + ATTACHED + "\n")], "I and II"),
    case("annex.numbering", PASSES, [("PHỤ LỤC\n", "PHỤ LỤC I\n")], "a single PHỤ LỤC I"),
    case("annex.attached-missing", FIRES, [(ATTACHED + "\n", "")], "no Kèm theo"),
    case("annex.attached-missing", PASSES, [], "Kèm theo"),
    case("annex.attached-format", FIRES, [(ATTACHED, "(Kèm theo Kế hoạch này)")], "no number, date, issuer"),
    case("annex.attached-format", FIRES, [(ATTACHED, ATTACHED.split(" của")[0] + ")")], "no issuer"),
    case("annex.attached-format", PASSES, [(ATTACHED, ATTACHED.replace("số 12/KH-UBND", "số /KH-UBND"))],
         "blank number"),
    case("annex.attached-mismatch", FIRES, [(ATTACHED, ATTACHED.replace("số 12/", "số 13/"))], "number 13"),
    case("annex.attached-mismatch", FIRES, [(ATTACHED, ATTACHED.replace("ngày 05", "ngày 06"))], "day 06"),
    case("annex.attached-mismatch", FIRES, [(ATTACHED, ATTACHED.replace("ngày 05", "ngày"))], "blank day, issued"),
    case("annex.attached-mismatch", FIRES, [(ATTACHED, ATTACHED.replace("Kế hoạch", "Quyết định"))], "Quyết định"),
    case("annex.attached-mismatch", PASSES, [(ATTACHED, ATTACHED.replace("ngày 05 tháng 01 năm 2026", "ngày 05/01/2026"))],
         "same date, numeric"),
    case("annex.attached-mismatch", PASSES, [(NUMBER, "Số: /KH-UBND"), (DATELINE, "An Bình, ngày    tháng 01 năm 2026"),
                                             (ATTACHED, ATTACHED.replace("số 12/", "số /").replace("ngày 05", "ngày"))],
         "draft, blanks in both"),
    # spelling ----------------------------------------------------------------------------------
    case("spelling.mixed-tone-placement", FIRES, [("Số hóa hồ sơ", "Số hoá hồ sơ")], "hoá beside hóa"),
    case("spelling.mixed-tone-placement", PASSES, [], "hóa throughout"),
    case("spelling.tone-typo", FIRES, [("hiệu quả chuyển đổi số", "hiệu quả chuyên đổi số")], "chuyên đổi"),
    case("spelling.tone-typo", FIRES, [("Tập huấn kỹ năng số", "Tập huấn kỹ năng số theo tiên độ")], "tiên độ"),
    case("spelling.tone-typo", PASSES, [("Tập huấn kỹ năng số", "Tập huấn kỹ năng số theo tiến độ")], "tiến độ"),
]


@pytest.mark.parametrize(("rule", "fires", "edits"), CASES)
def test_rule(rule: str, fires: bool, edits: list[Edit], lint: Callable[..., list[Finding]]) -> None:
    findings = [f for f in lint(edited(edits)) if f.rule == rule]
    if fires:
        assert findings, f"{rule} did not fire"
        finding = findings[0]
        assert finding.message and "(" in finding.message  # Vietnamese with an English gloss
    else:
        assert not findings, [f.message for f in findings]


def test_every_rule_has_a_failing_and_a_passing_document() -> None:
    fails = {p.values[0] for p in CASES if p.values[1]}
    passes = {p.values[0] for p in CASES if not p.values[1]}
    ids = {r.id for r in all_rules()}
    assert len(ids) >= 30
    assert ids - fails == set(), "rules without a failing document"
    assert ids - passes == set(), "rules without a passing document"
    assert (fails | passes) <= ids


def test_the_valid_plan_is_clean(lint: Callable[..., list[Finding]]) -> None:
    assert [(f.rule, f.location.line, f.text) for f in lint(VALID_PLAN)] == []


def test_findings_carry_location_text_and_hint(lint: Callable[..., list[Finding]]) -> None:
    findings = lint(edited([("III. TỔ CHỨC THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN")]))
    (finding,) = [f for f in findings if f.rule == "numbering.sections"]
    assert finding.category == "numbering" and finding.severity == "error"
    assert finding.location.line == VALID_PLAN.splitlines().index("III. TỔ CHỨC THỰC HIỆN") + 1
    assert finding.location.page is None
    assert finding.text == "IV. TỔ CHỨC THỰC HIỆN"
    assert "III" in (finding.hint or "")


def test_level_mismatch_suggests_the_issuers_level(lint: Callable[..., list[Finding]]) -> None:
    findings = lint(edited([("hành chính công phường", "hành chính công xã")]))
    (finding,) = [f for f in findings if f.rule == "unit.level-mismatch"]
    assert "Trung tâm Phục vụ hành chính công phường" in (finding.hint or "")
    assert not [f for f in findings if f.rule == "unit.unknown"]


def test_unknown_unit_suggests_the_nearest_known_name(lint: Callable[..., list[Finding]]) -> None:
    findings = lint(edited([("\tVăn phòng HĐND và UBND phường\t", "\tVăn phòng HDND và UBND phường\t")]))
    (finding,) = [f for f in findings if f.rule == "unit.unknown"]
    assert "Văn phòng HĐND và UBND phường" in (finding.hint or "")


def test_extra_units_from_the_configuration(lint: Callable[..., list[Finding]]) -> None:
    text = edited([("\tPhòng Văn hóa - Xã hội\t", "\tBan Quản lý chợ An Bình\t")])
    assert [f for f in lint(text) if f.rule == "unit.unknown"]
    config = CheckConfig(extra_units=["Ban Quản lý chợ An Bình"])
    assert not [f for f in lint(text, config=config) if f.rule == "unit.unknown"]


def test_disabled_rules_and_categories_do_not_run(lint: Callable[..., list[Finding]]) -> None:
    text = edited([("III. TỔ CHỨC THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN"), ("Số hóa hồ sơ", "Số hoá hồ sơ")])
    assert {"numbering.sections", "spelling.mixed-tone-placement"} <= {f.rule for f in lint(text)}
    config = CheckConfig(disable=["numbering.sections", "spelling"])
    assert not {"numbering.sections", "spelling.mixed-tone-placement"} & {f.rule for f in lint(text, config=config)}


def test_severity_override(lint: Callable[..., list[Finding]]) -> None:
    text = edited([("III. TỔ CHỨC THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN")])
    config = CheckConfig(severity={"numbering.sections": "info"})
    (finding,) = [f for f in lint(text, config=config) if f.rule == "numbering.sections"]
    assert finding.severity == "info"


def test_heading_rule_supersedes_the_spelling_rule(lint: Callable[..., list[Finding]]) -> None:
    findings = lint(edited([("DANH MỤC NHIỆM VỤ", "DANH MỤC NHIỆM VỤ CHUYÊN ĐỔI SỐ")]))
    rules = [f.rule for f in findings if f.text == "CHUYÊN ĐỔI SỐ" or f.text == "CHUYÊN ĐỔI"]
    assert rules == ["heading.near-miss"]


def test_every_rule_is_documented() -> None:
    for rule in all_rules():
        assert rule.title.vi and rule.title.en and rule.description.vi and rule.description.en
        assert rule.id.split(".")[0] in (rule.category, "target", "task")


def test_no_rule_fails_on_damaged_plans(samples_dir: Path) -> None:
    """Plans with lines missing or garbled (a deterministic sample) are checked without a rule crashing."""
    from kehoach_parser.api import parse_document
    from kehoach_parser.check import check_document
    from kehoach_parser.errors import KehoachError

    rng = random.Random(4)
    sources = [VALID_PLAN] + [p.read_text(encoding="utf-8") for p in sorted(samples_dir.glob("*.txt"))]
    for _ in range(40):
        lines = rng.choice(sources).splitlines()
        for _ in range(rng.randint(1, max(1, len(lines) // 3))):
            if lines:
                del lines[rng.randrange(len(lines))]
        if lines and rng.random() < 0.3:
            j = rng.randrange(len(lines))
            lines[j] = lines[j][::-1]
        try:
            doc = parse_document("\n".join(lines).encode("utf-8"), name="damaged.txt")
        except KehoachError:
            continue
        assert check_document(doc, "damaged.txt").crashed == []
