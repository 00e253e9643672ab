"""The minimal valid plan the linter tests change one thing of, and helpers to lint a text in-process."""
from __future__ import annotations

from collections.abc import Iterable

from kehoach_parser.api import parse_document
from kehoach_parser.check import CheckConfig, Finding, check_document
from kehoach_parser.check.examples import valid_plan

# The smallest plan that passes every rule: organ, number, dateline, kind, title, a citation, sections
# with numbered items, a body task, a target table, recipients, signature and one annex task table. The
# rules' examples in rules.toml are edits of it.
VALID_PLAN = valid_plan()

Edit = tuple[str, str]


def edited(edits: Iterable[Edit], base: str = VALID_PLAN) -> str:
    """The valid plan with each ``(old, new)`` replaced once (the old text must be there)."""
    text = base
    for old, new in edits:
        assert old in text, f"not in the plan: {old!r}"
        text = text.replace(old, new, 1)
    return text


def lint_text(text: str, *, name: str = "plan.txt", config: CheckConfig | None = None) -> list[Finding]:
    doc = parse_document(text.encode("utf-8"), name=name)
    report = check_document(doc, name, config)
    assert not report.crashed, report.crashed
    return report.findings
