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
