"""Running the rules over one document: severities and switches from the configuration applied,
superseded duplicates dropped, findings in reading order."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..api import parse_document
from ..pipeline import ParsedDocument
from .config import CheckConfig
from .context import Context, match_key
from .model import Finding, FindingLocation
from .registry import Rule, all_rules


@dataclass
class Report:
    """The findings of one file, and any rule that failed on it (a bug, reported, never hidden)."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    crashed: list[str] = field(default_factory=list)  # "rule.id: ExceptionType: message"


def check_document(doc: ParsedDocument, file: str, config: CheckConfig | None = None) -> Report:
    """Run every enabled rule over a parsed document."""
    config = config or CheckConfig()
    ctx = Context(doc, config)
    report = Report(file)
    order = {rule.id: i for i, rule in enumerate(all_rules())}
    found: list[tuple[Rule, Finding]] = []
    for rule in all_rules():
        if not config.enabled(rule.id, rule.category):
            continue
        severity = config.severity_of(rule.id, rule.category, rule.severity)
        try:
            for hit in rule.check(ctx):
                message, hint = rule.render(hit)
                page = hit.page if hit.page is not None else ctx.page_of(hit.line)
                found.append((rule, Finding(file=file, rule=rule.id, category=rule.category, severity=severity,
                                            message=message, hint=hint, location=FindingLocation(page=page, line=hit.line),
                                            text=hit.text)))
        except Exception as exc:  # one broken rule must not hide the others' findings
            report.crashed.append(f"{rule.id}: {type(exc).__name__}: {exc}")
    unique: dict[tuple[str, int | None, str | None], Finding] = {}
    for _, finding in _drop_superseded(found):  # one finding per rule, line and excerpt
        unique.setdefault((finding.rule, finding.location.line, finding.text), finding)
    report.findings = list(unique.values())
    report.findings.sort(key=lambda f: (f.location.page or 0, f.location.line or 0, order[f.rule]))
    return report


def _drop_superseded(found: list[tuple[Rule, Finding]]) -> list[tuple[Rule, Finding]]:
    """A rule that supersedes another (heading.near-miss over spelling.tone-typo) wins where both
    report the same words on the same line (one excerpt containing the other)."""
    winners: dict[tuple[str, int | None], list[str]] = {}
    for rule, f in found:
        for loser in rule.supersedes:
            winners.setdefault((loser, f.location.line), []).append(match_key(f.text or ""))

    def beaten(rule: Rule, f: Finding) -> bool:
        mine = match_key(f.text or "")
        return any(mine in theirs or theirs in mine for theirs in winners.get((rule.id, f.location.line), []))

    return [(r, f) for r, f in found if not beaten(r, f)]


def check_file(path: str | os.PathLike[str], config: CheckConfig | None = None, *, format: str | None = None,
               label: str | None = None) -> Report:
    """Parse and check one file (raises KehoachError when it cannot be read)."""
    doc = parse_document(path, format=format)
    return check_document(doc, label or str(Path(path)), config)
