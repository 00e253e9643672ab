"""String helpers shared by every stage: normalisation, markup removal and folding for matching."""
from __future__ import annotations

import unicodedata

import regex

# "**bold**", "<p>cell</p>", "*italic*", a stray "|" left from a pipe table
MARKUP = regex.compile(r"</?p\s*>|</?(?:b|i|u|strong|em|br)\s*/?>|\*+|\|")
# any run of spaces, tabs, no-break spaces
SPACES = regex.compile(r"[\s\u00a0\u200b\ufeff]+")
# a leading list bullet: "- ", "+ ", "• ", "– "
BULLET = regex.compile(r"^\s*[-+•–—*·]\s*(?=\S)")
# combining marks (tones, breve, circumflex, horn) after NFD decomposition
MARKS = regex.compile(r"\p{Mn}+")
# trailing punctuation removed from headings and list items: " .", ";", ":", ","
TRAILING = regex.compile(r"[\s.;:,]+$")

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """Contract string: NFC, no markup, whitespace runs collapsed, trimmed."""
    text = nfc(text)
    if "*" in text or "|" in text or "<" in text:
        text = MARKUP.sub(" ", text)
    return _collapse(text)


def normalize_spacing(text: str) -> str:
    """Reader string: NFC, whitespace runs collapsed, trimmed; no markup removal (for formats
    without markup, where "*" or "|" are printed characters)."""
    return _collapse(nfc(text))


def _collapse(text: str) -> str:
    """Runs of white space (no-break and zero-width spaces included) as one space, trimmed."""
    if "\u200b" in text or "\ufeff" in text:
        return SPACES.sub(" ", text).strip()
    return " ".join(text.split())


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1)


def strip_trailing(text: str) -> str:
    """Remove a trailing "." / ";" / ":" / "," (headings, unit names, list items)."""
    return TRAILING.sub("", text)


def or_none(text: str | None) -> str | None:
    """Blank -> None (the contract never emits "")."""
    if text is None:
        return None
    text = clean(text)
    return text or None


def fold(text: str) -> str:
    """Matching key: case, tones and "đ" folded away ("Hoá" and "hóa" -> "hoa")."""
    base = MARKS.sub("", unicodedata.normalize("NFD", text.casefold()))
    return SPACES.sub(" ", base.replace("đ", "d")).strip()


def caseless(text: str) -> str:
    """The key two excerpts compare by when case and spacing do not matter ("Nơi  Nhận" = "nơi nhận")."""
    return _collapse(nfc(text).casefold())


def tone_key(text: str) -> str:
    """Make old and new tone placement compare equal ("hoá" == "hóa") while keeping letters."""
    out = []
    for word in unicodedata.normalize("NFD", text).split(" "):
        tones = "".join(c for c in word if c in _TONES)
        out.append("".join(c for c in word if c not in _TONES) + tones)
    return unicodedata.normalize("NFC", " ".join(out))


# characters of a text that decide whether it is set in capitals: a heading is short, and a text of
# capitals longer than this is judged on its start (linear cost on a paragraph of megabytes)
CAPITALS_WINDOW = 2000


def is_upper_text(text: str, threshold: float = 0.8) -> bool:
    """True when most letters are capitals ("I. MỤC TIÊU", "TM. ỦY BAN NHÂN DÂN")."""
    letters = [c for c in text[:CAPITALS_WINDOW] if c.isalpha()]
    if not letters:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= threshold


def is_caps_line(text: str) -> bool:
    """A line set in capitals ("CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"), identifiers ("57-NQ/TW.") aside."""
    if len(text) > 300 or not any(c.isupper() for c in text[:3]):
        return False  # a capitals line is a heading or a title line: short, and it starts in capitals
    tokens = [w for w in text.split() if not any(c.isdigit() or c == "/" for c in w)]
    wordy = [w for w in tokens if sum(c.isalpha() for c in w) >= 2]
    if len(wordy) >= 2:
        return is_upper_text(" ".join(wordy))
    return len(wordy) == 1 and len(tokens) == 1 and is_upper_text(wordy[0]) and len(wordy[0]) >= 3


def join_fragments(first: str, second: str) -> str:
    """Join two pieces of one cell or sentence: no space after "-" or "/" ("NĐ-" + "CP")."""
    first, second = first.rstrip(), second.lstrip()
    if not first:
        return second
    if not second:
        return first
    if first.endswith(("-", "/")) and not first.endswith((" -", " /")):
        return first + second
    return f"{first} {second}"


def join_all(pieces: list[str]) -> str:
    """``join_fragments`` over many pieces in one pass (linear in their total length)."""
    out: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out:
            last = out[-1]
            before = last[-2] if len(last) > 1 else (out[-2][-1] if len(out) > 1 else "")
            if not (last.endswith(("-", "/")) and before != " "):
                out.append(" ")
        out.append(piece)
    return "".join(out)
