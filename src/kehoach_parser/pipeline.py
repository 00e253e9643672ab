"""Layout -> Plan: segment the layout, run every extractor, assemble the validated model."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .extract.closing import extract_annexes, extract_recipients, extract_signature
from .extract.header import extract_document
from .extract.references import extract_references
from .extract.sections import extract_sections
from .extract.targets import table_targets, text_targets
from .extract.tasks import body_tasks, table_tasks
from .layout import Layout, Table
from .limits import DEFAULT_LIMITS, Deadline, Limits
from .model import Document, Location, ParseWarning, Plan, Source
from .segment.document import Segments, segment
from .segment.paragraphs import Item, Para
from .segment.tables import LogicalTable

if TYPE_CHECKING:
    from .extract.facts import DocumentFacts


@dataclass(frozen=True)
class ParsedDocument:
    """A plan with the intermediate results it was built from (for tools that need the raw text:
    the linter reads recipients' bullets, annex group rows and the reading-order texts)."""

    plan: Plan
    layout: Layout
    segments: Segments
    tables: list[tuple[Table, LogicalTable]] = field(default_factory=list)  # data tables, in reading order
    texts: list[tuple[str, Location]] = field(default_factory=list)  # every text with its place (citations)

    @cached_property
    def facts(self) -> DocumentFacts:
        """What the linter reads: texts with their (page, line), header and closing lines as printed,
        citations with their clauses, table roles, readability (gathered on first use)."""
        from .extract.facts import collect_facts

        return collect_facts(self.plan, self.layout, self.segments, self.tables)


def build_plan(layout: Layout, source: Source) -> Plan:
    return analyse(layout, source).plan


def analyse(layout: Layout, source: Source, *, limits: Limits = DEFAULT_LIMITS,
            deadline: Deadline | None = None) -> ParsedDocument:
    """Segment the layout, run every extractor and keep the intermediate results beside the plan."""
    deadline = deadline or Deadline(limits.seconds)
    seg = segment(layout, limits)
    deadline.check()
    tables = seg.tables
    warnings = [ParseWarning(code=c, message=m) for c, m in (*layout.warnings, *seg.warnings)]

    signature = extract_signature(seg.closing)
    unreadable: list[tuple[str, str]] = []
    document = extract_document(seg, signature.organ if signature else None, unreadable)
    warnings.extend(ParseWarning(code=c, message=m, location=document.location) for c, m in unreadable)
    year = plan_year(document)

    targets = text_targets(seg.sections)
    tasks = body_tasks(seg.sections, year)
    for table, logical in tables:
        warnings.extend(ParseWarning(code=c, message=m, location=Location(page=table.page, line=table.line))
                        for c, m in logical.warnings)
        if logical.kind == "targets":
            targets.extend(table_targets(logical, year))
        elif logical.kind == "tasks":
            tasks.extend(table_tasks(logical, year))
        elif len(table.rows) > 1:
            warnings.append(ParseWarning(code="table_not_recognised",
                                    message="a table whose header names neither tasks nor targets was skipped",
                                    location=Location(page=table.page, line=table.line)))
    targets.sort(key=lambda t: _order(t.location))
    tasks.sort(key=lambda t: _order(t.location))

    recipients = extract_recipients(seg.closing)
    own_id = f"{document.number}/{document.symbol}" if document.number and document.symbol else None
    if seg.kind is None:
        warnings.append(ParseWarning(code="no_kind_word", message="no kind word (KẾ HOẠCH …) above a title was found"))
    if not seg.sections:
        warnings.append(ParseWarning(code="no_sections", message="no Roman-numeral section heading was found"))
    if seg.origin == "web_page":
        source = source.model_copy(update={"origin": "web_page"})
        warnings.append(ParseWarning(code="web_page", message="text copied from a web page: only its Roman-numeral "
                                     "sections are read into the section tree (a page's numbered items are cut and "
                                     "wrapped by the copy)"))

    texts = list(_texts(seg.items, {id(t): lt for t, lt in tables}))
    plan = Plan(
        source=source,
        document=document,
        references=extract_references(texts, own_id),
        sections=extract_sections(seg.sections, top_only=seg.origin == "web_page"),
        targets=targets,
        tasks=tasks,
        signature=signature,
        recipients=[text for text, _ in recipients],
        recipient_locations=[where for _, where in recipients],
        annexes=extract_annexes(seg.annexes),
        warnings=warnings,
    )
    return ParsedDocument(plan, layout, seg, tables, texts)


def plan_year(document: Document) -> int | None:
    """The one calendar year a plan covers (completes "Quý II" printed without a year)."""
    if document.period and document.period.start and document.period.start[:4] == document.period.end[:4]:
        return int(document.period.start[:4])
    if document.issue_date and document.issue_date.year and document.period is None:
        return document.issue_date.year
    return None


def _texts(items: list[Item], logical: dict[int, LogicalTable]) -> Iterator[tuple[str, Location]]:
    """Every text in reading order with its place, table rows as stitched ("NĐ-" + "CP" joined back)."""
    for item in items:
        if isinstance(item, Para):
            yield item.text, Location(page=item.page, line=item.line)
            continue
        table = logical.get(id(item))
        if table is not None and table.kind != "other":
            for row in table.rows:
                where = Location(page=row.page, line=row.line)
                for text in ([row.group] if row.group else []) + list(row.cells.values()) + list(row.values.values()):
                    yield text, where
        else:
            for printed in item.rows:
                for text in printed.cells:
                    yield text, Location(page=printed.page, line=printed.line)


def _order(location: Location | None) -> tuple[int, int]:
    if location is None:
        return (0, 0)
    return (location.page or 0, location.line or 0)
