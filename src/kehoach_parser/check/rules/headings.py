"""Heading rule: word groups of section and annex headings that nearly match the section vocabulary
or the common heading phrases ("CHUYỂN ĐỔI SÓ" for "CHUYỂN ĐỔI SỐ")."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ...model import Location
from ...vocab import vocab
from ...vocab.lint import lint
from ..context import Context
from ..registry import Hit, check, hit_at
from .phrases import PhraseIndex


@lru_cache(maxsize=1)
def heading_phrases() -> PhraseIndex:
    phrases = [*vocab().section_kinds, *lint().headings.common]
    # letter slips too ("TỔ CHỨC THỰC HIỆNN"), in phrases long enough that one slip cannot make other words
    return PhraseIndex(phrases, fuzzy_score=80)


# an annex title runs over this many lines at most (the segmenter's limit)
ANNEX_TITLE_LINES = 16


def headings(ctx: Context) -> Iterator[tuple[str, Location | None, int]]:
    """(heading text, where it starts, how many texts after that one it may run on) of every section
    heading and annex title."""
    stack = list(reversed(ctx.plan.sections))
    while stack:
        section = stack.pop()
        if section.title:
            yield section.title, section.location, 0
        stack.extend(reversed(section.children))
    for annex in ctx.plan.annexes:
        for text in filter(None, (annex.label, annex.title)):
            yield text, annex.location, ANNEX_TITLE_LINES


@check("heading.near-miss")
def near_miss(ctx: Context) -> Iterator[Hit]:
    index = heading_phrases()
    for text, where, lines in headings(ctx):
        for miss in index.near_misses(text, proper_noun_guard=False):
            before = text.count(miss.found, 0, miss.start)  # the same words earlier in the heading
            yield hit_at(ctx.position(where, miss.found, following=lines, occurrence=before), miss.found,
                         {"found": miss.found, "expected": miss.expected})
