"""The facts a reviewer (and ``kehoach check``) reads off a parsed document, gathered once: every text
with the (page, line) of each of its physical lines, the header and closing lines as printed, each
citation with what its clause says of it, the data tables' roles, and whether the text can be trusted.

Rules read these instead of parsing the text again; positions are always (page, line), since PDF lines
are numbered per page.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ...layout import Layout, Table
from ...model import Location, Plan
from ...segment.document import Segments
from ...segment.markers import ROMAN_HEADING
from ...segment.tables import LogicalTable
from .annexes import AttachedLine, attached_lines
from .citations import CitationFact, citation_facts, document_key
from .closing import ArchiveLine, ClosingFacts, RecipientEntry, closing_facts
from .header import HeaderFacts, NumberLine, PrintedLine, header_facts
from .readability import Readability, readability
from .spans import Piece, Position, TextSpan, Zone, position_key, text_spans
from .tables import TableFacts, TableRowFact, table_facts

__all__ = [
    "ArchiveLine", "AttachedLine", "CitationFact", "ClosingFacts", "DocumentFacts", "HeaderFacts", "NumberLine",
    "Piece", "Position", "PrintedLine", "Readability", "RecipientEntry", "TableFacts", "TableRowFact", "TextSpan",
    "Zone", "collect_facts", "document_key", "position_key",
]

# sentence-final punctuation: a document whose last text ends otherwise was cut off mid-sentence
TERMINAL = (".", ";", ":", "!", "?", "…", ")", "”", "\"")


@dataclass
class DocumentFacts:
    plan: Plan
    spans: list[TextSpan]
    header: HeaderFacts
    closing: ClosingFacts
    tables: list[TableFacts]
    readability: Readability
    has_kind_word: bool
    own_key: tuple[str, ...] | None
    by_start: dict[Position, list[int]] = field(default_factory=dict)  # (page, line) -> indexes into spans

    def __post_init__(self) -> None:
        for i, span in enumerate(self.spans):
            self.by_start.setdefault(span.start, []).append(i)

    @cached_property
    def citations(self) -> list[CitationFact]:
        return citation_facts(self.spans, self.own_key)

    @cached_property
    def attached(self) -> list[AttachedLine]:
        """Each annex's "(Kèm theo Kế hoạch số … ngày … của …)" line split in its parts."""
        return attached_lines(self.plan.annexes)

    @cached_property
    def table_rows(self) -> dict[Position, TableFacts]:
        """(page, line) of a data table row -> its table (where a task or target of a table stands)."""
        return {(row.page, row.line): table for table in self.tables for row in table.rows}

    @property
    def first_position(self) -> Position:
        """Where the document's text starts: the place of findings about a missing header part."""
        return self.spans[0].start if self.spans else (None, None)

    @cached_property
    def is_plan(self) -> bool:
        """A kind word, a number line, Roman sections, tasks or targets: the file is a plan (or a part of one)."""
        plan = self.plan
        return bool(self.has_kind_word or self.header.number_line or plan.sections or plan.tasks or plan.targets
                    or any(ROMAN_HEADING.match(s.text) for s in self.spans[:200] if not s.in_table))

    @cached_property
    def truncated(self) -> bool:
        """The text stops mid-sentence in the body with no closing block: an excerpt cut off."""
        if self.closing.present or self.plan.annexes or not self.spans:
            return False
        last = self.spans[-1]
        return not last.in_table and not last.text.rstrip().endswith(TERMINAL)

    def position(self, location: Location | None, needle: str | None = None, *, following: int = 0,
                 occurrence: int = 0) -> Position:
        """Where the ``occurrence``-th ``needle`` is printed in the text that starts at ``location`` (or in
        the ``following`` texts after it); the location itself when it cannot be found."""
        if location is None:
            return None, None
        start = (location.page, location.line)
        indexes = self.by_start.get(start)
        if not needle or not indexes:
            return start
        skip = occurrence
        for span in self.spans[indexes[0]:indexes[-1] + 1 + following]:
            at = span.text.find(needle)
            while at >= 0:
                if not skip:
                    return span.position(at)
                skip -= 1
                at = span.text.find(needle, at + 1)
        return start


def collect_facts(plan: Plan, layout: Layout, segments: Segments,
                  tables: list[tuple[Table, LogicalTable]]) -> DocumentFacts:
    """Gather the facts of one parsed document (linear in its size)."""
    spans = text_spans(layout, segments)
    header = header_facts(segments, plan)
    number = header.number_line
    doc = plan.document
    if number and number.number and number.symbol:  # the number as printed in the header, else the parser's
        own: tuple[str, ...] | None = document_key(f"{number.number}/{number.symbol}")
    else:
        own = document_key(f"{doc.number}/{doc.symbol}") if doc.number and doc.symbol else None
    codes = {w.code for w in plan.warnings}
    return DocumentFacts(plan, spans, header, closing_facts(segments), table_facts(segments, tables),
                         readability(spans, codes), segments.kind is not None, own)
