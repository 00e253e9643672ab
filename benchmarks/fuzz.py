"""A fuzz campaign against kehoach-parser (issue 7): generated and mutated plans, each parsed in a
capped child process, every failure written down as a minimised reproducer.

usage: python benchmarks/fuzz.py [--cases N] [--seconds S] [--memory-mb M] [--out DIR] [--seed K]
                                 [--formats txt,docx,pdf] [--cli-every N] [--ocr auto|never]
       python benchmarks/fuzz.py --hostile [--only ID,…]   # what every reproducer of issue 7 does today

Cases come from the hypothesis strategies and mutators of ``tests/fuzz/`` (text plans; .docx and
.pdf seeds from samples/ and tests/data/real/ mutated at the ZIP/XML and object/stream/xref
levels). Each runs ``kehoach_parser.parse()`` in a forked child with a time cap (``--seconds``) and
a memory cap (``--memory-mb``); every ``--cli-every``-th case also runs ``kehoach parse`` and
``kehoach check`` (a traceback on stderr is a bug). Outcomes: ok, error (a KehoachError with a
good message) and the bugs internal, exception, timeout, memory, crash, message, roundtrip,
traceback, stderr (see tests/fuzz/runner.py).

Writes to DIR: ``summary.json`` (counts per outcome, per failure signature, cases per second) and,
for the first ``--keep`` failures of each signature, ``<signature>-<k>/`` with the minimised
input and ``note.json`` (class, exception, seconds, MB, message, recipe). About 2.5 to 3.5 cases a
second per core; hypothesis's record of the cases drawn grows (some 3 GB after 10,000), so a night of
100,000 is ten runs of 10,000 with different seeds, two at a time on two cores:
``nice python benchmarks/fuzz.py --cases 10000 --seed K --out fuzz-out/K``.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fuzz.campaign import Campaign  # noqa: E402
from fuzz.runner import ForkServer  # noqa: E402


def campaign(args: argparse.Namespace) -> dict[str, Any]:
    with ForkServer(seconds=args.seconds, memory_mb=args.memory_mb) as server:
        run = Campaign(server, ocr=args.ocr, cli_every=args.cli_every, keep=args.keep)
        run.run(args.cases, seed=args.seed, formats=tuple(args.formats.split(",")), progress=args.progress,
                snapshot=Path(args.out or "fuzz-out") / "progress.json")
        run.write(Path(args.out or "fuzz-out"), minimise_budget=args.minimise_budget)
        print(run.report(), file=sys.stderr)
        return run.summary()


def hostile_table(args: argparse.Namespace) -> int:
    """Run every reproducer of tests/data/hostile/ (slow ones too) and print what it does."""
    from fuzz.hostile import MANIFEST, run_entry

    wanted = set(args.only.split(",")) if args.only else None
    rows = []
    with ForkServer() as server:
        for entry in MANIFEST:
            if wanted and entry["id"] not in wanted:
                continue
            with tempfile.TemporaryDirectory(prefix="kehoach-hostile-") as tmp:
                outcome, problems = run_entry(entry, server, Path(tmp))
            what = outcome.error_class or outcome.exception or outcome.detail or ""
            rows.append({"id": entry["id"], "group": entry["group"], "outcome": outcome.kind,
                         "seconds": round(outcome.seconds, 2), "peak_mb": round(outcome.peak_mb),
                         "handled": not problems, "what": what.splitlines()[0][:90] if what else "",
                         "problems": problems})
            print(f"{entry['id']:34} {entry['group']:9} {'handled' if not problems else 'FAILS':8} "
                  f"{outcome.kind:9} {outcome.seconds:6.2f} s {outcome.peak_mb:5.0f} MB  {rows[-1]['what']}",
                  flush=True)
    print(f"{sum(r['handled'] for r in rows)} of {len(rows)} handled")
    if args.out:
        Path(args.out).mkdir(parents=True, exist_ok=True)
        (Path(args.out) / "hostile.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n",
                                                     encoding="utf-8")
    return 0 if all(r["handled"] for r in rows) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=10.0, help="time cap per case (default 10)")
    parser.add_argument("--memory-mb", type=float, default=500.0, help="memory cap per case (default 500)")
    parser.add_argument("--out", help="folder for summary.json and reproducers (default fuzz-out; --hostile: "
                        "hostile.json, only when given)")
    parser.add_argument("--seed", type=int, default=0, help="hypothesis seed (a fresh campaign: a new seed)")
    parser.add_argument("--formats", default="txt,docx,pdf")
    parser.add_argument("--ocr", default="auto", choices=["auto", "never"], help="OCR policy of parse()")
    parser.add_argument("--cli-every", type=int, default=25, help="run the CLI on every N-th case (0: never)")
    parser.add_argument("--keep", type=int, default=3, help="reproducers kept per failure signature")
    parser.add_argument("--minimise-budget", type=int, default=20, help="trials to shrink each reproducer")
    parser.add_argument("--progress", type=int, default=100, help="print progress every N cases")
    parser.add_argument("--harness-memory-gb", type=float, default=8.0,
                        help="memory cap of this process, where cases are built (a recipe of mutations that "
                             "multiply may ask for gigabytes: it is counted as unbuildable; default 8)")
    parser.add_argument("--hostile", action="store_true", help="run the reproducers of tests/data/hostile instead")
    parser.add_argument("--only", help="with --hostile: these case ids (comma-separated)")
    args = parser.parse_args()
    if args.hostile:
        return hostile_table(args)
    cap = int(args.harness_memory_gb * 1024**3)
    resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
    summary = campaign(args)
    print(json.dumps({k: summary[k] for k in ("cases", "seconds", "cases_per_second", "counts", "bug_signatures")},
                     ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
