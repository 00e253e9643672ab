"""``kehoach check`` time: on a 40-page PDF plan (built from the sample PDFs), on each sample, and on a long
text with a finding on every line (issue 7: lookups by index, not per-finding scans).

usage: python benchmarks/bench_check.py [--repeat N] [--pages N]

For each input it prints the wall time of one ``kehoach check`` process (interpreter start, imports,
reading, parsing, the facts, every rule, output, as CI and pre-commit run it; the median of
``--repeat`` runs), the in-process time of parsing and of the rules alone, and, as the reference
measured in the same run, pdfplumber's own text extraction of the PDF. Goals: the 40-page PDF under
2 s; the rules alone a fraction of the parse.

``kehoach check`` reads a long PDF's pages in up to four processes (no more than the cores it may
use); the PDF's wall time is also measured on one core, where the pages are read one after the other.
The package's modules are compiled to bytecode first, as ``pip install`` leaves them (an environment
with PYTHONDONTWRITEBYTECODE would otherwise compile every module again in every process).
"""
from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
GOAL_SECONDS = 2.0
from kehoach_parser.check.cli import PAGE_WORKERS  # noqa: E402


def median_time(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def wall(path: Path, *, one_core: bool = False) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cores = sorted(os.sched_getaffinity(0))[:1] if one_core else None
    subprocess.run([sys.executable, "-m", "kehoach_parser", "check", "--format", "json", str(path)],
                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   preexec_fn=(lambda: os.sched_setaffinity(0, cores)) if cores else None)


def forty_pages(target: Path, pages: int) -> Path:
    """A PDF of ``pages`` pages: the sample PDFs one after the other (a long plan with several annexes)."""
    import pypdfium2

    out = pypdfium2.PdfDocument.new()
    for source in sorted((ROOT / "samples").glob("*.pdf")):
        pdf = pypdfium2.PdfDocument(str(source))
        take = min(len(pdf), pages - len(out))
        out.import_pages(pdf, list(range(take)))
        if len(out) >= pages:
            break
    out.save(str(target))
    return target


def long_text(target: Path) -> Path:
    """~70 KB: the valid plan with 1,500 body lines that each hold a tone typo (1,500 findings)."""
    from kehoach_parser.check.examples import valid_plan

    body = "".join(f"- Tổ chức tuyên truyền, chuyên đổi số đợt {i}.\n" for i in range(1500))
    target.write_text(valid_plan().replace("Nâng cao hiệu quả chuyển đổi số trên địa bàn phường.\n", body),
                      encoding="utf-8")
    return target


def measure(path: Path, repeat: int) -> tuple[float, float, float]:
    """(wall of one process, parse in process, rules in process), medians."""
    from kehoach_parser.api import parse_document
    from kehoach_parser.check import check_document

    check_document(parse_document(path), str(path))  # warm the caches (vocabulary, lexicon, patterns)
    parse = median_time(lambda: parse_document(path), repeat)
    docs = [parse_document(path) for _ in range(repeat)]
    rules = median_time(lambda: check_document(docs.pop(), str(path)), repeat)
    return median_time(lambda: wall(path), repeat), parse, rules


def pdfplumber_reference(path: Path, repeat: int) -> float:
    import pdfplumber

    def extract() -> None:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                page.extract_text()

    return median_time(extract, repeat)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--samples", action="store_true", help="also time each sample .txt")
    args = ap.parse_args()
    compileall.compile_dir(ROOT / "src", quiet=1)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        pdf = forty_pages(Path(tmp) / "ke-hoach-40-trang.pdf", args.pages)
        total, parse, rules = measure(pdf, args.repeat)
        single = median_time(lambda: wall(pdf, one_core=True), args.repeat)
        reference = pdfplumber_reference(pdf, args.repeat)
        ok = total < GOAL_SECONDS
        cores = min(len(os.sched_getaffinity(0)), PAGE_WORKERS)
        print(f"{args.pages}-page PDF: kehoach check {total:.2f} s wall with {cores} core(s) (goal < "
              f"{GOAL_SECONDS:.0f} s: {'ok' if ok else 'TOO SLOW'}), {single:.2f} s on one core; in process: "
              f"parse {parse:.2f} s (one process), rules {rules:.2f} s (rules/parse {rules / parse:.2f}); "
              f"pdfplumber's own text extraction {reference:.2f} s (check/pdfplumber {total / reference:.2f})")
        text = long_text(Path(tmp) / "ke-hoach-dai.txt")
        total, parse, rules = measure(text, args.repeat)
        size = text.stat().st_size / 1024
        print(f"{size:.0f} KB text, 1,500 findings: kehoach check {total:.2f} s wall; parse {parse:.2f} s, "
              f"rules {rules:.2f} s (rules/parse {rules / parse:.2f})")
    if args.samples:
        for path in sorted((ROOT / "samples").glob("*.txt")):
            total, parse, rules = measure(path, args.repeat)
            print(f"{path.name:<32} kehoach check {total * 1000:6.0f} ms wall; parse {parse * 1000:5.0f} ms, "
                  f"rules {rules * 1000:5.0f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
