"""Every rule fails on at least one document and passes on at least one: each document is the
valid plan (check/valid_plan.txt) with one thing changed, or a document of its own; the examples live
with the rules in rules.toml and are the documentation pages' examples too."""
from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from plan_template import VALID_PLAN, edited

from kehoach_parser.check import CheckConfig, Finding, all_rules
from kehoach_parser.check.examples import fires
from kehoach_parser.check.registry import Example, Rule

EXAMPLES = [pytest.param(rule, example, id=f"{rule.id}:{'fails' if example.fires else 'passes'}:{example.name}")
            for rule in all_rules() for example in rule.examples]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_rule_example(rule: Rule, example: Example) -> None:
    """Each example of a rule's documentation page is one of its tests (as ruff does it)."""
    findings = fires(rule, example)
    if example.fires:
        assert findings, f"{rule.id} did not fire on {example.name!r}"
        assert findings[0].message and "(" in findings[0].message  # Vietnamese with an English gloss
    else:
        assert not findings, [f.message for f in findings]


def test_every_rule_has_a_failing_and_a_passing_example() -> None:
    rules = all_rules()
    assert len(rules) >= 60
    assert [r.id for r in rules if not any(e.fires for e in r.examples)] == [], "rules without a failing example"
    assert [r.id for r in rules if not any(not e.fires for e in r.examples)] == [], "rules without a passing example"


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
    """An office's own units (extra_units) are known names: a slip of one gets its "did you mean"."""
    text = edited([("\tPhòng Văn hóa - Xã hội\t", "\tBan Quản lý chợ Án Bình\t")])
    assert not [f for f in lint(text) if f.rule == "unit.unknown"]  # an unknown name is never reported
    config = CheckConfig(extra_units=["Ban Quản lý chợ An Bình"])
    (finding,) = [f for f in lint(text, config=config) if f.rule == "unit.unknown"]
    assert "Ban Quản lý chợ An Bình" in (finding.hint or "")


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


@pytest.mark.slow  # every rule on every damaged variant of every sample: seconds
def test_no_rule_fails_on_damaged_plans(samples_dir: Path) -> None:
    """Plans with lines missing or garbled (a deterministic sample) are checked without a rule crashing."""
    from kehoach_parser.api import parse_document
    from kehoach_parser.check import check_document
    from kehoach_parser.errors import KehoachError

    rng = random.Random(4)
    sources = [VALID_PLAN] + [p.read_text(encoding="utf-8") for p in sorted(samples_dir.glob("*.txt"))]
    for _ in range(20):
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


PARTY_PLAN = """ĐẢNG BỘ TỈNH AN GIANG\tĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ AN BÌNH
*
Số 12-KH/ĐU\tAn Bình, ngày 15 tháng 01 năm 2026

KẾ HOẠCH
kiểm tra, giám sát năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Phòng ngừa vi phạm của tổ chức đảng và đảng viên.

II. NỘI DUNG
1. Kiểm tra việc thực hiện nhiệm vụ đảng viên tại 03 chi bộ.
- Chủ trì: Ủy ban Kiểm tra Đảng ủy xã.
- Thời gian: Quý II/2026.

III. TỔ CHỨC THỰC HIỆN
Ủy ban Kiểm tra Đảng ủy xã theo dõi, báo cáo kết quả.

Nơi nhận:
- Ban Thường vụ Tỉnh ủy (để báo cáo),
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Nguyễn Văn An
"""


@pytest.mark.parametrize("heading", ["ĐẢNG CỘNG SẢN VIỆT NAM", "ĐOÀN TNCS HỒ CHÍ MINH"])
def test_a_party_document_is_not_held_to_decree_30(lint: Callable[..., list[Finding]], heading: str) -> None:
    """Hướng dẫn 36-HD/VPTW: "Số 12-KH/ĐU" without a colon, "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ", recipients
    ending in ",", "Lưu Văn phòng Đảng ủy": all right there; the content rules still run."""
    text = PARTY_PLAN.replace("ĐẢNG CỘNG SẢN VIỆT NAM", heading)
    assert [(f.rule, f.location.line) for f in lint(text)] == [("input.party-form", 1)]
    late = text.replace("Thời gian: Quý II/2026.", "Thời gian: Quý II/2027.")
    assert [f.rule for f in lint(late)] == ["input.party-form", "deadline.after-period"]
    state = text.replace(f"\t{heading}", "\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    assert "input.party-form" not in {f.rule for f in lint(state)}  # a state heading: Decree 30's form
