"""Does parse and check time grow linearly with the input? (issue 7, item 2)

usage: python benchmarks/bench_scaling.py [--sizes 10K,100K,1M,10M] [--shapes paragraph,lines,table,tasks]
                                          [--cap SECONDS] [--memory-mb MB]

Four shapes of plan, each generated at every size (a small complete plan around a body that fills it):
``paragraph`` (one long paragraph on one line, with a citation every few hundred characters),
``lines`` (many short hard-wrapped lines that join into paragraphs), ``table`` (an annex table:
50,000 rows at 6 MB) and ``tasks`` (numbered body tasks with lead and deadline lines: 15,000 at
2 MB). Each run is one ``parse()`` and one ``kehoach check`` (parse, rules and JSON output) in a
capped child (tests/fuzz/runner.py); the time is the child's own, without process start, less the
time of the small plan alone measured in the same run (the fixed cost of one file), so the figure
is the cost of the body. Printed: seconds per 100 KB for each shape and size, and the ratio of the
largest size's figure to the smallest's (goal: at most 1.5×). A run past ``--cap`` is reported as
"> cap" and the larger sizes of that shape are not tried (a quadratic stage would only take
longer), so the script ends in reasonable time while the code is still quadratic.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fuzz.runner import ForkServer  # noqa: E402
from fuzz.strategies import PLAN_TEXT  # noqa: E402

KB = 1000
UNITS = {"K": KB, "M": KB * KB}
GOAL = 1.5
HEAD, TAIL = PLAN_TEXT.split("II. NHIỆM VỤ")  # the body goes between the objectives and the tasks


def _fill(unit: Callable[[int], str], size: int) -> str:
    """Units ``unit(0), unit(1) …`` until the body reaches ``size`` bytes."""
    parts: list[str] = []
    total = 0
    index = 0
    while total < size:
        part = unit(index)
        parts.append(part)
        total += len(part.encode("utf-8"))
        index += 1
    return "".join(parts)


def paragraph(size: int) -> str:
    sentence = ("Đẩy mạnh ứng dụng công nghệ thông tin và phát huy chuyển đổi số để nâng cao hiệu lực, hiệu quả "
                "hoạt động của chính quyền các cấp; ")
    citation = "thực hiện Kế hoạch số {n}/KH-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh; "
    body = _fill(lambda i: citation.format(n=i + 1) if i % 4 == 3 else sentence, size)
    return HEAD + body + "\nII. NHIỆM VỤ" + TAIL


def lines(size: int) -> str:
    line = "các cơ quan, đơn vị triển khai thực hiện nhiệm vụ chuyển đổi số\n"
    return HEAD + "Nội dung:\n" + _fill(lambda i: line if i % 40 != 39 else "trên địa bàn.\n\n", size) + \
        "II. NHIỆM VỤ" + TAIL


def table(size: int) -> str:
    row = "| {n} | Số hoá hồ sơ thủ tục hành chính nhóm {n} | Văn phòng HĐND và UBND | Công an | Quý II/2026 |\n"
    plan, annex = PLAN_TEXT.split("| 1 |")[0], PLAN_TEXT.split("| STT |")[1]
    head = "| STT |" + annex.split("\n")[0] + "\n|---|---|---|---|---|\n"
    return plan.split("| STT |")[0] + head + _fill(lambda i: row.format(n=i + 1), size)


def tasks(size: int) -> str:
    task = ("{n}. Triển khai nhiệm vụ chuyển đổi số số {n} tại các tổ dân phố\n- Cơ quan chủ trì: Văn phòng HĐND và "
            "UBND phường\n- Thời gian hoàn thành: Quý II/2026\n")
    return HEAD + "II. NHIỆM VỤ\n" + _fill(lambda i: task.format(n=i + 1), size) + TAIL.split("\n", 1)[1]


SHAPES: dict[str, Callable[[int], str]] = {"paragraph": paragraph, "lines": lines, "table": table, "tasks": tasks}


def parse_size(text: str) -> int:
    text = text.strip().upper()
    return int(float(text[:-1]) * UNITS[text[-1]]) if text[-1] in UNITS else int(text)


def measure(server: ForkServer, path: Path, command: str, repeats: int) -> tuple[float | None, float, str]:
    """(median seconds, peak MB, outcome kind) of ``repeats`` runs of parse() or kehoach check."""
    times: list[float] = []
    peak = 0.0
    for _ in range(repeats):
        if command == "parse":
            report = server.request({"mode": "parse", "path": str(path), "ocr": "never"})
        else:
            report = server.request({"mode": "cli", "argv": ["check", "--format", "json", str(path)],
                                     "cwd": str(path.parent)})
        peak = max(peak, report.get("peak_mb", 0.0))
        if report["status"] not in ("ok", "error", "exit"):
            return None, peak, "> cap" if report["status"] == "killed" else report["status"]
        times.append(report.get("parse_seconds", report["seconds"]))
    return statistics.median(times), peak, "ok"


def ratio_text(figures: list[float | None], sizes: list[int]) -> str:
    """"largest/smallest 1.20× (ok ≤ 1.5×); largest/100K 1.10×": the growth of the cost per 100 KB. At
    10 KB the body costs a few milliseconds beside the fixed cost, so the second ratio, from the
    second size, is the steadier one."""
    last = figures[-1]
    parts = []
    for index in range(min(2, len(figures) - 1)):
        first = figures[index]
        label = "smallest" if index == 0 else f"{sizes[index] // KB}K"
        if first is None or last is None:
            parts.append(f"largest/{label} > cap")
        elif first <= 0:
            parts.append(f"largest/{label} n/a (too small to time)")
        else:
            ratio = last / first
            parts.append(f"largest/{label} {ratio:.2f}× ({'ok' if ratio <= GOAL else 'over the goal'} ≤ {GOAL}×)")
    return "; ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10K,100K,1M,10M")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--cap", type=float, default=120.0, help="seconds per run (default 120)")
    parser.add_argument("--memory-mb", type=float, default=4000.0, help="memory cap per run (default 4000)")
    args = parser.parse_args()
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    verdicts = []
    with ForkServer(seconds=args.cap, memory_mb=args.memory_mb) as server, \
            tempfile.TemporaryDirectory(prefix="kehoach-scaling-") as tmp:
        base_path = Path(tmp) / "base.txt"
        base_path.write_text(PLAN_TEXT, encoding="utf-8")
        base = {command: measure(server, base_path, command, 7)[0] or 0.0 for command in ("parse", "check")}
        base_size = len(PLAN_TEXT.encode("utf-8"))
        print(f"(fixed cost of one file, subtracted: parse {base['parse'] * 1000:.1f} ms, "
              f"check {base['check'] * 1000:.1f} ms)")
        print(f"{'shape':10} {'size':>8} {'parse s/100KB':>14} {'check s/100KB':>14} {'parse MB':>9} {'check MB':>9}")
        for shape in args.shapes.split(","):
            per: dict[str, list[float | None]] = {"parse": [], "check": []}
            for size in sizes:
                path = Path(tmp) / f"{shape}-{size}.txt"
                data = SHAPES[shape](size).encode("utf-8")
                path.write_bytes(data)
                hundreds = (len(data) - base_size) / (100 * KB)
                repeats = 9 if len(data) < 200 * KB else 1
                cells = []
                peaks = []
                for command in ("parse", "check"):
                    if per[command] and per[command][-1] is None:  # past the cap at a smaller size
                        per[command].append(None)
                        cells.append("> cap")
                        peaks.append("")
                        continue
                    seconds, peak, kind = measure(server, path, command, repeats)
                    cost = None if seconds is None else max(seconds - base[command], 0.0) / hundreds
                    per[command].append(cost)
                    cells.append(f"{cost:.4f}" if cost is not None else kind)
                    peaks.append(f"{peak:.0f}")
                path.unlink()
                print(f"{shape:10} {len(data) / KB:7.0f}K {cells[0]:>14} {cells[1]:>14} {peaks[0]:>9} {peaks[1]:>9}",
                      flush=True)
            for command, figures in per.items():
                verdicts.append(f"{shape:10} {command}: " + ratio_text(figures, sizes))
    print()
    print("\n".join(verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
