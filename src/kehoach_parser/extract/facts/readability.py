"""Whether a document's text can be read at all: a PDF whose fonts lack a usable Unicode map gives letters
that are not Vietnamese ("s dng và bo qun vt liu" for "sử dụng và bảo quản vật liệu")."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from ...vocab.lint import lexicon
from .spans import TextSpan

# a lower-case word of two letters or more, not part of a URL, an address or an enumerator ("b)")
LOWER_WORD = regex.compile(r"(?<![\p{L}\d./@:_\-])\p{Ll}{2,}(?![\p{L}\d./@:_\-)])")
# warnings of the readers that mean the text layer was not read
UNREADABLE_WARNINGS = ("text_layer_garbled", "ocr_skipped")
GARBLED = "text_layer_garbled"
# a reader warning that pages were read by OCR from their images
OCR_WARNING = "ocr"
# at least this many words before a share of non-words means anything
MIN_WORDS = 100
# more than this share of lower-case words that are no Vietnamese syllable: the text layer is garbled
MAX_NON_WORDS = 0.02
# more than this share: not Vietnamese at all (an English README), which is no garbled plan but no plan
MAX_GARBLED = 0.3
# ASCII words this long are foreign words ("infographic", "logistics"), not garbled Vietnamese
FOREIGN_LENGTH = 6


@dataclass(frozen=True)
class Readability:
    unreadable: str | None  # why the text cannot be trusted ("text_layer_garbled", "non_words"), None when fine
    non_word_share: float
    ocr: bool  # (part of) the text was read by OCR from page images


def readability(spans: list[TextSpan], warning_codes: set[str]) -> Readability:
    known = lexicon()
    total = bad = 0
    if known:
        for span in spans:
            for m in LOWER_WORD.finditer(span.text):
                word = unicodedata.normalize("NFC", m.group())
                if word.isascii() and len(word) >= FOREIGN_LENGTH:
                    continue
                total += 1
                bad += not known.has_syllable(word.casefold())
    share = bad / total if total else 0.0
    ocr = OCR_WARNING in warning_codes
    # a garbled text layer that OCR replaced is read (as OCR text); one left as it is, or skipped pages, are not
    reason = next((c for c in UNREADABLE_WARNINGS if c in warning_codes and not (ocr and c == GARBLED)), None)
    if reason is None and total >= MIN_WORDS and MAX_NON_WORDS < share <= MAX_GARBLED:
        reason = "non_words"
    return Readability(reason, share, ocr)
