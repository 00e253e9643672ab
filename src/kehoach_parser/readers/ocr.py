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
import unicodedata
from dataclasses import replace
from functools import lru_cache
from statistics import median
from typing import Any, NamedTuple

import regex

from . import geometry, lexicon, textlayer
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
# a lower-case letter and a digit in one word ("ngày44", "đÓ6"), or the other way round
SCRAWL = regex.compile(r"\p{Ll}.*\d|\d.*\p{Ll}")
# a capital after a small letter of the same word: "Ố" of "sỐ"
INNER_CAPITAL = regex.compile(r"(?<=\p{Ll})\p{Lu}")
# a document's number and symbol: "1050/QĐ-SCT", "105/2021/NĐ-CP", "996/KH-TCTLNTW-C04"
DOCUMENT_ID = regex.compile(r"\d+(?:/\d{4})?/[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*")
# a capital letter written twice: "TT" of "SCTT"
DOUBLED = regex.compile(r"(\p{Lu})\1")
# digits between two words of letters, with no space: "ngày44tháng"
WRITTEN_IN = regex.compile(r"(\p{L}+)\d+(\p{L}+)")
# a word's leading letters and the punctuation after them: "Só:" of "Só:đÓ6", "ngày" of "ngày44"
PRINTED_HEAD = regex.compile(r"^\p{P}*(\p{L}+)\p{P}*")
PSM = "3"  # Tesseract page segmentation: automatic (columns, blocks and lines found by Tesseract)
MIN_RULE = 0.25  # inches: shorter dark runs are glyph strokes, not ruling lines
BASELINES = 5  # long lines needed to take the page's skew from Tesseract's baselines
REREAD_BELOW = 70  # a line read with a lower mean confidence is read again on its own (see _reread)
REREAD_MAX = 16  # lines (or groups of overlapping lines) read again per page, at most
REREAD_AREA = 0.3  # and at most this share of the page (the smallest first)
ILLEGIBLE_CONF = 50  # a word Tesseract is less sure of may be handwriting (see _legible)
COLOURED = 28  # a pixel whose channels are this far apart (max - min) is coloured ink
INK_STRETCH = 255 / 200  # a coloured pixel's lightest channel at 200 or more is paper: white


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[int, str]]:
    from ..vocab import load_toml

    data = load_toml("ocr.toml")
    return data["sequences"], {ord(k): v for k, v in data["confusables"].items()}


def printed(text: str) -> str:
    """OCR'd text with the characters printed put back (``vocab/ocr.toml``): sequences read for one
    character ("QĐÐ" -> "QĐ"), look-alikes ("1105⁄KH" -> "1105/KH"), a marked capital inside a
    small word ("sỐ" -> "số")."""
    sequences, confusables = _table()
    for seen, meant in sequences.items():
        text = text.replace(seen, meant)
    return INNER_CAPITAL.sub(_lowered, text.translate(confusables))


def _lowered(m: regex.Match[str]) -> str:
    """A capital with a mark after a small letter ("sỐ", "đỘ"): Tesseract's reading of the small
    letter; other capitals as they are ("iPhone")."""
    letter = m.group(0)
    return letter.lower() if len(unicodedata.normalize("NFD", letter)) > 1 else letter


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


class Reading(NamedTuple):
    """What OCR read on a page, in PDF points: words, tables (bounding box, cell boxes), and how
    many words were left out as handwriting or illegible (see :func:`_legible`)."""

    words: list[Word]
    tables: list[tuple[BBox, list[BBox]]]
    illegible: int


def ocr_page(document: Document, index: int, width: float, height: float, *, dpi: int = 300,
             max_pixels: int = 40_000_000) -> Reading:
    """OCR of page ``index`` (0-based) of an open document. The page is rendered in colour at
    ``dpi`` unless that would make more than ``max_pixels`` pixels (then at the resolution that
    keeps it under: a giant page never becomes a giant bitmap), and its coloured ink faded out
    (:func:`black_ink`) before Tesseract reads it."""
    binary = tesseract()
    scale = min(dpi / 72, math.sqrt(max_pixels / max(width * height, 1.0)))
    image = black_ink(document.render(index, scale, colour=True))
    return _read(binary, image, scale)


def black_ink(image: Any) -> Any:
    """A colour page image -> grey with coloured ink faded out, so that red seals and stamps and
    blue handwriting leave the black print and the ruling lines. A coloured pixel (its channels
    ``COLOURED`` apart or more) takes the value of its lightest channel, the one the ink let
    through — paper under a red seal is light in red, a letter under it is dark in every channel —
    made lighter by ``INK_STRETCH`` (ink on paper becomes white); other pixels keep their grey."""
    from PIL import Image, ImageChops

    if image.mode == "L":
        return image
    r, g, b = image.convert("RGB").split()
    lightest = ImageChops.lighter(ImageChops.lighter(r, g), b)
    chroma = ImageChops.subtract(lightest, ImageChops.darker(ImageChops.darker(r, g), b))
    coloured = chroma.point(lambda v: 255 if v >= COLOURED else 0)
    through = lightest.point(lambda v: min(255, round(v * INK_STRETCH)))
    return Image.composite(through, image.convert("L"), coloured)


def _read(binary: str, image: Any, scale: float) -> Reading:
    """Words (OCR of the page as rendered: resampling blurs the accents) moved into the
    straightened frame where the ruling lines are found. The page's skew is the slope of the
    baselines Tesseract found, or where too few lines tell, the rotation whose rows of ink are
    sharpest (:func:`_skew`)."""
    from PIL import Image

    dpi = scale * 72
    rows = _tesseract(binary, image, round(dpi), PSM)
    angle = _baseline_angle(rows, image.width)
    if angle is None:
        angle = _skew(image)
    straight = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255) if angle else image
    horizontal, vertical = _rules(straight, int(MIN_RULE * dpi))
    found = []
    if len(horizontal) >= 2 and len(vertical) >= 2:
        rules = [Rule(True, x / scale, y0 / scale, y1 / scale) for x, y0, y1 in vertical]
        rules += [Rule(False, y / scale, x0 / scale, x1 / scale) for y, x0, x1 in horizontal]
        found = tables(rules)
    words, illegible = _words(binary, image, round(dpi), rows, angle)
    return Reading([Word(w.text, w.x0 / scale, w.x1 / scale, w.top / scale, w.bottom / scale) for w in words],
                   found, illegible)


def _baseline_angle(rows: list[dict[str, str]], width: int) -> float | None:
    """The page's skew in degrees (as PIL's ``rotate`` takes it to straighten the page): the median
    slope of the bottoms of the words of Tesseract's long lines (least squares per line), or None
    when fewer than ``BASELINES`` lines are long enough to tell."""
    lines: dict[tuple[str, ...], list[tuple[float, float]]] = {}
    for row in rows:
        if row.get("level") == "5" and (row.get("text") or "").strip() and float(row.get("conf") or -1) >= 60:
            x0, _y0, x1, y1 = _box(row)
            lines.setdefault(_line_of(row), []).append(((x0 + x1) / 2, float(y1)))
    slopes = []
    for points in lines.values():
        xs = [x for x, _ in points]
        if len(points) < 6 or max(xs) - min(xs) < 0.4 * width:
            continue
        mx, my = sum(xs) / len(xs), sum(y for _, y in points) / len(points)
        spread = sum((x - mx) ** 2 for x in xs)
        slopes.append(sum((x - mx) * (y - my) for x, y in points) / spread)
    if len(slopes) < BASELINES:
        return None
    angle = math.degrees(math.atan(median(slopes)))
    return round(angle, 2) if abs(angle) >= 0.05 else 0.0


def reconcile(pages: list[list[Word]]) -> list[list[Word]]:
    """The OCR'd words of a document's pages with each document id that has one letter doubled
    ("1050/QĐ-SCTT": Tesseract read the last letter twice) written as the document prints it
    elsewhere ("1050/QĐ-SCT"), when it does; other words as they are."""
    seen = {m.group(0) for words in pages for w in words for m in DOCUMENT_ID.finditer(w.text)}

    def single(m: regex.Match[str]) -> str:
        found = m.group(0)
        for double in DOUBLED.finditer(found):
            once = found[:double.start()] + found[double.start() + 1:]
            if once in seen:
                return once
        return found

    return [[replace(w, text=DOCUMENT_ID.sub(single, w.text)) if DOUBLED.search(w.text) else w for w in words]
            for words in pages]


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


def _words(binary: str, image: Any, dpi: int, rows: list[dict[str, str]], angle: float = 0.0) -> tuple[list[Word], int]:
    """Tesseract's words (its TSV ``rows`` for ``image``) in pixels, moved into the frame
    straightened by ``angle`` (boxes: see :func:`_segments`), and how many were left out as
    handwriting. Specks read as marks are dropped; a scrawl the size of a word, or the part of a
    word that is handwriting, is left blank where it is (its gap is no column gutter); the lexicon
    corrects each run of words."""
    heights = sorted(float(row["height"]) for row in rows if row.get("level") == "4")
    usual = heights[len(heights) // 2] if heights else 0.0
    rows = _reread(binary, image, dpi, rows, usual)
    lines: dict[tuple[str, ...], list[Word]] = {}
    illegible = 0
    for row in rows:
        text = RULE_EDGES.sub("", printed((row.get("text") or "").strip()))
        conf = float(row.get("conf") or -1)
        if row.get("level") != "5" or not text:
            continue
        left, width = float(row["left"]), float(row["width"])
        top, height = float(row["top"]), float(row["height"])
        legible = _legible(text, conf)  # first: "Só:đÓ6" keeps its printed "Só:"
        if legible == text and _junk(text, conf):
            if width < usual or height < 0.6 * usual:
                continue  # a speck
            legible = ""  # a scrawl the size of a word: left blank
        illegible += legible != text  # a word left blank still holds its place: the gap is no column gutter
        word = Word(legible, left, left + width, top, top + height)
        if angle:  # into the straightened frame before the words of a line are given one top and bottom
            word = _rotated(word, angle, image.width / 2, image.height / 2)
        lines.setdefault(_line_of(row), []).append(word)
    words = [w for line in lines.values() for segment in _segments(line, usual) for w in _corrected(segment)]
    words = _unread_twice(words, usual)
    return words, illegible


def _tesseract(binary: str, image: Any, dpi: int, psm: str) -> list[dict[str, str]]:
    """Tesseract's TSV rows for an image (levels 1-5: page, block, paragraph, line, word)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    try:
        done = subprocess.run([binary, "stdin", "stdout", "-l", LANGUAGE, "--dpi", str(dpi), "--psm", psm, "tsv"],
                              input=buffer.getvalue(), capture_output=True, timeout=600,
                              env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrProblem(f"Tesseract failed on a scanned page ({exc})") from None
    if done.returncode != 0:
        raise OcrProblem(f"Tesseract failed on a scanned page ({done.stderr.decode(errors='replace').strip()[:200]})")
    return list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8", errors="replace")), delimiter="\t",
                               quoting=csv.QUOTE_NONE))


Box = tuple[int, int, int, int]  # left, top, right, bottom in pixels


def _box(row: dict[str, str]) -> Box:
    left, top = int(row["left"]), int(row["top"])
    return left, top, left + int(row["width"]), top + int(row["height"])


def _inside(row: dict[str, str], box: Box) -> bool:
    x0, y0, x1, y1 = _box(row)
    return box[0] <= (x0 + x1) / 2 <= box[2] and box[1] <= (y0 + y1) / 2 <= box[3]


def _confidence(rows: list[dict[str, str]]) -> float:
    """The words' mean confidence, weighted by their length."""
    weights = [(float(r["conf"]), len(r["text"].strip())) for r in rows]
    total = sum(n for _, n in weights)
    return sum(c * n for c, n in weights) / total if total else 0.0


def _reread(binary: str, image: Any, dpi: int, rows: list[dict[str, str]], usual: float) -> list[dict[str, str]]:
    """Runs of words Tesseract read badly in the page's layout (a low mean confidence, or one word
    over two printed lines: the closing's two columns taken as one line, a signature across it;
    a line's runs are apart by wide gaps) read again
    on their own: their boxes, cut out and stacked on a blank image, in one more run as a block of
    lines. A box's second reading replaces its first when Tesseract is surer of it."""
    from PIL import Image

    words = [r for r in rows if r.get("level") == "5" and (r.get("text") or "").strip()]
    lines: dict[tuple[str, ...], list[dict[str, str]]] = {}
    for row in words:
        lines.setdefault(_line_of(row), []).append(row)
    pad = round(usual / 3)
    doubtful: list[Box] = []
    for line in lines.values():
        runs: list[list[dict[str, str]]] = []  # the line's runs of words apart by wide gaps (two columns)
        for row in sorted(line, key=lambda r: _box(r)[0]):
            if runs and _box(row)[0] - _box(runs[-1][-1])[2] <= geometry.GAP_FACTOR * usual:
                runs[-1].append(row)
            else:
                runs.append([row])
        for run in runs:
            printed = [r for r in run if _legible(r["text"].strip(), float(r["conf"])) == r["text"].strip()]
            tall = any(float(r["conf"]) < 30 and int(r["height"]) > 1.4 * usual for r in printed)
            if printed and (tall or _confidence(printed) < REREAD_BELOW):  # handwriting reads no better twice
                x0, y0 = min(_box(r)[0] for r in run), min(_box(r)[1] for r in run)
                x1, y1 = max(_box(r)[2] for r in run), max(_box(r)[3] for r in run)
                doubtful.append((max(0, x0 - 3 * pad), max(0, y0 - pad),
                                 min(image.width, x1 + 3 * pad), min(image.height, y1 + pad)))
    regions: list[Box] = []
    for box in sorted(doubtful, key=lambda b: b[1]):
        while True:  # merged with every region it overlaps, until it overlaps none: no word is read twice
            hit = next((r for r in regions if _overlaps(r, box)), None)
            if hit is None:
                break
            regions.remove(hit)
            box = (min(hit[0], box[0]), min(hit[1], box[1]), max(hit[2], box[2]), max(hit[3], box[3]))
        regions.append(box)
    kept: list[Box] = []
    budget = REREAD_AREA * image.width * image.height  # a page read badly all over is not read twice
    for r in sorted(regions, key=lambda r: (r[2] - r[0]) * (r[3] - r[1]))[:REREAD_MAX]:
        budget -= (r[2] - r[0]) * (r[3] - r[1])
        if budget < 0:
            break
        kept.append(r)
    regions = sorted(kept, key=lambda r: r[1])
    if not regions:
        return rows
    gap = round(2 * usual)
    sheet = Image.new("L", (max(r[2] - r[0] for r in regions) + 2 * gap,
                            sum(r[3] - r[1] + gap for r in regions) + gap), 255)
    slots = []
    y = gap
    for r in regions:
        sheet.paste(image.crop(r), (gap, y))
        slots.append((gap, y, gap + r[2] - r[0], y + r[3] - r[1]))
        y += r[3] - r[1] + gap
    again = [r for r in _tesseract(binary, sheet, dpi, "6") if r.get("level") == "5" and (r.get("text") or "").strip()]
    out = list(rows)
    for n, (region, slot) in enumerate(zip(regions, slots, strict=True)):
        first = [r for r in words if _inside(r, region)]
        second = [r for r in again if slot[0] <= _box(r)[0] and _box(r)[2] <= slot[2]
                  and slot[1] <= _box(r)[1] and _box(r)[3] <= slot[3]]
        if not second or _confidence(second) <= _confidence(first):
            continue
        gone = {id(r) for r in first}
        out = [r for r in out if id(r) not in gone]
        dx, dy = region[0] - slot[0], region[1] - slot[1]
        moved = [{**r, "left": str(int(r["left"]) + dx), "top": str(int(r["top"]) + dy),
                  "block_num": f"again{n}.{r['block_num']}"} for r in second]
        # a word of the first reading across the region's edge stays: the second's piece of it goes
        edge = [_box(r) for r in words if id(r) not in gone and _overlaps(_box(r), region)]
        out.extend(r for r in moved if not any(_overlaps(_box(r), box) for box in edge))
    return out


def _unread_twice(words: list[Word], usual: float) -> list[Word]:
    """Without the words read twice (a piece of a word read again on its own, "Ư" of "TRƯỞNG"): a
    word whose middle lies inside a wider word's box goes (not inside a blank one: handwriting left out)."""
    rows: dict[int, list[Word]] = {}
    for w in words:
        rows.setdefault(int(w.cy // max(usual, 1.0)), []).append(w)

    def inside(small: Word, big: Word) -> bool:
        return big is not small and bool(big.text) and big.x1 - big.x0 > small.x1 - small.x0 \
            and big.x0 <= small.cx <= big.x1 \
            and big.top <= small.cy <= big.bottom

    return [w for w in words if not any(inside(w, other) for k in (-1, 0, 1)
                                        for other in rows.get(int(w.cy // max(usual, 1.0)) + k, ()))]


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _segments(line: list[Word], usual: float) -> list[list[Word]]:
    """A Tesseract line's runs of words apart from each other by wide gaps (a line across the two
    columns of the closing), each word with the top and bottom of its run (so that accents and
    descenders do not scatter the words of one line) unless the run is implausibly tall (two printed
    lines taken as one: then its own box)."""
    runs: list[list[Word]] = []
    for word in sorted(line, key=lambda w: w.x0):
        if runs and word.x0 - runs[-1][-1].x1 <= geometry.GAP_FACTOR * usual:
            runs[-1].append(word)
        else:
            runs.append([word])
    out = []
    for run in runs:
        if max(w.bottom for w in run) - min(w.top for w in run) <= 1.5 * usual:
            top, bottom = median(w.top for w in run), median(w.bottom for w in run)
            run = [replace(w, top=top, bottom=bottom) for w in run]
        out.append(run)
    return out


def _legible(text: str, conf: float) -> str:
    """A word as far as it is print: digits between two printed syllables with no space
    ("ngày44tháng": a day written by hand into the line) are left out ("ngày tháng"); an unsure
    reading that mixes lower-case letters with digits ("ngày44", "Só:đÓ6") keeps only its leading
    printed syllable ("ngày", "Só:"), or becomes blank; other words stay as they are."""
    inside = WRITTEN_IN.fullmatch(text)
    if inside and textlayer.is_syllable(inside.group(1)) and textlayer.is_syllable(inside.group(2)):
        return f"{inside.group(1)} {inside.group(2)}"
    if conf >= ILLEGIBLE_CONF or not SCRAWL.search(text):
        return text
    head = PRINTED_HEAD.match(text)
    return head.group(0) if head and textlayer.is_syllable(head.group(1)) else ""


def _corrected(line: list[Word]) -> list[Word]:
    """A Tesseract line's words after the lexicon's post-correction (:mod:`.lexicon`); a word split
    into several syllables shares its box among them by their lengths."""
    out: list[Word] = []
    for word, pieces in zip(line, lexicon.correct([w.text for w in line]), strict=True):
        if len(pieces) == 1:
            out.append(replace(word, text=pieces[0]))
            continue
        total = sum(len(p) for p in pieces) + len(pieces) - 1
        x = word.x0
        step = (word.x1 - word.x0) / max(total, 1)
        for piece in pieces:
            out.append(replace(word, text=piece, x0=x, x1=x + step * len(piece)))
            x += step * (len(piece) + 1)
    return out


def _line_of(row: dict) -> tuple[str, ...]:
    return row["page_num"], row["block_num"], row["par_num"], row["line_num"]


def _junk(text: str, conf: float) -> bool:
    """A speck or an accent read as a word: marks without letters, or a short, unsure reading (a
    lone letter, odd marks), or a very unsure one that is no syllable ("r"gax": a seal's ring
    through a word)."""
    letters = sum(c.isalnum() for c in text)
    if not letters:
        return text not in ("-", "+", "–", "•") or conf < 50
    lone = len(text) == 1 and text.isalpha()  # a lone letter (a lone digit is a table's row number)
    if conf < 30 and (letters < 3 or textlayer.verdict(text) == textlayer.NO_SYLLABLE):
        return True
    return conf < 50 and (lone or bool(ODD_MARKS.search(text)))
