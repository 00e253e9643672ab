"""The page number printed alone on a line, as text and PDF readers drop it: one pattern for both."""
from __future__ import annotations

import regex

from ..vocab import alternation, vocab

# "2", "- 3 -", "Trang 4", "Trang 4/12", "Page 2 of 5": a page number alone on its line
PAGE_NUMBER = regex.compile(
    rf"^\s*+(?:[-–]\s*+)?(?:(?:{alternation(vocab().grammar.page_words)})\s++)?\d{{1,3}}"
    rf"(?:\s*+(?:/|{alternation(vocab().grammar.page_of)})\s*+\d{{1,3}})?(?:\s*+[-–])?\s*+$",
    regex.IGNORECASE,
)
