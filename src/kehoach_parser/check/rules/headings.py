"""Heading rule: word groups of section and annex headings that nearly match the section vocabulary
or the common heading phrases ("CHUYỂN ĐỔI SÓ" for "CHUYỂN ĐỔI SỐ")."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ...vocab import words
from ..context import Context
from ..registry import Hit, check
from .phrases import PhraseIndex


@lru_cache(maxsize=1)
def heading_phrases() -> PhraseIndex:
    phrases = [*words("section_kinds"), *words("lint", "headings")["common"]]
    # letter slips too ("TỔ CHỨC THỰC HIỆNN"), in phrases long enough that one slip cannot make other words
    return PhraseIndex(phrases, fuzzy_score=80)


def headings(ctx: Context) -> Iterator[tuple[str, int | None, int | None]]:
    """(heading text, line, page) of every section heading and annex title."""
    stack = list(ctx.plan.sections)
    while stack:
        section = stack.pop(0)
        if section.title:
            where = section.location
            yield section.title, where.line if where else None, where.page if where else None
        stack[:0] = section.children
    for annex in ctx.plan.annexes:
        where = annex.location
        for text in filter(None, (annex.label, annex.title)):
            yield text, where.line if where else None, where.page if where else None


@check("heading.near-miss")
def near_miss(ctx: Context) -> Iterator[Hit]:
    index = heading_phrases()
    for text, line, page in headings(ctx):
        for miss in index.near_misses(text, proper_noun_guard=False):
            yield Hit(line=ctx.locate(line, miss.found), page=page, text=miss.found,
                      params={"found": miss.found, "expected": miss.expected})
