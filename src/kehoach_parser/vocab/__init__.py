"""The Vietnamese vocabulary (``vietnamese.toml``) loaded once, with typed accessors.

Every word list the parser matches against lives in that one data file; code asks for lists
here and never spells Vietnamese vocabulary itself.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The whole vocabulary table (read from the package data on first use)."""
    data = resources.files(__package__).joinpath("vietnamese.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def alternation(section: str, key: str, *, spaces: bool = False) -> str:
    """A regex alternation of the escaped words of a list, longest first.

    With ``spaces`` a space in a word matches any run of white space ("Nơi  nhận").
    """
    import regex

    items = sorted(words(section, key), key=len, reverse=True)
    escaped = (regex.escape(w) for w in items)
    if spaces:
        escaped = (e.replace("\\ ", r"\s+") for e in escaped)
    return "|".join(escaped)


def words(section: str, key: str | None = None) -> Any:
    """A list or table from the vocabulary: ``words("units", "starters")``."""
    table = vocabulary()[section]
    return table if key is None else table[key]


# the Vietnamese vowels with every mark, by the plain vowel they fold to
_VOWELS = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ", "e": "eèéẻẽẹêềếểễệ", "i": "iìíỉĩị", "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự", "y": "yỳýỷỹỵ",
}


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
