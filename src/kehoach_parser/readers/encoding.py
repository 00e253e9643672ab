"""Bytes -> text for plain-text inputs: BOMs, UTF-8, UTF-16, Windows-1258.

Every check is one C-speed pass over the text (no per-character Python loop, no list of matches),
so a 64-million-character file costs seconds, not minutes or gigabytes.
"""
from __future__ import annotations

import codecs
import unicodedata

import regex

# control characters that never occur in a text document (NUL, BEL, ESC ... but not \t \n \r \f)
CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# letters with Vietnamese diacritics, the mark of a plausible Windows-1258 decoding
VIETNAMESE = regex.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|\p{Mn}")

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# the most bytes one character takes in an accepted encoding (UTF-32, UTF-8's four)
MAX_BYTES_PER_CHAR = 4
# bytes below 0x80: deleted from a copy to count the ASCII bytes of a single-byte text
ASCII_BYTES = bytes(range(0x80))


class EncodingError(ValueError):
    """The bytes are in no encoding this reader accepts."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (NFC text, encoding name). Raises EncodingError with a reason."""
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(name)), name
            except UnicodeDecodeError as exc:
                raise EncodingError(f"invalid {name} text after its byte-order mark ({exc.reason})") from None
    if b"\x00" in data:
        raise EncodingError("binary data (NUL bytes) and no UTF-16 byte-order mark: not a text file")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        raise EncodingError("not UTF-8, UTF-16 or Windows-1258 text") from None
    ascii_share = (len(data) - len(data.translate(None, ASCII_BYTES))) / max(len(data), 1)
    if not VIETNAMESE.search(text) or ascii_share < 0.6:
        # Vietnamese in Windows-1258 is mostly ASCII letters with a few accented bytes
        raise EncodingError("not UTF-8, UTF-16 or Windows-1258 text (no Vietnamese text decoded)")
    return _checked(text), "cp1258"


def _checked(text: str) -> str:
    kept = text if CONTROL.search(text) is None else CONTROL.sub("", text)
    controls = len(text) - len(kept)
    if controls and controls > max(2, len(text) // 200):
        raise EncodingError("binary data (control characters): not a text file")
    return unicodedata.normalize("NFC", kept)
