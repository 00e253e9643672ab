"""Citation rules, read from the citation facts: one document cited with two ids or two dates, first
citations without date or issuer (an issuer before the id, a post, or a symbol that names it counts),
citations of the future, and ids printed against the conventions ("866/QĐ-Tg", "57- NQ/TW")."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache

import regex

from ...extract.facts import CitationFact, document_key
from ...extract.facts.citations import ID_PART, INNER_SPACE, symbol_parts
from ...text import fold, tone_key
from ...vocab.lint import lint
from ..context import Context
from ..registry import Hit, check, hit_at, joined
from ..util import day_label

# "57-NQ/TW": number-kind/organ, the Party's numbering
PARTY_FORM = regex.compile(r"^\d+[\p{L}]*-[\p{L}]+/[\p{L}\d\-]+$")
# "71/NQ-CP", "179/2025/NĐ-CP": number/kind-organ, the State's numbering
STATE_FORM = regex.compile(r"^\d+[\p{L}]*(?:/\d{4})?/[\p{L}]+-[\p{L}\d\-]+$")
# a symbol part's letters, doubled ("TT" of "TTg"): what a slip drops
DOUBLED = regex.compile(r"(\p{L})\1")
# what may follow a known organ abbreviation inside one part before a dash is missing: "CĐSQG" of "BKHCNCĐSQG"
RUN_ON = 2


def _citations(ctx: Context) -> list[CitationFact]:
    return ctx.facts.citations


@lru_cache(maxsize=1)
def _party_organs() -> frozenset[str]:
    return frozenset(tone_key(o.casefold()) for o in lint().citations.party_organs)


@lru_cache(maxsize=1)
def _by_name() -> frozenset[str]:
    return frozenset(fold(k) for k in lint().citations.by_name)


def _conventional(doc_id: str) -> bool:
    """Whether an id is arranged as its organ's convention wants (Party "57-NQ/TW", State "71/NQ-CP")."""
    letters = [tone_key(p.casefold()) for p in ID_PART.findall(doc_id) if not p.isdigit()]
    party = any(p in _party_organs() for p in letters[1:])
    return bool((PARTY_FORM if party else STATE_FORM).match(doc_id))


def _first_citation(ctx: Context) -> dict[tuple[str, ...], CitationFact]:
    out: dict[tuple[str, ...], CitationFact] = {}
    for cited in _citations(ctx):
        out.setdefault(cited.key, cited)
    return out


@check("citation.inconsistent-id")
def inconsistent_id(ctx: Context) -> Iterator[Hit]:
    groups: dict[tuple[str, ...], list[str]] = {}
    for ref in ctx.plan.references:
        groups.setdefault(document_key(ref.id), []).append(ref.id)
    refs = {r.id: r for r in ctx.plan.references}
    first = {c.id: c for c in reversed(_citations(ctx))}
    for ids in groups.values():
        if len(ids) < 2:
            continue
        fitting = [i for i in ids if _conventional(i)]
        expected = fitting[0] if len(fitting) == 1 else max(ids, key=lambda i: refs[i].mentions)
        for doc_id in ids:
            if doc_id == expected:
                continue
            cited = first.get(doc_id)
            where = (cited.page, cited.line) if cited else ctx.position(refs[doc_id].location, doc_id)
            yield hit_at(where, doc_id, {"id": doc_id, "other": expected, "expected": expected})


@check("citation.incomplete-first-mention")
def incomplete_first_mention(ctx: Context) -> Iterator[Hit]:
    for cited in _first_citation(ctx).values():
        if fold(cited.kind) in _by_name() or cited.at_text_end:
            continue
        no_date, no_issuer = cited.date is None, cited.issuer is None
        if not (no_date or no_issuer):
            continue
        missing = joined([key for key, lacking in (("issue_date", no_date), ("issuer", no_issuer)) if lacking])
        yield hit_at((cited.page, cited.line), f"{cited.kind} {cited.id}", {
            "kind": cited.kind, "id": cited.id, "missing": missing["vi"], "missing_en": missing["en"]})


@check("citation.date-after-issue")
def date_after_issue(ctx: Context) -> Iterator[Hit]:
    if ctx.issue_bounds is None:
        return
    latest = ctx.issue_bounds[1]
    reported: set[str] = set()
    for cited in _citations(ctx):
        if cited.date is None or cited.id in reported:
            continue
        dated = date.fromisoformat(cited.date)
        if dated > latest:
            reported.add(cited.id)
            yield hit_at((cited.page, cited.line), cited.id,
                         {"id": cited.id, "date": day_label(dated), "issued": day_label(latest)})


@check("citation.date-conflict")
def date_conflict(ctx: Context) -> Iterator[Hit]:
    """The same document cited with two dates ("57-NQ/TW ngày 22/12/2024" and "57-NQ/TW ngày 22/12/2025")."""
    first_date: dict[tuple[str, ...], CitationFact] = {}
    reported: set[tuple[str, ...]] = set()
    for cited in _citations(ctx):
        if cited.date is None or cited.at_text_end:
            continue
        earlier = first_date.setdefault(cited.key, cited)
        if earlier.date != cited.date and cited.key not in reported:
            reported.add(cited.key)
            yield hit_at((cited.page, cited.line), f"{cited.id} {cited.date}", {
                "id": cited.id, "date": day_label(date.fromisoformat(cited.date)),
                "first": day_label(date.fromisoformat(earlier.date)),  # type: ignore[arg-type]
                "first_line": earlier.line or "?"})


@lru_cache(maxsize=1)
def _organ_codes() -> tuple[dict[str, str], dict[str, str], list[str]]:
    table: dict[str, str] = lint().citations.symbol_issuers
    folded = {k.casefold(): k for k in table}
    long_first = sorted((k for k in table if len(k) >= 3), key=len, reverse=True)
    return table, folded, long_first


def malformations(cited: CitationFact) -> Iterator[tuple[str, str]]:
    """(variant, expected id) for each way an id breaks the conventions of Decree 30."""
    if INNER_SPACE.search(cited.printed):
        yield "space", cited.id
    table, folded, long_first = _organ_codes()
    for part in symbol_parts(cited.id):
        if part.role != "organ" or part.text in table:
            continue
        known = folded.get(part.text.casefold())
        if known and not cited.in_capitals:
            yield "case", cited.id.replace(part.text, known)
            continue
        slip = _dropped_double(part.text, table)
        if slip:
            yield "case", cited.id.replace(part.text, slip)
            continue
        head = next((k for k in long_first if part.text.startswith(k) and len(part.text) - len(k) >= RUN_ON
                     and part.text[len(k):].isupper() and part.text not in table), None)
        if head:
            yield "dash", cited.id.replace(part.text, f"{head}-{part.text[len(head):]}")


def _dropped_double(part: str, table: dict[str, str]) -> str | None:
    """"TTg" for "Tg": a known organ code with one of its doubled letters printed once."""
    for code in table:
        for m in DOUBLED.finditer(code):
            if code[: m.start()] + code[m.start() + 1:] == part:
                return code
    return None


@check("citation.malformed-id")
def malformed_id(ctx: Context) -> Iterator[Hit]:
    reported: set[str] = set()
    for cited in _citations(ctx):
        if cited.printed in reported or cited.at_text_end:
            continue
        for variant, expected in malformations(cited):
            reported.add(cited.printed)
            yield hit_at((cited.page, cited.line), cited.printed,
                         {"id": cited.printed, "expected": expected}, variant=variant)
            break
