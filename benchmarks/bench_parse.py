"""Parse speed: median milliseconds per document for each bundled sample (in-process, warm).

usage: python benchmarks/bench_parse.py [--repeat N] [FILES…]
Goal (issue 2): under 50 ms median per sample. Also reports the import time of the package
and whether importing it pulled in underthesea (it must not).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def import_cost() -> tuple[float, bool]:
    code = ("import sys, time; t = time.perf_counter(); import kehoach_parser; "
            "print(time.perf_counter() - t, 'underthesea' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "src")}).stdout.split()
    return float(out[0]) * 1000, out[1] == "True"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    files = args.files or sorted((ROOT / "samples").glob("*.txt"))

    from kehoach_parser import parse

    ms, loaded = import_cost()
    print(f"import kehoach_parser: {ms:.0f} ms, underthesea imported: {loaded}")
    medians = []
    for path in files:
        data = path.read_bytes()
        parse(data, name=path.name)  # warm caches (compiled patterns, vocabulary)
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            parse(data, name=path.name)
            times.append((time.perf_counter() - t) * 1000)
        median = statistics.median(times)
        medians.append(median)
        print(f"{path.name:<32} {len(data) / 1024:6.1f} KiB  median {median:6.1f} ms  (min {min(times):.1f})")
    print(f"median over samples: {statistics.median(medians):.1f} ms per document (goal < 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
