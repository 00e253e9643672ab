"""Annex facts: each annex's "(Kèm theo Kế hoạch số … ngày … của …)" line split in its parts as printed —
the kind, the number (or a blank one), the date's day, month and year (blank parts None), the issuer."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ...model import Annex
from ...vocab import alternation, vocab
from ..dates import WORD_DATE

# " / /2026", " 05/01/2026", " …/…/2026" after "ngày": a numeric date with blank parts allowed
LOOSE_NUMERIC = regex.compile(
    r"^[\s…_.]*(?P<d>\d{1,2})?[\s…_.]*[/\-][\s…_.]*(?P<m>\d{1,2})?[\s…_.]*[/\-]\s*(?P<y>\d{4})")

DateParts = tuple[int | None, int | None, int | None]  # (day, month, year), None where left blank


@dataclass(frozen=True)
class AttachedLine:
    """An annex's attachment line as printed and its parts."""

    annex: Annex
    printed: str
    kind: str | None  # "Kế hoạch"
    number_word: bool  # "số" is printed (a draft's "số /KH-UBND" keeps its word, not its number)
    number: str | None  # "12"; None when blank
    date_text: str | None  # what follows "ngày"
    date: DateParts | None  # None when no date is printed at all
    issuer: str | None


@lru_cache(maxsize=1)
def attached_form() -> regex.Pattern[str]:
    """"(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND phường An Bình)" split in its parts."""
    g = vocab().grammar
    lead = alternation(vocab().closing.attached, spaces=True)
    return regex.compile(
        rf"(?:{lead})\s+(?P<kind>.*?)"
        rf"(?:\s+{g.number}\b\s*:?\s*(?P<num>\d+)?\s*(?:/\s*(?P<sym>[\p{{L}}\d\-–/]+))?)?"
        rf"(?:\s*,?\s*{g.day}\b(?P<date>.*?))?"
        rf"(?:\s*,?\s*{g.of}\b\s*(?P<issuer>[^)]*))?\s*\)?\s*$",
        regex.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _number_word() -> regex.Pattern[str]:
    # "số" as a word of the line: "Kế hoạch số /KH-UBND"
    return regex.compile(rf"(?<![\p{{L}}]){vocab().grammar.number}\b", regex.IGNORECASE)


def date_parts(after: str) -> DateParts | None:
    """(day, month, year) of the text after "ngày" in an attachment line; blank parts are None."""
    m = WORD_DATE.search(f"{vocab().grammar.day} {after}")
    if m is None or not (m["d"] or m["m"] or m["y"]):
        m = LOOSE_NUMERIC.match(after)
    if m is None:
        return None
    day, month, year = (int(x) if x else None for x in (m["d"], m["m"], m["y"]))
    return day, month, year


def attached_lines(annexes: list[Annex]) -> list[AttachedLine]:
    """The attachment line of every annex that has one, split in its parts."""
    out = []
    for annex in annexes:
        if not annex.attached:
            continue
        m = attached_form().search(annex.attached)
        parts = {k: (v or "").strip() or None for k, v in (m.groupdict() if m else {}).items()}
        date_text = m["date"] if m else None
        out.append(AttachedLine(annex, annex.attached, parts.get("kind"), bool(_number_word().search(annex.attached)),
                                parts.get("num"), date_text, date_parts(date_text or "") if m else None,
                                parts.get("issuer")))
    return out
