"""Citation rules: one document cited with two ids, incomplete first citations, citations of the future."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import regex

from ...extract.references import Mention, issuer_after, mentions
from ...model import Location
from ...text import fold, tone_key
from ...vocab import words
from ..context import Context
from ..registry import Hit, check, joined
from ..util import day_label

# the parts of an id: "71" and "NQ", "CP" of "71-NQ/CP"; "179", "2025", "NĐ", "CP" of "179/2025/NĐ-CP"
ID_PART = regex.compile(r"\d+|[\p{L}]+")
# "57-NQ/TW": number-kind/organ, the Party's numbering
PARTY_FORM = regex.compile(r"^\d+[\p{L}]*-[\p{L}]+/[\p{L}\d\-]+$")
# "71/NQ-CP", "179/2025/NĐ-CP": number/kind-organ, the State's numbering
STATE_FORM = regex.compile(r"^\d+[\p{L}]*(?:/\d{4})?/[\p{L}]+-[\p{L}\d\-]+$")
# where a clause ends: a semicolon or a sentence stop
CLAUSE_END = regex.compile(r";|\.(?:\s|$)")


def document_key(doc_id: str) -> tuple[str, ...]:
    """The same for every arrangement of one id: "71-NQ/CP" and "71/NQ-CP" -> ("71", "cp", "nq")."""
    parts = ID_PART.findall(doc_id)
    if not parts:
        return (doc_id,)
    number, rest = parts[0], parts[1:]
    return (number, *sorted(tone_key(p.casefold()) for p in rest))


@dataclass
class Cited:
    mention: Mention
    text: str
    location: Location


def _own_key(ctx: Context) -> tuple[str, ...] | None:
    doc = ctx.plan.document
    return document_key(f"{doc.number}/{doc.symbol}") if doc.number and doc.symbol else None


def citations(ctx: Context) -> list[Cited]:
    """Every citation in reading order, the plan's own number left out."""
    own = _own_key(ctx)
    return [Cited(m, text, where) for text, where in ctx.doc.texts for m in mentions(text)
            if document_key(m.id) != own]


@lru_cache(maxsize=1)
def _party_organs() -> frozenset[str]:
    return frozenset(tone_key(o.casefold()) for o in words("lint", "citations")["party_organs"])


@lru_cache(maxsize=1)
def _by_name() -> frozenset[str]:
    return frozenset(fold(k) for k in words("lint", "citations")["by_name"])


def _conventional(doc_id: str) -> bool:
    """Whether an id is arranged as its organ's convention wants (Party "57-NQ/TW", State "71/NQ-CP")."""
    letters = [tone_key(p.casefold()) for p in ID_PART.findall(doc_id) if not p.isdigit()]
    party = any(p in _party_organs() for p in letters[1:])
    return bool((PARTY_FORM if party else STATE_FORM).match(doc_id))


@check("citation.inconsistent-id")
def inconsistent_id(ctx: Context) -> Iterator[Hit]:
    groups: dict[tuple[str, ...], list[str]] = {}
    for ref in ctx.plan.references:
        groups.setdefault(document_key(ref.id), []).append(ref.id)
    refs = {r.id: r for r in ctx.plan.references}
    for ids in groups.values():
        if len(ids) < 2:
            continue
        fitting = [i for i in ids if _conventional(i)]
        expected = fitting[0] if len(fitting) == 1 else max(ids, key=lambda i: refs[i].mentions)
        for doc_id in ids:
            if doc_id == expected:
                continue
            where = refs[doc_id].location
            line = ctx.locate(where.line, doc_id) if where else None
            yield Hit(line=line, page=where.page if where else None, text=doc_id,
                      params={"id": doc_id, "other": expected, "expected": expected})


def _issuer_later(text: str, end: int) -> bool:
    """Whether the clause after a citation names an issuer ("… về … của Văn phòng UBND thành phố")."""
    rest = text[end:]
    stop = CLAUSE_END.search(rest)
    clause = rest[: stop.start()] if stop else rest
    return any(issuer_after(clause[m.end():]) for m in _of_word().finditer(clause))


@lru_cache(maxsize=1)
def _of_word() -> regex.Pattern[str]:
    """"… của Ban Thường vụ Thành ủy": the word before an issuer stated further on in the same clause."""
    word = regex.escape(words("lint", "citations")["issuer_word"])
    return regex.compile(rf"(?<![\p{{L}}]){word}\s+")


@check("citation.incomplete-first-mention")
def incomplete_first_mention(ctx: Context) -> Iterator[Hit]:
    seen: set[tuple[str, ...]] = set()
    for cited in citations(ctx):
        m = cited.mention
        key = document_key(m.id)
        if key in seen:
            continue
        seen.add(key)
        if fold(m.kind) in _by_name():
            continue
        no_date = m.date is None
        no_issuer = m.issuer is None and not _issuer_later(cited.text, m.end)
        if not (no_date or no_issuer):
            continue
        missing = joined([key for key, lacking in (("issue_date", no_date), ("issuer", no_issuer)) if lacking])
        line = ctx.locate(cited.location.line, m.id)
        yield Hit(line=line, page=cited.location.page, text=f"{m.kind} {m.id}",
                  params={"kind": m.kind, "id": m.id, "missing": missing["vi"], "missing_en": missing["en"]})


@check("citation.date-after-issue")
def date_after_issue(ctx: Context) -> Iterator[Hit]:
    if ctx.issue_bounds is None:
        return
    latest = ctx.issue_bounds[1]
    reported: set[str] = set()
    for cited in citations(ctx):
        m = cited.mention
        if m.date is None or m.id in reported:
            continue
        dated = date.fromisoformat(m.date)
        if dated > latest:
            reported.add(m.id)
            yield Hit(line=ctx.locate(cited.location.line, m.id), page=cited.location.page, text=m.id,
                      params={"id": m.id, "date": day_label(dated), "issued": day_label(latest)})
