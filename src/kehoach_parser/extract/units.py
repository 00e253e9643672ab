"""Lead and coordinating cells -> lists of units, without breaking names that hold commas.

Split on ";" always; on ", " or " và " only when the next word starts a new unit ("Phòng",
"Các", "Trung tâm" …, exact case: "ban" in "các phòng, ban" starts nothing). Joint names such as
"Văn phòng HĐND và UBND" are never split.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..text import clean, strip_bullet, strip_trailing
from ..vocab import vocab

PLACEHOLDER = "\uE000{}\uE001"
# a protected compound, e.g. "\uE0000\uE001"
SLOT = regex.compile(r"\uE000(\d+)\uE001")


@lru_cache(maxsize=1)
def _splitter() -> regex.Pattern[str]:
    starters = sorted(vocab().units.starters, key=len, reverse=True)
    alternatives = "|".join(regex.escape(s) for s in starters)
    # ", Phòng …" / " và các …" / "; …"
    and_ = regex.escape(vocab().grammar.and_)
    return regex.compile(rf"\s*;\s*|,\s+(?=(?:{alternatives})\b)|\s+{and_}\s+(?=(?:{alternatives})\b)")


@lru_cache(maxsize=1)
def _compounds() -> list[str]:
    return sorted(vocab().units.compounds, key=len, reverse=True)


def split_units(text: str | None) -> list[str]:
    # a line break inside a cell (a Word cell with one unit per paragraph) separates units too
    text = clean("; ".join(line for line in (text or "").splitlines() if line.strip()))
    if not text:
        return []
    protected: list[str] = []
    for compound in _compounds():
        while compound in text:
            text = text.replace(compound, PLACEHOLDER.format(len(protected)), 1)
            protected.append(compound)
    units = []
    for part in _splitter().split(text):
        part = SLOT.sub(lambda m: protected[int(m.group(1))], part)
        part = strip_trailing(strip_bullet(part.strip())).strip()
        if part:
            units.append(part)
    return units
