"""Does a page's text layer say what the page shows? The share of its words that are Vietnamese
syllables tells (a font that maps glyphs to the wrong characters gives "6Ӣ CÔNG 7+ѬѪ1*" for
"SỞ CÔNG THƯƠNG"). The syllable inventory (onsets, medials, nuclei, codas, tone marks) is data in
``vocab/syllables.toml``; a word is checked once per document (cached), so the test costs a few
microseconds per word.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from ..vocab import alternation, syllables

# punctuation around a word: "(Kèm", "2026;", "“Chuyển", "đổi”,"
EDGE_PUNCTUATION = regex.compile(r"^[\p{P}\p{S}]+|[\p{P}\p{S}]+$")
# a token of letters only (Latin letters with Vietnamese marks, or any other script): "thương", "ѬѪ"
LETTERS = regex.compile(r"^\p{L}+$")
MIN_WORDS = 12  # fewer words than this on a page: too few to judge
GARBLED_BELOW = 0.5  # a page whose share of Vietnamese syllables among its letter words is lower
SAMPLE = 160  # words looked at per page (spread over it): enough to tell, cheap on a dense page


@lru_cache(maxsize=1)
def _syllable() -> regex.Pattern[str]:
    """onset + medial + nucleus + coda, each an alternation longest first ("ngh" before "ng")."""
    inv = syllables()
    alt = alternation  # longest first: "ngh" before "ng"
    # "thương", "quy", "nghiêng", "oanh": one whole toneless syllable
    return regex.compile(f"(?:{alt(inv.onsets)})(?:{alt(inv.medials)})(?:{alt(inv.nuclei)})(?:{alt(inv.codas)})")


def is_syllable(word: str) -> bool:
    """``word`` (letters only) is a Vietnamese syllable once its tone mark is taken off."""
    tones = "".join(syllables().tones)
    bare = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if c not in tones)
    return _syllable().fullmatch(unicodedata.normalize("NFC", bare)) is not None


NOT_A_WORD, NO_SYLLABLE, SYLLABLE = 0, 1, 2


@lru_cache(maxsize=65536)
def verdict(word: str) -> int:
    """NOT_A_WORD for a number or a symbol, SYLLABLE for a Vietnamese syllable (punctuation around
    it aside), NO_SYLLABLE otherwise — also for a token mixing letters with digits or symbols
    inside ("7+ѬѪ1*", "ÿӏQK")."""
    token = EDGE_PUNCTUATION.sub("", word)
    if not token or not any(c.isalpha() for c in token):
        return NOT_A_WORD
    return SYLLABLE if LETTERS.match(token) and is_syllable(token) else NO_SYLLABLE


def syllable_share(words: list[str]) -> tuple[float, int]:
    """The share of Vietnamese syllables among the words that are not numbers or symbols (at most
    ``SAMPLE`` of them, spread over the page), and how many such words were looked at."""
    step = max(1, len(words) // SAMPLE)
    counted = good = 0
    for word in words[::step]:
        v = verdict(word)
        if v:
            counted += 1
            good += v == SYLLABLE
    return (good / counted if counted else 1.0), counted


def garbled(words: list[str]) -> bool:
    """The words of a page do not read as Vietnamese: a text layer that does not say what the page shows."""
    share, counted = syllable_share(words)
    return counted >= MIN_WORDS and share < GARBLED_BELOW
