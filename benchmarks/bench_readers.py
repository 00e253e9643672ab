"""Text and Word reader time per 100 KB of input, from 10 KB to 10 MB (issue 7: linear time).

usage: python benchmarks/bench_readers.py [--max-mb 10] [--repeat 3]

For each shape of input (text: plan lines, one long paragraph, a pipe table; Word: paragraphs, one
long table, numbered paragraphs in cells) prints the median milliseconds per 100 KB of the reader
(bytes -> layout) at each size, and the ratio of the largest size's figure to the smallest's: a
linear reader stays near 1 (goal: within 1.5). Word sizes are those of word/document.xml. Also
prints the peak memory (tracemalloc) of the largest Word input, against its size.
"""
from __future__ import annotations

import argparse
import io
import sys
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_formats import _median_ms  # noqa: E402
from kehoach_parser.limits import Limits  # noqa: E402
from kehoach_parser.readers import read_layout  # noqa: E402
from kehoach_parser.readers.options import ReadOptions  # noqa: E402

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LINE = "- Tổ chức triển khai chuyển đổi số tại các cơ quan, đơn vị; hoàn thành trước ngày 30/6/2026."
# budgets opened wide: the benchmark measures time, not the defaults' refusals
LIMITS = Limits(max_layout_blocks=10**8, table_max_rows=10**8, xml_max_elements=10**9, docx_max_ratio=10**6,
                max_input_bytes=2**34)


def read(data: bytes, fmt: str) -> object:
    """One read with its own deadline (a ReadOptions holds the clock of the file it was made for)."""
    return read_layout(data, name=f"x.{fmt}", fmt=fmt, options=ReadOptions(limits=LIMITS))


def repeat_to(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit.encode()))


def text_shapes(size: int) -> dict[str, bytes]:
    return {
        "text: plan lines": repeat_to(LINE + "\n", size).encode(),
        "text: one paragraph": repeat_to(LINE[2:] + " ", size).encode(),
        "text: pipe table": repeat_to("| 1 | Rà soát thủ tục hành chính | Sở Nội vụ | Quý II/2026 |\n", size).encode(),
    }


def _package(body: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}</w:body></w:document>")
    return buffer.getvalue()


def docx_shapes(size: int) -> dict[str, bytes]:
    paragraph = f'<w:p><w:pPr><w:spacing w:after="120"/></w:pPr><w:r><w:t>{LINE}</w:t></w:r></w:p>'
    cell = '<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    row = "<w:tr>" + "".join(cell.format(text) for text in ("1", "Rà soát thủ tục", "Sở Nội vụ", "Quý II")) + "</w:tr>"
    merged = ('<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Sở Nội vụ</w:t></w:r></w:p>'
              '</w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Rà soát</w:t></w:r></w:p>'
              "</w:tc></w:tr>")
    return {
        "docx: paragraphs": _package(repeat_to(paragraph, size)),
        "docx: one table": _package("<w:tbl><w:tblGrid>" + '<w:gridCol w:w="1"/>' * 4 + "</w:tblGrid>"
                                    + repeat_to(row, size) + "</w:tbl>"),
        "docx: merged rows": _package("<w:tbl><w:tblGrid>" + '<w:gridCol w:w="1"/>' * 3 + "</w:tblGrid>"
                                      + repeat_to(merged, size) + "</w:tbl>"),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max-mb", type=float, default=10.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sizes = [s for s in (10_000, 100_000, 1_000_000, 10_000_000) if s <= args.max_mb * 1_000_000]
    rows: dict[str, list[float]] = {}
    for size in sizes:
        for shapes in (text_shapes(size), docx_shapes(size)):
            for name, data in shapes.items():
                fmt = "docx" if name.startswith("docx") else "txt"
                per_100k = _median_ms(lambda d=data, f=fmt: read(d, f), args.repeat if size < 5_000_000 else 1) \
                    / (size / 100_000)
                rows.setdefault(name, []).append(per_100k)
    print(f"{'ms per 100 KB':22s}" + "".join(f"{s // 1000:>9,} KB" for s in sizes) + "   ratio")
    for name, figures in rows.items():
        print(f"{name:22s}" + "".join(f"{f:12.2f}" for f in figures) + f"   {figures[-1] / figures[0]:5.2f}")
    largest = docx_shapes(sizes[-1])["docx: one table"]
    tracemalloc.start()
    layout = read_layout(largest, name="x.docx", options=ReadOptions(limits=LIMITS))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rows_read = sum(len(b.rows) for b in layout.blocks if hasattr(b, "rows"))
    print(f"peak Python memory reading a {sizes[-1] / 1e6:g} MB document.xml table ({rows_read:,} rows): "
          f"{peak / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
