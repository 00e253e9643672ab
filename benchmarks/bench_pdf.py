"""PDF reading speed and memory, measured in one run against pdfplumber on the same files.

usage: python benchmarks/bench_pdf.py [--repeat N] [--pages N]

Prints, for the text PDFs among the samples and the real plans (pages that need OCR left out):
- the median milliseconds per page of ``kehoach_parser.parse`` and of pdfplumber's own
  ``extract_text()`` + ``extract_tables()`` on each file, and their ratio (goal, issue 10: ≤ 0.2);
- the share of parse time spent outside the PDF library: one minus the time PDFium alone takes
  for the calls the reader makes (page and text page loaded, every character's box and origin,
  every page object visited), measured on the same file;
- the peak memory (resident set, in a fresh process) of parsing a generated PDF of ``--pages``
  pages (default 300; goal < 300 MB), made with pypdfium2 from the sample pages.
"""
from __future__ import annotations

import argparse
import ctypes
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_formats import _median_ms, raw_pdf  # noqa: E402  (the same timing and pdfplumber reference)


def pdfium_alone(data: bytes) -> None:
    """The PDFium calls the reader makes, without the reader's own work."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    document = pdfium.PdfDocument(data)
    rect = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    try:
        for index in range(len(document)):
            page = raw.FPDF_LoadPage(document.raw, index)
            text = raw.FPDFText_LoadPage(page)
            count = raw.FPDFText_CountChars(text)
            buffer = (ctypes.c_ushort * (count + 1))()
            raw.FPDFText_GetText(text, 0, count, buffer)
            for i in range(count):
                raw.FPDFText_GetLooseCharBox(text, i, rect)
                raw.FPDFText_GetCharOrigin(text, i, x, y)
            for k in range(raw.FPDFPage_CountObjects(page)):
                raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page, k))
            raw.FPDFText_ClosePage(text)
            raw.FPDF_ClosePage(page)
    finally:
        document.close()


def text_pdfs() -> list[Path]:
    """Sample and real PDFs whose pages have a usable text layer (no OCR in a speed benchmark)."""
    from kehoach_parser.api import parse_document

    out = []
    for path in sorted((ROOT / "samples").glob("*.pdf")) + sorted((ROOT / "tests/data/real").glob("*.pdf")):
        layout = parse_document(path, ocr="never").layout
        if not any(code in ("ocr_skipped", "ocr") for code, _ in layout.warnings):
            out.append(path)
    return out


def big_pdf(pages: int, folder: Path) -> Path:
    """A PDF of ``pages`` pages copied from the sample PDFs in turn (pypdfium2)."""
    import pypdfium2 as pdfium

    sources = [pdfium.PdfDocument(p) for p in sorted((ROOT / "samples").glob("*.pdf"))]
    out = pdfium.PdfDocument.new()
    k = 0
    while len(out) < pages:
        src = sources[k % len(sources)]
        take = min(len(src), pages - len(out))
        out.import_pages(src, list(range(take)))
        k += 1
    path = folder / f"big-{pages}.pdf"
    out.save(path)
    return path


PEAK = """
import resource, sys
sys.path.insert(0, {src!r})
from kehoach_parser import parse
plan = parse({path!r})
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, plan.source.pages)
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pages", type=int, default=300, help="pages of the generated PDF for the memory figure")
    args = ap.parse_args()

    import pypdfium2 as pdfium

    from kehoach_parser import parse

    ratios, outside = [], []
    print(f"{'file':44} {'pages':>5} {'parse ms/p':>10} {'pdfplumber':>10} {'ratio':>6} {'outside PDFium':>14}")
    for path in text_pdfs():
        data = path.read_bytes()
        pages = len(pdfium.PdfDocument(data))
        ours = _median_ms(lambda d=data, n=path.name: parse(d, name=n), args.repeat) / pages
        theirs = _median_ms(lambda d=data: raw_pdf(d), args.repeat) / pages
        library = _median_ms(lambda d=data: pdfium_alone(d), args.repeat) / pages
        ratios.append(ours / theirs)
        outside.append(max(0.0, 1 - library / ours))
        print(f"{path.name[:44]:44} {pages:5d} {ours:10.1f} {theirs:10.1f} {ours / theirs:6.2f} {outside[-1]:13.0%}")
    print(f"median ratio parse / pdfplumber: {statistics.median(ratios):.2f} (goal ≤ 0.20); "
          f"median share outside PDFium: {statistics.median(outside):.0%}")
    with tempfile.TemporaryDirectory() as folder:
        path = big_pdf(args.pages, Path(folder))
        run = subprocess.run([sys.executable, "-c", PEAK.format(src=str(ROOT / "src"), path=str(path))],
                             capture_output=True, text=True, timeout=1800)
        if run.returncode != 0:
            print("peak memory run failed:", run.stderr.strip()[-500:])
            return 1
        peak, pages = run.stdout.split()
        print(f"peak memory parsing a generated {pages}-page PDF: {float(peak):.0f} MB (goal < 300 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
