"""Person names: a pattern over the family-name vocabulary first, underthesea's NER second.

underthesea is imported lazily, the first time a name does not fit the pattern.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..text import clean
from ..vocab import alternation, vocab

# "Nguyễn Quang Vinh", "Đinh Thị Thu Hà": two to six capitalised syllables
NAME_SHAPE = regex.compile(r"^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$")


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(vocab().people.surnames)


@lru_cache(maxsize=1)
def _honorifics() -> regex.Pattern[str]:
    options = "|".join(map(regex.escape, sorted(vocab().people.honorifics, key=len, reverse=True)))
    return regex.compile(rf"^(?:{options})\s+")


def person_name(text: str) -> str | None:
    """The person's name when ``text`` is one (honorific removed, capitals title-cased), else None."""
    candidate = _honorifics().sub("", clean(text)).strip(" .,;")
    if not candidate or len(candidate) > 60:
        return None
    rank = _ranks().match(candidate)  # "Đại tá Bùi Duy Hưng": the rank stays, the name is judged
    name = candidate[rank.end():] if rank else candidate
    shaped = " ".join(w.capitalize() for w in name.split()) if name.isupper() else name
    if NAME_SHAPE.match(shaped) and (shaped.split()[0] in _surnames() or _ner_says_person(shaped)):
        return candidate  # as printed
    return None


@lru_cache(maxsize=1)
def _ranks() -> regex.Pattern[str]:
    """"Đại tá ", "Thiếu tướng ": a military or police rank before a signer's name."""
    return regex.compile(rf"^(?:{alternation(vocab().people.ranks)})\s+", regex.IGNORECASE)


@lru_cache(maxsize=256)
def _ner_says_person(text: str) -> bool:
    try:
        from underthesea import ner  # lazy: heavy import, only for names the pattern cannot vouch for
    except Exception:  # pragma: no cover - underthesea missing or broken
        return False
    try:
        tags = ner(text)
    except Exception:  # pragma: no cover - model failure
        return False
    return bool(tags) and all(tag[-1].endswith("PER") for tag in tags)
