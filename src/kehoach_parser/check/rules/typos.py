"""Finding word-pair typos the phrase lists do not know: a pair printed once that is one slip away from a
dictionary word the same file uses at least twice ("phải pháp" beside "giải pháp", "truyên truyền" beside
"tuyên truyền"), and doubled words ("trong trong", "THỰC HIỆN THỰC HIỆN")."""
from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

import regex
from rapidfuzz.distance import Levenshtein

from ...extract.facts import TextSpan
from ...text import fold
from ...vocab import alternation, syllables
from ...vocab.lint import lexicon, lint
from ..util import spaces_only
from .phrases import in_case_of

# a word: a run of letters ("CHUYỂN", "hợp")
WORD = regex.compile(r"\p{L}+")
# what ends a sentence before a capitalised word that is then no name: "…; Danh nghiệp"
SENTENCE_MARKS = (".", ";", ":", "!", "?", "(")
# a list item's bullet alone before a word: "- Phhosi hợp …"
BULLET_ONLY = regex.compile(r"^[\s\-–+•*]*$")


def sentence_start(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a sentence or a list item (a capital there is no name's)."""
    prefix = text[:at].rstrip()
    return not prefix or prefix.endswith(SENTENCE_MARKS) or bool(BULLET_ONLY.match(prefix))
# a doubled group is at most this many words long
LONGEST_DOUBLE = 4


class Word(NamedTuple):  # a tuple: made for every word of a document, several times faster than a dataclass
    text: str
    lower: str
    start: int
    end: int


@dataclass(frozen=True)
class Slip:
    span: TextSpan
    start: int
    end: int
    found: str
    expected: str


@lru_cache(maxsize=65536)
def _lower(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


@lru_cache(maxsize=4096)
def words_of(text: str) -> tuple[Word, ...]:
    return tuple(Word(m.group(), _lower(m.group()), m.start(), m.end()) for m in WORD.finditer(text))


def _joined(text: str, a: Word, b: Word) -> bool:
    return spaces_only(text[a.end:b.start])


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in lint().spelling.function_words.words)


def doubled_words(spans: Iterable[TextSpan]) -> Iterator[Slip]:
    """Word groups printed twice in a row: any group of two words or more, or a function word."""
    functions = function_words()
    for span in spans:
        words = words_of(span.text)
        lowers = [w.lower for w in words]
        i = 0
        while i < len(words):
            for n in range(LONGEST_DOUBLE, 0, -1):
                if i + 2 * n > len(words) or lowers[i] != lowers[i + n] or lowers[i:i + n] != lowers[i + n:i + 2 * n]:
                    continue
                first, second = words[i:i + n], words[i + n:i + 2 * n]
                if any(not _joined(span.text, a, b) for a, b in pairwise(words[i:i + 2 * n])):
                    continue
                if n == 1 and first[0].lower not in functions:
                    continue
                once = span.text[first[0].start:first[-1].end]
                if once != span.text[second[0].start:second[-1].end] and not sentence_start(span.text, first[0].start):
                    continue  # "Phòng Kế hoạch - Tổng hợp tổng hợp": a name, then the same words as a verb
                found = span.text[first[0].start:second[-1].end]
                yield Slip(span, first[0].start, second[-1].end, found, once)
                i += 2 * n - 1
                break
            i += 1


@dataclass(frozen=True)
class _Occurrence:
    span: TextSpan
    index: int  # of the first word of the pair in the span's words
    words: tuple[Word, ...]


class PairTypos:
    """The word pairs of one document and the dictionary pairs it uses often, to find slips of the latter."""

    def __init__(self, spans: Iterable[TextSpan]) -> None:
        self.lexicon = lexicon()
        typos = lint().spelling.typos
        self.min_uses: int = typos.min_uses
        self.max_edits: int = typos.max_edits
        self.min_uses_of_real_word: int = typos.min_uses_of_real_word
        self.counts: Counter[tuple[str, str]] = Counter()
        self.occurrences: list[_Occurrence] = []
        counts = self.counts
        for span in spans:
            words, text = words_of(span.text), span.text
            for i, (left, right) in enumerate(pairwise(words)):
                if spaces_only(text[left.end:right.start]):
                    pair = (left.lower, right.lower)
                    uses = counts[pair] = counts[pair] + 1
                    if uses == 1:
                        self.occurrences.append(_Occurrence(span, i, words))
        self.by_second: dict[str, list[str]] = {}
        self.by_first: dict[str, list[str]] = {}
        for (a, b), n in self.counts.items():
            if n >= self.min_uses and self._is_word(a, b):
                self.by_second.setdefault(b, []).append(a)
                self.by_first.setdefault(a, []).append(b)

    def _is_word(self, a: str, b: str) -> bool:
        return self.lexicon.has_pair(a, b)

    def _syllable(self, word: str) -> bool:
        return self.lexicon.has_syllable(word)

    def slips(self) -> Iterator[Slip]:
        if not self.lexicon:
            return
        for occ in self.occurrences:
            a, b = occ.words[occ.index], occ.words[occ.index + 1]
            if self.counts[(a.lower, b.lower)] != 1 or self._is_word(a.lower, b.lower):
                continue
            fixed = self._fix(occ, a, b)
            if fixed:
                text = occ.span.text
                yield Slip(occ.span, a.start, b.end, text[a.start:b.end], in_case_of(text[a.start:b.end], fixed))

    def _neighbour(self, occ: _Occurrence, index: int) -> str | None:
        """The word at ``index`` of the occurrence's text when it joins the pair (only spaces between)."""
        words = occ.words
        if not 0 <= index < len(words):
            return None
        first, second = (words[index], words[index + 1]) if index < occ.index else (words[index - 1], words[index])
        return words[index].lower if _joined(occ.span.text, first, second) else None

    def _fix(self, occ: _Occurrence, a: Word, b: Word) -> str | None:
        """The dictionary pair this one is a slip of, or None."""
        i = occ.index
        before, after = self._neighbour(occ, i - 1), self._neighbour(occ, i + 2)
        left = (before, a.lower) if before else None
        right = (b.lower, after) if after else None
        for other in self.by_second.get(b.lower, []):  # "phải pháp" for "giải pháp": the first word slipped
            fixed = f"{other} {b.lower}"
            if not self._bound(right, b.lower, by_use=False) and self._slip(occ, a, other, i, left, fixed):
                return f"{other} {b.lower}"
        for other in self.by_first.get(a.lower, []):  # the second word slipped
            if not self._bound(left, a.lower, by_use=False) and self._slip(occ, b, other, i + 1, right,
                                                                         f"{a.lower} {other}"):
                return f"{a.lower} {other}"
        return None

    def _glued(self, word: str) -> bool:
        """Whether ``word`` is two syllables printed without the space between them ("ởcơ"): split between
        two vowel groups (never inside one, as "tru|yên" of "truyên"), both halves syllables."""
        folded = fold(word)
        return any(_between_vowel_groups(folded, i) and self._syllable(word[:i]) and self._syllable(word[i:])
                   for i in range(1, len(word)))

    def _bound(self, outer: tuple[str, str] | None, word: str, *, by_use: bool = True) -> bool:
        """Whether ``word`` makes a word with its other neighbour ("đoạn" of "giai đoạn mới", "sinh" of "hệ
        sinh thái"), so the pair is two words side by side, not a misspelt one: a dictionary word whose other
        half is no function word ("có phải" binds nothing: "có" goes with anything), or (``by_use``) a pair
        the file uses again."""
        if outer is None:
            return False
        if by_use and self.counts[outer] >= self.min_uses:
            return True
        other = outer[0] if outer[1] == word else outer[1]
        return self._is_word(*outer) and other not in function_words()

    def _slip(self, occ: _Occurrence, word: Word, other: str, index: int, outer: tuple[str, str] | None,
              fixed: str) -> bool:
        """Whether ``word`` is a slip of ``other``: a few letters apart once tones are folded, and either no
        Vietnamese syllable at all, or a content word that rhymes with it (or differs by one letter) and
        makes no word with its other neighbour, beside a pair the file uses often."""
        mine, theirs = fold(word.lower), fold(other)
        if word.lower == other or len(mine) < 2 or Levenshtein.distance(mine, theirs) > self.max_edits:
            return False
        text = occ.span.text
        if word.text.isupper() and not text.isupper():
            return False  # "DVC": an abbreviation
        if word.text[:1].isupper() and not sentence_start(text, word.start):
            return False  # a capitalised word inside a sentence is a name
        if not self._syllable(word.lower):
            # "truyên", "phhosi": no Vietnamese syllable, nothing else it could be; but "ởcơ" is two words
            # without their space (often a PDF's text layer, not the document), another matter
            return not self._glued(word.lower)
        if mine == theirs or word.lower in function_words() or self._bound(outer, word.lower):
            return False  # "chi tiêu"/"chỉ tiêu" are both words; "các bộ" is no slip of "cán bộ"
        if self.counts[tuple(fixed.split())] < self.min_uses_of_real_word:  # type: ignore[index]
            return False  # a real word in the place of another needs a pair the file uses often
        # one slip changes one part of a syllable: its onset ("phải" for "giải"), its rime ("danh" for
        # "doanh") or its tone; "thực chiến" differs from "thực hiện" in onset and tone: another word
        return sum(x != y for x, y in zip(syllable_parts(word.lower), syllable_parts(other), strict=True)) == 1


VOWELS = frozenset("aeiouy")


def _between_vowel_groups(folded: str, at: int) -> bool:
    """Whether ``at`` splits a folded word so that each side holds a vowel and no vowel run is cut."""
    if not (VOWELS & set(folded[:at]) and VOWELS & set(folded[at:])):
        return False
    return not (folded[at - 1] in VOWELS and folded[at] in VOWELS)


# the onset consonants of a syllable, longest first: "ngh", "tr", "đ" … (the syllable inventory's)
ONSET = regex.compile(rf"^(?:{alternation(syllables().onsets)})?")
TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


def syllable_parts(word: str) -> tuple[str, str, str]:
    """(onset, rime, tone) of a lower-case syllable: "giải" -> ("gi", "ai", hook above)."""
    decomposed = unicodedata.normalize("NFD", word)
    tone = "".join(c for c in decomposed if c in TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
    m = ONSET.match(base)
    end = m.end() if m else 0
    return base[:end], base[end:], tone
