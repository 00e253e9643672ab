"""The linter's vocabulary (``lint.toml``) loaded once, and the Vietnamese word list the spelling facts
compare against (underthesea's Viet74K, read as data without importing underthesea).

The rules of ``kehoach check`` and the facts the extractors hand them read their words here; code never
spells them.
"""
from __future__ import annotations

import importlib.util
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from ..text import tone_key
from . import load_toml
from .cache import cached
from .model import LintVocabulary, Renamed

# the word list inside the underthesea package (one word a line, syllables separated by spaces)
LEXICON_PARTS = ("corpus", "data", "Viet74K.txt")


@lru_cache(maxsize=1)
def lint() -> LintVocabulary:
    """The vocabulary of ``lint.toml``, typed and validated (read on first use)."""
    return LintVocabulary.model_validate(load_toml("lint.toml"))


def renamings() -> tuple[Renamed, ...]:
    """The organs renamed, merged or dissolved, with the day each change took effect."""
    return lint().renamed


# a rime whose tone mark has two accepted places ("hoá"/"hóa", "thuỷ"/"thủy"): the only spellings that differ
TWO_PLACEMENTS = regex.compile(r"[oòóỏõọ][aàáảãạeèéẻẽẹ]|[uùúủũụ][yỳýỷỹỵ]")


@dataclass(frozen=True)
class Lexicon:
    """Vietnamese syllables and two-syllable words, lower case NFC as the word list spells them, and the
    list's spelling of each syllable whatever its tone placement ("hoá" and "hóa"); empty when the word list
    is missing."""

    syllables: frozenset[str]
    pairs: frozenset[str]
    spelling: dict[str, str]  # tone_key(syllable) -> the syllable as the list prints it

    def __bool__(self) -> bool:
        return bool(self.syllables)

    def _spelt(self, word: str) -> str:
        if word in self.syllables or not TWO_PLACEMENTS.search(word):
            return word
        return self.spelling.get(tone_key(word), word)

    def has_syllable(self, word: str) -> bool:
        """``word`` (lower case NFC) is a Vietnamese syllable."""
        return self._spelt(word) in self.syllables

    def has_pair(self, first: str, second: str) -> bool:
        """``first second`` (lower case NFC) is a word of the list."""
        return f"{self._spelt(first)} {self._spelt(second)}" in self.pairs


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The dictionary of the spelling facts: underthesea's Viet74K word list, when underthesea is installed
    (it is a dependency), plus the accepted pairs of ``lint.toml``. Reading it does not import underthesea;
    what is read from it is kept between runs (:mod:`.cache`)."""
    path = _lexicon_path()
    accepted = lint().spelling.typos.accepted

    def build() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
        text = path.read_text(encoding="utf-8") if path is not None else ""
        words = unicodedata.normalize("NFC", "\n".join((text, *accepted))).casefold()
        syllables = frozenset(words.split())
        pairs = frozenset(line for line in words.splitlines() if line.count(" ") == 1)
        return syllables, pairs, {tone_key(s): s for s in syllables if TWO_PLACEMENTS.search(s)}

    if path is None:
        return Lexicon(*build())
    kept = cached("lexicon", [path], build, key="\n".join(accepted))
    if not (isinstance(kept, tuple) and len(kept) == 3 and isinstance(kept[0], frozenset)):
        kept = build()  # an entry of another shape (damaged in a way marshal cannot tell): built again
    return Lexicon(*kept)


def _lexicon_path() -> Path | None:
    try:
        spec = importlib.util.find_spec("underthesea")  # finds the package without running it
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder).joinpath(*LEXICON_PARTS)
        if candidate.is_file():
            return candidate
    return None
