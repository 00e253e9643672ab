"""Input rules: what the linter could read of a file. A file that is no plan, or whose text layer cannot be
read, gets one finding and no other; text read by OCR and excerpts cut off are checked in part."""
from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..registry import Hit, check, hit_at, label


@check("input.not-a-plan")
def not_a_plan(ctx: Context) -> Iterator[Hit]:
    if not ctx.facts.is_plan and not ctx.facts.readability.unreadable:
        yield hit_at(ctx.first_position)


@check("input.unreadable-text")
def unreadable_text(ctx: Context) -> Iterator[Hit]:
    readability = ctx.facts.readability
    if readability.unreadable:
        reason = label(f"unreadable_{readability.unreadable}")
        yield hit_at(ctx.first_position, params={"reason": reason.vi, "reason_en": reason.en,
                                                  "share": f"{readability.non_word_share:.0%}"})


@check("input.ocr")
def ocr(ctx: Context) -> Iterator[Hit]:
    if ctx.facts.readability.ocr and ctx.facts.is_plan and not ctx.facts.readability.unreadable:
        yield hit_at(ctx.first_position)


@check("input.truncated")
def truncated(ctx: Context) -> Iterator[Hit]:
    if ctx.facts.truncated and ctx.facts.is_plan and not ctx.facts.readability.unreadable:
        last = ctx.facts.spans[-1]
        yield hit_at(last.position(len(last.text) - 1), last.text[-60:])


@check("input.party-form")
def party_form(ctx: Context) -> Iterator[Hit]:
    header = ctx.facts.header
    if header.party_form and ctx.facts.is_plan and not ctx.facts.readability.unreadable:
        line = next((p for p in header.paras if p.text.strip()), None)
        yield hit_at((line.page, line.line) if line else ctx.first_position)


@check("input.unreadable")
def unreadable(ctx: Context) -> Iterator[Hit]:
    """Reported by the command line for a file that cannot be read at all; a parsed file never has it."""
    return iter(())
