"""``kehoach check`` wall time on one plan: a fresh process from start to finish, as CI and
pre-commit run it (interpreter start, imports, reading, parsing, all rules, output).

usage: python benchmarks/bench_check.py [--repeat N] [FILE…]
Goal (issue 4): under 1 s per .txt plan. Also reports the in-process time of the rules alone.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def wall_times(path: Path, repeat: int) -> list[float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kehoach_parser", "check", "--format", "json", str(path)],
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        out.append(time.perf_counter() - t)
    return out


def rule_times(path: Path, repeat: int) -> list[float]:
    from kehoach_parser.api import parse_document
    from kehoach_parser.check import check_document

    doc = parse_document(path)
    check_document(doc, str(path))  # warm caches
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        check_document(parse_document(path), str(path))
        out.append(time.perf_counter() - t)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = args.files or sorted((ROOT / "samples").glob("*.txt"))
    worst = 0.0
    for path in files:
        wall = statistics.median(wall_times(path, args.repeat))
        inproc = statistics.median(rule_times(path, args.repeat))
        worst = max(worst, wall)
        print(f"{path.name:<32} kehoach check: median {wall * 1000:6.0f} ms wall  "
              f"(parse + rules in process {inproc * 1000:5.0f} ms)")
    print(f"slowest median: {worst * 1000:.0f} ms per file (goal < 1000 ms): {'ok' if worst < 1 else 'TOO SLOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
