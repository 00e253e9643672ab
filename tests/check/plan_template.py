"""The minimal valid plan the linter tests change one thing of, and helpers to lint a text in-process."""
from __future__ import annotations

import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

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


@dataclass
class Result:
    """What one ``kehoach check`` run printed and returned (like subprocess.CompletedProcess)."""

    returncode: int
    stdout: str
    stderr: str


def run_in_process(*args: str | Path, cwd: Path) -> Result:
    """``kehoach check ARGS`` run in this process from ``cwd`` (the command line's own code, without the
    second or two a fresh interpreter takes; the console script itself is tested once, in a subprocess)."""
    from kehoach_parser.check.cli import run_check
    from kehoach_parser.cli import build_parser

    out, err = io.StringIO(), io.StringIO()
    before = Path.cwd()
    os.chdir(cwd)
    try:
        parsed = build_parser().parse_args(["check", *map(str, args)])
        code = run_check(parsed, stdout=out, stderr=err)
    except SystemExit as exc:  # argparse refuses the arguments
        code = int(exc.code or 0)
    finally:
        os.chdir(before)
    return Result(code, out.getvalue(), err.getvalue())
