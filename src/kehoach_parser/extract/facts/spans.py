"""Every text of a document as read (paragraphs and table cells), each with its zone and the physical
lines it spans, so a finding inside a paragraph points at the (page, line) where its words are printed."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ...layout import Layout, Line, Table
from ...segment.document import Segments
from ...segment.paragraphs import Item, Para

Zone = Literal["header", "title", "preamble", "body", "closing", "annex"]
Position = tuple[int | None, int | None]  # (page, line); page is None for unpaged inputs


@dataclass(frozen=True)
class Piece:
    """One physical line inside a text: where it starts in the text and where it is printed."""

    offset: int
    page: int | None
    line: int | None


@dataclass(frozen=True)
class TextSpan:
    """A paragraph or a table cell as read, with the physical lines it spans (first line first)."""

    text: str
    zone: Zone
    pieces: tuple[Piece, ...]
    in_table: bool = False

    @property
    def start(self) -> Position:
        return self.pieces[0].page, self.pieces[0].line

    def position(self, offset: int) -> Position:
        """The (page, line) where the character at ``offset`` is printed."""
        offsets = [p.offset for p in self.pieces]
        piece = self.pieces[max(0, bisect_right(offsets, offset) - 1)]
        return piece.page, piece.line


def position_key(page: int | None, line: int | None) -> tuple[int, int]:
    """Sort key of a position: pages first (unpaged inputs are page 0), then lines."""
    return page or 0, line or 0


def _zones(seg: Segments) -> dict[int, Zone]:
    zones: dict[int, Zone] = {}
    parts: list[tuple[Zone, list[Item]]] = [
        ("header", list(seg.header)),
        ("title", [p for p in [seg.kind_para, *seg.title_paras] if p is not None]),
        ("preamble", seg.preamble),
        ("closing", seg.closing),
        ("annex", [i for a in seg.annexes for i in [a.label, *a.title_paras, *([a.attached] if a.attached else []),
                                                    *a.items]]),
    ]
    for zone, items in parts:
        for item in items:
            zones[id(item)] = zone
    return zones


def text_spans(layout: Layout, seg: Segments) -> list[TextSpan]:
    """Every paragraph and table cell of the document in reading order."""
    zones = _zones(seg)
    continuation = _continuation_lines(layout, seg)
    spans: list[TextSpan] = []
    for item in seg.items:
        zone = zones.get(id(item), "body")  # what no other zone claims is the section tree
        if isinstance(item, Table):
            spans.extend(_cell_spans(item, zone))
            continue
        spans.append(TextSpan(item.text, zone, tuple(_pieces(item, continuation))))
    return spans


def _cell_spans(table: Table, zone: Zone) -> Iterator[TextSpan]:
    for row in table.rows:
        for cell in row.cells:
            if cell.strip():
                yield TextSpan(cell, zone, (Piece(0, row.page, row.line),), in_table=True)


def _continuation_lines(layout: Layout, seg: Segments) -> dict[tuple[int | None, int | None], list[Line]]:
    """Paragraph start -> the layout lines joined into it after its first one (PDF hard wraps)."""
    starts = {(item.page, item.line) for item in seg.items if isinstance(item, Para)}
    out: dict[tuple[int | None, int | None], list[Line]] = {}
    current: list[Line] | None = None
    for block in layout.blocks:
        if isinstance(block, Table):
            current = None
            continue
        key = (block.page, block.line)
        if key in starts:
            current = out.setdefault(key, [])
        elif current is not None:
            current.append(block)
    return out


def _pieces(para: Para, continuation: dict[tuple[int | None, int | None], list[Line]]) -> Iterator[Piece]:
    yield Piece(0, para.page, para.line)
    cursor = 0
    for line in continuation.get((para.page, para.line), []):
        probe = line.text.strip()[:12]
        found = para.text.find(probe, cursor) if probe else -1
        if found < 0:
            continue  # the line was rewritten when joined (markup, a cut word): keep the previous place
        yield Piece(found, line.page, line.line)
        cursor = found + len(probe)
