"""Batch conversion of a folder of 1,000 files (issue 11, "Done when").

usage: python benchmarks/bench_batch.py [--files 1000] [--bad 30] [--scanned 1] [--speedup-files N] [--keep DIR]

Builds the folder: the samples (.txt, .docx, .pdf) and the real plans of tests/data/real cycled under
nested folders and other names (the same stem with several suffixes in one folder, upper-case
suffixes, Word and PDF files without a suffix), each scanned PDF ``--scanned`` times, and ``--bad``
bad files (empty, binary, truncated PDF and Word files, legacy .doc, RTF, a ZIP that is not Word …).
Then runs ``kehoach parse DIR -o OUT -j 2 --report``, again with ``--skip-existing``, and with ``-j 1``,
and prints:

- every good input has its own output, every bad one is in the report and the summary, exit 1;
- the speed-up of -j 2 over -j 1 (goal >= 1.7x), with the machine's load: the CPU the other
  processes of the machine used meanwhile (this benchmark measures on a shared machine);
- the --skip-existing run as a share of the first (goal < 10 %);
- peak memory (PSS of the whole process tree) over the first 200 files and over all of them (flat);
- files per second per core, for the README's "when one machine is enough".
"""
from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from itertools import cycle
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
REAL = ROOT / "tests" / "data" / "real"
DONE_LINE = re.compile(r"^kehoach: (ok|failed|timeout|skipped): ")
ERROR_LINE = "kehoach: error: "
SUMMARY = re.compile(r"^(\d+) converted, (\d+) failed.*?, (\d+) with warnings, (\d+) skipped in ([\d.]+) s")
MEMORY_MARK = 200  # files: peak memory up to here against peak over the whole run
OCR_SKIPPED = "ocr_skipped"  # the warning of a PDF page that OCR would read, with --ocr never


def bad_files() -> dict[str, bytes]:
    """Inputs every reader must refuse with a one-line error (name -> bytes)."""
    docx = (SAMPLES / "000_0c822c35986a4cc7.docx").read_bytes()
    pdf = (SAMPLES / "001_6e5ee923b4ec1700.pdf").read_bytes()
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("hello.txt", "x")
    return {"empty.txt": b"", "spaces.txt": b"  \n\n ", "binary.txt": bytes(range(256)) * 8,
            "cut.pdf": pdf[:3000], "cut.docx": docx[:2000],
            "legacy.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "letter.txt": b"{\\rtf1\\ansi hello}", "archive.docx": archive.getvalue(),
            "noise.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 20}


def needs_ocr(path: Path) -> bool:
    """A scanned page or a garbled text layer: read by OCR (tens of seconds a file)."""
    from kehoach_parser import KehoachError, parse

    try:
        return any(w.code == OCR_SKIPPED for w in parse(path, ocr="never").warnings)
    except KehoachError:
        return False


def good_sources() -> tuple[list[Path], list[Path]]:
    """(plans that are quick to parse, plans that need OCR), from samples/ and tests/data/real/."""
    found = [p for folder in (SAMPLES, SAMPLES / "scanned", REAL) for p in sorted(folder.iterdir())
             if p.is_file() and p.suffix in (".txt", ".docx", ".pdf")]
    slow = [p for p in found if p.suffix == ".pdf" and needs_ocr(p)]
    return [p for p in found if p not in slow], slow


def build(folder: Path, files: int, bad: int, scanned_copies: int) -> tuple[set[str], set[str]]:
    """Write the test folder; (good input paths, bad input paths) relative to ``folder``."""
    plain, scanned = good_sources()
    good: set[str] = set()
    bad_paths: set[str] = set()
    names = cycle(["{stem}{ext}", "kehoach{ext}", "{stem}{upper}", "kh-{n}{ext}", "{stem}{ext}"])
    sources = [*(s for s in scanned for _ in range(scanned_copies)), *plain]
    n = 0
    while len(good) < files - bad:
        for source in sources if n == 0 else plain:
            if len(good) >= files - bad:
                break
            n += 1
            sub = Path(f"office-{n % 7}", f"{2024 + n % 3}", f"batch-{n % 11}")
            name = next(names).format(stem=source.stem, ext=source.suffix, upper=source.suffix.upper(), n=n)
            if n % 29 == 0 and source.suffix in (".pdf", ".docx"):
                name = f"no-suffix-{n}"  # found by content
            relative = (sub / name).as_posix()
            if relative in good:
                relative = (sub / f"dup-{n}-{name}").as_posix()
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            good.add(relative)
    for i, (name, data) in zip(range(bad), cycle(bad_files().items())):
        relative = f"office-{i % 7}/bad/{i}-{name}"
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
        bad_paths.add(relative)
    return good, bad_paths


@dataclass
class Run:
    code: int
    seconds: float
    cpu_seconds: float  # of the whole process tree (parent, fork server, workers; sampled every 0.25 s)
    others_cores: float  # the CPU other processes of the machine used meanwhile, in cores
    load: tuple[float, float]  # load average before and after
    peak_early: int = 0  # bytes of PSS, first MEMORY_MARK files
    peak_all: int = 0
    done: int = 0
    summary: str = ""
    errors: list[str] = field(default_factory=list)


class TreeWatch:
    """The process tree of one run (parent, fork server, workers that come and go): its memory now,
    and the CPU seconds each process has used, kept after the process has gone."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.cpu: dict[tuple[int, float], float] = {}

    def sample(self) -> int:
        """Sum of PSS (shared pages counted once) over the tree, in bytes; CPU seconds noted."""
        total = 0
        for proc in [self.root, *self.root.children(recursive=True)]:
            try:
                with proc.oneshot():
                    times = proc.cpu_times()
                    self.cpu[(proc.pid, proc.create_time())] = times.user + times.system
                    total += proc.memory_full_info().pss
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                pass
        return total

    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())


def run(args: list[str], env: dict[str, str]) -> Run:
    """Run ``kehoach`` with ``args``; time, CPU, the machine's other load, memory over files done."""
    busy_before = psutil.cpu_times()
    load_before = os.getloadavg()[0]
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "kehoach_parser", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
    result = Run(0, 0, 0, 0, (load_before, 0))
    lines: list[str] = []

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line.rstrip("\n"))
            if DONE_LINE.match(line):
                result.done += 1

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    watch = TreeWatch(proc.pid)
    while proc.poll() is None:
        try:
            pss = watch.sample()
        except psutil.NoSuchProcess:
            break
        result.peak_all = max(result.peak_all, pss)
        if result.done <= MEMORY_MARK:
            result.peak_early = max(result.peak_early, pss)
        time.sleep(0.25)
    result.code = proc.wait()
    reader.join()
    result.seconds = time.monotonic() - started
    busy_after = psutil.cpu_times()
    ours = watch.cpu_seconds()
    busy = sum(getattr(busy_after, f) - getattr(busy_before, f) for f in ("user", "system", "nice", "irq", "softirq"))
    result.cpu_seconds = ours
    result.others_cores = max(0.0, (busy - ours) / result.seconds)
    result.load = (load_before, os.getloadavg()[0])
    result.summary = next((line for line in reversed(lines) if SUMMARY.match(line)), "")
    result.errors = [line for line in lines if line.startswith(ERROR_LINE)]
    return result


def check_outputs(folder: Path, out: Path, report: Path, good: set[str], bad: set[str]) -> list[str]:
    """What is wrong with a run's outputs and report (empty: all as it should be)."""
    problems = []
    lines = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    by_input = {Path(r["path"]).relative_to(folder).as_posix(): r for r in lines}
    if set(by_input) != good | bad:
        problems.append(f"report has {len(by_input)} inputs, expected {len(good | bad)}")
    outputs = [r["output"] for r in lines if r["output"]]
    if len(set(outputs)) != len(outputs):
        problems.append("two inputs share an output")
    for path in good:
        record = by_input.get(path)
        if record is None or record["status"] not in ("ok", "skipped") or not Path(record["output"]).is_file():
            problems.append(f"good input without its own output: {path} ({record and record['error']})")
    for path in bad:
        record = by_input.get(path)
        if record is None or record["status"] != "failed" or not record["error"]:
            problems.append(f"bad input not reported as failed: {path}")
    on_disk = sum(1 for _ in out.rglob("*.json"))
    if on_disk != len(good):
        problems.append(f"{on_disk} JSON files on disk for {len(good)} good inputs")
    if list(out.rglob("*.tmp")):
        problems.append("temporary files left behind")
    return problems[:10]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--bad", type=int, default=30)
    ap.add_argument("--scanned", type=int, default=1,
                    help="copies of each plan that needs OCR (scanned, garbled text layer: ~20-40 s each)")
    ap.add_argument("--timeout", type=float, default=600,
                    help="per-file budget of the runs (the default 120 s is tight for OCR on a busy machine)")
    ap.add_argument("--speedup-files", type=int, default=0,
                    help="measure -j 1 against -j 2 on this many files only (default: the whole folder)")
    ap.add_argument("--keep", type=Path, help="build the folder and outputs here and keep them")
    args = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    base = args.keep or Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        folder = base / "in"
        shutil.rmtree(base / "out-j2", ignore_errors=True)
        shutil.rmtree(base / "out-j1", ignore_errors=True)
        if not folder.exists():
            good, bad = build(folder, args.files, args.bad, args.scanned)
        else:
            raise SystemExit(f"{folder} exists: remove it or choose another --keep")
        print(f"folder: {len(good) + len(bad)} files ({len(good)} good, {len(bad)} bad) in {folder}")
        out2, report2 = base / "out-j2", base / "report-j2.jsonl"
        budget = ["--timeout", str(args.timeout)]
        first = run(["parse", str(folder), "-o", str(out2), "-j", "2", "-v", "--report", str(report2), *budget], env)
        problems = check_outputs(folder, out2, report2, good, bad)
        failed = int(SUMMARY.match(first.summary).group(2)) if SUMMARY.match(first.summary) else -1
        print(f"-j 2: {first.seconds:.1f} s, exit {first.code} (expected 1), summary: {first.summary}")
        print(f"  every good input has its own output, every bad one in the report: "
              f"{'yes' if not problems else 'NO: ' + '; '.join(problems)}")
        print(f"  failed in the summary: {failed} (bad files: {len(bad)}); error lines: {len(first.errors)}")
        again = run(["parse", str(folder), "-o", str(out2), "-j", "2", "--skip-existing", "--report",
                     str(base / "report-skip.jsonl"), *budget], env)
        print(f"--skip-existing: {again.seconds:.2f} s = {100 * again.seconds / first.seconds:.1f} % of the first run "
              f"(goal < 10 %); summary: {again.summary}")
        print(f"peak memory (PSS of the process tree): {first.peak_early / 2**20:.0f} MiB over the first "
              f"{MEMORY_MARK} files, {first.peak_all / 2**20:.0f} MiB over all {first.done} "
              f"(ratio {first.peak_all / max(1, first.peak_early):.2f})")
        target = folder
        if args.speedup_files:
            target = base / "subset"
            picked = sorted(good | bad)[: args.speedup_files]
            for relative in picked:
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(folder / relative, target / relative)
            two = run(["parse", str(target), "-o", str(base / "out-sub-j2"), "-j", "2", *budget], env)
        else:
            two = first
        one = run(["parse", str(target), "-o", str(base / "out-j1"), "-j", "1", *budget], env)
        print(f"-j 1: {one.seconds:.1f} s ({one.cpu_seconds:.0f} CPU s), -j 2: {two.seconds:.1f} s "
              f"({two.cpu_seconds:.0f} CPU s): speed-up {one.seconds / two.seconds:.2f}x (goal >= 1.7x)")
        print(f"  machine: {psutil.cpu_count()} cores; other processes used {one.others_cores:.2f} cores during -j 1 "
              f"and {two.others_cores:.2f} during -j 2 (load average {one.load[0]:.1f}->{one.load[1]:.1f}, "
              f"{two.load[0]:.1f}->{two.load[1]:.1f})")
        available = max(0.5, min(2.0, psutil.cpu_count() - two.others_cores))
        print(f"  CPU-time ratio -j 1 / -j 2: {one.cpu_seconds / max(two.cpu_seconds, 1e-9):.2f} "
              f"(parallel overhead); cores left to -j 2 by the others: {available:.2f}")
        files = len(good) + len(bad)
        print(f"throughput: {files / one.seconds:.1f} files/s on one core, {files / two.seconds:.1f} files/s with -j 2 "
              f"({files / two.seconds / 2:.1f} per core)")
        return 0 if not problems and first.code == 1 and failed == len(bad) else 1
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
