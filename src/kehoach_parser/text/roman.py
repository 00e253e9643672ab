"""Roman numerals, the one place they are read and written (section headings, table group rows,
Word's upperRoman/lowerRoman numbering, the linter's expected numbers)."""
from __future__ import annotations

NUMERALS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
LARGEST = 3999  # the largest value the numerals write


def roman_value(numeral: str) -> int | None:
    """4 for "IV" (either case), None for anything that is not a numeral."""
    total, prev = 0, 0
    for ch in reversed(numeral.upper()):
        v = VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


def to_roman(value: int, *, lower: bool = False) -> str:
    """"IV" for 4 ("iv" with ``lower``); values outside 1..3999 in digits."""
    if not 0 < value <= LARGEST:
        return str(value)
    out: list[str] = []
    for amount, numeral in NUMERALS:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    text = "".join(out)
    return text.lower() if lower else text
