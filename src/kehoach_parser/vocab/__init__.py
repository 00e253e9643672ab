"""The Vietnamese vocabulary: the data files of this folder, each loaded once into typed objects.

``vocab()`` is ``vietnamese.toml`` (the parser's words: section kinds, column-header synonyms, organ
kinds, deadline and comparator words, signature positions, family names …, see :mod:`.model`);
``lint.toml`` (:mod:`.lint`), ``syllables.toml``, ``ocr.toml``, ``legacy_fonts.toml`` and
``export.toml`` have loaders beside the code that reads them. Code never spells Vietnamese words:
it asks here, and builds its patterns from what it gets.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model import SyllableInventory, Vocabulary

if TYPE_CHECKING:
    from importlib.abc import Traversable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found]

__all__ = ["SyllableInventory", "Vocabulary", "alternation", "load_toml", "read_toml", "syllables", "tomllib",
           "tone_tolerant", "vocab"]


@lru_cache(maxsize=16)
def load_toml(name: str) -> dict[str, Any]:
    """A data file of this folder ("vietnamese.toml", "lint.toml" …) as read, once per process."""
    return read_toml(resources.files(__package__).joinpath(name))


def read_toml(resource: Traversable) -> dict[str, Any]:
    """A TOML data file of the package as parsed (kept between runs, see :mod:`.cache`)."""
    from .cache import cached

    def parse() -> dict[str, Any]:
        return tomllib.loads(resource.read_bytes().decode("utf-8"))

    return cached(resource.name.replace(".", "-"), [resource], parse) if isinstance(resource, Path) else parse()


@lru_cache(maxsize=1)
def vocab() -> Vocabulary:
    """The vocabulary of ``vietnamese.toml``, typed and validated (read on first use)."""
    return Vocabulary.model_validate(load_toml("vietnamese.toml"))


@lru_cache(maxsize=1)
def syllables() -> SyllableInventory:
    """The syllable inventory of ``syllables.toml`` (onsets, medials, nuclei, codas, tone marks)."""
    return SyllableInventory.model_validate(load_toml("syllables.toml"))


def alternation(items: Iterable[str], *, spaces: bool = False) -> str:
    """A regex alternation of the escaped ``items``, longest first.

    With ``spaces`` a space in a word matches any run of white space ("Nơi  nhận").
    """
    import regex

    escaped = (regex.escape(w) for w in sorted(items, key=len, reverse=True))
    if spaces:
        escaped = (e.replace("\\ ", r"\s+") for e in escaped)
    return "|".join(escaped)


# the Vietnamese vowels with every mark, by the plain vowel they fold to
_VOWELS = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ", "e": "eèéẻẽẹêềếểễệ", "i": "iìíỉĩị", "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự", "y": "yỳýỷỹỵ",
}


def vowel_class() -> str:
    """A character class of every Vietnamese vowel with any marks, either case."""
    letters = "".join(_VOWELS.values())
    return f"[{letters}{letters.upper()}]"


def tone_tolerant(word: str, *, capital: bool = False) -> str:
    """A pattern for ``word`` with any marks on its vowels, either case: OCR drops and confuses
    them ("số" matches "Số", "Só", "sô"). Consonants must match (case aside); with ``capital`` the
    first letter must be a capital ("Số: …", never "… số 57-NQ/TW")."""
    import regex

    out = []
    for i, char in enumerate(word):
        lower = char.lower()
        group = next((v for v in _VOWELS.values() if lower in v), None)
        if capital and i == 0:
            out.append(f"[{group.upper()}]" if group else regex.escape(char.upper()))
        elif group is not None:
            out.append(f"[{group}{group.upper()}]")
        elif char.isalpha():
            out.append(f"[{regex.escape(lower)}{regex.escape(char.upper())}]")
        else:
            out.append(regex.escape(char))
    return "".join(out)
