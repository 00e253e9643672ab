"""Running the rules over one document: severities and switches from the configuration applied, rules
gated by what the input allows (a file that is no plan, an unreadable text layer, OCR text, a cut-off
excerpt), superseded duplicates dropped, findings in reading order."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..api import guarded, parse_document
from ..extract.facts import position_key
from ..pipeline import ParsedDocument
from ..readers.options import OcrMode
from ..text import caseless
from .config import CheckConfig
from .context import Context
from .model import Finding, FindingLocation
from .registry import Rule, all_rules

# the input rules that, when their condition holds, leave no other rule to run
EXCLUSIVE_GATES = ("input.not-a-plan", "input.unreadable-text")
# input conditions that switch off the rules needing something the input lacks
PARTIAL_GATES = {"input.ocr": frozenset({"print", "layout"}), "input.truncated": frozenset({"closing"}),
                 "input.party-form": frozenset({"decree30"})}


@dataclass
class Report:
    """The findings of one file, and any rule that failed on it (a bug, reported, never hidden)."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    crashed: list[str] = field(default_factory=list)  # "rule.id: ExceptionType: message"


def gates(ctx: Context) -> tuple[bool, frozenset[str]]:
    """(whether only the input rules run, the needs that rules may not have) for this input."""
    facts = ctx.facts
    if not facts.is_plan or facts.readability.unreadable:
        return True, frozenset()
    blocked: set[str] = set()
    if facts.readability.ocr:
        blocked |= PARTIAL_GATES["input.ocr"]
    if facts.truncated:
        blocked |= PARTIAL_GATES["input.truncated"]
    if facts.header.party_form:
        blocked |= PARTIAL_GATES["input.party-form"]
    return False, frozenset(blocked)


def check_document(doc: ParsedDocument, file: str, config: CheckConfig | None = None) -> Report:
    """Run every enabled rule the input allows over a parsed document."""
    config = config or CheckConfig()
    report = Report(file)
    try:
        ctx = guarded(file, lambda: Context(doc, config))
    except Exception as exc:  # the facts could not be gathered: a bug, reported as one
        report.crashed.append(f"facts: {type(exc).__name__}: {exc}")
        return report
    only_input, blocked = gates(ctx)
    rules = all_rules()
    order = {rule.id: i for i, rule in enumerate(rules)}
    found: list[tuple[Rule, Finding]] = []
    for rule in rules:
        if not config.enabled(rule.id, rule.category):
            continue
        if (only_input and rule.category != "input") or rule.needs & blocked:
            continue
        severity = config.severity_of(rule.id, rule.category, rule.severity)
        try:
            for hit in rule.check(ctx):
                message, hint = rule.render(hit)
                found.append((rule, Finding(file=file, rule=rule.id, category=rule.category, severity=severity,
                                            message=message, hint=hint,
                                            location=FindingLocation(page=hit.page, line=hit.line), text=hit.text)))
        except Exception as exc:  # one broken rule must not hide the others' findings
            report.crashed.append(f"{rule.id}: {type(exc).__name__}: {exc}")
    unique: dict[tuple[str, int | None, int | None, str | None], Finding] = {}
    for _, finding in _drop_superseded(found):  # one finding per rule, place and excerpt
        unique.setdefault((finding.rule, finding.location.page, finding.location.line, finding.text), finding)
    report.findings = sorted(unique.values(), key=lambda f: (*position_key(f.location.page, f.location.line),
                                                             order[f.rule]))
    return report


def _drop_superseded(found: list[tuple[Rule, Finding]]) -> list[tuple[Rule, Finding]]:
    """A rule that supersedes another (heading.near-miss over spelling.tone-typo) wins where both
    report the same words at the same place (one excerpt containing the other)."""
    winners: dict[tuple[str, int | None, int | None], list[str]] = {}
    for rule, f in found:
        for loser in rule.supersedes:
            winners.setdefault((loser, f.location.page, f.location.line), []).append(caseless(f.text or ""))

    def beaten(rule: Rule, f: Finding) -> bool:
        mine = caseless(f.text or "")
        theirs = winners.get((rule.id, f.location.page, f.location.line), [])
        return any(mine in other or other in mine for other in theirs)

    return [(r, f) for r, f in found if not beaten(r, f)]


def check_file(path: str | os.PathLike[str], config: CheckConfig | None = None, *, format: str | None = None,
               label: str | None = None, ocr: OcrMode = "auto", workers: int = 1) -> Report:
    """Parse and check one file (raises KehoachError when it cannot be read); ``workers`` as for
    :func:`~kehoach_parser.api.parse`."""
    doc = parse_document(path, format=format, ocr=ocr, workers=workers)
    return check_document(doc, label or str(Path(path)), config)
