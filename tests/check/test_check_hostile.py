"""Issue 7, the linter's part: inputs that used to crash a rule or take seconds per finding."""
from __future__ import annotations

from collections.abc import Callable

from plan_template import VALID_PLAN, edited

from kehoach_parser.check import Finding


def test_a_5000_digit_number(lint: Callable[..., list[Finding]]) -> None:
    findings = lint(edited([("Số: 12/KH-UBND", f"Số: {'9' * 5000}/KH-UBND")]))
    assert not [f for f in findings if f.rule == "header.number-format"]  # digits, and more than 9


def test_a_superscript_row_number(lint: Callable[..., list[Finding]]) -> None:
    """"²" is a digit to str.isdigit() but no number int() reads."""
    findings = lint(edited([("\n2\tTập huấn kỹ năng số", "\n²\tTập huấn kỹ năng số")]))
    assert {f.rule for f in findings} <= {"numbering.rows", "target.value-missing"}


def test_a_long_plan_with_a_finding_on_every_line(lint: Callable[..., list[Finding]]) -> None:
    """73 KB of lines that each hold a typo: every finding is placed by index, none rescans the text."""
    body = "".join(f"- Tổ chức tuyên truyền, chuyên đổi số đợt {i}.\n" for i in range(1500))
    findings = lint(edited([("Nâng cao hiệu quả chuyển đổi số trên địa bàn phường.\n", body)]))
    typos = [f for f in findings if f.rule == "spelling.tone-typo"]
    assert len(typos) == 1500 and len({f.location.line for f in typos}) == 1500
    assert VALID_PLAN.count("\n") + 1500 >= max(f.location.line or 0 for f in typos)
