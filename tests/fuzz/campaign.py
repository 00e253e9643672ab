"""A fuzz campaign: hypothesis draws cases (:func:`.cases.cases`), each runs in a capped child, the
outcomes are counted by kind and the bugs by signature; the first failures of each signature are
kept, minimised and written down as reproducers. Used by ``tests/test_fuzz.py`` (bounded, derandomised)
and ``benchmarks/fuzz.py`` (long campaigns).
"""
from __future__ import annotations

import collections
import json
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed

from .cases import Case, cases, minimise
from .runner import ForkServer, Outcome

LABELS = ("parse()", "kehoach parse", "kehoach check")
# "docx:timeout:kehoach parse" -> "docx-timeout-kehoach-parse"
SLUG = regex.compile(r"[^A-Za-z0-9]+")


def run_case(server: ForkServer, case: Case, work: Path, *, ocr: str, cli: bool) -> list[Outcome]:
    """The outcome of parse() on the case, then (``cli``) of ``kehoach parse`` and ``kehoach check``."""
    path = work / case.name
    path.write_bytes(case.build())
    outcomes = [server.parse(path, ocr=ocr)]
    if cli:
        outcomes.append(server.cli(["parse", str(path), "-o", str(work / "out"), "--ocr", ocr], name=case.name))
        outcomes.append(server.cli(["check", str(path), "--ocr", ocr], name=case.name))
    path.unlink(missing_ok=True)
    return outcomes


def signatures_of(case: Case, outcomes: list[Outcome]) -> list[str]:
    """One signature per bug among ``outcomes``: "docx:internal:IndexError", "pdf:timeout:kehoach check"."""
    return [f"{case.fmt}:{o.signature()}" + ("" if n == 0 else f":{LABELS[n]}")
            for n, o in enumerate(outcomes) if o.bug]


@dataclass
class Campaign:
    """Counts and kept failures of one campaign. ``run`` draws ``cases`` cases; ``write`` writes them down."""

    server: ForkServer
    ocr: str = "auto"
    cli_every: int = 25
    keep: int = 3
    counts: collections.Counter[str] = field(default_factory=collections.Counter)
    bugs: collections.Counter[str] = field(default_factory=collections.Counter)
    failures: dict[str, list[tuple[Case, Outcome]]] = field(default_factory=lambda: collections.defaultdict(list))
    slowest: list[tuple[float, str]] = field(default_factory=list)
    done: int = 0
    seconds: float = 0.0

    def record(self, case: Case, work: Path) -> None:
        self.done += 1
        try:
            outcomes = run_case(self.server, case, work, ocr=self.ocr,
                                cli=self.cli_every > 0 and self.done % self.cli_every == 0)
        except Exception as exc:  # a recipe that cannot be built: the harness's problem, counted apart
            self.counts[f"unbuildable {type(exc).__name__}"] += 1
            return
        for n, outcome in enumerate(outcomes):
            self.counts[f"{LABELS[n]} {outcome.kind}"] += 1
        for signature, outcome in zip(signatures_of(case, outcomes), [o for o in outcomes if o.bug], strict=True):
            self.bugs[signature] += 1
            if self.bugs[signature] == 1:  # a new kind of bug: in the log at once, not only at the end
                print(f"new bug {signature}: {outcome.summary()[:200]} <- {case.describe()[:200]}",
                      file=sys.stderr, flush=True)
            if len(self.failures[signature]) < self.keep:
                self.failures[signature].append((case, outcome))
        self.slowest = sorted([*self.slowest, (outcomes[0].seconds, case.describe()[:200])], reverse=True)[:10]

    def run(self, count: int, *, seed: int = 0, formats: tuple[str, ...] = ("txt", "docx", "pdf"),
            derandomize: bool = False, progress: int = 0, snapshot: Path | None = None) -> None:
        """Draw and run ``count`` cases (hypothesis generation only: no shrinking, no database); every
        ``progress`` cases, a line on stderr and (with ``snapshot``) the summary so far in that file, so
        an interrupted campaign still tells what it found."""
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="kehoach-campaign-") as tmp:
            work = Path(tmp)

            @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
                      suppress_health_check=list(HealthCheck), derandomize=derandomize)
            @given(case=cases(formats))
            def one(case: Case) -> None:
                self.record(case, work)
                if progress and self.done % progress == 0:
                    rate = self.done / (time.monotonic() - started)
                    print(f"{self.done} cases, {rate:.1f}/s, bugs {sum(self.bugs.values())}", file=sys.stderr,
                          flush=True)
                    if snapshot is not None:
                        self.seconds = time.monotonic() - started
                        snapshot.parent.mkdir(parents=True, exist_ok=True)
                        snapshot.write_text(json.dumps(self.summary(), ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")

            (one if derandomize else hypothesis_seed(seed)(one))()
        self.seconds = time.monotonic() - started

    def write(self, out: Path, *, minimise_budget: int = 20) -> None:
        """``out/summary.json``, then each kept failure as ``out/<signature>-<k>/`` (the input and
        note.json), minimised unless it is a timeout (each trial of one would cost the whole cap)."""
        out.mkdir(parents=True, exist_ok=True)
        (out / "summary.json").write_text(json.dumps(self.summary(), ensure_ascii=False, indent=1) + "\n",
                                          encoding="utf-8")
        with tempfile.TemporaryDirectory(prefix="kehoach-minimise-") as tmp:
            work = Path(tmp)
            for signature, found in self.failures.items():
                for k, (case, outcome) in enumerate(found, start=1):
                    def same(candidate: Case, want: str = signature) -> bool:
                        try:
                            again = run_case(self.server, candidate, work, ocr=self.ocr, cli=":kehoach" in want)
                        except Exception:
                            return False
                        return want in signatures_of(candidate, again)

                    budget = 0 if outcome.kind == "timeout" else minimise_budget
                    small = minimise(case, same, budget=budget) if budget else case
                    write_reproducer(out / f"{SLUG.sub('-', signature).strip('-')[:80]}-{k}", small, outcome,
                                     len(case.build()))

    def summary(self) -> dict[str, Any]:
        return {"cases": self.done, "seconds": round(self.seconds, 1),
                "cases_per_second": round(self.done / max(self.seconds, 1e-9), 2),
                "caps": {"seconds": self.server.seconds, "memory_mb": self.server.memory_mb, "ocr": self.ocr},
                "counts": dict(sorted(self.counts.items())), "bug_signatures": dict(self.bugs.most_common()),
                "slowest": self.slowest}

    def report(self) -> str:
        """The bugs found, one line per signature with an example: what a failing test shows."""
        lines = [f"{sum(self.bugs.values())} bugs in {self.done} cases:"]
        for signature, count in self.bugs.most_common():
            case, outcome = self.failures[signature][0]
            lines.append(f"  {count:4} × {signature}: {outcome.summary()[:200]} <- {case.describe()[:160]}")
        return "\n".join(lines)


def write_reproducer(folder: Path, case: Case, outcome: Outcome, original_size: int) -> None:
    """The case's input and ``note.json`` (class, exception, time, memory, message, recipe) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    data = case.build()
    (folder / case.name).write_bytes(data)
    note = {"class": outcome.kind, "signature": outcome.signature(), "exception": outcome.exception,
            "error_class": outcome.error_class, "message": outcome.message, "seconds": round(outcome.seconds, 3),
            "peak_mb": round(outcome.peak_mb, 1), "detail": outcome.detail[-2000:], "stderr": outcome.stderr[-1000:],
            "bytes": len(data), "bytes_before_minimising": original_size, "recipe": case.to_json()}
    (folder / "note.json").write_text(json.dumps(note, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
