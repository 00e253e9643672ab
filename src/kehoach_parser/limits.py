"""Budgets: how much of the machine one input may take, as data with sane defaults.

Every reader and stage reads its budget from one :class:`Limits` (``parse(..., limits=Limits(...))``
or the CLI's ``--limit NAME=VALUE``). Past a budget the parser raises
:class:`~kehoach_parser.errors.InputTooLargeError`, which names the file, the budget and how to
raise it; it never degrades silently. The defaults let every real plan through (a 300-page scanned
PDF, a 50,000-row annex) and stop hostile files in seconds and well under 500 MB of memory.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Per-file budgets. Sizes in bytes, areas in PDF points squared (1 pt = 1/72 inch)."""

    # the whole input, read in bounded chunks (a larger file or an endless FIFO is refused early)
    max_input_bytes: int = 256 * MiB
    # wall-clock seconds for one file: checked between stages in-process, enforced by killing the
    # worker process in batch conversion (``kehoach parse``)
    seconds: float = 120.0
    # .docx packages (ZIP): total uncompressed size, size of one part, compression ratio of a part
    docx_max_uncompressed: int = 512 * MiB
    docx_max_part: int = 256 * MiB
    docx_max_ratio: float = 200.0
    # .docx packages: entries in the ZIP directory (real ones hold 15 to a few hundred), and the size
    # of one of the parts read whole (styles, numbering, relationships: real ones are under 1 MiB)
    docx_max_parts: int = 10_000
    docx_max_side_part: int = 4 * MiB
    # XML parts: nesting depth and number of elements
    xml_max_depth: int = 256
    xml_max_elements: int = 1_000_000  # a 60-page plan holds some 15,000; parsing takes some 8 µs each
    # tables: columns of one row (a w:gridSpan counts its columns) and rows of one table
    table_max_columns: int = 512
    table_max_rows: int = 200_000
    # Word automatic numbering: the largest counter value and the longest rendered label
    numbering_max_value: int = 100_000
    numbering_max_label: int = 64
    # PDFs: pages, decompressed content-stream bytes of one page, characters of one page, page area
    pdf_max_pages: int = 300  # as ocr_max_pages; a long plan with its annexes is under 100; 20 ms a page
    pdf_max_stream_bytes: int = 64 * MiB
    # the content streams of one page together (a dense page of text is some 50 KB; a stream repeated
    # 1,000 times on a page makes millions of characters)
    pdf_max_page_content_bytes: int = 4 * MiB
    # forms and images drawn by one page's content (a form that draws itself is drawn again at every
    # level PDFium allows; real pages draw a few, a map of tiles some hundreds)
    pdf_max_page_draws: int = 2_000
    pdf_max_chars_per_page: int = 200_000
    pdf_max_page_area: float = 14_400.0 * 14_400.0  # the PDF format's own largest page: 200 × 200 inches
    # PDFs: horizontal and vertical ruling-line segments drawn on one page (table borders)
    pdf_max_rules_per_page: int = 20_000
    # OCR: pixels of one rendered page (a giant page is rendered at a lower resolution) and pages read
    ocr_max_pixels: int = 16_000_000
    ocr_max_pages: int = 300
    # the section tree: numbering levels below a Roman section ("1.2.3.4…")
    max_section_depth: int = 16
    # characters of one text input after decoding (plain text and Markdown), and of the text read
    # from one Word document
    max_text_chars: int = 64 * MiB
    # address space of one worker process in batch conversion (``kehoach parse``, RLIMIT_AS): a file
    # that needs more fails with InputTooLargeError instead of taking the machine down
    max_memory_bytes: int = 2048 * MiB
    # lines and table rows of one document's layout (a 50,000-row annex is 50,000)
    max_layout_blocks: int = 1_000_000

    def override(self, **changes: Any) -> Limits:
        """A copy with some budgets changed (unknown names raise ``TypeError``)."""
        return replace(self, **changes)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def parse_assignment(cls, text: str, base: Limits | None = None) -> Limits:
        """``"pdf_max_pages=5000"`` -> a copy of ``base`` with that budget (CLI ``--limit``)."""
        name, sep, value = text.partition("=")
        name = name.strip().replace("-", "_")
        kinds = {f.name: f.type for f in fields(cls)}
        if not sep or name not in kinds:
            raise ValueError(f"unknown budget {name!r} (known: {', '.join(cls.names())})")
        number: float = float(value) if "." in value or "e" in value.lower() else int(value.replace("_", ""))
        if number <= 0:
            raise ValueError(f"budget {name} must be positive")
        current = base or cls()
        return current.override(**{name: number if kinds[name] in ("float", float) else int(number)})


DEFAULT_LIMITS = Limits()


def budget_hint(name: str) -> str:
    """How a user raises budget ``name``: shown in every InputTooLargeError."""
    return f"budget {name}: raise it with --limit {name}=N or Limits({name}=N)"


class BudgetExceeded(Exception):
    """Raised by any stage when the input passes a budget; ``parse`` turns it into an
    :class:`~kehoach_parser.errors.InputTooLargeError` naming the file (stages do not know it)."""

    def __init__(self, problem: str, budget: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.budget = budget


class Deadline:
    """The wall-clock budget of one file, checked between steps (pages, stages)."""

    def __init__(self, seconds: float) -> None:
        import time

        self._clock = time.monotonic
        self.seconds = seconds
        self.end = self._clock() + seconds

    def check(self) -> None:
        if self._clock() > self.end:
            raise BudgetExceeded(f"parsing took longer than {self.seconds:g} s", "seconds")

    def remaining(self) -> float:
        return max(0.0, self.end - self._clock())
