"""Vietnamese words live in the vocabulary (src/kehoach_parser/vocab), never in the code's patterns.

Every string handed to a regex function outside the vocabulary package is scanned: a word (two letters
or more, outside a character class) with a Vietnamese letter in it fails the test. Single letters in a
character class ("[A-ZĐ]", "[a-zđ]\\)") are the alphabet, not vocabulary.
"""
from __future__ import annotations

import ast

import regex

from source_tree import SRC, parsed_modules

# a letter only Vietnamese spelling has
VIETNAMESE = regex.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", regex.I)
# a character class of a pattern: "[A-ZĐ0-9]"
CHARACTER_CLASS = regex.compile(r"\[(?:\\.|[^\]\\])*\]")
# a word of a pattern
WORD = regex.compile(r"[^\W\d_]{2,}")
REGEX_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "finditer", "findall"}
# (file, word) pairs that are justified: none so far
ALLOWED: set[tuple[str, str]] = set()


def _pattern_strings(tree: ast.AST) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in REGEX_FUNCTIONS and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("regex", "re") and node.args):
            continue
        for part in ast.walk(node.args[0]):
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                out.append((part.lineno, part.value))
    return out


def test_no_vietnamese_word_in_a_pattern_outside_the_vocabulary() -> None:
    found = []
    for path, tree in parsed_modules():
        if "vocab" in path.relative_to(SRC).parts:
            continue
        for line, text in _pattern_strings(tree):
            for word in WORD.findall(CHARACTER_CLASS.sub(" ", text)):
                if VIETNAMESE.search(word) and (path.name, word) not in ALLOWED:
                    found.append(f"{path.relative_to(SRC)}:{line}: {word!r}")
    assert not found, "Vietnamese words in patterns (move them to the vocabulary):\n" + "\n".join(found)


def test_the_scan_finds_a_word() -> None:
    tree = ast.parse('import regex\nDATE = regex.compile(r"ngày\\s+\\d+[A-ZĐ]")\n')
    words = [w for _, text in _pattern_strings(tree) for w in WORD.findall(CHARACTER_CLASS.sub(" ", text))]
    assert [w for w in words if VIETNAMESE.search(w)] == ["ngày"]
