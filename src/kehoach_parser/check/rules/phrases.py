"""Finding word groups of a text that nearly match known phrases (shared by the heading and spelling
rules): equal once tone marks and case are folded away but printed with other marks ("CHUYỂN ĐỔI SÓ"),
or, for phrases of three words or more, one word a letter slip away ("TỔ CHỨC THỰC HIỆNN")."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import regex
from rapidfuzz import fuzz

from ...text import fold, nfc, tone_key
from ...vocab.lint import lexicon
from ..util import spaces_only

# a word: letters and digits ("CHUYỂN", "5G")
WORD = regex.compile(r"[\p{L}\d]+")


@lru_cache(maxsize=16384)
def fold_word(word: str) -> str:
    """``fold`` of one word, cached (plans repeat their words)."""
    return fold(word)


@dataclass(frozen=True)
class NearMiss:
    found: str
    expected: str  # the phrase, in the found text's case
    start: int
    score: float  # rapidfuzz similarity of the printed group to the phrase (0-100)


class PhraseIndex:
    """Known phrases by word count and folded form.

    ``fuzzy_score`` (0-100, None = off) also accepts, in phrases of three words or more, one word
    whose folded form is that similar to the phrase's word while the other words are the phrase's:
    short groups are never fuzzy-matched, as "triển khoa" (of "phát triển khoa học") is not a
    misspelt "triển khai".
    """

    def __init__(self, phrases: Iterable[str], *, fuzzy_score: float | None = None) -> None:
        self.by_fold: dict[int, dict[str, str]] = {}
        self.by_first: dict[str, list[tuple[int, str, str]]] = {}  # first folded word -> (n, folded, phrase)
        for phrase in phrases:
            n = len(phrase.split())
            key = fold(phrase)
            self.by_fold.setdefault(n, {})[key] = phrase
            self.by_first.setdefault(key.split()[0], []).append((n, key, phrase))
        self.printed = {nfc(p).casefold() for table in self.by_fold.values() for p in table.values()}
        self.exact = {tone_key(p) for p in self.printed}
        self.fuzzy_score = fuzzy_score

    def _candidates(self, folded_tokens: list[str], i: int) -> Iterator[tuple[int, str]]:
        """(word count, phrase) of the phrases the words from ``i`` on may be a near miss of."""
        for n, key, phrase in self.by_first.get(folded_tokens[i], ()):
            if " ".join(folded_tokens[i:i + n]) == key:
                yield n, phrase
        if self.fuzzy_score is not None:  # a letter slip may be in the first word too: try every long phrase
            for n, table in self.by_fold.items():
                if n >= 3 and i + n <= len(folded_tokens):
                    folded = " ".join(folded_tokens[i:i + n])
                    slip = self._one_word_slip(folded, table) if folded not in table else None
                    if slip is not None:
                        yield n, slip

    def near_misses(self, text: str, *, proper_noun_guard: bool = True) -> Iterator[NearMiss]:
        tokens = list(WORD.finditer(text))
        folded_tokens = [fold_word(t.group()) for t in tokens]
        for i in range(len(tokens)):
            for n, phrase in self._candidates(folded_tokens, i):
                window = tokens[i:i + n]
                if not all(spaces_only(text[a.end():b.start()]) for a, b in pairwise(window)):
                    continue
                if _bound(text, tokens, i, i + n, phrase):
                    continue
                found = text[window[0].start():window[-1].end()]
                printed = found.casefold()
                if printed in self.printed or tone_key(printed) in self.exact:
                    continue
                if proper_noun_guard and not found.isupper() and any(w.group()[0].isupper() for w in window[1:]):
                    continue  # "phường An Bình" is a place, not a misspelt "phương án"
                score = fuzz.ratio(tone_key(printed), tone_key(phrase.casefold()))
                yield NearMiss(found, in_case_of(found, phrase), window[0].start(), score)

    def _one_word_slip(self, folded: str, table: dict[str, str]) -> str | None:
        words = folded.split()
        for key, phrase in table.items():
            theirs = key.split()
            differ = [(a, b) for a, b in zip(words, theirs, strict=False) if a != b]
            if len(differ) == 1 and len(differ[0][1]) >= 3 and fuzz.ratio(*differ[0]) >= self.fuzzy_score:  # type: ignore[operator]
                return phrase
        return None


def _bound(text: str, tokens: list[regex.Match[str]], start: int, end: int, phrase: str) -> bool:
    """Whether a word of ``tokens[start:end]`` that differs from ``phrase`` makes a dictionary word with
    the word beside it outside the group: "Chứng chỉ đào tạo" is "chứng chỉ" and "đào tạo", no misspelt
    "chỉ đạo"; "triễn khai hóa đơn" stays a misspelt "triển khai" ("khai hóa" binds a word that is right)."""
    known = lexicon()
    if not known:
        return False
    words = [nfc(t.group()).casefold() for t in tokens[start:end]]
    expected = nfc(phrase).casefold().split()
    edges = []
    if tone_key(words[0]) != tone_key(expected[0]):
        edges.append((start - 1, start))
    if tone_key(words[-1]) != tone_key(expected[-1]):
        edges.append((end - 1, end))
    return any(a >= 0 and b < len(tokens) and spaces_only(text[tokens[a].end():tokens[b].start()])
               and known.has_pair(nfc(tokens[a].group()).casefold(), nfc(tokens[b].group()).casefold())
               for a, b in edges)


def in_case_of(found: str, phrase: str) -> str:
    """``phrase`` written in the case of ``found``: all capitals, or capitalised like it."""
    if found.isupper():
        return phrase.upper()
    if found[:1].isupper() and phrase[:1].islower():
        return phrase[:1].upper() + phrase[1:]
    return phrase
