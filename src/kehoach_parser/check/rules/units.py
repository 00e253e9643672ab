"""Unit rules: units named with another level than the issuer's, lead units one slip away from a known
name (the vocabulary chosen by the issuer's level; ordinary names of the usual organ families are never
reported), and organs renamed or merged before the plan's date named as if they still existed."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz import fuzz, process

from ...model import Location
from ...text import SPACES, fold, nfc, tone_key
from ...vocab.lint import lint, renamings
from ...vocab.model import Renamed
from ..context import Context, level_pattern
from ..registry import Hit, check, hit_at
from ..util import day_label, holds_phrase

# "–", "—" and spaced hyphens all read as " - " ("Văn hóa – Xã hội" = "Văn hóa - Xã hội")
DASH = regex.compile(r"\s*[-–—]\s*")
# "HĐND&UBND", "HĐND & UBND" -> "HĐND và UBND"
AMPERSAND = regex.compile(r"\s*&\s*")
# "{level}" in a vocabulary name
LEVEL_SLOT = regex.compile(r"\s*\{level\}")
# a trailing place name after the level word: "Công an phường Lê Ích Mộc"
TRAILING_PLACE = regex.compile(r"(?:\s+[\p{Lu}\d][\p{L}\d'’\-]*)+$")
# punctuation that does not make two unit names differ: "Văn hóa - Xã hội" = "Văn hóa Xã hội"
PUNCTUATION = regex.compile(r"[\s\-,.;:()]+")


@lru_cache(maxsize=1)
def _abbreviations() -> list[tuple[str, str]]:
    table: dict[str, str] = lint().units.abbreviations
    pairs = [(_base(long), _base(short)) for long, short in table.items()]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _base(text: str) -> str:
    text = AMPERSAND.sub(f" {lint().units.tiers.conjunction} ", nfc(text))
    text = DASH.sub(" - ", text)
    return SPACES.sub(" ", tone_key(text.casefold())).strip(" .;,")


def unit_key(text: str) -> str:
    """Compare key of a unit name: case, tone placement, dashes, "&" and long forms do not matter."""
    key = _base(text)
    for long, short in _abbreviations():
        key = key.replace(long, short)
    return key


def _loose(key: str) -> str:
    """A unit key without punctuation (a missing dash is no other unit)."""
    return PUNCTUATION.sub(" ", key).strip()


@dataclass(frozen=True)
class Known:
    key: str  # unit_key: abbreviations applied (exact matches)
    base: str  # _base: long forms kept (near misses: "Phòng Văn hóa Xã hôi" beside "Phòng Văn hóa - Xã hội")
    display: str


def known_units(level: str | None, extra: tuple[str, ...]) -> list[Known]:
    return _known_units(level, extra)


@lru_cache(maxsize=16)
def _known_units(level: str | None, extra: tuple[str, ...]) -> list[Known]:
    table = lint().units.known
    lists = lint().units.level_lists.get(level or "", lint().units.default_lists)
    out: list[Known] = []
    for name in [*(n for key in lists for n in table[key]), *extra]:
        bare = LEVEL_SLOT.sub("", name).strip()
        out.append(Known(unit_key(bare), _loose(_base(bare)), bare))
        if "{level}" in name and level:
            full = name.replace("{level}", level)
            out.append(Known(unit_key(full), _loose(_base(full)), full))
    return out


@lru_cache(maxsize=1)
def _generic() -> tuple[str, ...]:
    return tuple(fold(w) + " " for w in lint().units.generic.starts)


def is_generic(unit: str) -> bool:
    """"Các cơ quan, đơn vị liên quan", "Tất cả các phòng": a group, not one unit."""
    return (fold(unit) + " ").startswith(_generic())


def _tier(level: str) -> int | None:
    for i, tier in enumerate(lint().units.tiers.tiers):
        if level in tier:
            return i
    return None


def unit_level(unit: str) -> regex.Match[str] | None:
    found = list(level_pattern().finditer(unit))
    return found[-1] if found else None


def _units(ctx: Context, *, leads_only: bool) -> Iterator[tuple[str, Location]]:
    for task in ctx.plan.tasks:
        names = task.lead if leads_only else [*task.lead, *task.coordinators]
        for name in names:
            yield name, task.location


@check("unit.level-mismatch")
def level_mismatch(ctx: Context) -> Iterator[Hit]:
    level = ctx.level
    tier = _tier(level) if level else None
    if tier is None:
        return
    for unit, where in _units(ctx, leads_only=False):
        m = unit_level(unit)
        if m is None or m["level"] == level or _tier(m["level"]) != tier:
            continue
        expected = unit[: m.start("level")] + level + unit[m.end("level"):]  # type: ignore[operator]
        yield hit_at(ctx.position(where, unit, following=3), unit,
                     {"unit": unit, "unit_level": m["level"], "level": level, "expected": expected})


@check("unit.unknown")
def unknown(ctx: Context) -> Iterator[Hit]:
    known = known_units(ctx.level, tuple(ctx.config.extra_units))
    keys = {_loose(k.key) for k in known}
    choices = {k.base: k.display for k in known}
    score: int = lint().units.near_miss.score
    reported: set[str] = set()
    for unit, where in _units(ctx, leads_only=True):
        if is_generic(unit) or unit in reported:
            continue
        if _loose(_candidate_key(unit)) in keys or _loose(_without_place(unit)) in keys:
            continue
        mine = _loose(_base(unit))
        best = process.extractOne(mine, choices.keys(), scorer=fuzz.ratio, score_cutoff=score)
        if best is None or not _one_slip(mine, best[0]):
            continue  # an ordinary name the vocabulary does not know: not reported
        reported.add(unit)
        yield hit_at(ctx.position(where, unit, following=3), unit, {"unit": unit, "suggestion": choices[best[0]]})


def _one_slip(found: str, known: str) -> bool:
    """The same words but one, and that one a letter or mark away ("HDND" for "HĐND", "hôi" for "hội")."""
    a, b = found.split(), known.split()
    if len(a) != len(b):
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(differ) == 1 and (fold(differ[0][0]) == fold(differ[0][1]) or fuzz.ratio(*differ[0]) >= 75)


def _candidate_key(unit: str) -> str:
    """The unit's key with any level word dropped (the level rule judges the level)."""
    m = unit_level(unit)
    if m and m.end() == len(unit.rstrip(" .;,")):
        unit = unit[: m.start("level")]
    return unit_key(unit)


def _without_place(unit: str) -> str:
    """"Công an phường Lê Ích Mộc" -> the key of "Công an phường"."""
    m = unit_level(unit)
    if m and TRAILING_PLACE.fullmatch(unit[m.end("level"):]):
        return unit_key(unit[: m.start("level")])
    return unit_key(unit)


@lru_cache(maxsize=1)
def _renamed_pattern() -> tuple[regex.Pattern[str], dict[str, Renamed]]:
    table = {tone_key(r.old.casefold()): r for r in renamings()}
    names = sorted((r.old for r in renamings()), key=len, reverse=True)
    alternatives = "|".join(regex.escape(n).replace(r"\ ", r"\s+") for n in names)
    # "Bộ Thông tin và Truyền thông", "Sở Tài nguyên và Môi trường" — whole names, any spacing
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternatives})(?![\p{{L}}])", regex.IGNORECASE), table


@check("unit.renamed")
def renamed(ctx: Context) -> Iterator[Hit]:
    """An organ renamed or merged before the plan's date, named as a current actor (the issuer of a
    document dated before the change is history, not a slip)."""
    day = ctx.reference_day
    if day is None:
        return
    pattern, table = _renamed_pattern()
    history = _historical_issuers(ctx)
    reported: set[str] = set()
    for span in ctx.facts.spans:
        for m in pattern.finditer(span.text):
            change = table.get(tone_key(SPACES.sub(" ", m.group()).casefold()))
            if change is None or day < change.from_ or change.old in reported:
                continue
            if any(start <= m.start() < end for start, end in history.get(id(span), ())):
                continue
            if _told_as_history(span.text, m.start(), m.end()):
                continue
            reported.add(change.old)
            yield hit_at(span.position(m.start()), m.group(), {
                "old": m.group(), "new": change.new, "since": day_label(change.from_), "date": day_label(day)})


@lru_cache(maxsize=1)
def _history_words() -> tuple[frozenset[str], tuple[str, ...]]:
    units = lint().units
    return frozenset(fold(w) for w in units.history_before), tuple(fold(w) for w in units.history_after)


# characters either side of an old organ name its history words are looked for in
HISTORY_CHARS = 80


def _told_as_history(text: str, start: int, end: int) -> bool:
    """Whether the old name at ``text[start:end]`` is told as history: a word of ``history_before`` a few words
    before it ("tiếp nhận chức năng, nhiệm vụ từ Sở …"), or ``history_after`` right after it ("… (cũ)")."""
    before_words, after_words = _history_words()
    words = fold(text[max(0, start - HISTORY_CHARS):start]).replace(",", " ").split()[-lint().units.history_words:]
    if holds_phrase(words, before_words):
        return True
    after = fold(text[end:end + HISTORY_CHARS]).lstrip(" ,")
    return any(after.startswith(w) and not after[len(w):len(w) + 1].isalpha() for w in after_words)


def _historical_issuers(ctx: Context) -> dict[int, list[tuple[int, int]]]:
    """span id -> (start, end) of the issuers of cited documents ("… ngày 05/6/2024 của Bộ Thông tin và
    Truyền thông", "… của Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn"): an organ named there did what
    it did before it changed, which is history, not a slip."""
    out: dict[int, list[tuple[int, int]]] = {}
    for cited in ctx.facts.citations:
        if cited.issuer is None or cited.issuer_source == "symbol":
            continue
        at = cited.span.text.find(cited.issuer, max(0, cited.start - 300))
        if at >= 0:
            out.setdefault(id(cited.span), []).append((at, at + len(cited.issuer)))
    return out
