"""Structure-aware mutations of a .pdf, in two layers.

Objects (through pikepdf, on the parsed document): giant, empty, inverted or non-numeric MediaBox;
many pages; a content stream that inflates to megabytes; text removed (a page for OCR); broken
fonts (garbage widths, a huge FirstChar, a garbage ToUnicode map); reference cycles through
Resources, Parent and Kids; a form XObject that draws itself; odd Rotate and UserUnit; a Contents
array of thousands of copies. Bytes (on the saved file, objects written one by one without object
streams): an object's body replaced by a reference to itself, lying /Length, shifted or missing
xref, truncation, padding after %%EOF, junk before the header, a flipped byte.

Mutations are JSON-able dicts like the Word ones (:mod:`.docx_mutators`).
"""
from __future__ import annotations

import contextlib
import io
from functools import lru_cache
from typing import Any

import pikepdf
import regex
from hypothesis import strategies as st

from .docx_mutators import Mutation, apply_bytes

MEDIA_BOXES: list[list[Any]] = [[0, 0, 14400, 14400], [0, 0, 10**9, 10**9], [0, 0, 0, 0], [0, 0, -595, -842],
                                [595, 842, 0, 0], [0, 0, 3, 842], [0, 0, 595], []]
OBJECT_OPS = {"media_box", "pages", "inflate", "drop_text", "font", "resources_self", "parent_cycle", "kids_cycle",
              "rotate", "contents_array", "user_unit", "xobject_self"}
# "12 0 obj\n…\nendobj": one top-level object of a file saved without object streams
OBJECT = regex.compile(rb"(?m)^(?P<num>\d+) 0 obj\n(?P<body>.*?)\nendobj", regex.DOTALL)
# "/Length 1234"
LENGTH = regex.compile(rb"/Length (\d+)")
# "startxref\n1234"
STARTXREF = regex.compile(rb"startxref\s+(\d+)")
# "0000001234 00000 n": one in-use entry of a classic xref table
XREF_ENTRY = regex.compile(rb"(?m)^(\d{10}) (\d{5}) n")


def mutations(max_size: int = 3) -> st.SearchStrategy[list[Mutation]]:
    """Lists of PDF mutations (object level and byte level)."""
    one = st.one_of(
        st.fixed_dictionaries({"op": st.just("media_box"), "box": st.integers(0, len(MEDIA_BOXES) - 1)}),
        st.fixed_dictionaries({"op": st.just("pages"), "count": st.sampled_from([3, 50, 300, 2100, 5000])}),
        st.fixed_dictionaries({"op": st.just("inflate"), "mb": st.sampled_from([1, 5, 20, 70])}),
        st.fixed_dictionaries({"op": st.sampled_from(["resources_self", "parent_cycle", "kids_cycle", "xobject_self",
                                                      "drop_text"])}),
        st.fixed_dictionaries({"op": st.just("font"), "how": st.sampled_from(["widths", "first_char", "to_unicode",
                                                                              "type3", "no_base", "descendants"])}),
        st.fixed_dictionaries({"op": st.just("rotate"), "value": st.sampled_from([45, 10**9, -90, 270])}),
        st.fixed_dictionaries({"op": st.just("contents_array"), "times": st.sampled_from([2, 1000, 20_000])}),
        st.fixed_dictionaries({"op": st.just("user_unit"), "value": st.sampled_from([0.0001, 75000.0, -1.0])}),
        st.fixed_dictionaries({"op": st.just("self_reference"), "at": st.floats(0, 1)}),
        st.fixed_dictionaries({"op": st.just("length_lie"), "value": st.sampled_from([0, 1, 10**9, 10**20])}),
        st.fixed_dictionaries({"op": st.just("xref_shift"), "by": st.sampled_from([-100, -1, 1, 7, 10**6])}),
        st.fixed_dictionaries({"op": st.just("startxref"), "value": st.sampled_from([0, 999_999_999, 10**20])}),
        st.fixed_dictionaries({"op": st.just("cut"), "fraction": st.floats(0, 1)}),
        st.fixed_dictionaries({"op": st.just("pad"), "data": st.sampled_from(["\x00", " ", "\n", "%%EOF\n", "junk"]),
                               "times": st.sampled_from([1, 100, 3072, 100_000])}),
        st.fixed_dictionaries({"op": st.just("prefix"),
                               "data": st.sampled_from(["junk\n", "\x00" * 500, "%PDF-9.9\n"])}),
        st.fixed_dictionaries({"op": st.just("flip"), "at": st.floats(0, 1), "xor": st.integers(1, 255)}),
    )
    return st.lists(one, min_size=1, max_size=max_size)


@lru_cache(maxsize=16)
def trimmed(seed: bytes, pages: int = 2) -> bytes:
    """The seed cut to its first ``pages`` pages (fast cases), saved without object streams; a scanned
    seed (no text layer: every page goes to OCR) to one page."""
    with pikepdf.open(io.BytesIO(seed)) as pdf:
        if not any(b"/Font" in bytes(p.obj.unparse()) or "/Font" in p.obj.get("/Resources", {}) for p in pdf.pages):
            pages = 1
        del pdf.pages[pages:]
        pdf.remove_unreferenced_resources()
        return _save(pdf)


def _save(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out, static_id=True, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return out.getvalue()


def _text_ops(mb: int) -> bytes:
    show = b"BT /F1 9 Tf 40 400 Td (Nhiem vu chuyen doi so nam 2026) Tj ET\n"
    return show * (mb * 1024 * 1024 // len(show))


def _object_op(pdf: pikepdf.Pdf, op: Mutation) -> None:
    kind = op["op"]
    page = pdf.pages[0].obj
    if kind == "media_box":
        page.MediaBox = pikepdf.Array(MEDIA_BOXES[op["box"]])
    elif kind == "pages":  # the first page listed again and again: one object, many pages
        pages = pdf.Root.Pages
        pages.Kids = pikepdf.Array([page] * op["count"] + list(pages.Kids))
        pages.Count = len(pages.Kids)
    elif kind == "inflate":
        page.Contents = pdf.make_stream(_text_ops(op["mb"]))
    elif kind == "drop_text":
        for each in pdf.pages:
            each.obj.Contents = pdf.make_stream(b"")
    elif kind == "font":
        _break_fonts(pdf, page, op["how"])
    elif kind == "resources_self":
        page.Resources = page
    elif kind == "parent_cycle":
        page.Parent = page
    elif kind == "kids_cycle":
        pdf.Root.Pages.Kids.append(pdf.Root.Pages)
    elif kind == "rotate":
        page.Rotate = op["value"]
    elif kind == "contents_array":
        stream = page.Contents if isinstance(page.Contents, pikepdf.Stream) else pdf.make_stream(b"")
        page.Contents = pikepdf.Array([stream] * op["times"])
    elif kind == "user_unit":
        page.UserUnit = op["value"]
    elif kind == "xobject_self":
        form = pdf.make_stream(b"/Me Do", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                               BBox=pikepdf.Array([0, 0, 10, 10]))
        form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Me=form))
        resources = page.get("/Resources", pikepdf.Dictionary())
        resources.XObject = pikepdf.Dictionary(Me=form)
        page.Resources = resources
        page.Contents = pdf.make_stream(b"/Me Do")


def _break_fonts(pdf: pikepdf.Pdf, page: pikepdf.Dictionary, how: str) -> None:
    fonts = page.get("/Resources", pikepdf.Dictionary()).get("/Font", pikepdf.Dictionary())
    for name in list(fonts.keys()):
        font = fonts[name]
        if how == "widths":
            font.Widths = pikepdf.Array([pikepdf.String("x"), -1e30, 10**12])
        elif how == "first_char":
            font.FirstChar, font.LastChar = 10**12, -5
        elif how == "to_unicode":
            font.ToUnicode = pdf.make_stream(b"begincmap 1 beginbfrange <00> <FFFFFFFF> <D800> endbfrange endcmap")
        elif how == "type3":
            font.Subtype = pikepdf.Name.Type3
        elif how == "no_base":
            for key in ("/BaseFont", "/FontDescriptor", "/Encoding"):
                if key in font:
                    del font[key]
        elif how == "descendants":
            font.DescendantFonts = pikepdf.Array([font])


def _byte_op(data: bytes, op: Mutation) -> bytes:
    kind = op["op"]
    if kind == "self_reference":
        found = list(OBJECT.finditer(data))
        if not found:
            return data
        match = found[min(len(found) - 1, int(len(found) * op["at"]))]
        return data[: match.start("body")] + match["num"] + b" 0 R" + data[match.end("body"):]
    if kind == "length_lie":
        return LENGTH.sub(b"/Length %d" % op["value"], data, count=1)
    if kind == "xref_shift":
        return XREF_ENTRY.sub(lambda m: b"%010d %s n" % (max(0, int(m[1]) + op["by"]) % 10**10, m[2]), data)
    if kind == "startxref":
        return STARTXREF.sub(b"startxref\n%d" % op["value"], data)
    return apply_bytes(data, op)


def apply(seed: bytes, ops: list[Mutation]) -> bytes:
    """The seed PDF (trimmed to two pages) with ``ops`` applied: object ops first, then byte ops."""
    # "pages" last: other ops act on the seed's own pages, not on thousands of copies
    objects = sorted((op for op in ops if op["op"] in OBJECT_OPS), key=lambda op: op["op"] == "pages")
    data = trimmed(seed)
    if objects:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for op in objects:
                # an op that does not fit this seed changes nothing
                with contextlib.suppress(pikepdf.PdfError, ValueError, TypeError, AttributeError, KeyError, IndexError):
                    _object_op(pdf, op)
            with contextlib.suppress(pikepdf.PdfError, RecursionError):
                data = _save(pdf)
    for op in ops:
        if op["op"] not in OBJECT_OPS:
            data = _byte_op(data, op)
    return data
