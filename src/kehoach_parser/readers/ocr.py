"""OCR of PDF pages without a text layer: Tesseract's Vietnamese model -> positioned words and
the table cells found from the ruling lines drawn on the page image.

A page is rendered with PDFium (the document the reader already has open), at 300 dpi or less
when the page is so large that the bitmap would pass ``Limits.ocr_max_pixels``. Its skew is
measured (the small rotation whose rows of ink are sharpest) and, on the straightened image, long
horizontal and vertical runs of dark pixels are taken as ruling lines, which :mod:`.rules` turns
into table cells as it does for a text page's ruling lines. The ``tesseract`` binary reads the
page as rendered (resampling blurs
the accents; TSV output) and the words are moved into the straightened frame; each word takes the
height of its Tesseract text line so that the words of one line line up. Everything comes back in
PDF points, top-left origin, like pdfplumber's words, and goes through the same layout path.
Tesseract runs single-threaded (OMP_THREAD_LIMIT=1): its OpenMP threads only contend on one page.
"""
from __future__ import annotations

import csv
import io
import math
import os
import shutil
import subprocess
from functools import lru_cache
from typing import Any

import regex

from .geometry import Word
from .pdfium import Document
from .problems import OcrProblem
from .rules import BBox, Rule, tables

LANGUAGE = "vie"
# a run of dark pixels (grey < 128) in one row of the binarised image, 1 byte per pixel
DARK_RUN = regex.compile(rb"[\x00-\x7f]+")
# "|" and "_" stuck to a word: the remains of a table rule
RULE_EDGES = regex.compile(r"^[|_]+|[|_]+$")
# "z^", "`~", "1*^": marks no Vietnamese word carries, a sign that accents or specks were read as letters
ODD_MARKS = regex.compile(r"[\^`~*»«⁄°¬{}<>\\]")
MIN_RULE = 0.25  # inches: shorter dark runs are glyph strokes, not ruling lines


@lru_cache(maxsize=1)
def confusables() -> dict[int, str]:
    """OCR look-alikes -> the characters printed (``vocab/ocr.toml``), as a ``str.translate`` table."""
    from importlib import resources

    from ..vocab import tomllib

    data = tomllib.loads(resources.files("kehoach_parser.vocab").joinpath("ocr.toml").read_text("utf-8"))
    return {ord(k): v for k, v in data["confusables"].items()}


@lru_cache(maxsize=1)
def tesseract() -> str:
    """The tesseract binary, checked to have the Vietnamese model; raises OcrProblem otherwise."""
    binary = shutil.which("tesseract")
    if not binary:
        raise OcrProblem("the PDF is scanned (no text layer) and OCR needs Tesseract: "
                         "apt-get install tesseract-ocr tesseract-ocr-vie")
    try:
        langs = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrProblem(f"the PDF is scanned and Tesseract could not be run ({exc})") from None
    if LANGUAGE not in langs.stdout.split():
        raise OcrProblem("the PDF is scanned and Tesseract has no Vietnamese model: "
                         "apt-get install tesseract-ocr-vie")
    return binary


def ocr_page(document: Document, index: int, width: float, height: float, *, dpi: int = 300,
             max_pixels: int = 40_000_000) -> tuple[list[Word], list[tuple[BBox, list[BBox]]]]:
    """OCR of page ``index`` (0-based) of an open document: its words and its tables (bounding box,
    cell boxes), in PDF points. The page is rendered at ``dpi`` unless that would make more than
    ``max_pixels`` pixels: then at the resolution that keeps it under (a giant page never becomes
    a giant bitmap)."""
    binary = tesseract()
    scale = min(dpi / 72, math.sqrt(max_pixels / max(width * height, 1.0)))
    image = document.render(index, scale)
    return _read(binary, image, scale)


def _read(binary: str, image: Any, scale: float) -> tuple[list[Word], list[tuple[BBox, list[BBox]]]]:
    """Words (OCR of the page as rendered: resampling blurs the accents) moved into the
    straightened frame where the ruling lines are found."""
    from PIL import Image

    angle = _skew(image)
    straight = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255) if angle else image
    dpi = scale * 72
    horizontal, vertical = _rules(straight, int(MIN_RULE * dpi))
    found = []
    if len(horizontal) >= 2 and len(vertical) >= 2:
        rules = [Rule(True, x / scale, y0 / scale, y1 / scale) for x, y0, y1 in vertical]
        rules += [Rule(False, y / scale, x0 / scale, x1 / scale) for y, x0, x1 in horizontal]
        found = tables(rules)
    words = _words(binary, image, round(dpi))
    if angle:
        words = [_rotated(w, angle, image.width / 2, image.height / 2) for w in words]
    return [Word(w.text, w.x0 / scale, w.x1 / scale, w.top / scale, w.bottom / scale) for w in words], found


def _rotated(word: Word, angle: float, cx: float, cy: float) -> Word:
    """The word's box moved as PIL's ``rotate(angle)`` moves its centre (counter-clockwise)."""
    theta = math.radians(angle)
    dx, dy = word.cx - cx, word.cy - cy
    nx = cx + dx * math.cos(theta) + dy * math.sin(theta)
    ny = cy - dx * math.sin(theta) + dy * math.cos(theta)
    sx, sy = nx - word.cx, ny - word.cy
    return Word(word.text, word.x0 + sx, word.x1 + sx, word.top + sy, word.bottom + sy)


def _skew(image: Any) -> float:
    """The small rotation (degrees, within ±2) that straightens the page: the one whose row
    profile of ink is sharpest."""
    from PIL import Image

    small = image.resize((image.width // 4, image.height // 4), Image.Resampling.BILINEAR)
    small = small.point(lambda v: 0 if v < 160 else 255)
    scores: dict[float, float] = {}
    for step in range(-20, 21):
        angle = step / 10
        profile = small.rotate(angle, fillcolor=255).resize((1, small.height), Image.Resampling.BOX).tobytes()
        scores[angle] = sum((255 - v) ** 2 for v in profile)  # ink piled into few rows: lines run straight
    top = max(scores.values())
    return min((a for a, v in scores.items() if v >= 0.998 * top), key=abs)  # near-ties: the smallest turn


def _rules(image: Any, min_length: int) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """Horizontal rules (y, x0, x1) and vertical rules (x, y0, y1) in pixels: dark runs at least
    ``min_length`` long, runs on neighbouring rows merged into one rule."""
    from PIL import Image

    def runs(img: Any) -> list[tuple[int, int, int]]:
        width = img.width
        data = img.tobytes()
        found: list[tuple[int, int, int]] = []
        for y in range(img.height):
            row = data[y * width:(y + 1) * width]
            for m in DARK_RUN.finditer(row):
                if m.end() - m.start() >= min_length:
                    found.append((y, m.start(), m.end()))
        merged: list[list[int]] = []
        for y, a, b in found:
            for rule in merged[-8:]:
                if y - rule[3] <= 2 and abs(rule[1] - a) <= 6 and abs(rule[2] - b) <= 6:
                    rule[3] = y
                    rule[1], rule[2] = min(rule[1], a), max(rule[2], b)
                    break
            else:
                merged.append([y, a, b, y])
        return [((r[0] + r[3]) // 2, r[1], r[2]) for r in merged]

    binary = image.point(lambda v: 0 if v < 128 else 255)
    horizontal = runs(binary)
    vertical = [(x, y0, y1) for x, y0, y1 in runs(binary.transpose(Image.Transpose.TRANSPOSE))]
    return horizontal, vertical


def _words(binary: str, image: Any, dpi: int) -> list[Word]:
    """Tesseract's words in pixels. A word takes the top and bottom of its Tesseract line (so that
    accents and descenders do not scatter the words of one line) unless that line is implausibly
    tall (two printed lines taken as one: then its own box); specks read as marks are dropped."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    try:
        done = subprocess.run([binary, "stdin", "stdout", "-l", LANGUAGE, "--dpi", str(dpi), "--psm", "3", "tsv"],
                              input=buffer.getvalue(), capture_output=True, timeout=600,
                              env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrProblem(f"Tesseract failed on a scanned page ({exc})") from None
    if done.returncode != 0:
        raise OcrProblem(f"Tesseract failed on a scanned page ({done.stderr.decode(errors='replace').strip()[:200]})")
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8", errors="replace")), delimiter="\t",
                               quoting=csv.QUOTE_NONE))
    boxes: dict[tuple[str, ...], tuple[float, float]] = {}
    for row in rows:
        if row.get("level") == "4":
            top = float(row["top"])
            boxes[_line_of(row)] = (top, top + float(row["height"]))
    heights = sorted(b - t for t, b in boxes.values())
    usual = heights[len(heights) // 2] if heights else 0.0
    words = []
    for row in rows:
        text = RULE_EDGES.sub("", (row.get("text") or "").strip().translate(confusables()))
        if row.get("level") != "5" or not text or _junk(text, float(row.get("conf") or -1)):
            continue
        left, width = float(row["left"]), float(row["width"])
        top, bottom = float(row["top"]), float(row["top"]) + float(row["height"])
        line_top, line_bottom = boxes.get(_line_of(row), (top, bottom))
        if line_bottom - line_top <= 1.5 * usual:
            top, bottom = line_top, line_bottom  # else one Tesseract line over two printed ones: own box
        words.append(Word(text, left, left + width, top, bottom))
    return words


def _line_of(row: dict) -> tuple[str, ...]:
    return row["page_num"], row["block_num"], row["par_num"], row["line_num"]


def _junk(text: str, conf: float) -> bool:
    """A speck or an accent read as a word: marks without letters, or a short, unsure reading."""
    letters = sum(c.isalnum() for c in text)
    if not letters:
        return text not in ("-", "+", "–", "•") or conf < 50
    return (conf < 30 and letters < 3) or (conf < 50 and bool(ODD_MARKS.search(text)))
