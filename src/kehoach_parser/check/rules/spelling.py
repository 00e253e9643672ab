"""Spelling rules: mixed tone-mark placement ("hoá" beside "hóa") and tone typos in common phrases."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from ...text import fold
from ...vocab import words
from ..context import Context
from ..registry import Hit, check
from .phrases import PhraseIndex, fold_word

# a run of letters: one syllable of Vietnamese
SYLLABLE = regex.compile(r"\p{L}+")
TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


@dataclass(frozen=True)
class Placement:
    style: str  # "first": the mark on the rime's first vowel ("hóa"); "second": on the second ("hoá")
    word: str


@lru_cache(maxsize=1)
def _rimes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    table = words("lint", "spelling")
    return tuple(table["tone_rimes"]), tuple(table["tone_rime_onsets"])


def placement(word: str) -> Placement | None:
    """Where ``word`` puts its tone mark, when it ends in a rime with two accepted placements."""
    rimes, onsets = _rimes()
    if not fold_word(word).endswith(rimes):
        return None
    decomposed = unicodedata.normalize("NFD", word.casefold())
    letters: list[str] = []
    tone_at: int | None = None
    for ch in decomposed:
        if ch in TONES:
            tone_at = len(letters) - 1
        elif unicodedata.combining(ch):
            letters[-1] += ch
        else:
            letters.append(ch)
    if tone_at is None or len(letters) < 2:
        return None
    tail = "".join(letters[-2:])
    if tail not in rimes:
        return None
    if len(letters) >= 3 and "".join(letters[-3]) in onsets:
        return None
    if tone_at == len(letters) - 2:
        return Placement("first", word)
    if tone_at == len(letters) - 1:
        return Placement("second", word)
    return None


def moved(word: str, style: str) -> str:
    """``word`` with its tone mark moved to the ``style`` placement ("hoá" -> "hóa" for "first")."""
    decomposed = unicodedata.normalize("NFD", word)
    tone = next(ch for ch in decomposed if ch in TONES)
    bare = [ch for ch in decomposed if ch != tone]
    # positions of the base letters
    bases = [i for i, ch in enumerate(bare) if not unicodedata.combining(ch)]
    target = bases[-2] if style == "first" else bases[-1]
    bare.insert(target + 1, tone)
    return unicodedata.normalize("NFC", "".join(bare))


@check("spelling.mixed-tone-placement")
def mixed_tone_placement(ctx: Context) -> Iterator[Hit]:
    found: dict[str, list[tuple[int, str]]] = {"first": [], "second": []}
    for number, text in ctx.raw_lines():
        for m in SYLLABLE.finditer(text):
            p = placement(m.group())
            if p:
                found[p.style].append((number, p.word))
    if not found["first"] or not found["second"]:
        return
    majority, minority = sorted(found, key=lambda s: (-len(found[s]), s))
    lines = sorted({n for n, _ in found[minority]})
    shown = ", ".join(map(str, lines[:6])) + (", …" if len(lines) > 6 else "")
    line, word = found[minority][0]
    # show the other placement on the same word where the file has it ("hoá" beside "hóa")
    twin = next((w for _, w in found[majority] if fold(w) == fold(word)), None)
    example = (twin or moved(word, majority)).lower()
    yield Hit(line=line, page=ctx.page_of(line), text=word, params={
        "minority": word.lower(), "minority_count": len(found[minority]), "lines": shown,
        "majority": example, "majority_count": len(found[majority]), "fix": moved(word, majority)})


@lru_cache(maxsize=1)
def spelling_phrases() -> PhraseIndex:
    return PhraseIndex(words("lint", "spelling")["phrases"])


@check("spelling.tone-typo")
def tone_typo(ctx: Context) -> Iterator[Hit]:
    index = spelling_phrases()
    for number, text in ctx.raw_lines():
        for miss in index.near_misses(text):
            yield Hit(line=number, page=ctx.page_of(number), text=miss.found,
                      params={"found": miss.found, "expected": miss.expected})
