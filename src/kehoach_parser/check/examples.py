"""The rules' examples (``rules.toml``): the documents they describe, and running a rule on them. The
examples are both the documentation pages' failing and passing cases and the rules' tests."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..api import parse_document
from ..errors import KehoachError
from ..model import ParseWarning
from .config import CheckConfig
from .model import Finding, FindingLocation
from .registry import Example, Hit, Rule, all_rules
from .runner import check_document

EXAMPLE_NAME = "ke-hoach.txt"


@lru_cache(maxsize=1)
def valid_plan() -> str:
    """The smallest plan that passes every rule; examples change one thing of it."""
    return resources.files(__package__).joinpath("valid_plan.txt").read_text(encoding="utf-8")


def example_text(example: Example) -> str:
    """The document an example describes."""
    if example.document is not None:
        return example.document
    text = valid_plan()
    for old, new in example.edits:
        if old not in text:
            raise ValueError(f"example {example.name!r}: not in the valid plan: {old!r}")
        text = text.replace(old, new, 1)
    if example.cut_after is not None:
        text = text[: text.index(example.cut_after) + len(example.cut_after)]
    return text


def unreadable_finding(file: str, problem: str) -> Finding:
    """The ``input.unreadable`` finding of a file that cannot be read (the command line reports it too)."""
    rule = next(r for r in all_rules() if r.id == "input.unreadable")
    message, hint = rule.render(Hit(params={"problem": problem}))
    return Finding(file=file, rule=rule.id, category=rule.category, severity=rule.severity, message=message,
                   hint=hint, location=FindingLocation())


def run_example(example: Example, config: CheckConfig | None = None) -> list[Finding]:
    """Every finding on an example's document."""
    try:
        doc = parse_document(example_text(example).encode("utf-8"), name=EXAMPLE_NAME)
    except KehoachError as exc:
        return [unreadable_finding(EXAMPLE_NAME, exc.problem)]
    for code in example.reader_warnings:
        doc.plan.warnings.append(ParseWarning(code=code, message=f"{code} (example)"))
    report = check_document(doc, EXAMPLE_NAME, config)
    if report.crashed:
        raise AssertionError(f"example {example.name!r}: {report.crashed}")
    return report.findings


def fires(rule: Rule, example: Example) -> list[Finding]:
    """The findings of ``rule`` on an example's document."""
    return [f for f in run_example(example) if f.rule == rule.id]
