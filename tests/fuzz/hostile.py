"""Run the reproducers of tests/data/hostile/ (manifest.json, built by make_hostile.py) in capped
children and say how each breaks its contract: used by tests/test_hostile.py and by
``benchmarks/fuzz.py --hostile`` (the table of what every class does today).
"""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from kehoach_parser import Plan

from .runner import FINE, ForkServer, Outcome, run_process
from .strategies import PLAN_TEXT

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
sys.path.insert(0, str(HOSTILE))
import make_hostile  # noqa: E402

MANIFEST: list[dict[str, Any]] = json.loads((HOSTILE / "manifest.json").read_text(encoding="utf-8"))

MAX_STDERR_LINE = 300  # "kehoach: error: " + a message of at most 220 characters + slack


def reproducer(entry: dict[str, Any], folder: Path) -> Path:
    if entry.get("file"):
        return HOSTILE / "files" / entry["file"]
    return make_hostile.build(entry["id"], folder)


def expectation_problem(entry: dict[str, Any], outcome: Outcome) -> str | None:
    """Why ``outcome`` breaks the case's contract, or None."""
    want = entry["expect"]
    if want == "internal":
        return None if outcome.kind == "internal" else f"expected an InternalError, got {outcome.summary()}"
    if outcome.bug:
        return f"{outcome.summary()} [{outcome.detail[-600:]}]"
    if want == "error" and outcome.kind != "error":
        return f"expected a KehoachError, the parse succeeded ({outcome.seconds:.1f} s)"
    if want == "ok" and outcome.kind != "ok":
        return f"expected a successful parse, got {outcome.error_class}: {outcome.message}"
    return None


def cli_problems(entry: dict[str, Any], outcome: Outcome) -> list[str]:
    problems = []
    if outcome.kind not in FINE:
        problems.append(f"{outcome.summary()} [{outcome.detail[-600:]}]")
    if outcome.exit_code not in entry["exit_codes"]:
        problems.append(f"exit status {outcome.exit_code} (expected one of {entry['exit_codes']}); "
                        f"stderr: {outcome.stderr[-400:]!r}")
    for line in outcome.stderr.splitlines():
        if len(line) > MAX_STDERR_LINE:
            problems.append(f"a stderr line of {len(line)} characters: {line[:120]!r}…")
        if "internal error" in line or "crash" in line.lower():
            problems.append(f"stderr reports a bug: {line[:300]!r}")
    return problems


def outputs_read_back(out: Path) -> list[str]:
    problems = []
    for path in sorted(out.iterdir()) if out.exists() else []:
        if not path.name.endswith(".json"):
            problems.append(f"left a partial or temporary file: {path.name}")
            continue
        try:
            Plan.model_validate_json(path.read_text(encoding="utf-8"))
        except Exception as exc:
            problems.append(f"{path.name} does not read back into Plan: {type(exc).__name__}: {str(exc)[:200]}")
    return problems


def run_entry(entry: dict[str, Any], server: ForkServer, folder: Path) -> tuple[Outcome, list[str]]:
    """Run one reproducer: its outcome and the ways it breaks its contract (empty when it is handled)."""
    path = reproducer(entry, folder)
    seconds, memory = entry["seconds"], entry["memory_mb"]
    mode = entry["mode"]
    if mode in ("parse", "inject"):
        outcome = server.parse(path, inject=entry.get("inject") or None, seconds=seconds, memory_mb=memory)
        problem = expectation_problem(entry, outcome)
        return outcome, [problem] if problem else []
    if mode == "check":
        outcome = server.cli(["check", str(path)], name=path.name, cwd=folder, seconds=seconds, memory_mb=memory)
        return outcome, cli_problems(entry, outcome)
    good = folder / "good.txt"
    good.write_text(PLAN_TEXT, encoding="utf-8")
    out = folder / "out"
    if mode == "batch":
        outcome = server.cli(["parse", os.fsdecode(path), str(good), "-o", str(out)], name=path.name, cwd=folder,
                             seconds=seconds, memory_mb=memory)
        problems = cli_problems(entry, outcome)
        if not (out / "good.json").exists():
            problems.append("the batch stopped: good.txt was not converted")
        return outcome, problems + outputs_read_back(out)
    argv = ["parse", str(path)]
    if mode == "closed-stdout":
        outcome = run_process(argv, seconds=seconds, memory_mb=memory, preexec=lambda: os.close(1))
    elif mode == "full-disk":
        with open("/dev/full", "wb") as full:
            outcome = run_process(argv, seconds=seconds, memory_mb=memory, stdout=full.fileno())
    else:  # ctrl-c: interrupt a batch once its first output is written
        copies = [folder / f"copy{n}.txt" for n in range(400)]
        for copy in copies:
            shutil.copyfile(path, copy)
        outcome = run_process(["parse", *map(str, copies), "-o", str(out)], seconds=seconds, memory_mb=memory,
                              interrupt_when=lambda: (out / "copy0.json").exists())
        problems = cli_problems(entry, outcome)
        if "interrupted" not in outcome.stderr:
            problems.append(f"no 'interrupted' on stderr: {outcome.stderr[-300:]!r}")
        return outcome, problems + outputs_read_back(out)
    return outcome, cli_problems(entry, outcome)


