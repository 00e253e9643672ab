"""Text typed in legacy Vietnamese fonts (TCVN3 "ABC", VNI) decoded to Unicode by the font's name.

An old Word file stores "KÕ ho¹ch" in a run whose font is .VnTime, and Word shows "Kế hoạch": the
8-bit font draws Vietnamese letters in the places of Latin-1 ones. :func:`font_encoding` tells from a
font name whether it is such a font (the patterns and the character tables are data, in
``vocab/legacy_fonts.toml``), and :func:`decode` turns the stored text into what the font shows, in
NFC. TCVN3's "H" fonts (.VnTimeH) draw every letter as a capital, so their text is upper-cased.
Text that already holds Vietnamese Unicode letters (typed in a legacy-named font after the switch to
Unicode) is left as it is, so a converted document is never decoded twice.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..vocab import load_toml

# a letter only Unicode Vietnamese text holds (ă, đ, ơ, ư, ĩ, ũ, the precomposed toned letters, or a
# combining tone): "Kế hoạch" has one, the TCVN3 bytes "KÕ ho¹ch" have none
UNICODE_VIETNAMESE = regex.compile(r"[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
                                   r"\u1ea0-\u1ef9\u0300-\u0323]")


@dataclass(frozen=True)
class LegacyEncoding:
    name: str
    table: dict[int, str]  # for str.translate: stored code point -> Unicode text
    fonts: tuple[regex.Pattern[str], ...]
    capitals: tuple[regex.Pattern[str], ...]


@dataclass(frozen=True)
class LegacyFont:
    """A run's font as far as decoding goes: its name, its encoding, whether it draws only capitals."""

    name: str
    encoding: LegacyEncoding
    capitals: bool


@lru_cache(maxsize=1)
def encodings() -> tuple[LegacyEncoding, ...]:
    """The encodings of ``vocab/legacy_fonts.toml`` (read once)."""
    table = load_toml("legacy_fonts.toml")
    out = []
    for name, entry in table["encodings"].items():
        out.append(LegacyEncoding(
            name=name,
            table={int(code, 16): text for code, text in entry["chars"].items()},
            fonts=tuple(regex.compile(pattern, regex.IGNORECASE) for pattern in entry["fonts"]),
            capitals=tuple(regex.compile(pattern) for pattern in entry.get("capitals", ())),
        ))
    return tuple(out)


@lru_cache(maxsize=512)
def font_encoding(font: str | None) -> LegacyFont | None:
    """The legacy encoding a font name selects (".VnTimeH" -> TCVN3 in capitals), or None."""
    if not font:
        return None
    name = font.strip()
    for encoding in encodings():
        if any(pattern.match(name) for pattern in encoding.fonts):
            return LegacyFont(name, encoding, any(pattern.search(name) for pattern in encoding.capitals))
    return None


def decode(text: str, font: LegacyFont) -> str:
    """``text`` as the legacy ``font`` shows it, in NFC (unchanged when it is already Unicode Vietnamese)."""
    if UNICODE_VIETNAMESE.search(text):
        return text
    decoded = unicodedata.normalize("NFC", text.translate(font.encoding.table))
    return decoded.upper() if font.capitals else decoded
