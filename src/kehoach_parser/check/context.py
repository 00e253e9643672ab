"""What every rule reads: the parsed plan and the facts gathered from it once per file (texts with their
(page, line), header and closing lines as printed, citations, tables), and a few derived facts: draft or
issued, the issuer's level, the plan period, the earliest and latest possible issue date."""
from __future__ import annotations

import calendar
from datetime import date
from functools import cached_property, lru_cache

import regex

from ..extract.facts import DocumentFacts, Position
from ..model import Location, Plan
from ..pipeline import ParsedDocument
from ..segment.paragraphs import Para
from ..text import SPACES, fold, nfc
from ..vocab import alternation, vocab
from ..vocab.lint import lint
from .config import CheckConfig


def match_key(text: str) -> str:
    """Case- and spacing-insensitive key for comparing two excerpts."""
    return SPACES.sub(" ", nfc(text).casefold()).strip()


class Context:
    """One checked file. Rules read ``plan`` and ``facts``; positions are (page, line)."""

    def __init__(self, doc: ParsedDocument, config: CheckConfig | None = None) -> None:
        self.doc = doc
        self.plan: Plan = doc.plan
        self.segments = doc.segments
        self.facts: DocumentFacts = doc.facts
        self.config = config or CheckConfig()

    @property
    def first_position(self) -> Position:
        """Where the document starts: the place of a finding about a missing header part."""
        return self.facts.first_position

    @property
    def header_paras(self) -> tuple[Para, ...]:
        return self.facts.header.paras

    def position(self, location: Location | None, needle: str | None = None, *, following: int = 0,
                 occurrence: int = 0) -> Position:
        """Where the ``occurrence``-th ``needle`` is printed in the text at ``location`` (or the ``following``
        texts after it)."""
        return self.facts.position(location, needle, following=following, occurrence=occurrence)

    # --- derived facts ----------------------------------------------------------------------

    @cached_property
    def is_draft(self) -> bool:
        """A draft leaves its number blank ("Số: /KH-UBND") or says so ("DỰ THẢO") in its header;
        a blank day or month is then expected, to be filled in when the plan is signed."""
        number = self.facts.header.number_line
        return bool(number and not number.number) or self.facts.header.draft_marker

    @cached_property
    def level(self) -> str | None:
        """The issuer's level word ("phường", "xã", "tỉnh" …, or "bộ" for a ministry), lower case."""
        issuer = self.plan.document.issuer or self.facts.header.issuing_organ or ""
        organ_levels: dict[str, str] = lint().units.organ_levels
        folded = fold(issuer)
        for organ, level in sorted(organ_levels.items(), key=lambda kv: -len(kv[0])):
            if folded.startswith(fold(organ) + " "):
                return level
        return level_of(issuer)

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

    @cached_property
    def reference_day(self) -> date | None:
        """The day the plan speaks from: its issue date (the earliest possible one), else its period's start."""
        if self.issue_bounds:
            return self.issue_bounds[0]
        return self.period[0] if self.period else None


@lru_cache(maxsize=1)
def level_pattern() -> regex.Pattern[str]:
    """A level word of a unit or issuer name, lower case and whole: "… hành chính công xã",
    "xã Vĩnh Bảo", "phường." — never "cấp xã" (a tier, not a place) nor "xã hội"."""
    levels = alternation(vocab().organs.levels, spaces=True)
    tier = regex.escape(lint().units.tiers.tier_word)
    # "công xã", "xã Vĩnh Bảo", "xã;": the level word followed by the end, a name or punctuation
    return regex.compile(rf"(?<![\p{{L}}])(?<!{tier}\s)(?P<level>{levels})(?=$|\s+[\p{{Lu}}\d]|\s*[,;.)])")


def level_of(text: str) -> str | None:
    """The last level word in ``text`` ("Ủy ban nhân dân phường Lê Ích Mộc" -> "phường")."""
    found = list(level_pattern().finditer(text))
    return SPACES.sub(" ", found[-1]["level"]) if found else None
