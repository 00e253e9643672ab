"""A PDF's compressed streams, measured before PDFium parses any page: a content stream that
inflates past ``Limits.pdf_max_stream_bytes`` (a 279 KB file whose page content is 76 MB of
drawing operators) is refused before it is parsed into millions of objects.

One linear scan: each "stream" keyword, the dictionary just before it (FlateDecode or no filter;
not an image or an embedded font, whose size the budget does not cover), and the data inflated in
bounded chunks and counted, never kept: its bytes and its draw operators (``Do``: a form that draws
itself is drawn again at every level PDFium allows, so 20,000 draws on a page of 140 KB took a
gigabyte). Then each page's /Contents (an array, or a reference to one) sums its parts. Damaged
data ends the count of that stream (PDFium decides what it makes of it). Streams inside object
streams are not seen (content streams never are: object streams hold no streams).
"""
from __future__ import annotations

import logging
import zlib
from typing import NamedTuple

import regex

from ..limits import BudgetExceeded, Limits

LOG = logging.getLogger("kehoach_parser.readers.pdf")

# "stream\r\n" or "stream\n" where a stream's data begins ("endstream" is its end, not a start)
STREAM_START = regex.compile(rb"(?<!end)stream\r?\n")
# "/Filter /FlateDecode", "/Filter [/FlateDecode]", the abbreviation "/Fl" of inline dictionaries
FLATE = regex.compile(rb"/FlateDecode|/Fl(?![A-Za-z])")
# "/Subtype /Image", "/Length1 …" (font programs): streams that are not page content
NOT_CONTENT = regex.compile(rb"/Subtype\s*/Image|/Length[123]\b|/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType)")
# "12 0 obj": the object a stream belongs to (the last one before its "stream" keyword)
OBJECT_START = regex.compile(rb"(\d+)\s+\d+\s+obj\b")
# "/Contents [12 0 R 13 0 R]" or "/Contents 12 0 R": the streams of a page's content (one may repeat)
CONTENTS = regex.compile(rb"/Contents\s*(?:\[([^\]]{0,1000000})\]|(\d+\s+\d+\s+R))")
# "7 0 obj [12 0 R 13 0 R]": an array object (a page's /Contents may be one, by reference)
ARRAY_OBJECT = regex.compile(rb"(\d+)\s+\d+\s+obj\s*\[([^\]]{0,1000000})\]")
# "12 0 R": a reference
REFERENCE = regex.compile(rb"(\d+)\s+\d+\s+R")
LOOKBACK = 2048  # bytes before "stream" searched for its dictionary
CHUNK = 1 << 16  # bytes of compressed input fed at a time
OUT = 1 << 20  # bytes of output taken at a time
# "/Me Do", "/Im1\nDo": the operator that draws a form or an image (a form that draws itself is
# drawn again at every level PDFium allows: 20,000 draws of one took a gigabyte)
DRAW_OPERATORS = (b" Do", b"\nDo", b"\rDo", b"\tDo")


class Measure(NamedTuple):
    """What one content stream holds: inflated bytes, draw operators, and where its data ends."""

    size: int
    draws: int
    end: int


def check(data: bytes, limits: Limits) -> None:
    """Raise BudgetExceeded when a content stream of ``data`` inflates past the budget, or the
    streams one page's content is made of do together (a stream repeated 1,000 times), in bytes or
    in forms and images drawn. Linear: each byte is looked at once (a "stream" keyword inside the
    data of the stream before it is data, not a stream)."""
    budget = limits.pdf_max_stream_bytes
    measured: dict[int, Measure] = {}  # object number -> what its content stream holds
    cursor = 0
    for match in STREAM_START.finditer(data):
        if match.start() < cursor:
            continue
        head = data[max(0, match.start() - LOOKBACK):match.start()]
        start = head.rfind(b"obj")
        dictionary = head[start:] if start >= 0 else head
        if NOT_CONTENT.search(dictionary):
            continue
        if FLATE.search(dictionary):
            measure = inflated(data, match.end(), budget)
        elif b"/Filter" not in dictionary:
            measure = plain(data, match.end(), limits.pdf_max_page_content_bytes)
        else:
            continue
        if measure.size > budget:
            raise BudgetExceeded(f"a content stream inflates to more than {budget:,} bytes", "pdf_max_stream_bytes")
        cursor = measure.end
        objects = list(OBJECT_START.finditer(head))
        if objects:
            measured[int(objects[-1].group(1))] = measure
    arrays = {int(m.group(1)): m.group(2) for m in ARRAY_OBJECT.finditer(data)}
    page_budget, draw_budget = limits.pdf_max_page_content_bytes, limits.pdf_max_page_draws
    for contents in CONTENTS.finditer(data):
        refs = contents.group(1) if contents.group(1) is not None else contents.group(2)
        numbers = [int(ref.group(1)) for ref in REFERENCE.finditer(refs)]
        if len(numbers) == 1 and numbers[0] in arrays:  # "/Contents 7 0 R", object 7 the array of parts
            numbers = [int(ref.group(1)) for ref in REFERENCE.finditer(arrays[numbers[0]])]
        parts = [measured.get(number) for number in numbers]
        if sum(part.size for part in parts if part) > page_budget:
            raise BudgetExceeded(f"the content of a page inflates to more than {page_budget:,} bytes",
                                 "pdf_max_page_content_bytes")
        if sum(part.draws for part in parts if part) > draw_budget:
            raise BudgetExceeded(f"a page draws forms or images more than {draw_budget:,} times",
                                 "pdf_max_page_draws")


def draws_in(chunk: bytes) -> int:
    """Draw operators in a piece of a content stream (one split across two pieces is not counted)."""
    return sum(chunk.count(operator) for operator in DRAW_OPERATORS)


def inflated(data: bytes, offset: int, cap: int) -> Measure:
    """What the deflate data at ``offset`` inflates to; counting stops past ``cap`` bytes."""
    inflater = zlib.decompressobj()
    total = draws = 0
    position = offset
    try:
        while position < len(data) and not inflater.eof and total <= cap:
            chunk = data[position:position + CHUNK]
            position += len(chunk)
            out = inflater.decompress(chunk, OUT)
            total, draws = total + len(out), draws + draws_in(out)
            # past the end of the deflate data, the bytes after it (endstream…) stay in the tail
            while inflater.unconsumed_tail and not inflater.eof and total <= cap:
                tail = len(inflater.unconsumed_tail)
                out = inflater.decompress(inflater.unconsumed_tail, OUT)
                if not out and len(inflater.unconsumed_tail) == tail:  # no progress: stop counting
                    break
                total, draws = total + len(out), draws + draws_in(out)
    except zlib.error as exc:  # damaged data: the count so far
        LOG.debug("a compressed stream at byte %d is damaged (%s); %d bytes inflated", offset, exc, total)
        return Measure(total, draws, max(offset, position - CHUNK))  # the piece that failed is looked at again
    end = position - len(inflater.unused_data) - len(inflater.unconsumed_tail) if inflater.eof else offset
    return Measure(total, draws, end)


def plain(data: bytes, offset: int, cap: int) -> Measure:
    """What the uncompressed stream at ``offset`` holds, up to its "endstream" (looked for at most
    ``cap`` bytes on: a longer one counts as ``cap`` bytes and is over the page budget)."""
    end = data.find(b"endstream", offset, offset + cap + 1)
    if end < 0:  # all of it is this stream's data
        return Measure(cap + 1, draws_in(data[offset:offset + cap + 1]), offset + cap + 1)
    return Measure(end - offset, draws_in(data[offset:end]), end)
