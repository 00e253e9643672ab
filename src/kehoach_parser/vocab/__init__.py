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


def words(section: str, key: str | None = None) -> Any:
    """A list or table from the vocabulary: ``words("units", "starters")``."""
    table = vocabulary()[section]
    return table if key is None else table[key]
