"""Output formats of ``kehoach check``: text for people, JSON findings, SARIF 2.1.0, GitHub annotations,
and the rule list of ``--list-rules``."""
from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path
from typing import IO
from urllib.parse import quote

from .. import __version__
from .model import Finding
from .registry import Rule

TOOL_NAME = "kehoach-check"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}

# ANSI styles for the text format on a terminal
STYLES = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "bold": "\033[1m", "dim": "\033[2m",
          "reset": "\033[0m"}


def use_color(stream: IO[str]) -> bool:
    """Colour when writing to a terminal and NO_COLOR (https://no-color.org) is not set."""
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("NO_COLOR")


def format_text(findings: Sequence[Finding], *, files: Sequence[str], failed: Sequence[str] = (),
                color: bool = False) -> str:
    """Findings grouped by file, one line each, with the hint and the excerpt under it."""

    def paint(style: str, text: str) -> str:
        return f"{STYLES[style]}{text}{STYLES['reset']}" if color else text

    out: list[str] = []
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        by_file.setdefault(finding.file, []).append(finding)
    for file in files:
        items = by_file.get(file, [])
        if not items:
            continue
        out.append(paint("bold", file))
        for f in items:
            where = _where(f)
            out.append(f"  {where:>9}  {paint(f.severity, f'{f.severity:<7}')}  {f.message}  {paint('dim', f.rule)}")
            if f.text:
                out.append(f"  {'':>9}  {'':<7}  {paint('dim', '> ' + f.text)}")
            if f.hint:
                out.append(f"  {'':>9}  {'':<7}  → {f.hint}")
        out.append("")
    counts = Counter(f.severity for f in findings)
    checked = len(files) - len(failed)
    summary = (f"{len(findings)} problem{'s' if len(findings) != 1 else ''} "
               f"({counts['error']} error{'s' if counts['error'] != 1 else ''}, "
               f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}, {counts['info']} info) "
               f"in {checked} file{'s' if checked != 1 else ''} checked")
    if failed:
        summary += f"; {len(failed)} file{'s' if len(failed) != 1 else ''} could not be read"
    style = "error" if counts["error"] else "warning" if counts["warning"] else "info"
    out.append(paint(style, summary) if findings else summary)
    return "\n".join(out) + "\n"


def _where(finding: Finding) -> str:
    loc = finding.location
    if loc.page and loc.line:
        return f"p{loc.page}:{loc.line}"
    if loc.line:
        return f"{loc.line}"
    if loc.page:
        return f"p{loc.page}"
    return "-"


def format_json(findings: Sequence[Finding]) -> str:
    return json.dumps([f.model_dump(mode="json") for f in findings], ensure_ascii=False, indent=2) + "\n"


def workspace_path(file: str) -> str:
    """``file`` relative to the working directory (the repository root in CI) when it lies under it."""
    path = Path(file)
    if not path.is_absolute():
        return Path(os.path.normpath(path)).as_posix()
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def artifact_uri(file: str) -> str:
    """A relative URI for files under the working directory (what code-scanning dashboards expect),
    a file: URI for the others."""
    path = Path(file)
    try:
        relative = (path.resolve().relative_to(Path.cwd().resolve()) if path.is_absolute()
                    else Path(os.path.normpath(path)))
    except ValueError:
        return path.resolve().as_uri()
    if relative.parts and relative.parts[0] == "..":
        return path.resolve().as_uri()
    return quote(relative.as_posix(), safe="/")


def docs_url_template(configured: str | None = None) -> str | None:
    """Where the rules' documentation pages are: the configured template ("…/{rule}.md"), else the
    package's "Documentation" project URL followed by "/rules/{rule}.md", else None."""
    if configured:
        return configured
    try:
        urls = metadata("kehoach-parser").get_all("Project-URL") or []
    except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        return None
    for entry in urls:
        name, _, url = entry.partition(",")
        if name.strip().casefold() == "documentation" and url.strip():
            return url.strip().rstrip("/") + "/rules/{rule}.md"
    return None


def format_sarif(findings: Sequence[Finding], rules: Sequence[Rule], *, failed: Sequence[tuple[str, str]] = (),
                 severities: Mapping[str, str] | None = None, docs_url: str | None = None) -> str:
    """One SARIF 2.1.0 log with one run: the rules in ``tool.driver.rules`` (each with its documentation
    page as ``help.markdown`` and, when known, ``helpUri``), one result per finding with its message and
    region (the page of a paged input in ``properties``), unreadable files also as tool execution
    notifications."""
    from .docs import rule_page

    index = {rule.id: i for i, rule in enumerate(rules)}
    severities = severities or {}
    template = docs_url_template(docs_url)
    driver = {
        "name": TOOL_NAME,
        "fullName": "kehoach check: Vietnamese administrative plan linter",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [{
            "id": rule.id,
            "name": _rule_name(rule.id),
            "shortDescription": {"text": rule.title.glossed()},
            "fullDescription": {"text": rule.description.glossed()},
            "help": {"text": f"{rule.description.vi}\n\n{rule.description.en}", "markdown": rule_page(rule)},
            **({"helpUri": template.format(rule=rule.id)} if template else {}),
            "defaultConfiguration": {"level": SARIF_LEVELS[severities.get(rule.id, rule.severity)]},
            "properties": {"category": rule.category, "tags": [rule.category]},
        } for rule in rules],
    }
    results = []
    for f in findings:
        physical: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(f.file)}}
        if f.location.line:
            region: dict[str, object] = {"startLine": f.location.line}
            if f.text:
                region["snippet"] = {"text": f.text}
            physical["region"] = region
        result: dict[str, object] = {
            "ruleId": f.rule,
            "level": SARIF_LEVELS[f.severity],
            "message": {"text": f.message if not f.hint else f"{f.message}\n{f.hint}"},
            "locations": [{"physicalLocation": physical}],
            "properties": {"category": f.category, **({"page": f.location.page} if f.location.page else {}),
                           **({"hint": f.hint} if f.hint else {})},
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        results.append(result)
    invocation: dict[str, object] = {"executionSuccessful": not failed}
    if failed:
        invocation["toolExecutionNotifications"] = [{
            "level": "error",
            "message": {"text": problem},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(file)}}}],
        } for file, problem in failed]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rule_name(rule_id: str) -> str:
    """"header.number-missing" -> "HeaderNumberMissing" (SARIF's rule name: an identifier)."""
    return "".join(part.capitalize() for part in rule_id.replace(".", "-").split("-"))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Iterable[Finding]) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,title=…::message``."""
    lines = []
    for f in findings:
        props = [f"file={_escape_property(workspace_path(f.file))}"]
        if f.location.line:
            props.append(f"line={f.location.line}")
        title = f"{f.rule} (page {f.location.page})" if f.location.page else f.rule  # PDF lines count per page
        props.append(f"title={_escape_property(title)}")
        message = f.message if not f.hint else f"{f.message}\n{f.hint}"
        lines.append(f"::{GITHUB_COMMANDS[f.severity]} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def format_statistics(findings: Sequence[Finding], rules: Sequence[Rule]) -> str:
    """How many findings each rule has, most first (like ``ruff --statistics``)."""
    titles = {r.id: r.title.en for r in rules}
    counts = Counter((f.rule, f.severity) for f in findings)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    out = [f"{n:>5}  {rule:<38} {severity:<8} {titles.get(rule, '')}" for (rule, severity), n in rows]
    return "\n".join(out) + ("\n" if out else "")


def format_rules(rules: Sequence[Rule], *, fmt: str = "text", severities: Mapping[str, str] | None = None,
                 enabled: Mapping[str, bool] | None = None) -> str:
    """The rule list: id, category, severity, title and description in both languages."""
    severities = severities or {}
    enabled = enabled or {}
    if fmt in ("json", "sarif", "github"):
        data = [{"id": r.id, "category": r.category, "severity": severities.get(r.id, r.severity),
                 "default_severity": r.severity, "enabled": enabled.get(r.id, True),
                 "title": {"vi": r.title.vi, "en": r.title.en},
                 "description": {"vi": r.description.vi, "en": r.description.en}} for r in rules]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    out = []
    category = None
    for r in rules:
        if r.category != category:
            category = r.category
            out.append(f"[{category}]")
        state = "" if enabled.get(r.id, True) else "  (disabled)"
        out.append(f"  {r.id:<38} {severities.get(r.id, r.severity):<8}{state}")
        out.append(f"      {r.title.vi} ({r.title.en})")
        out.append(f"      {r.description.vi}")
        out.append(f"      {r.description.en}")
    out.append("")
    out.append(f"{len(rules)} rules. Configure in pyproject.toml [tool.kehoach.check] or .kehoach.toml: "
               "disable = [ids or categories], severity = {id = \"warning\"}, extra_units = [...].")
    return "\n".join(out) + "\n"
