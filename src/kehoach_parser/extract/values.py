"""Target values: "≥ 95%", "100% (2025-2027)", "Tối thiểu 80%", "đạt từ 80% trở lên"."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..model import Comparator, Value
from ..text import clean
from ..vocab import alternation, vocab

# "95%", "99,5 %", "100" — a number, optionally a percentage
NUMBER = regex.compile(r"(?<![\d/])(?P<num>\d+(?:[.,]\d+)?)\s*(?P<pct>%)?")
# "95%", "60-70%", "60% - 70%" — a percentage, or a range of them (its lower bound is the target)
PERCENT = regex.compile(r"(?<![\d/])(?P<num>\d+(?:[.,]\d+)?)\s*(?:%\s*)?"
                        r"(?:[-–]\s*(?P<upper>\d+(?:[.,]\d+)?)\s*)?(?P<pct>%)")
# "(2025-2027)", "giai đoạn 2025 - 2027"
PERIOD = regex.compile(r"(?<!\d)(?P<a>(?:19|20)\d{2})\s*[-–]\s*(?P<b>(?:19|20)\d{2})(?!\d)")
# "≥", ">=", "≤" right before the number
SYMBOL = regex.compile(r"(?P<sym>≥|>=|≤|<=|>|<|=)\s*$")
# clause boundaries: a comparator word never reaches across them
CLAUSE = regex.compile(r"[,;:()]")

SYMBOLS: dict[str, Comparator] = {"≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<", "=": "="}


@lru_cache(maxsize=1)
def _comparator_patterns() -> list[tuple[Comparator, regex.Pattern[str]]]:
    table = vocab().comparators
    # words that may stand between a comparator word and its number: "tối thiểu lần lượt là 100%"
    filler = rf"(?:\s+(?:{alternation(vocab().comparators.fillers, spaces=True)}))*"
    out: list[tuple[Comparator, regex.Pattern[str]]] = []
    comparators: tuple[Comparator, ...] = (">=", "<=", ">", "<", "=")
    for comp in comparators:
        for phrase in table.by_symbol[comp]:
            if phrase[0].isalpha():
                out.append((comp, regex.compile(rf"(?:^|\s)(?P<w>{regex.escape(phrase)}){filler}\s*$", regex.I)))
    return out


@lru_cache(maxsize=1)
def _suffixes() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    table = vocab().comparators
    ge, le = alternation(table.suffix_ge), alternation(table.suffix_le)
    return regex.compile(rf"^\s*(?:{ge})", regex.I), regex.compile(rf"^\s*(?:{le})", regex.I)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _comparator(before: str, after: str) -> tuple[Comparator, int]:
    """(comparator, index in ``before`` where the words stating it start)."""
    sym = SYMBOL.search(before)
    if sym:
        return SYMBOLS[sym["sym"]], sym.start()
    clause_start = max((m.end() for m in CLAUSE.finditer(before)), default=0)
    clause = before[clause_start:]
    best: tuple[int, int, Comparator] | None = None  # (end, -start, comparator): the words nearest the number,
    for comp, pattern in _comparator_patterns():  # the longest of them ("không dưới" over "dưới")
        m = pattern.search(clause)
        if m and (best is None or (m.end("w"), -m.start("w")) > best[:2]):
            best = (m.end("w"), -m.start("w"), comp)
    start = clause_start - best[1] if best else len(before)
    ge, le = _suffixes()
    if ge.match(after):
        return ">=", start
    if le.match(after):
        return "<=", start
    return (best[2] if best else "="), start


def parse_value(cell: str | None) -> Value | None:
    """A table cell -> Value (comparator, number, unit, period); empty -> None."""
    raw = clean(cell or "")
    if not raw:
        return None
    period = PERIOD.search(raw)
    scan = raw[: period.start()] + raw[period.end():] if period else raw
    m = PERCENT.search(scan) or NUMBER.search(scan)
    if not m:
        return Value(raw=raw, period=_period(period))
    comp, _ = _comparator(scan[: m.start()], scan[m.end():])
    if m.groupdict().get("upper"):  # "60-70%": at least the lower bound
        comp = ">="
    return Value(raw=raw, comparator=comp, value=_number(m["num"]), unit="%" if m["pct"] else None,
                 period=_period(period))


def parse_text_value(text: str) -> Value | None:
    """The first percentage stated in a sentence, with the words that state it as ``raw``."""
    m = PERCENT.search(text)
    if not m:
        return None
    before, after = text[: m.start()], text[m.end():]
    comp, start = _comparator(before, after)
    end = m.end()
    ge, le = _suffixes()
    suffix = ge.match(after) or le.match(after)
    if suffix:
        end += suffix.end()
    raw = clean(text[start:end])
    if m["upper"]:  # "đạt 60-70%": at least the lower bound
        comp = ">="
    return Value(raw=raw, comparator=comp, value=_number(m["num"]), unit="%", period=None)


def _period(m: regex.Match[str] | None) -> str | None:
    return f"{m['a']}-{m['b']}" if m else None
