"""A PDF's compressed streams, measured before PDFium parses any page: a content stream that
inflates past ``Limits.pdf_max_stream_bytes`` (a 279 KB file whose page content is 76 MB of
drawing operators) is refused before it is parsed into millions of objects.

One linear scan: each "stream" keyword, the dictionary just before it (FlateDecode, not an image
or an embedded font, whose size the budget does not cover), and the data inflated in bounded
chunks and counted, never kept. Damaged data ends the count of that stream (PDFium decides what
it makes of it).
"""
from __future__ import annotations

import logging
import zlib

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
# "12 0 R": a reference
REFERENCE = regex.compile(rb"(\d+)\s+\d+\s+R")
LOOKBACK = 2048  # bytes before "stream" searched for its dictionary
CHUNK = 1 << 16  # bytes of compressed input fed at a time
OUT = 1 << 20  # bytes of output taken at a time


def check(data: bytes, limits: Limits) -> None:
    """Raise BudgetExceeded when a content stream of ``data`` inflates past the budget, or the
    streams one page's content is made of do together (a stream repeated 1,000 times)."""
    budget = limits.pdf_max_stream_bytes
    sizes: dict[int, int] = {}  # object number -> inflated bytes of a compressed content stream
    for match in STREAM_START.finditer(data):
        head = data[max(0, match.start() - LOOKBACK):match.start()]
        start = head.rfind(b"obj")
        dictionary = head[start:] if start >= 0 else head
        if not FLATE.search(dictionary) or NOT_CONTENT.search(dictionary):
            continue
        size = inflated_size(data, match.end(), budget)
        if size > budget:
            raise BudgetExceeded(f"a content stream inflates to more than {budget:,} bytes", "pdf_max_stream_bytes")
        objects = list(OBJECT_START.finditer(head))
        if objects:
            sizes[int(objects[-1].group(1))] = size
    page_budget = limits.pdf_max_page_content_bytes
    for contents in CONTENTS.finditer(data):
        refs = contents.group(1) if contents.group(1) is not None else contents.group(2)
        total = sum(sizes.get(int(ref.group(1)), 0) for ref in REFERENCE.finditer(refs))
        if total > page_budget:
            raise BudgetExceeded(f"the content of a page inflates to more than {page_budget:,} bytes",
                                 "pdf_max_page_content_bytes")


def inflated_size(data: bytes, offset: int, cap: int) -> int:
    """How many bytes the deflate data at ``offset`` inflates to, counting stops past ``cap``."""
    inflater = zlib.decompressobj()
    total = 0
    position = offset
    try:
        while position < len(data) and not inflater.eof and total <= cap:
            chunk = data[position:position + CHUNK]
            position += len(chunk)
            total += len(inflater.decompress(chunk, OUT))
            # past the end of the deflate data, the bytes after it (endstream…) stay in the tail
            while inflater.unconsumed_tail and not inflater.eof and total <= cap:
                tail = len(inflater.unconsumed_tail)
                out = len(inflater.decompress(inflater.unconsumed_tail, OUT))
                if not out and len(inflater.unconsumed_tail) == tail:  # no progress: stop counting
                    return total
                total += out
    except zlib.error as exc:  # damaged data: the count so far
        LOG.debug("a compressed stream at byte %d is damaged (%s); %d bytes inflated", offset, exc, total)
    return total
