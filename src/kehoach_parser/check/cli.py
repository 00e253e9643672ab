"""``kehoach check FILE|DIR… [--format text|json|sarif|github] [--fail-on …] [--config FILE] [--statistics]
[--list-rules]``.

Exit status: 0 when no finding reaches the fail level, 1 when one does, 2 for a usage error, a bad
configuration, or a file that could not be read or fully checked (the other files are still checked; an
unreadable file is also an ``input.unreadable`` finding in every format).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from ..formats import PLAN_SUFFIXES
from ..readers.options import OCR_MODES

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMATS = ("text", "json", "sarif", "github")
FAIL_LEVELS = ("error", "warning", "never")
# processes reading a long PDF's pages (no more than the cores available): one file is checked at a time
PAGE_WORKERS = 4


def add_check_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    c = sub.add_parser(
        "check", help="lint plans: form (Decree 30/2020/NĐ-CP) and internal consistency",
        description="Check plans the way code is linted: each finding has a stable rule id, a severity, "
                    "a message in Vietnamese with an English gloss, a location and a fix hint where one is obvious.")
    c.add_argument("paths", nargs="*", metavar="FILE|DIR",
                   help="plans to check; a folder stands for the .txt/.md/.docx/.pdf files under it")
    c.add_argument("--format", dest="output_format", choices=FORMATS, default="text",
                   help="text (people, the default), json (the findings), sarif (SARIF 2.1.0), github (annotations)")
    c.add_argument("--fail-on", choices=FAIL_LEVELS, default=None,
                   help="exit 1 when a finding reaches this severity (default: error, or fail_on in the configuration)")
    c.add_argument("--config", type=Path, metavar="FILE",
                   help="configuration file (default: the nearest .kehoach.toml or pyproject.toml with "
                        "[tool.kehoach.check], searched upward from each file to the repository root, "
                        "then from the working directory)")
    c.add_argument("--docs-url", metavar="TEMPLATE",
                   help='where the rule pages are, for SARIF helpUri: "https://…/docs/rules/{rule}.md" '
                        "(default: docs_url in the configuration)")
    c.add_argument("--statistics", action="store_true",
                   help="after the findings, count them per rule (with --format text)")
    c.add_argument("--ocr", choices=OCR_MODES, default="auto",
                   help="OCR of PDF pages without a usable text layer: auto (the default), force, never (such "
                        "pages are not checked)")
    c.add_argument("--list-rules", action="store_true", help="describe every rule and exit")
    return c


def expand(paths: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to check (folders expanded, order kept, no duplicates) and the paths that do not exist."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PLAN_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.exists():
            found = [path]
        else:
            missing.append((name, "no such file or directory"))
            continue
        for p in found:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                files.append(p)
    return files, missing


def run_check(args: argparse.Namespace, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    from ..cli.output import write_text
    from ..errors import KehoachError
    from .config import ConfigError, _cached_load, config_for, find_config, load_config
    from .examples import unreadable_finding
    from .model import Finding
    from .output import (
        format_github,
        format_json,
        format_rules,
        format_sarif,
        format_statistics,
        format_text,
        use_color,
    )
    from .registry import all_rules
    from .runner import check_file

    out = stdout or sys.stdout
    err = stderr or sys.stderr
    find_config.cache_clear()
    _cached_load.cache_clear()
    rules = all_rules()
    ids = {r.id for r in rules}

    try:
        base = load_config(args.config) if args.config else config_for(Path.cwd() / "_", cwd=Path.cwd())
        base.validate_names(ids)
    except ConfigError as exc:
        print(f"kehoach: error: {exc}", file=err)
        return EXIT_USAGE
    severities = {r.id: base.severity_of(r.id, r.category, r.severity) for r in rules}

    if args.list_rules:
        enabled = {r.id: base.enabled(r.id, r.category) for r in rules}
        write_text(out, format_rules(rules, fmt=args.output_format, severities=severities, enabled=enabled))
        return EXIT_OK
    if not args.paths:
        print("kehoach: error: check needs FILE or DIR arguments (or --list-rules)", file=err)
        return EXIT_USAGE

    files, failed = expand(args.paths)
    findings: list[Finding] = [unreadable_finding(name, problem) for name, problem in failed]
    fail_rank: list[Finding] = []
    labels: list[str] = []
    for path in files:
        label = str(path)
        try:
            config = config_for(path, explicit=args.config)
            config.validate_names(ids)
        except ConfigError as exc:
            print(f"kehoach: error: {exc}", file=err)
            return EXIT_USAGE
        if not config.selects(path):
            continue  # left out by include/exclude
        labels.append(label)
        try:
            report = check_file(path, config, label=label, ocr=args.ocr, workers=PAGE_WORKERS)
        except KehoachError as exc:
            failed.append((label, str(exc)))
            findings.append(unreadable_finding(label, exc.problem))
            continue
        except Exception as exc:  # a parser bug must not stop the batch
            failed.append((label, f"{label}: internal error ({type(exc).__name__}: {exc})"))
            findings.append(unreadable_finding(label, f"internal error ({type(exc).__name__})"))
            continue
        for crash in report.crashed:
            failed.append((label, f"{label}: rule {crash}"))
        findings.extend(report.findings)
        level = args.fail_on or config.fail_on or "error"
        fail_rank.extend(f for f in report.findings if _reaches(f.severity, level))
    for name, problem in failed:
        print(f"kehoach: error: {problem if problem.startswith(name) else f'{name}: {problem}'}", file=err)

    if args.output_format == "json":
        write_text(out, format_json(findings))
    elif args.output_format == "sarif":
        enabled_rules = [r for r in rules if base.enabled(r.id, r.category)]
        write_text(out, format_sarif(findings, enabled_rules, failed=failed, severities=severities,
                               docs_url=args.docs_url or base.docs_url))
    elif args.output_format == "github":
        write_text(out, format_github(findings))
    else:
        write_text(out, format_text(findings, files=labels + [n for n, _ in failed if n not in labels],
                              failed=[n for n, _ in failed], color=use_color(out)))
        if args.statistics:
            write_text(out, format_statistics(findings, rules))
    if failed:
        return EXIT_USAGE
    return EXIT_FINDINGS if fail_rank else EXIT_OK


def _reaches(severity: str, level: str) -> bool:
    from .model import RANK

    return level != "never" and RANK[severity] >= RANK[level]
