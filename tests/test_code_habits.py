"""Habits the code keeps: a pattern is compiled once, under a name, never handed to a module-level
``regex.sub(...)``/``re.search(...)`` call at the place it is used (compiled again on every call, or
looked up in the module's cache, and without the one-line example its constant carries)."""
from __future__ import annotations

import ast

from source_tree import SRC, parsed_modules

USING_A_PATTERN = {"search", "match", "fullmatch", "sub", "subn", "split", "finditer", "findall"}


def _inline_patterns(tree: ast.AST) -> list[int]:
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in USING_A_PATTERN and isinstance(node.func.value, ast.Name)
            and node.func.value.id in ("regex", "re")]


def test_patterns_are_compiled_once_by_name() -> None:
    found = [f"{path.relative_to(SRC)}:{line}" for path, tree in parsed_modules() for line in _inline_patterns(tree)]
    assert not found, "patterns used without being compiled under a name:\n" + "\n".join(found)


def test_the_scan_finds_an_inline_pattern() -> None:
    tree = ast.parse('import regex\nWORD = regex.compile(r"\\w+")\nparts = regex.split(r"\\s*;\\s*", text)\n')
    assert _inline_patterns(tree) == [3]
