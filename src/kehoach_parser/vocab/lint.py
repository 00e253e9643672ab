"""The linter's vocabulary (``lint.toml``) loaded once, and the Vietnamese word list the spelling facts
compare against (underthesea's Viet74K, read as data without importing underthesea).

The rules of ``kehoach check`` and the facts the extractors hand them read their words here; code never
spells them.
"""
from __future__ import annotations

import importlib.util
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

# the word list inside the underthesea package (one word a line, syllables separated by spaces)
LEXICON_PARTS = ("corpus", "data", "Viet74K.txt")


@lru_cache(maxsize=1)
def lint_vocabulary() -> dict[str, Any]:
    """The whole ``lint.toml`` table (read from the package data on first use)."""
    data = resources.files(__package__).joinpath("lint.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def lint_words(section: str, *keys: str) -> Any:
    """A list or table of ``lint.toml``: ``lint_words("units", "known", "commune")``."""
    table = lint_vocabulary()[section]
    for key in keys:
        table = table[key]
    return table


@dataclass(frozen=True)
class Renaming:
    """An organ renamed, merged or dissolved: its old name, what replaced it and from which day."""

    old: str
    new: str
    since: date


@lru_cache(maxsize=1)
def renamings() -> tuple[Renaming, ...]:
    return tuple(Renaming(r["old"], r["new"], r["from"]) for r in lint_vocabulary()["renamed"])


def lexicon_key(text: str) -> str:
    """How the lexicon stores a word: lower case, NFC, the tone mark after the letters ("hoá" = "hóa")."""
    from ..text import tone_key

    return tone_key(unicodedata.normalize("NFC", text).casefold())


@dataclass(frozen=True)
class Lexicon:
    """Vietnamese syllables and two-syllable words, as ``lexicon_key`` stores them (empty when the word
    list is missing)."""

    syllables: frozenset[str]
    pairs: frozenset[str]

    def __bool__(self) -> bool:
        return bool(self.syllables)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The dictionary of the spelling facts: underthesea's Viet74K word list, when underthesea is installed
    (it is a dependency), plus the accepted pairs of ``lint.toml``. Reading it does not import underthesea."""
    syllables: set[str] = set()
    pairs: set[str] = {lexicon_key(p) for p in lint_words("spelling", "typos", "accepted")}
    path = _lexicon_path()
    if path is not None:
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = lexicon_key(line).split()
            syllables.update(parts)
            if len(parts) == 2:
                pairs.add(" ".join(parts))
    return Lexicon(frozenset(syllables), frozenset(pairs))


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
