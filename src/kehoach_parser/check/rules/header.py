"""Header rules: issuing organ, number and symbol, kind word, title, place and date (Decree 30), read from
the header facts (the organ, number and date lines as printed)."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex
from rapidfuzz import fuzz

from ...extract.dates import NUMERIC_DATE, WORD_DATE, iso
from ...extract.facts import Position, PrintedLine
from ...extract.header import MOTTO
from ...text import fold, is_upper_text
from ...vocab import vocab
from ...vocab.lint import lint
from ..context import Context
from ..registry import Hit, check, hit_at, joined, label
from ..util import excerpt

# white space printed inside a symbol: "KH - UBND"
SYMBOL_SPACES = regex.compile(r"\s+")

# "ngày 5 tháng 1 năm 2026" -> the day, month and year digits as printed (blank parts allowed)
DATE_PARTS = WORD_DATE
# a motto line this close (rapidfuzz ratio of the folded forms) to the prescribed wording is meant to be it
MOTTO_NEAR = 85
# longer header lines hold more than the motto
MOTTO_LONGEST = 60


@lru_cache(maxsize=1)
def symbol_form() -> regex.Pattern[str]:
    """"KH-UBND", "2025/QĐ-UBND", "CTr-UBND": kind abbreviation and organ parts in capitals."""
    mixed = "|".join(map(regex.escape, lint().header.mixed_case_kinds))
    # "KH-UBND", "QĐ-BKHCN", "CTr-BCĐ", "2025/NĐ-CP" (a year first: normative documents)
    return regex.compile(rf"^(?:\d{{4}}/)?(?:[A-ZĐ]+|{mixed})(?:[-/][A-ZĐ0-9]+)+$")


def _kind_abbreviation(kind: str) -> str | None:
    for prefix, value in vocab().symbol_kinds.items():
        if value == kind:
            return prefix
    return None


def _kind_word(kind: str) -> str | None:
    for word, value in vocab().document_kinds.items():
        if value == kind:
            return word
    return None


def _organ_abbreviation(issuer: str | None) -> str | None:
    if not issuer:
        return None
    folded = fold(issuer)
    for short, long in vocab().organs.abbreviations.items():
        if folded.startswith(fold(long)):
            return short
    return None


def _at(line: PrintedLine | None) -> Position:
    return (line.page, line.line) if line else (None, None)


def number_line_at(ctx: Context) -> Position:
    return _at(ctx.facts.header.number_line)


def dateline_at(ctx: Context) -> Position:
    return _at(ctx.facts.header.dateline)


def headerless(ctx: Context) -> bool:
    """No header at all (no organ, number, place and date, nor a kind word in capitals: a news page's
    headline "Kế hoạch cải cách hành chính năm 2026" is none): one finding says so."""
    kind = ctx.segments.kind_para
    return ctx.facts.header.empty and (kind is None or not is_upper_text(kind.text))


@check("header.missing")
def missing(ctx: Context) -> Iterator[Hit]:
    if headerless(ctx):
        yield hit_at(ctx.first_position)


@check("header.organ-missing")
def organ_missing(ctx: Context) -> Iterator[Hit]:
    if ctx.facts.header.organ_lines or headerless(ctx):
        return
    issuer = ctx.plan.document.issuer
    yield hit_at(ctx.first_position, params={"organ": issuer.upper()} if issuer else {})


@check("header.number-missing")
def number_missing(ctx: Context) -> Iterator[Hit]:
    if ctx.facts.header.number_line or headerless(ctx):
        return
    kind = _kind_abbreviation(ctx.plan.document.kind)
    organ = _organ_abbreviation(ctx.plan.document.issuer)
    yield hit_at(ctx.first_position, params={"symbol": f"{kind}-{organ}"} if kind and organ else {})


@check("header.number-format")
def number_format(ctx: Context) -> Iterator[Hit]:
    line = ctx.facts.header.number_line
    if line is None or not line.number:
        return
    number = line.number
    if not (number.isascii() and number.isdigit()):
        yield hit_at(_at(line), line.text, {"number": excerpt(number, 40)}, variant="digits")
    elif len(number) == 1 and number != "0":
        yield hit_at(_at(line), line.text, {"number": number, "expected": f"0{number}"})


@check("header.symbol-format")
def symbol_format(ctx: Context) -> Iterator[Hit]:
    line = ctx.facts.header.number_line
    if line is None or not line.symbol:
        return
    printed = line.symbol
    expected = SYMBOL_SPACES.sub("", printed).replace("–", "-").upper()
    for mixed in lint().header.mixed_case_kinds:
        if expected.startswith(mixed.upper() + "-"):
            expected = mixed + expected[len(mixed):]
    if printed != expected or not symbol_form().match(printed):
        params = {"symbol": printed}
        if symbol_form().match(expected):
            params["expected"] = expected
        yield hit_at(_at(line), printed, params)


@check("header.kind-missing")
def kind_missing(ctx: Context) -> Iterator[Hit]:
    if ctx.facts.has_kind_word or headerless(ctx):
        return
    kind = ctx.plan.document.kind
    word = _kind_word(kind) if kind != "other" else None
    yield hit_at(ctx.first_position, params={"kind": word} if word else {})


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
    yield hit_at(number_line_at(ctx), doc.symbol, params)


@check("header.title-missing")
def title_missing(ctx: Context) -> Iterator[Hit]:
    doc = ctx.plan.document
    if ctx.facts.has_kind_word and not doc.title:
        where = doc.location
        yield Hit(line=where.line if where else None, page=where.page if where else None, text=doc.kind_word,
                  params={"kind_word": doc.kind_word})


@check("header.dateline-missing")
def dateline_missing(ctx: Context) -> Iterator[Hit]:
    if ctx.facts.header.dateline is None and not headerless(ctx):
        yield hit_at(ctx.first_position)


def _issued(ctx: Context):  # type: ignore[no-untyped-def]
    """The issue date, when it was read from a place-and-date line of the header."""
    return ctx.plan.document.issue_date if ctx.facts.header.dateline else None


@check("header.dateline-format")
def dateline_format(ctx: Context) -> Iterator[Hit]:
    doc = ctx.plan.document
    issued = _issued(ctx)
    if issued is None or not doc.dateline:
        return
    numeric = NUMERIC_DATE.search(issued.raw)
    if numeric and not WORD_DATE.search(issued.raw):
        d, m = int(numeric["d"]), int(numeric["m"])
        yield hit_at(dateline_at(ctx), doc.dateline, {
            "dateline": doc.dateline, "place": f"{doc.place}, " if doc.place else "", "day": f"{d:02d}",
            "month": f"{m:02d}" if m <= 2 else str(m), "year": numeric["y"]})
    elif not doc.place:
        yield hit_at(dateline_at(ctx), doc.dateline, {"dateline": doc.dateline}, variant="place")


@check("header.date-padding")
def date_padding(ctx: Context) -> Iterator[Hit]:
    issued = _issued(ctx)
    m = DATE_PARTS.search(issued.raw) if issued else None
    if not m or issued is None:
        return
    for key, digits, pads in (("day", m["d"], lambda v: v < 10), ("month", m["m"], lambda v: v in (1, 2))):
        if digits and len(digits) == 1 and pads(int(digits)):
            part = label(key)
            yield hit_at(dateline_at(ctx), issued.raw, {"raw": issued.raw, "part": part.vi, "part_en": part.en,
                                                        "value": digits, "expected": f"0{digits}"})


def blank_parts(raw: str) -> list[str]:
    """The label keys of the parts a printed date leaves blank (["day", "month"])."""
    m = DATE_PARTS.search(raw)
    if not m:
        return []
    return [key for key, group in (("day", "d"), ("month", "m")) if not m[group]]


@check("header.date-blank")
def date_blank(ctx: Context) -> Iterator[Hit]:
    issued = _issued(ctx)
    if issued is None or ctx.is_draft:
        return
    blank = blank_parts(issued.raw)
    if blank:
        words_ = joined(blank)
        yield hit_at(dateline_at(ctx), issued.raw, {"raw": issued.raw, "blank": words_["vi"], "blank_en": words_["en"]})


@check("header.date-invalid")
def date_invalid(ctx: Context) -> Iterator[Hit]:
    issued = _issued(ctx)
    if issued is None:
        return
    m = DATE_PARTS.search(issued.raw) or NUMERIC_DATE.search(issued.raw)
    if not m or not (m["d"] and m["m"] and m["y"]):
        return
    if iso(int(m["y"]), int(m["m"]), int(m["d"])) is None:
        yield hit_at(dateline_at(ctx), issued.raw, {"raw": issued.raw})


@check("header.draft")
def draft(ctx: Context) -> Iterator[Hit]:
    if not ctx.is_draft:
        return
    number = ctx.facts.header.number_line
    blank = [] if number and number.number else ["number"]
    issued = _issued(ctx)
    if issued:
        blank += blank_parts(issued.raw)
    if blank:
        words_ = joined(blank)
        where = number_line_at(ctx) if number else dateline_at(ctx)
        text = number.text if number else (ctx.plan.document.dateline or None)
        yield hit_at(where if where != (None, None) else ctx.first_position, excerpt(text),
                     {"blank": words_["vi"], "blank_en": words_["en"]})


@lru_cache(maxsize=1)
def _motto_forms() -> tuple[tuple[str, str], ...]:
    """(folded, printed) of the prescribed motto lines, one per accepted spelling."""
    return tuple((fold(m), m) for m in vocab().closing.motto)


@check("header.motto-wording")
def motto_wording(ctx: Context) -> Iterator[Hit]:
    """A header line meant as the national motto but printed otherwise ("CỘNG HÒA XÃ HỘI CHỦ NGHIÃ …")."""
    for para in ctx.header_paras:
        text = para.text.strip()
        if len(text) > MOTTO_LONGEST or MOTTO.search(text):
            continue
        folded = fold(text)
        for key, printed in _motto_forms():
            if fuzz.ratio(folded, key) >= MOTTO_NEAR:
                yield Hit(line=para.line, page=para.page, text=text, params={"found": text, "expected": printed})
                break
