"""Small helpers the rules share: Roman numerals, excerpts, dates for messages, number sequences."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import NamedTuple

from ..text import SPACES
from ..text.roman import roman_value, to_roman

# a number of more digits than this is no item number (and int() of 5,000 digits is refused)
MAX_DIGITS = 6


def spaces_only(gap: str) -> bool:
    """Whether ``gap``, the text between two words, is only spaces or tabs (a line end may follow them):
    the two words are one group, with no comma, dash or cell boundary between them. String methods,
    not a pattern: the spelling rules ask this of every pair of words in a document."""
    if gap.endswith("\n"):
        gap = gap[:-1]
    return bool(gap) and not gap.strip(" \t")


def holds_phrase(words: list[str], phrases: frozenset[str], longest: int = 3) -> bool:
    """Whether a run of up to ``longest`` consecutive ``words`` (folded) is one of ``phrases`` ("tổng kết",
    "tiếp nhận"): the context words a rule looks for just before a year or a name."""
    return any(" ".join(words[i:i + n]) in phrases for n in range(1, longest + 1) for i in range(len(words)))


def small_int(text: str) -> int | None:
    """The value of a short run of ASCII digits ("12"), None for anything else ("²", "١٢", 5,000 digits)."""
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS else None


def number_value(printed: str) -> int | None:
    """1 for "I", "1", "1." or "A" (a group letter); None for anything else."""
    text = printed.strip().rstrip(".)")
    if small_int(text) is not None:
        return small_int(text)
    if text and set(text) <= set("IVXL"):
        return roman_value(text)
    if len(text) == 1 and "A" <= text <= "H":
        return ord(text) - ord("A") + 1
    return None


def same_style(value: int, like: str) -> str:
    """``value`` printed the way ``like`` is ("IV" for 4 like "III", "C" like "B", "4" like "3")."""
    like = like.strip().rstrip(".)")
    if like and set(like) <= set("IVXL"):
        return to_roman(value)
    if len(like) == 1 and like.isalpha():
        return chr(ord("A") + value - 1)
    return str(value)


class Step(NamedTuple):
    at: int  # position in the sequence
    value: int
    expected: int
    previous: int | None  # the index of the item before, None for the first


def sequence_breaks(values: Iterable[int | None], *, restarts: Iterable[bool] | None = None) -> Iterator[Step]:
    """Where a numbered sequence (1, 2, 3 …) skips or repeats. ``restarts[i]`` allows item ``i`` to
    start again at 1 (a new group). After a repeat ("1, 2, 2, 4") counting goes on from the expected
    number, so one slip is one finding; after a gap ("3, 5, 6") it goes on from the printed one."""
    expected = 1
    previous: int | None = None
    allow = list(restarts) if restarts is not None else None
    for index, value in enumerate(values):
        if value is None:
            continue
        may_restart = allow is not None and index < len(allow) and allow[index] and value == 1
        if value == expected or may_restart:
            expected = value + 1
        else:
            yield Step(index, value, expected, previous)
            expected = value + 1 if value > expected else expected + 1
        previous = index


def excerpt(text: str | None, limit: int = 120) -> str | None:
    if text is None:
        return None
    text = SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def period_label(start: date, end: date) -> str:
    """"2026", "2026-2030", "07/2025-12/2025" for a plan period."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
    return f"{start.month:02d}/{start.year}-{end.month:02d}/{end.year}"


def day_label(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
