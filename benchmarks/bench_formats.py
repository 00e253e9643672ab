"""Parse speed per format against the raw cost of the library underneath, on the same files.

usage: python benchmarks/bench_formats.py [--repeat N] [--scanned]

For each format (txt, docx, pdf; the scanned PDF with --scanned) prints the median milliseconds per
document and per page of ``kehoach_parser.parse``, and of the library alone:
- docx: python-docx opening the file and iterating its paragraphs and tables (cell texts);
- pdf: pdfplumber opening the file and running ``extract_text()`` and ``extract_tables()`` per page.
Goal (issue 3): the parser's PDF time within 1.5x of pdfplumber's own extraction time. A .docx has
no pages until it is laid out: its per-page figure uses the page count of the PDF made from it.
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def raw_docx(data: bytes) -> None:
    import docx

    document = docx.Document(io.BytesIO(data))
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)


def raw_pdf(data: bytes) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()


def pages_of(path: Path) -> int:
    import pdfplumber

    pdf_path = path.with_suffix(".pdf")
    if not pdf_path.is_file():
        return 1
    with pdfplumber.open(pdf_path) as pdf:
        return len(pdf.pages)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--scanned", action="store_true", help="also time the scanned PDF (OCR: slow)")
    args = ap.parse_args()

    from kehoach_parser import parse

    samples = ROOT / "samples"
    groups = {"txt": sorted(samples.glob("*.txt")), "docx": sorted(samples.glob("*.docx")),
              "pdf": sorted(samples.glob("*.pdf"))}
    if args.scanned:
        groups["scanned"] = sorted((samples / "scanned").glob("*.pdf"))
    raw = {"docx": raw_docx, "pdf": raw_pdf}
    print(f"{'format':<8} {'docs':>4} {'pages':>5} {'parser ms/doc':>14} {'ms/page':>8} "
          f"{'library ms/doc':>15} {'ms/page':>8} {'ratio':>6}")
    worst = 0.0
    for fmt, files in groups.items():
        if not files:
            continue
        repeat = 1 if fmt == "scanned" else args.repeat
        parser_ms, library_ms, page_counts = [], [], []
        for path in files:
            data = path.read_bytes()
            pages = pages_of(path) if fmt in ("txt", "docx") else None
            parser_ms.append(_median_ms(lambda data=data, path=path: parse(data, name=path.name), repeat))
            if pages is None:
                import pdfplumber

                with pdfplumber.open(path) as pdf:
                    pages = len(pdf.pages)
            page_counts.append(pages)
            if fmt in raw:
                library_ms.append(_median_ms(lambda fmt=fmt, data=data: raw[fmt](data), repeat))
        doc = statistics.median(parser_ms)
        per_page = statistics.median(ms / n for ms, n in zip(parser_ms, page_counts, strict=False))
        line = f"{fmt:<8} {len(files):>4} {sum(page_counts):>5} {doc:>14.1f} {per_page:>8.1f}"
        if library_ms:
            lib = statistics.median(library_ms)
            lib_page = statistics.median(ms / n for ms, n in zip(library_ms, page_counts, strict=False))
            ratio = statistics.median(p / q for p, q in zip(parser_ms, library_ms, strict=False))
            line += f" {lib:>15.1f} {lib_page:>8.1f} {ratio:>5.2f}x"
            if fmt == "pdf":
                worst = ratio
        print(line)
    if worst:
        verdict = "within" if worst <= 1.5 else "OVER"
        print(f"PDF: parser / pdfplumber extraction = {worst:.2f}x ({verdict} the 1.5x goal)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
