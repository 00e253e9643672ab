"""The package's modules, read and parsed once per test session (the habit tests scan every one)."""
from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

SRC = Path(__file__).parents[1] / "src" / "kehoach_parser"


@lru_cache(maxsize=1)
def parsed_modules() -> tuple[tuple[Path, ast.Module], ...]:
    """(path, syntax tree) of every module under src/kehoach_parser, in path order."""
    return tuple((path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(SRC.rglob("*.py")))
