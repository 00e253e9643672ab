"""PDFium (pypdfium2) for the PDF reader: one pass over each page's objects.

:func:`open_document` loads the bytes (a wrong password, a damaged file -> a :class:`ReadProblem`);
:meth:`Document.read_page` loads one page, reads everything the reader needs from it and releases
it: the words of the text layer with their boxes, font size and weight (PDFium's characters grouped
the way pdfplumber groups pdfminer's, so that the geometry downstream sees the same words), the
ruling lines of its path objects (also inside form XObjects), the boxes of its images, and the text
of annotations that carry their own appearance (a number stamped as a FreeText annotation or a
form field, a signature box): such pages are flattened first, so that this text takes its place in
the page's reading order. Coordinates are PDF points from the top-left corner of the page as
displayed (its /Rotate applied).
"""
from __future__ import annotations

import ctypes
import logging
import math
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import regex

from ..limits import BudgetExceeded, Limits
from .geometry import Word
from .problems import CorruptProblem, EncryptedProblem
from .rules import Rule, segment_rule

LOG = logging.getLogger("kehoach_parser.readers.pdf")

# "TimesNewRomanPS-BoldMT", "Arial,Bold", "Roboto-SemiBold", "ABCDEF+Calibri-Black": a bold face by its name
BOLD_NAME = regex.compile(r"bold|black|heavy|semibold|demi", regex.IGNORECASE)
FORCE_BOLD = 1 << 18  # PDF font descriptor flag
X_TOLERANCE = 3.0  # points: a wider gap between two characters starts a new word (as pdfplumber)
Y_TOLERANCE = 3.0  # points: characters whose bottoms differ more are on different lines
UPRIGHT = 0.02  # radians: text turned less than this reads left to right
GLYPH, SPACE, MARK = 0, 1, 2  # kinds of character: a glyph, a space in the text, a space PDFium generated
BLANKS = frozenset(" \t\r\n\x00\xa0\u2002\u2003\u2009\u200b\u3000")  # white space in a text layer
LINE_BREAKS = frozenset("\r\n")  # PDFium's own line ends
_Char = tuple[float, float, float, int, int]  # baseline, x0, x1, index in the text page, kind
_BASELINE, _RIGHT = itemgetter(0), itemgetter(2)
ANNOTATIONS_WITH_TEXT = (raw.FPDF_ANNOT_FREETEXT, raw.FPDF_ANNOT_WIDGET, raw.FPDF_ANNOT_STAMP)


def _untyped(function: Any, restype: Any, *argtypes: Any) -> Any:
    """``function`` of pypdfium2.raw with plain addresses for its pointer arguments: checking typed
    pointers takes about half of each call, and the per-character ones run a million times a document."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address is not None, "a pypdfium2 function without an address"
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_P, _INT, _DOUBLE = ctypes.c_void_p, ctypes.c_int, ctypes.c_double
# the per-character and per-word calls of _words, _line_words and _style, taking addresses
_LOOSE_BOX = _untyped(raw.FPDFText_GetLooseCharBox, _INT, _P, _INT, _P)
_ORIGIN = _untyped(raw.FPDFText_GetCharOrigin, _INT, _P, _INT, _P, _P)
_IS_GENERATED = _untyped(raw.FPDFText_IsGenerated, _INT, _P, _INT)
_TEXT_OBJECT = _untyped(raw.FPDFText_GetTextObject, _P, _P, _INT)
_ANGLE = _untyped(raw.FPDFText_GetCharAngle, ctypes.c_float, _P, _INT)
_FONT_SIZE = _untyped(raw.FPDFText_GetFontSize, _DOUBLE, _P, _INT)
_FONT_INFO = _untyped(raw.FPDFText_GetFontInfo, ctypes.c_ulong, _P, _INT, _P, ctypes.c_ulong, _P)
_FONT_OF = _untyped(raw.FPDFTextObj_GetFont, _P, _P)
_DESCENT = _untyped(raw.FPDFFont_GetDescent, _INT, _P, ctypes.c_float, _P)
_MAP_ERROR = _untyped(raw.FPDFText_HasUnicodeMapError, _INT, _P, _INT)


@dataclass
class PageContent:
    """What one page holds, in PDF points (top-left origin of the displayed page)."""

    number: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)
    glyphs: int = 0  # characters of the text layer that are not white space
    unmapped: int = 0  # of which PDFium found no Unicode mapping for


class Document:
    """An open PDF (PDFium). Use as a context manager; pages are loaded one at a time."""

    def __init__(self, pdf: pdfium.PdfDocument) -> None:
        self.pdf = pdf

    def __enter__(self) -> Document:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pdf.close()

    def __len__(self) -> int:
        return len(self.pdf)

    def size(self, index: int) -> tuple[float, float]:
        """Width and height of page ``index`` (0-based) as displayed, without loading it."""
        width, height = self.pdf.get_page_size(index)
        return float(width), float(height)

    def read_page(self, index: int, limits: Limits) -> PageContent:
        """Everything the reader takes from page ``index`` (0-based), read in one pass; the page is
        released before this returns."""
        handle = self._load(index)
        try:
            if _flatten_annotations(handle):  # the page changed: load it again to see the drawn text
                raw.FPDF_ClosePage(handle)
                handle = None
                handle = self._load(index)
            return _read(handle, index + 1, limits)
        finally:
            if handle:
                raw.FPDF_ClosePage(handle)

    def _load(self, index: int) -> Any:
        handle = raw.FPDF_LoadPage(self.pdf.raw, index)
        if not handle:
            raise CorruptProblem(f"page {index + 1} of the PDF cannot be read (damaged?)")
        return handle

    def render(self, index: int, scale: float, *, colour: bool = False) -> Any:
        """Page ``index`` rendered at ``scale`` pixels per point, as a PIL image: grey ("L"), or
        "RGB" with ``colour``."""
        page = self.pdf[index]
        try:
            return page.render(scale=scale, grayscale=not colour).to_pil().convert("RGB" if colour else "L")
        finally:
            page.close()


def open_document(data: bytes) -> Document:
    """Open the bytes with PDFium, or raise the ReadProblem that says why not."""
    try:
        return Document(pdfium.PdfDocument(data))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == raw.FPDF_ERR_PASSWORD:
            raise EncryptedProblem("the PDF is password-protected: reading it without the password is "
                                   "not possible") from None
        if code == raw.FPDF_ERR_SECURITY:
            raise EncryptedProblem("the PDF is encrypted with a security handler that is not supported") from None
        if b"%%EOF" not in data:
            raise CorruptProblem("the PDF is truncated (no end-of-file marker) and cannot be read") from None
        raise CorruptProblem("the PDF is damaged: its structure cannot be read") from None


# ----------------------------------------------------------------------------------- one page

class _Frame:
    """User space -> the displayed page: crop box origin, /Rotate, top-left origin."""

    def __init__(self, handle: Any) -> None:
        box = raw.FS_RECTF()
        raw.FPDF_GetPageBoundingBox(handle, box)
        self.left, self.bottom, self.right, self.top = box.left, box.bottom, box.right, box.top
        self.rotation = raw.FPDFPage_GetRotation(handle) % 4
        w, h = self.right - self.left, self.top - self.bottom
        self.width, self.height = (h, w) if self.rotation % 2 else (w, h)

    def point(self, x: float, y: float) -> tuple[float, float]:
        u, v = x - self.left, self.top - y
        if self.rotation == 0:
            return u, v
        w, h = self.right - self.left, self.top - self.bottom
        if self.rotation == 1:
            return h - v, u
        if self.rotation == 2:
            return w - u, h - v
        return v, w - u

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) on the displayed page of a user-space rectangle."""
        ax, ay = self.point(left, bottom)
        bx, by = self.point(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def _read(handle: Any, number: int, limits: Limits) -> PageContent:
    frame = _Frame(handle)
    if frame.width * frame.height > limits.pdf_max_page_area:
        raise BudgetExceeded(f"page {number} is {frame.width / 72:.0f} × {frame.height / 72:.0f} inches, "
                             f"larger than the budget allows", "pdf_max_page_area")
    content = PageContent(number, frame.width, frame.height)
    text_page = raw.FPDFText_LoadPage(handle)
    if not text_page:
        raise CorruptProblem(f"the text of page {number} cannot be read (damaged?)")
    try:
        content.words, content.glyphs, content.unmapped = _words(text_page, frame, number, limits)
    finally:
        raw.FPDFText_ClosePage(text_page)
    _objects(handle, frame, content, limits)
    return content


def _words(text_page: Any, frame: _Frame, number: int, limits: Limits) -> tuple[list[Word], int, int]:
    """The page's words: characters grouped into lines by their bottoms (3 pt), ordered left to
    right, split at white space and at gaps wider than 3 pt — pdfplumber's word rules."""
    count = raw.FPDFText_CountChars(text_page)
    if count > limits.pdf_max_chars_per_page:
        raise BudgetExceeded(f"page {number} has {count:,} characters, more than {limits.pdf_max_chars_per_page:,}",
                             "pdf_max_chars_per_page")
    if count <= 0:
        return [], 0, 0
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(text_page, 0, count, buffer)
    text = bytes(buffer)[: 2 * max(written - 1, 0)].decode("utf-16-le", errors="surrogatepass")
    if len(text) != count:  # characters outside the BMP: ask one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(text_page, i)) for i in range(count))
    rect = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    page_p, rect_p, ox_p, oy_p = (ctypes.cast(text_page, ctypes.c_void_p).value, ctypes.addressof(rect),
                                  ctypes.addressof(ox), ctypes.addressof(oy))
    loose_box, origin, is_generated = _LOOSE_BOX, _ORIGIN, _IS_GENERATED
    # (baseline, x0, x1, index, kind) of every character on the displayed page, kind GLYPH, SPACE or
    # MARK (a space PDFium generated: a break unless a glyph covers it)
    chars: list[_Char] = []
    append = chars.append
    glyphs = 0
    turned = frame.rotation != 0
    left, top = frame.left, frame.top
    for i, ch in enumerate(text):
        kind = GLYPH
        if ch in BLANKS:
            if ch in LINE_BREAKS:
                continue
            kind = MARK if is_generated(page_p, i) else SPACE
        else:
            glyphs += 1
        loose_box(page_p, i, rect_p)
        origin(page_p, i, ox_p, oy_p)
        if turned:
            x0, _, x1, _ = frame.box(rect.left, rect.bottom, rect.right, rect.top)
            append((frame.point(ox.value, oy.value)[1], x0, x1, i, kind))
        else:
            append((top - oy.value, rect.left - left, rect.right - left, i, kind))
    chars.sort()
    words: list[Word] = []
    unmapped = 0
    styles = _Styles(page_p)
    line: list[_Char] = []
    last = -math.inf
    for char in [*chars, (math.inf, 0.0, 0.0, -1, GLYPH)]:
        if char[0] - last > Y_TOLERANCE and line:
            line.sort(key=itemgetter(1))
            unmapped += _line_words(line, text, styles, words)
            line = []
        line.append(char)
        last = char[0]
    return words, glyphs, unmapped


@dataclass(frozen=True)
class _Style:
    size: float  # font size in points on the page
    descent: float  # points below the baseline where the font's box ends
    bold: bool
    upright: bool
    unmapped: bool


def _line_words(line: list[_Char], text: str, styles: _Styles, words: list[Word]) -> int:
    """Split one line's characters (sorted by x) into words; returns the unmapped characters seen.
    A word's box is pdfminer's: from the font's descent below the baseline up by the font size,
    taken from its first plain (ASCII) character: accented letters drawn apart may come from a
    font of other metrics."""
    spans: list[tuple[int, int]] = []
    start = -1
    prev = line[0]
    for k, char in enumerate(line):
        kind = char[4]
        if kind != GLYPH:
            if kind == MARK and _glyph_near(line, k):
                continue  # inside a word: where a letter drawn apart goes
            if start >= 0:
                spans.append((start, k))
                start = -1
            continue
        if start < 0:
            start = k
        elif char[1] < prev[1] or char[1] > prev[2] + X_TOLERANCE or abs(char[0] - prev[0]) > Y_TOLERANCE:
            spans.append((start, k))
            start = k
        prev = char
    if start >= 0:
        spans.append((start, len(line)))
    unmapped = 0
    line_style: _Style | None = None
    for a, b in spans:
        members = [c for c in line[a:b] if c[4] == GLYPH]  # a span starts at a glyph: never empty
        word = "".join([text[c[3]] for c in members])
        if word[0] < "\x80":  # the first plain (ASCII) letter: most often the first
            plain: _Char | None = members[0]
        else:
            k = next((k for k, letter in enumerate(word) if letter < "\x80"), -1)
            plain = members[k] if k >= 0 else None
        low, right = max(map(_BASELINE, members)), max(map(_RIGHT, members))
        style = styles.of((plain or members[-1])[3])
        if plain is None:  # all letters accented ("để"): the metrics of the line's plain text, same size
            if line_style is None:
                model = next((c for c in line if c[4] == GLYPH and text[c[3]] < "\x80"), None)
                line_style = styles.of(model[3]) if model is not None else style
            if abs(line_style.size - style.size) < 0.01 and style.upright:
                style = line_style
        if not style.upright:  # turned text (a vertical stamp, a watermark) is not read
            continue
        unmapped += style.unmapped * len(members)
        bottom = low + style.descent
        words.append(Word(word, members[0][1], right, bottom - style.size, bottom, style.size, style.bold))
    return unmapped


def _glyph_near(line: list[_Char], k: int) -> bool:
    """Whether a glyph among the two characters either side of ``line[k]`` starts within 1 pt of it."""
    x = line[k][1]
    for c in line[max(k - 2, 0):k + 3]:  # noqa: SIM110 (faster than any() over a generator)
        if c[4] == GLYPH and -1.0 <= c[1] - x <= 1.0:
            return True
    return False


class _Styles:
    """The fonts of one text page's characters (size, descent, weight), cached by text object."""

    def __init__(self, address: int | None) -> None:
        self.address = address  # of the text page
        self.cache: dict[int, _Style] = {}
        self.name = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int(0)
        self.descent = ctypes.c_float()

    def of(self, index: int) -> _Style:
        """The style of character ``index``."""
        obj = _TEXT_OBJECT(self.address, index)
        key = obj or -index - 1
        style = self.cache.get(key)
        if style is None:
            style = self.cache[key] = self._read(index, obj)
        return style

    def _read(self, index: int, obj: int | None) -> _Style:
        page = self.address
        angle = _ANGLE(page, index)
        size = float(_FONT_SIZE(page, index))
        length = _FONT_INFO(page, index, ctypes.addressof(self.name), 256, ctypes.addressof(self.flags))
        font = self.name.raw[: max(length - 1, 0)].split(b"\0", 1)[0].decode("latin-1")
        descent = -0.2 * size
        handle = _FONT_OF(obj) if obj else None
        if handle and _DESCENT(handle, size, ctypes.addressof(self.descent)):
            descent = self.descent.value
        return _Style(size, -descent, bool(BOLD_NAME.search(font)) or bool(self.flags.value & FORCE_BOLD),
                      angle <= UPRIGHT or abs(angle - 2 * math.pi) <= UPRIGHT, bool(_MAP_ERROR(page, index)))


def _objects(handle: Any, frame: _Frame, content: PageContent, limits: Limits) -> None:
    """Ruling lines and image boxes of the page's objects, form XObjects included."""
    matrix = raw.FS_MATRIX()
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    x, y = ctypes.c_float(), ctypes.c_float()
    budget = limits.pdf_max_rules_per_page
    stack: list[tuple[Any, bool, tuple[float, ...]]] = [(handle, True, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))]
    while stack:
        parent, is_page, outer = stack.pop()
        count = raw.FPDFPage_CountObjects(parent) if is_page else raw.FPDFFormObj_CountObjects(parent)
        for k in range(count):
            obj = raw.FPDFPage_GetObject(parent, k) if is_page else raw.FPDFFormObj_GetObject(parent, k)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                raw.FPDFPageObj_GetMatrix(obj, matrix)
                m = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
                _path_rules(obj, m, frame, content.rules, x, y)
                if len(content.rules) > budget:
                    raise BudgetExceeded(f"page {content.number} draws more than {budget:,} ruling lines",
                                         "pdf_max_rules_per_page")
            elif kind == raw.FPDF_PAGEOBJ_IMAGE:
                if raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                    corners = [_apply(outer, px, py) for px, py in
                               ((left.value, bottom.value), (right.value, top.value))]
                    content.images.append(frame.box(min(corners[0][0], corners[1][0]),
                                                    min(corners[0][1], corners[1][1]),
                                                    max(corners[0][0], corners[1][0]),
                                                    max(corners[0][1], corners[1][1])))
            elif kind == raw.FPDF_PAGEOBJ_FORM:
                raw.FPDFPageObj_GetMatrix(obj, matrix)
                stack.append((obj, False, _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f),
                                                   outer)))


def _path_rules(obj: Any, m: tuple[float, ...], frame: _Frame, rules: list[Rule], x: Any, y: Any) -> None:
    """The horizontal and vertical straight segments of a path (curves are no rules)."""
    n = raw.FPDFPath_CountSegments(obj)
    start: tuple[float, float] | None = None
    prev: tuple[float, float] | None = None
    for s in range(n):
        seg = raw.FPDFPath_GetPathSegment(obj, s)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        point = frame.point(*_apply(m, x.value, y.value))
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = prev = point
            continue
        if kind == raw.FPDF_SEGMENT_LINETO and prev is not None:
            rule = segment_rule(prev[0], prev[1], point[0], point[1])
            if rule is not None:
                rules.append(rule)
        prev = point
        if raw.FPDFPathSegment_GetClose(seg) and start is not None and prev != start:
            rule = segment_rule(prev[0], prev[1], start[0], start[1])
            if rule is not None:
                rules.append(rule)
            prev = start


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix that applies ``inner`` then ``outer`` (PDF's [a b c d e f])."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _flatten_annotations(handle: Any) -> bool:
    """Draw into the page the annotations that carry text of their own (FreeText, form fields,
    stamps with an appearance): True when the page changed and must be loaded again."""
    count = raw.FPDFPage_GetAnnotCount(handle)
    if count <= 0:
        return False
    wanted = False
    for k in range(min(count, 1000)):
        annot = raw.FPDFPage_GetAnnot(handle, k)
        if not annot:
            continue
        try:
            hidden = raw.FPDFAnnot_GetFlags(annot) & (raw.FPDF_ANNOT_FLAG_HIDDEN | raw.FPDF_ANNOT_FLAG_INVISIBLE)
            if raw.FPDFAnnot_GetSubtype(annot) in ANNOTATIONS_WITH_TEXT and not hidden:
                wanted = True
                break
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    if not wanted:
        return False
    done = raw.FPDFPage_Flatten(handle, raw.FLAT_NORMALDISPLAY) == raw.FLATTEN_SUCCESS
    LOG.debug("annotations with text of their own drawn into the page: %s", "done" if done else "nothing to draw")
    return bool(done)
