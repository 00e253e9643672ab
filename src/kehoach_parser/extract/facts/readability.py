"""Whether a document's text can be read at all: a PDF whose fonts lack a usable Unicode map gives letters
that are not Vietnamese ("s dng và bo qun vt liu" for "sử dụng và bảo quản vật liệu")."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from ...vocab.lint import Lexicon, lexicon
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
        verdicts: dict[str, bool | None] = {}  # printed word -> a syllable (None: a foreign word, not counted)
        for span in spans:
            for printed in LOWER_WORD.findall(span.text):
                verdict = verdicts[printed] if printed in verdicts else _verdict(printed, known, verdicts)
                if verdict is not None:
                    total += 1
                    bad += not verdict
    share = bad / total if total else 0.0
    ocr = OCR_WARNING in warning_codes
    # a garbled text layer that OCR replaced is read (as OCR text); one left as it is, or skipped pages, are not
    reason = next((c for c in UNREADABLE_WARNINGS if c in warning_codes and not (ocr and c == GARBLED)), None)
    if reason is None and total >= MIN_WORDS and MAX_NON_WORDS < share <= MAX_GARBLED:
        reason = "non_words"
    return Readability(reason, share, ocr)


def _verdict(printed: str, known: Lexicon, verdicts: dict[str, bool | None]) -> bool | None:
    """Whether ``printed`` is a Vietnamese syllable, None for a foreign word (remembered: words repeat)."""
    word = unicodedata.normalize("NFC", printed)
    verdict = None if word.isascii() and len(word) >= FOREIGN_LENGTH else known.has_syllable(word.casefold())
    verdicts[printed] = verdict
    return verdict
