"""Header rules: issuing organ, number and symbol, kind word, title, place and date (Decree 30)."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from ...extract.dates import NUMERIC_DATE, WORD_DATE, iso
from ...segment.markers import NUMBER_LINE
from ...text import fold, is_upper_text
from ...vocab import words
from ..context import Context, match_key
from ..registry import Hit, check, joined, label
from ..util import excerpt

# "KH - UBND", "kh-ubnd" after "Số: 12/": the symbol as printed, spaced dashes included
PRINTED_SYMBOL = regex.compile(r"[\p{L}\d.]+(?:\s*[-–/]\s*[\p{L}\d.]+)*")
# "ngày 5 tháng 1 năm 2026" -> the day, month and year digits as printed (blank parts allowed)
DATE_PARTS = WORD_DATE


@lru_cache(maxsize=1)
def symbol_form() -> regex.Pattern[str]:
    """"KH-UBND", "2025/QĐ-UBND", "CTr-UBND": kind abbreviation and organ parts in capitals."""
    mixed = "|".join(map(regex.escape, words("lint", "header")["mixed_case_kinds"]))
    # "KH-UBND", "QĐ-BKHCN", "CTr-BCĐ", "2025/NĐ-CP" (a year first: normative documents)
    return regex.compile(rf"^(?:\d{{4}}/)?(?:[A-ZĐ]+|{mixed})(?:[-/][A-ZĐ0-9]+)+$")


@lru_cache(maxsize=1)
def _organ_pattern() -> regex.Pattern[str]:
    organs = words("organs")
    names = sorted({fold(n) for n in organs["names"]} | {fold(a) for a in organs["abbreviations"]}, key=len, reverse=True)
    # "uy ban nhan dan", "ubnd", "so" … as whole words of a folded line ("ubnd phuong an binh")
    return regex.compile(rf"(?<![a-z0-9])(?:{'|'.join(map(regex.escape, names))})(?![a-z0-9])")


def _kind_abbreviation(kind: str) -> str | None:
    for prefix, value in words("symbol_kinds").items():
        if value == kind:
            return prefix
    return None


def _kind_word(kind: str) -> str | None:
    for word, value in words("document_kinds").items():
        if value == kind:
            return word
    return None


def _organ_abbreviation(issuer: str | None) -> str | None:
    if not issuer:
        return None
    folded = fold(issuer)
    for short, long in words("organs", "abbreviations").items():
        if folded.startswith(fold(long)):
            return short
    return None


def number_line_at(ctx: Context) -> int | None:
    for para in ctx.header_paras:
        if NUMBER_LINE.search(para.text):
            return para.line
    return None


def dateline_at(ctx: Context) -> int | None:
    dateline = ctx.plan.document.dateline
    if not dateline:
        return None
    key = match_key(dateline)
    for para in ctx.header_paras:
        if key in match_key(para.text):
            return ctx.locate(para.line, dateline)
    return None


@check("header.organ-missing")
def organ_missing(ctx: Context) -> Iterator[Hit]:
    pattern = _organ_pattern()
    for para in ctx.header_paras:
        if NUMBER_LINE.search(para.text) or not is_upper_text(para.text):
            continue
        if pattern.search(fold(para.text)):
            return
    issuer = ctx.plan.document.issuer
    params = {"organ": issuer.upper()} if issuer else {}
    yield Hit(line=ctx.first_line, params=params)


@check("header.number-missing")
def number_missing(ctx: Context) -> Iterator[Hit]:
    if ctx.plan.document.number_line:
        return
    kind = _kind_abbreviation(ctx.plan.document.kind)
    organ = _organ_abbreviation(ctx.plan.document.issuer)
    params = {"symbol": f"{kind}-{organ}"} if kind and organ else {}
    yield Hit(line=ctx.first_line, params=params)


@check("header.number-format")
def number_format(ctx: Context) -> Iterator[Hit]:
    number = ctx.plan.document.number
    if not number:
        return
    line = number_line_at(ctx)
    if not number.isdigit():
        yield Hit(line=line, text=ctx.plan.document.number_line, params={"number": number}, variant="digits")
    elif int(number) < 10 and len(number) == 1:
        yield Hit(line=line, text=ctx.plan.document.number_line, params={"number": number, "expected": f"0{number}"})


@check("header.symbol-format")
def symbol_format(ctx: Context) -> Iterator[Hit]:
    line = number_line_at(ctx)
    if line is None:
        return
    para = next(p for p in ctx.header_paras if p.line == line)
    number = NUMBER_LINE.search(para.text)
    m = PRINTED_SYMBOL.match(para.text, number.start("sym")) if number else None
    if not m:
        return
    printed = m.group().rstrip(".")
    expected = regex.sub(r"\s+", "", printed).replace("–", "-").upper()
    for mixed in words("lint", "header")["mixed_case_kinds"]:
        if expected.startswith(mixed.upper() + "-"):
            expected = mixed + expected[len(mixed):]
    if printed != expected or not symbol_form().match(printed):
        params = {"symbol": printed}
        if symbol_form().match(expected):
            params["expected"] = expected
        yield Hit(line=line, text=printed, params=params)


@check("header.kind-missing")
def kind_missing(ctx: Context) -> Iterator[Hit]:
    if ctx.segments.kind is not None:
        return
    kind = ctx.plan.document.kind
    word = _kind_word(kind) if kind != "other" else None
    yield Hit(line=ctx.first_line, params={"kind": word} if word else {})


@check("header.kind-symbol-mismatch")
def kind_symbol_mismatch(ctx: Context) -> Iterator[Hit]:
    doc = ctx.plan.document
    if not doc.kind_word or not doc.symbol or doc.kind == "other":
        return
    symbol = doc.symbol.split("/")[-1]  # "2025/QĐ-UBND" -> "QĐ-UBND"
    prefix, _, rest = symbol.partition("-")
    expected_prefix = _kind_abbreviation(doc.kind)
    if expected_prefix is None or prefix.casefold() == expected_prefix.casefold():
        return
    params = {"kind_word": doc.kind_word, "symbol": doc.symbol, "prefix": prefix}
    if rest:
        params["expected"] = doc.symbol.replace(symbol, f"{expected_prefix}-{rest}")
    yield Hit(line=number_line_at(ctx), text=doc.symbol, params=params)


@check("header.title-missing")
def title_missing(ctx: Context) -> Iterator[Hit]:
    doc = ctx.plan.document
    if ctx.segments.kind is not None and not doc.title:
        line = doc.location.line if doc.location else None
        yield Hit(line=line, text=doc.kind_word, params={"kind_word": doc.kind_word})


@check("header.dateline-missing")
def dateline_missing(ctx: Context) -> Iterator[Hit]:
    if ctx.plan.document.issue_date is None:
        yield Hit(line=ctx.first_line)


@check("header.dateline-format")
def dateline_format(ctx: Context) -> Iterator[Hit]:
    doc = ctx.plan.document
    if doc.issue_date is None or not doc.dateline:
        return
    line = dateline_at(ctx)
    numeric = NUMERIC_DATE.search(doc.issue_date.raw)
    if numeric and not WORD_DATE.search(doc.issue_date.raw):
        d, m = int(numeric["d"]), int(numeric["m"])
        yield Hit(line=line, text=doc.dateline, params={
            "dateline": doc.dateline, "place": f"{doc.place}, " if doc.place else "", "day": f"{d:02d}",
            "month": f"{m:02d}" if m <= 2 else str(m), "year": numeric["y"]})
    elif not doc.place:
        yield Hit(line=line, text=doc.dateline, params={"dateline": doc.dateline}, variant="place")


@check("header.date-padding")
def date_padding(ctx: Context) -> Iterator[Hit]:
    issued = ctx.plan.document.issue_date
    m = DATE_PARTS.search(issued.raw) if issued else None
    if not m:
        return
    line = dateline_at(ctx)
    for key, digits, pads in (("day", m["d"], lambda v: v < 10), ("month", m["m"], lambda v: v in (1, 2))):
        if digits and len(digits) == 1 and pads(int(digits)):
            part = label(key)
            yield Hit(line=line, text=issued.raw, params={"raw": issued.raw, "part": part.vi, "part_en": part.en,
                                                          "value": digits, "expected": f"0{digits}"})


def blank_parts(raw: str) -> list[str]:
    """The label keys of the parts a printed date leaves blank (["day", "month"])."""
    m = DATE_PARTS.search(raw)
    if not m:
        return []
    return [key for key, group in (("day", "d"), ("month", "m")) if not m[group]]


@check("header.date-blank")
def date_blank(ctx: Context) -> Iterator[Hit]:
    issued = ctx.plan.document.issue_date
    if issued is None or ctx.is_draft:
        return
    blank = blank_parts(issued.raw)
    if blank:
        words_ = joined(blank)
        yield Hit(line=dateline_at(ctx), text=issued.raw,
                  params={"raw": issued.raw, "blank": words_["vi"], "blank_en": words_["en"]})


@check("header.date-invalid")
def date_invalid(ctx: Context) -> Iterator[Hit]:
    issued = ctx.plan.document.issue_date
    if issued is None:
        return
    m = DATE_PARTS.search(issued.raw) or NUMERIC_DATE.search(issued.raw)
    if not m or not (m["d"] and m["m"] and m["y"]):
        return
    if iso(int(m["y"]), int(m["m"]), int(m["d"])) is None:
        yield Hit(line=dateline_at(ctx), text=issued.raw, params={"raw": issued.raw})


@check("header.draft")
def draft(ctx: Context) -> Iterator[Hit]:
    if not ctx.is_draft:
        return
    doc = ctx.plan.document
    blank = [] if doc.number else ["number"]
    if doc.issue_date:
        blank += blank_parts(doc.issue_date.raw)
    if blank:
        words_ = joined(blank)
        line = number_line_at(ctx) or dateline_at(ctx) or ctx.first_line
        yield Hit(line=line, text=excerpt(doc.number_line or doc.dateline),
                  params={"blank": words_["vi"], "blank_en": words_["en"]})
