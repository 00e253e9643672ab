"""Spelling rules, on every text of the document but the national motto: mixed tone-mark placement
("hoá" beside "hóa"), tone typos in common phrases, word-pair typos, doubled words."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from ...extract.facts import TextSpan
from ...extract.header import MOTTO
from ...text import fold
from ...vocab.lint import lint
from ..context import Context
from ..registry import Hit, check, hit_at
from .phrases import PhraseIndex, fold_word
from .typos import PairTypos, doubled_words

# a run of letters: one syllable of Vietnamese
SYLLABLE = regex.compile(r"\p{L}+")
TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


@dataclass(frozen=True)
class Placement:
    style: str  # "first": the mark on the rime's first vowel ("hóa"); "second": on the second ("hoá")
    word: str


@lru_cache(maxsize=1)
def _rimes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    table = lint().spelling
    return tuple(table.tone_rimes), tuple(table.tone_rime_onsets)


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


def prose(ctx: Context) -> Iterator[TextSpan]:
    """The texts spelling rules read: everything but the national motto (whose "HOÀ" is prescribed)."""
    for span in ctx.facts.spans:
        if span.zone == "header" and MOTTO.search(span.text):
            rest = MOTTO.sub(" ", span.text)
            if rest.strip():
                yield TextSpan(rest, span.zone, span.pieces, span.in_table)
            continue
        yield span


def _label(position: tuple[int | None, int | None]) -> str:
    page, line = position
    return f"p{page}:{line}" if page else str(line)  # as the text output prints a place


@check("spelling.mixed-tone-placement")
def mixed_tone_placement(ctx: Context) -> Iterator[Hit]:
    found: dict[str, list[tuple[tuple[int | None, int | None], str]]] = {"first": [], "second": []}
    for span in prose(ctx):
        for m in SYLLABLE.finditer(span.text):
            p = placement(m.group())
            if p:
                found[p.style].append((span.position(m.start()), p.word))
    if not found["first"] or not found["second"]:
        return
    majority, minority = sorted(found, key=lambda s: (-len(found[s]), s))
    places = list(dict.fromkeys(_label(where) for where, _ in found[minority]))
    shown = ", ".join(places[:6]) + (", …" if len(places) > 6 else "")
    where, word = found[minority][0]
    # show the other placement on the same word where the file has it ("hoá" beside "hóa")
    twin = next((w for _, w in found[majority] if fold(w) == fold(word)), None)
    example = (twin or moved(word, majority)).lower()
    yield hit_at(where, word, {
        "minority": word.lower(), "minority_count": len(found[minority]), "lines": shown,
        "majority": example, "majority_count": len(found[majority]), "fix": moved(word, majority)})


@lru_cache(maxsize=1)
def spelling_phrases() -> PhraseIndex:
    return PhraseIndex(lint().spelling.phrases)


@check("spelling.tone-typo")
def tone_typo(ctx: Context) -> Iterator[Hit]:
    index = spelling_phrases()
    for span in prose(ctx):
        for miss in index.near_misses(span.text):
            yield hit_at(span.position(miss.start), miss.found, {"found": miss.found, "expected": miss.expected})


@check("spelling.typo")
def typo(ctx: Context) -> Iterator[Hit]:
    for slip in PairTypos(prose(ctx)).slips():
        yield hit_at(slip.span.position(slip.start), slip.found, {"found": slip.found, "expected": slip.expected})


@check("spelling.doubled-word")
def doubled_word(ctx: Context) -> Iterator[Hit]:
    for slip in doubled_words(prose(ctx)):
        yield hit_at(slip.span.position(slip.start), slip.found, {"found": slip.found, "expected": slip.expected})
