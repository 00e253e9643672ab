"""Recipient rules (Decree 30/2020/NĐ-CP), read from the closing facts: a "Nơi nhận" block whose lines
start with "-", end with ";" (the last with "."), the last being a well-formed "Lưu: VT, …" line."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ...extract.facts import RecipientEntry
from ...vocab.lint import lint
from ..context import Context
from ..registry import Hit, check, hit_at

# a code at most this many letters away from a usual office code (and not one itself) is a slip
CODE_SLIP = 1
# shorter codes are too close to each other to tell a slip
CODE_MIN = 4
# a letter typed for another is a slip only in a code this long: in a shorter one it is as likely another
# unit's code ("QLCL", Quản lý chất lượng, beside the usual "QLCN"); a letter doubled or left out ("VHXXH")
# is a slip at any length
SUBSTITUTION_MIN = 5


def _entries(ctx: Context) -> tuple[RecipientEntry, ...]:
    return ctx.facts.closing.recipients


def _hit(entry: RecipientEntry, params: dict[str, str], variant: str | None = None) -> Hit:
    return Hit(line=entry.line, page=entry.page, text=entry.text, params=params, variant=variant)


def _is_archive(ctx: Context, entry: RecipientEntry) -> bool:
    archive = ctx.facts.closing.archive
    return archive is not None and archive.entry is entry


@check("recipients.missing")
def missing(ctx: Context) -> Iterator[Hit]:
    head = ctx.facts.closing.recipients_head
    if head is None or not _entries(ctx):
        sig = ctx.plan.signature
        if head:
            yield hit_at((head.page, head.line), head.text)
        else:
            yield hit_at((sig.location.page, sig.location.line) if sig and sig.location else (None, None))


@check("recipients.bullet")
def bullet(ctx: Context) -> Iterator[Hit]:
    for entry in _entries(ctx):
        if entry.bullet != "-":
            yield _hit(entry, {"entry": entry.text, "bare": f"{entry.body}{entry.terminator}"})


@check("recipients.archive-last")
def archive_last(ctx: Context) -> Iterator[Hit]:
    entries = _entries(ctx)
    if entries and ctx.facts.closing.archive is None:
        yield _hit(entries[-1], {"entry": entries[-1].body})


@check("recipients.punctuation")
def punctuation(ctx: Context) -> Iterator[Hit]:
    entries = _entries(ctx)
    for i, entry in enumerate(entries):
        last = i == len(entries) - 1
        if last and not _is_archive(ctx, entry):
            continue  # the archive rule already reports a list that does not end with "Lưu: VT, …"
        expected = "." if last else ";"
        if not entry.terminator.endswith(expected):
            yield _hit(entry, {"entry": entry.body, "expected": expected})


@lru_cache(maxsize=1)
def _office_codes() -> frozenset[str]:
    return frozenset(lint().recipients.office_codes)


@check("recipients.archive-format")
def archive_format(ctx: Context) -> Iterator[Hit]:
    """"Lưu: VT, <codes>." — the colon, brackets that close, codes that are no slip of a usual one."""
    archive = ctx.facts.closing.archive
    if archive is None:
        return
    entry = archive.entry
    if not archive.colon:
        yield _hit(entry, {"entry": entry.body}, "colon")
    if not archive.balanced:
        yield _hit(entry, {"entry": entry.body}, "brackets")
    codes = _office_codes()
    for code in archive.codes:
        if code in codes or len(code) < CODE_MIN or not code.isupper():
            continue
        near = sorted(c for c in codes if len(c) >= CODE_MIN - 1 and Levenshtein.distance(code, c) <= CODE_SLIP
                      and (len(c) != len(code) or len(code) >= SUBSTITUTION_MIN))
        if near:
            yield _hit(entry, {"entry": entry.body, "code": code, "expected": near[0]}, "code")
