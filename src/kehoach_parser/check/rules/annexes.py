"""Annex rules: Roman numbering from two annexes on, and the "(Kèm theo Kế hoạch số … ngày … của …)"
line: present, complete and matching the plan's own number, date and kind."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from ...model import Annex
from ...text import fold
from ...text.roman import roman_value, to_roman
from ...vocab import vocab
from ..context import Context
from ..registry import Hit, check, hit_at, joined, label

# "PHỤ LỤC II", "Phụ lục 2", "PHỤ LỤC SỐ 01": the label's numeral, if any
# a Roman numeral: "II", "XIV"
ROMAN = regex.compile(r"[IVXL]+")
LABEL_NUMERAL = regex.compile(r"\s+(?P<num>[IVXL]{1,5}|\d{1,2}|[A-Z])$")
@lru_cache(maxsize=1)
def _number_word_at_end() -> regex.Pattern[str]:
    """The number word closing a label: "PHỤ LỤC SỐ" (before its numeral)."""
    return regex.compile(rf"\s+{vocab().grammar.number}$", regex.IGNORECASE)


def _at(annex: Annex, ctx: Context) -> tuple[int | None, int | None]:
    """Where an annex's attachment line is printed (its label's place when it has none)."""
    return ctx.position(annex.location, annex.attached[:30] if annex.attached else None, following=20)


def _label_at(annex: Annex) -> tuple[int | None, int | None]:
    return (annex.location.page, annex.location.line) if annex.location else (None, None)


@check("annex.numbering")
def numbering(ctx: Context) -> Iterator[Hit]:
    annexes = ctx.plan.annexes
    if len(annexes) < 2:
        return
    for position, annex in enumerate(annexes, start=1):
        if annex.label is None:  # an attached table printed without a label
            continue
        m = LABEL_NUMERAL.search(annex.label)
        base = annex.label[: m.start()] if m else annex.label
        base = _number_word_at_end().sub("", base)
        if m and ROMAN.fullmatch(m["num"]) and roman_value(m["num"]) == position:
            continue
        expected = f"{base} {to_roman(position)}"
        yield hit_at(_label_at(annex), annex.label,
                     {"label": annex.label, "position": position, "count": len(annexes), "expected": expected})


@check("annex.attached-missing")
def attached_missing(ctx: Context) -> Iterator[Hit]:
    doc = ctx.plan.document
    for annex in ctx.plan.annexes:
        if annex.attached:
            continue
        params = {"label": annex.label or annex.title or "", "kind": (doc.kind_word or "…").capitalize()}
        params.update({"number": f"{doc.number or '…'}/{doc.symbol or '…'}",
                       "date": _date_words(doc.issue_date.raw) if doc.issue_date else "…",
                       "issuer": doc.issuer or "…"})
        yield hit_at(_label_at(annex), annex.label, params)


@check("annex.attached-format")
def attached_format(ctx: Context) -> Iterator[Hit]:
    for line in ctx.facts.attached:
        present = (("kind", line.kind), ("number", line.number_word), ("issue_date", (line.date_text or "").strip()),
                   ("issuer", line.issuer))
        missing = [key for key, value in present if not value]
        if missing:
            words_ = joined(missing)
            yield hit_at(_at(line.annex, ctx), line.printed, {
                "attached": line.printed, "missing": words_["vi"], "missing_en": words_["en"]})


@lru_cache(maxsize=1)
def _day_word_at_start() -> regex.Pattern[str]:
    """The day word opening a date: "ngày 10 tháng 7 năm 2025"."""
    return regex.compile(rf"^{vocab().grammar.day}\s*", regex.IGNORECASE)


def _date_words(raw: str) -> str:
    """"10 tháng 7 năm 2025" of "ngày 10 tháng 7 năm 2025" (the template prints its own "ngày")."""
    return _day_word_at_start().sub("", raw)


@check("annex.attached-mismatch")
def attached_mismatch(ctx: Context) -> Iterator[Hit]:
    doc = ctx.plan.document
    for line in ctx.facts.attached:
        where = _at(line.annex, ctx)
        if doc.kind_word and line.kind and not fold(line.kind).startswith(fold(doc.kind_word)):
            what = label("kind")
            yield hit_at(where, line.printed, {"what": what.vi, "what_en": what.en, "found": line.kind,
                                               "expected": doc.kind_word.capitalize()})
        if doc.number and line.number and line.number.lstrip("0") != doc.number.lstrip("0"):
            what = label("number")
            yield hit_at(where, line.printed, {"what": what.vi, "what_en": what.en, "found": line.number,
                                               "expected": doc.number})
        issued = doc.issue_date
        if issued is None or line.date is None:
            continue
        ours = (issued.day, issued.month, issued.year)
        clash = any(a is not None and b is not None and a != b for a, b in zip(line.date, ours, strict=True))
        blank = not ctx.is_draft and any(a is None and b is not None for a, b in zip(line.date, ours, strict=True))
        if clash or blank:
            what = label("issue_date")
            yield hit_at(where, line.printed, {"what": what.vi, "what_en": what.en,
                                               "found": (line.date_text or "").strip(" ,"), "expected": issued.raw})


@check("annex.attached-date-early")
def attached_date_early(ctx: Context) -> Iterator[Hit]:
    """A draft that leaves its day (or month) blank in the header while an annex line already dates it."""
    issued = ctx.plan.document.issue_date
    if issued is None or not ctx.facts.header.dateline:
        return
    for line in ctx.facts.attached:
        if line.date is None:
            continue
        early = [key for key, ours, theirs in (("day", issued.day, line.date[0]), ("month", issued.month, line.date[1]))
                 if ours is None and theirs is not None]
        if early:
            words_ = joined(early)
            yield hit_at(_at(line.annex, ctx), line.printed, {"attached": line.printed, "raw": issued.raw,
                                                              "blank": words_["vi"], "blank_en": words_["en"]})
