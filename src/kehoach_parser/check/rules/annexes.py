"""Annex rules: Roman numbering from two annexes on, and the "(Kèm theo Kế hoạch số … ngày … của …)"
line: present, complete and matching the plan's own number, date and kind."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from ...model import Annex
from ...segment.markers import roman_value
from ...text import fold
from ...vocab import alternation, words
from ..context import Context
from ..registry import Hit, check, joined, label
from ..util import to_roman
from .header import DATE_PARTS

# "PHỤ LỤC II", "Phụ lục 2", "PHỤ LỤC SỐ 01": the label's numeral, if any
LABEL_NUMERAL = regex.compile(r"\s+(?P<num>[IVXL]{1,5}|\d{1,2}|[A-Z])$")
# " / /2026", " 05/01/2026", " …/…/2026" after "ngày": a numeric date with blank parts allowed
LOOSE_NUMERIC = regex.compile(r"^[\s…_.]*(?P<d>\d{1,2})?[\s…_.]*[/\-][\s…_.]*(?P<m>\d{1,2})?[\s…_.]*[/\-]\s*(?P<y>\d{4})")


@lru_cache(maxsize=1)
def attached_form() -> regex.Pattern[str]:
    """"(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND phường An Bình)" split in its parts."""
    table = words("lint", "annexes")
    lead = alternation("closing", "attached", spaces=True)
    return regex.compile(
        rf"(?:{lead})\s+(?P<kind>.*?)"
        rf"(?:\s+{table['number']}\b\s*:?\s*(?P<num>\d+)?\s*(?:/\s*(?P<sym>[\p{{L}}\d\-–/]+))?)?"
        rf"(?:\s*,?\s*{table['date']}\b(?P<date>.*?))?"
        rf"(?:\s*,?\s*{table['issuer']}\b\s*(?P<issuer>[^)]*))?\s*\)?\s*$",
        regex.IGNORECASE,
    )


def _line(annex: Annex, ctx: Context) -> int | None:
    line = annex.location.line if annex.location else None
    return ctx.locate(line, annex.attached) if annex.attached else line


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
        base = regex.sub(rf"\s+{words('lint', 'annexes')['number']}$", "", base, flags=regex.IGNORECASE)
        if m and regex.fullmatch(r"[IVXL]+", m["num"]) and roman_value(m["num"]) == position:
            continue
        expected = f"{base} {to_roman(position)}"
        yield Hit(line=annex.location.line if annex.location else None, text=annex.label,
                  params={"label": annex.label, "position": position, "count": len(annexes), "expected": expected})


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
        yield Hit(line=annex.location.line if annex.location else None, text=annex.label, params=params)


@check("annex.attached-format")
def attached_format(ctx: Context) -> Iterator[Hit]:
    for annex in ctx.plan.annexes:
        if not annex.attached:
            continue
        m = attached_form().search(annex.attached)
        parts = m.groupdict() if m else {}
        missing = [key for key, group in (("kind", "kind"), ("number", "num"), ("issue_date", "date"), ("issuer", "issuer"))
                   if not _has(parts, group, annex.attached)]
        if missing:
            words_ = joined(missing)
            yield Hit(line=_line(annex, ctx), text=annex.attached, params={
                "attached": annex.attached, "missing": words_["vi"], "missing_en": words_["en"]})


def _has(parts: dict[str, str | None], key: str, attached: str) -> bool:
    if key == "num":  # "số /KH-UBND" (a draft's blank number) still has its "số"
        table = words("lint", "annexes")
        return bool(regex.search(rf"(?<![\p{{L}}]){table['number']}\b", attached, regex.IGNORECASE))
    return bool((parts.get(key) or "").strip())


def _date_words(raw: str) -> str:
    """"10 tháng 7 năm 2025" of "ngày 10 tháng 7 năm 2025" (the template prints its own "ngày")."""
    word = words("lint", "annexes")["date"]
    return regex.sub(rf"^{word}\s*", "", raw, flags=regex.IGNORECASE)


def _date_parts(after: str) -> tuple[int | None, int | None, int | None] | None:
    """(day, month, year) of the text after "ngày" in an attachment line; blank parts are None."""
    word = words("lint", "annexes")["date"]
    m = DATE_PARTS.search(f"{word} {after}")
    if m is None or not (m["d"] or m["m"] or m["y"]):
        m = LOOSE_NUMERIC.match(after)
    if m is None:
        return None
    return tuple(int(x) if x else None for x in (m["d"], m["m"], m["y"]))  # type: ignore[return-value]


@check("annex.attached-mismatch")
def attached_mismatch(ctx: Context) -> Iterator[Hit]:
    doc = ctx.plan.document
    for annex in ctx.plan.annexes:
        if not annex.attached:
            continue
        m = attached_form().search(annex.attached)
        if not m:
            continue
        line = _line(annex, ctx)
        kind = (m["kind"] or "").strip()
        if doc.kind_word and kind and not fold(kind).startswith(fold(doc.kind_word)):
            what = label("kind")
            yield Hit(line=line, text=annex.attached, params={"what": what.vi, "what_en": what.en, "found": kind,
                                                              "expected": doc.kind_word.capitalize()})
        if doc.number and m["num"] and m["num"].lstrip("0") != doc.number.lstrip("0"):
            what = label("number")
            yield Hit(line=line, text=annex.attached, params={"what": what.vi, "what_en": what.en, "found": m["num"],
                                                              "expected": doc.number})
        issued = doc.issue_date
        found = _date_parts(m["date"] or "")
        if issued is None or found is None:
            continue
        ours = (issued.day, issued.month, issued.year)
        clash = any(a is not None and b is not None and a != b for a, b in zip(found, ours))
        blank = not ctx.is_draft and any(a is None and b is not None for a, b in zip(found, ours))
        if clash or blank:
            what = label("issue_date")
            yield Hit(line=line, text=annex.attached, params={"what": what.vi, "what_en": what.en,
                                                              "found": (m["date"] or "").strip(" ,"),
                                                              "expected": issued.raw})
