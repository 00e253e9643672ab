"""What every rule reads: the parsed plan, the reader's raw lines, and facts derived once per file
(draft or issued, the issuer's level, the plan period, the earliest and latest possible issue date)."""
from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date
from functools import cached_property, lru_cache

import regex

from ..layout import Line
from ..model import Plan
from ..pipeline import ParsedDocument
from ..segment.paragraphs import Para
from ..text import SPACES, fold, nfc
from ..vocab import alternation, words
from .config import CheckConfig


def match_key(text: str) -> str:
    """Case- and spacing-insensitive key for finding an excerpt in a raw line."""
    return SPACES.sub(" ", nfc(text).casefold()).strip()


class Context:
    """One checked file. Rules read ``plan`` for facts and ``lines`` for the raw text."""

    def __init__(self, doc: ParsedDocument, config: CheckConfig | None = None) -> None:
        self.doc = doc
        self.plan: Plan = doc.plan
        self.layout = doc.layout
        self.segments = doc.segments
        self.config = config or CheckConfig()

    # --- raw text ---------------------------------------------------------------------------

    @cached_property
    def lines(self) -> dict[int, str]:
        """Line number -> the text the reader saw on it (a table row's cells joined by " | ")."""
        out: dict[int, str] = {}
        for block in self.layout.blocks:
            if isinstance(block, Line):
                if block.line is not None:
                    out[block.line] = block.text
            else:
                for row in block.rows:
                    if row.line is not None:
                        out[row.line] = " | ".join(c for c in row.cells)
        return out

    @cached_property
    def pages(self) -> dict[int, int | None]:
        """Line number -> page (paged inputs only)."""
        out: dict[int, int | None] = {}
        for block in self.layout.blocks:
            rows = [block] if isinstance(block, Line) else list(block.rows)
            for item in rows:
                if item.line is not None:
                    out[item.line] = item.page
        return out

    @cached_property
    def first_line(self) -> int | None:
        """The first line with text: where a finding about a missing header element points."""
        return min(self.lines) if self.lines else None

    def raw_lines(self, start: int | None = None, stop: int | None = None) -> Iterator[tuple[int, str]]:
        """(line, text) in order, from ``start`` up to but not including ``stop``."""
        for number in sorted(self.lines):
            if start is not None and number < start:
                continue
            if stop is not None and number >= stop:
                break
            yield number, self.lines[number]

    def locate(self, start: int | None, needle: str | None, *, span: int = 40) -> int | None:
        """The line at or after ``start`` (within ``span`` lines) where ``needle`` is printed; ``start``
        when it cannot be found (a paragraph's text is known by its first line only)."""
        if start is None or not needle:
            return start
        key = match_key(needle)
        for number, text in self.raw_lines(start, start + span):
            if key in match_key(text):
                return number
        return start

    # --- derived facts ----------------------------------------------------------------------

    @cached_property
    def header_paras(self) -> list[Para]:
        """The paragraphs above the kind word (or the first few when there is none)."""
        if self.segments.kind_para is not None:
            return list(self.segments.header)
        return [p for p in self.segments.items[:8] if isinstance(p, Para)]

    @cached_property
    def is_draft(self) -> bool:
        """A draft leaves its number blank ("Số: /KH-UBND") or says so ("DỰ THẢO") in its header;
        a blank day or month is then expected, to be filled in when the plan is signed."""
        doc = self.plan.document
        if doc.number_line and not doc.number:
            return True
        markers = [fold(m) for m in words("lint", "draft_markers")]
        return any(m in fold(p.text) for p in self.header_paras for m in markers)

    @cached_property
    def level(self) -> str | None:
        """The issuer's level word ("phường", "xã", "tỉnh" …), lower case."""
        return level_of(self.plan.document.issuer or "")

    @cached_property
    def period(self) -> tuple[date, date] | None:
        period = self.plan.document.period
        if period is None or period.start is None:  # "đến năm 2030": a horizon, not a period
            return None
        return date.fromisoformat(period.start), date.fromisoformat(period.end)

    @cached_property
    def issue_bounds(self) -> tuple[date, date] | None:
        """The earliest and latest day the plan can be dated (a blank day or month widens the span)."""
        issued = self.plan.document.issue_date
        if issued is None or issued.year is None:
            return None
        year = issued.year
        first_month, last_month = (issued.month, issued.month) if issued.month else (1, 12)
        try:
            if issued.day:
                day = date(year, first_month, issued.day)
                return day, day
            return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])
        except ValueError:
            return None

    def page_of(self, line: int | None) -> int | None:
        return self.pages.get(line) if line is not None else None


@lru_cache(maxsize=1)
def level_pattern() -> regex.Pattern[str]:
    """A level word of a unit or issuer name, lower case and whole: "… hành chính công xã",
    "xã Vĩnh Bảo", "phường." — never "cấp xã" (a tier, not a place) nor "xã hội"."""
    levels = alternation("organs", "levels", spaces=True)
    tier = regex.escape(words("lint", "units")["tier_word"])
    # "công xã", "xã Vĩnh Bảo", "xã;": the level word followed by the end, a name or punctuation
    return regex.compile(rf"(?<![\p{{L}}])(?<!{tier}\s)(?P<level>{levels})(?=$|\s+[\p{{Lu}}\d]|\s*[,;.)])")


def level_of(text: str) -> str | None:
    """The last level word in ``text`` ("Ủy ban nhân dân phường Lê Ích Mộc" -> "phường")."""
    found = list(level_pattern().finditer(text))
    return SPACES.sub(" ", found[-1]["level"]) if found else None
