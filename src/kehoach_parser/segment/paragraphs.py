"""Layout lines -> logical paragraphs: hard-wrapped lines (PDF text, page breaks) joined back.

A line continues the paragraph above when it cannot start one of its own: it begins in lower
case, or with a digit or "(" after a line that ends mid-sentence, or — in text that is
hard-wrapped at a fixed width — the line above filled the width and ended mid-sentence.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from statistics import quantiles

import regex

from ..layout import Layout, Line, Table
from ..text import is_caps_line, join_all, nfc
from ..vocab import vocab
from .markers import document_kind_line, is_structural, numbered

# "… giai đoạn 2026" at the end of a line
YEAR_END = regex.compile(r"(?<!\d)(?:19|20)\d{2}\s*$")
# "- 2030 và …" at the start of the next one
YEAR_RANGE_REST = regex.compile(r"^[-–]\s?(?:19|20)\d{2}(?!\d)")
# "217/2025/NĐ-", "238/KH-": a document id broken at its hyphen or slash at the end of a line
BROKEN_ID = regex.compile(r"(?<!\S)\d+[\p{L}\d./\-]*[\-/]$")
# sentence-final punctuation: a line ending so closes its paragraph
TERMINAL = (".", ";", ":", "!", "?", "。")


@dataclass(frozen=True)
class Para:
    text: str
    page: int | None = None
    line: int | None = None
    blank_before: bool = False
    hard_break: bool = False
    tail: str = ""  # the last physical line joined into this paragraph


Item = Para | Table


def paragraphs(layout: Layout) -> list[Item]:
    """Layout lines and tables -> paragraphs and tables in reading order: each wrapped line joined
    to the paragraph it continues (linear: a paragraph's pieces are joined once, at its end)."""
    width = _wrap_width(layout)
    blank_separated = _blank_separated(layout)
    items: list[Item] = []
    pieces: list[str] = []  # the lines of the open paragraph (items[-1]) not yet joined into its text

    def close() -> None:
        if len(pieces) > 1 and isinstance(items[-1], Para):
            items[-1] = replace(items[-1], text=join_all(pieces), tail=pieces[-1])
        pieces.clear()

    for block in layout.blocks:
        if isinstance(block, Table):
            close()
            items.append(block)
            continue
        prev = items[-1] if items else None
        if isinstance(prev, Para):
            single, tail = len(pieces) == 1, pieces[-1] if pieces else prev.tail
            goes_on = _continues_block(prev, block, single=single) if blank_separated \
                else _continues(prev, block, width, single=single, tail=tail)
            if goes_on:
                pieces.append(block.text)
                continue
        close()
        items.append(Para(block.text, block.page, block.line, block.blank_before, block.hard_break, block.text))
        pieces.append(block.text)
    close()
    return items


def _continues_block(prev: Para, line: Line, *, single: bool) -> bool:
    """In text whose paragraphs are separated by blank lines (Markdown-like, hard-wrapped at any
    width), a line goes on the paragraph above unless a blank or a rule separates them, or it starts
    a paragraph of its own (a bullet, a numbered item, a heading, "Nơi nhận", the kind line)."""
    if line.hard_break or is_structural(line.text):
        return False
    if line.text[:1].islower():
        return True  # no paragraph opens in lower case: the rest of a sentence, even after a page break
    return not line.blank_before and not (single and document_kind_line(prev.text))


def _blank_separated(layout: Layout) -> bool:
    """Plain text whose paragraphs are separated by blank lines and whose lines are wrapped inside
    them: many lines open with a blank line, and many of the others carry on a sentence (they start
    in lower case)."""
    if layout.lines_are_paragraphs:
        return False
    lines = [b for b in layout.blocks if isinstance(b, Line)]
    if len(lines) < 20:
        return False
    opened = sum(1 for line in lines if line.blank_before)
    inside = [line for line in lines[1:] if not line.blank_before and not line.hard_break
              and not is_structural(line.text)]
    carried = sum(1 for line in inside if line.text[:1].islower())
    # blank lines after nearly every line (double-spaced text) say nothing about paragraphs
    return 0.15 * len(lines) <= opened <= 0.7 * len(lines) and len(inside) >= 10 and carried >= 0.3 * len(inside)


def _continues(prev: Para, line: Line, width: int | None, *, single: bool, tail: str) -> bool:
    """``line`` goes on the paragraph ``prev`` (``single``: ``prev`` has one line so far; ``tail``: its
    last line)."""
    text = line.text
    tail = tail or prev.text
    if YEAR_END.search(tail) and YEAR_RANGE_REST.match(text):
        return True  # "giai đoạn 2026" / "- 2030": a year range broken before its dash
    if line.hard_break or is_structural(text):
        return False
    if is_caps_line(text):
        # "I. MỤC ĐÍCH," / "YÊU CẦU": a heading in capitals wrapped after a comma or a binding word
        return is_caps_line(tail) and not line.blank_before and _wraps_on(tail)
    first = text[0]
    if first.islower():
        return True
    if BROKEN_ID.search(tail) and (first.isupper() or first.isdigit()):
        return True  # "… Nghị định số 217/2025/NĐ-" / "CP ngày …": an identifier broken at its hyphen
    open_end = not tail.rstrip().endswith(TERMINAL)
    if is_caps_line(tail):
        return False
    if not open_end:
        if single and numbered(prev.text):
            return False  # "1. Heading." on one line is followed by its body
        # hard-wrapped text: a sentence that ends flush with the right margin usually goes on
        return width is not None and tail.rstrip().endswith(".") and len(tail.rstrip()) >= 0.92 * width \
            and first.isupper() and not _opens_paragraph(text)
    if first.isdigit() or first == "(":
        return True
    if not width or not (first.isupper() or first in "“\"'"):
        return False
    # hard-wrapped text: a capitalised line continues a full line that ended mid-sentence,
    # unless it opens a sentence of its own ("Thực hiện …", "Căn cứ …")
    last_word = tail.split()[-1] if tail.split() else ""
    if tail.endswith(("-", "/")) and not tail.endswith((" -", " /")):
        return True  # "… số 238/KH-" / "UBND ngày …": a word broken at its hyphen
    if len(tail) >= 0.6 * width and last_word.casefold() in _binders():
        return True
    if len(tail) >= 0.75 * width and last_word[:1].isupper() and not _opens_sentence(text):
        return True  # a name broken across lines: "… thành phố Hải" / "Phòng …"
    return len(tail) >= 0.88 * width and not _opens_sentence(text)


def _wraps_on(tail: str) -> bool:
    """A line ending in "," or in a word that binds to the next one ("… VÀ") goes on."""
    stripped = tail.rstrip()
    words_ = stripped.split()
    return stripped.endswith(",") or (bool(words_) and words_[-1].casefold() in _binders())


@lru_cache(maxsize=1)
def _binders() -> frozenset[str]:
    return frozenset(nfc(w).casefold() for w in vocab().paragraphs.binders)


@lru_cache(maxsize=1)
def _starters() -> tuple[str, ...]:
    return tuple(nfc(w).casefold() + " " for w in vocab().paragraphs.sentence_starters)


def _opens_sentence(text: str) -> bool:
    return _opens_paragraph(text) or (text.casefold() + " ").startswith(_starters())


@lru_cache(maxsize=1)
def _openers() -> tuple[str, ...]:
    return tuple(nfc(w).casefold() + " " for w in vocab().paragraphs.paragraph_openers)


def _opens_paragraph(text: str) -> bool:
    return (text.casefold() + " ").startswith(_openers())


def _wrap_width(layout: Layout) -> int | None:
    """The fixed line width of hard-wrapped text, or None when lines are whole paragraphs."""
    lengths = [len(b.text) for b in layout.blocks if isinstance(b, Line) and len(b.text) >= 20]
    if len(lengths) < 20:
        return None
    cuts = quantiles(lengths, n=20)
    p90, p95 = cuts[17], cuts[18]
    if p95 > 140:
        return None
    near_full = sum(1 for n in lengths if n >= 0.7 * p95) / len(lengths)
    return int(p90) if near_full >= 0.4 else None
