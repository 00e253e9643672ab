"""Unit rules: lead and coordinating units named with another level than the issuer's, and lead units
that are not in the unit vocabulary (the nearest known name suggested)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz import fuzz, process

from ...text import SPACES, fold, nfc, tone_key
from ...vocab import words
from ..context import Context, level_pattern
from ..registry import Hit, check

# "–", "—" and spaced hyphens all read as " - " ("Văn hóa – Xã hội" = "Văn hóa - Xã hội")
DASH = regex.compile(r"\s*[-–—]\s*")
# "HĐND&UBND", "HĐND & UBND" -> "HĐND và UBND"
AMPERSAND = regex.compile(r"\s*&\s*")
# "{level}" in a vocabulary name
LEVEL_SLOT = regex.compile(r"\s*\{level\}")
# a trailing place name after the level word: "Công an phường Lê Ích Mộc"
TRAILING_PLACE = regex.compile(r"(?:\s+[\p{Lu}\d][\p{L}\d'’\-]*)+$")


@lru_cache(maxsize=1)
def _abbreviations() -> list[tuple[str, str]]:
    table: dict[str, str] = words("lint", "units")["abbreviations"]
    pairs = [(_base(long), _base(short)) for long, short in table.items()]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _base(text: str) -> str:
    text = AMPERSAND.sub(f" {words('lint', 'units')['conjunction']} ", nfc(text))
    text = DASH.sub(" - ", text)
    return SPACES.sub(" ", tone_key(text.casefold())).strip(" .;,")


def unit_key(text: str) -> str:
    """Compare key of a unit name: case, tone placement, dashes, "&" and long forms do not matter."""
    key = _base(text)
    for long, short in _abbreviations():
        key = key.replace(long, short)
    return key


@dataclass(frozen=True)
class Known:
    key: str
    display: str


def known_units(level: str | None, extra: tuple[str, ...]) -> list[Known]:
    return _known_units(level, extra)


@lru_cache(maxsize=16)
def _known_units(level: str | None, extra: tuple[str, ...]) -> list[Known]:
    out: list[Known] = []
    for name in [*words("lint", "units")["known"], *extra]:
        bare = LEVEL_SLOT.sub("", name).strip()
        out.append(Known(unit_key(bare), bare))
        if "{level}" in name and level:
            full = name.replace("{level}", level)
            out.append(Known(unit_key(full), full))
    return out


@lru_cache(maxsize=1)
def _generic() -> tuple[str, ...]:
    return tuple(fold(w) + " " for w in words("lint", "units")["generic"])


def is_generic(unit: str) -> bool:
    """"Các cơ quan, đơn vị liên quan", "Tất cả các phòng": a group, not one unit."""
    return (fold(unit) + " ").startswith(_generic())


def _tier(level: str) -> int | None:
    for i, tier in enumerate(words("lint", "units")["tiers"]):
        if level in tier:
            return i
    return None


def unit_level(unit: str) -> regex.Match[str] | None:
    found = list(level_pattern().finditer(unit))
    return found[-1] if found else None


def _units(ctx: Context, *, leads_only: bool) -> Iterator[tuple[str, int | None, int | None]]:
    for task in ctx.plan.tasks:
        names = task.lead if leads_only else [*task.lead, *task.coordinators]
        for name in names:
            yield name, task.location.line, task.location.page


@check("unit.level-mismatch")
def level_mismatch(ctx: Context) -> Iterator[Hit]:
    level = ctx.level
    tier = _tier(level) if level else None
    if tier is None:
        return
    for unit, line, page in _units(ctx, leads_only=False):
        m = unit_level(unit)
        if m is None or m["level"] == level or _tier(m["level"]) != tier:
            continue
        expected = unit[: m.start("level")] + level + unit[m.end("level"):]
        yield Hit(line=ctx.locate(line, unit), page=page, text=unit,
                  params={"unit": unit, "unit_level": m["level"], "level": level, "expected": expected})


@check("unit.unknown")
def unknown(ctx: Context) -> Iterator[Hit]:
    known = known_units(ctx.level, tuple(ctx.config.extra_units))
    keys = {k.key for k in known}
    choices = {k.key: k.display for k in known}
    reported: set[str] = set()
    for unit, line, page in _units(ctx, leads_only=True):
        if is_generic(unit) or unit in reported:
            continue
        if _candidate_key(unit) in keys or _without_place(unit) in keys:
            continue
        reported.add(unit)
        params = {"unit": unit}
        best = process.extractOne(unit_key(unit), choices.keys(), scorer=fuzz.ratio, score_cutoff=75)
        if best:
            params["suggestion"] = choices[best[0]]
        yield Hit(line=ctx.locate(line, unit), page=page, text=unit, params=params)


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
