"""Organ names: the issuing organ of a header ("UBND TỈNH LÀO CAI / SỞ CÔNG THƯƠNG"), written out in
full ("Sở Công Thương tỉnh Lào Cai"), and the organ named in a sentence ("Văn phòng UBND tỉnh Lai
Châu đã ban hành Kế hoạch …").

An organ is read as its kind ("Sở", "Ủy ban nhân dân", "Tổ" …: the vocabulary's ``organs.types``),
what names it ("Công Thương"), and a level and place ("tỉnh" "Lào Cai"). A header line that starts
with a kind starts an organ of its own (the one above it is its parent, cơ quan chủ quản); any other
line ("TỈNH LÂM ĐỒNG", "VÀ MÔI TRƯỜNG") goes on the organ above.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..text import clean, fold, is_upper_text, tone_key
from ..vocab import vocab, vowel_class

# a token that is an identifier, not a word: "1050/QĐ-SCT", "57-NQ/TW"
ID_TOKEN = regex.compile(r"\d|/")
# a Vietnamese vowel, with or without marks: a token without one is an abbreviation ("VLNCN")
VOWEL = regex.compile(vowel_class())
# the words of a name: "Lào", "Cai", "1050/QĐ-SCT", "-"
TOKEN = regex.compile(r"\S+")


@dataclass(frozen=True)
class _Vocab:
    types: tuple[tuple[tuple[str, ...], str], ...]  # (its words as keys, as written), most words first
    placed: frozenset[str]  # folded kinds bound to a place
    abbreviations: dict[str, str]  # "UBND" -> "Ủy ban nhân dân"
    levels: tuple[tuple[str, str], ...]  # (folded, as written), longest first
    proper: tuple[tuple[str, str], ...]  # (folded, as written), longest first
    joiners: frozenset[str]  # words after which a name part starts with a capital: "và"
    past: str  # "đã"
    side_by_side: tuple[str, ...]  # folded kinds that start a second organ on a line ("sở ", "văn phòng ")


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    organs = vocab().organs

    def longest(items: Sequence[str]) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(((fold(w), w) for w in items), key=lambda p: -len(p[0])))

    abbreviations: dict[str, str] = organs.abbreviations
    types = [abbreviations.get(t, t) for t in organs.types]
    keyed: dict[tuple[str, ...], str] = {}
    for written in [*types, *abbreviations]:  # the first spelling listed is the one written out ("Ủy", not "Uỷ")
        keyed.setdefault(_word_keys(written), written)
    return _Vocab(
        types=tuple(sorted(keyed.items(), key=lambda p: -len(p[0]))),
        placed=frozenset(fold(abbreviations.get(t, t)) for t in organs.placed_types),
        abbreviations=abbreviations,
        levels=longest(organs.levels),
        proper=longest(organs.proper),
        joiners=frozenset(fold(w) for w in (vocab().grammar.and_,)),
        past=organs.past_marker,
        side_by_side=tuple(fold(w) + " " for w in organs.side_by_side_types),
    )


@dataclass(frozen=True)
class Organ:
    """One organ as printed: its kind, what names it, and its level and place."""

    kind: str | None  # "Sở", "Ủy ban nhân dân" (abbreviations expanded), or None
    name_part: str  # "Công Thương", "" for a bare "VĂN PHÒNG"
    level: str | None  # "tỉnh"
    place: str | None  # "Lào Cai"
    nested: Organ | None = None  # "VĂN PHÒNG UBND TỈNH LAI CHÂU": the organ whose office this is

    @property
    def placed(self) -> bool:
        """Its kind is bound to a place (Sở, Văn phòng, Ủy ban nhân dân …), unlike a Tổ or a Bộ."""
        return self.kind is not None and fold(self.kind) in _vocab().placed

    def full_name(self) -> str:
        parts = [self.kind or "", self.name_part]
        if self.nested is not None:
            parts.append(self.nested.full_name())
        elif self.level and self.place:
            parts += [self.level, self.place]
        return " ".join(p for p in parts if p)

    def has_place(self) -> bool:
        return bool(self.place) or (self.nested is not None and self.nested.has_place())

    def with_place_of(self, other: Organ) -> Organ:
        """This organ completed with ``other``'s level and place (or, for a bare office, ``other`` itself)."""
        if not self.name_part and self.nested is None:
            return Organ(self.kind, "", None, None, nested=other)  # "VĂN PHÒNG" under "UBND TỈNH …"
        place_of = other
        while place_of.nested is not None and not place_of.place:
            place_of = place_of.nested
        return Organ(self.kind, self.name_part, place_of.level, place_of.place, self.nested)


def parse_organ(text: str) -> Organ:
    """"SỞ CÔNG THƯƠNG TỈNH LÀO CAI" -> Organ("Sở", "Công Thương", "tỉnh", "Lào Cai")."""
    text = clean(text)
    capitals = is_upper_text(text)
    v = _vocab()
    kind = None
    rest = text
    found = _kind_of(text)
    if found is not None:
        written, size = found
        tokens = list(TOKEN.finditer(text))
        end = tokens[size - 1].end()
        printed = text[:end]
        kind = v.abbreviations.get(printed, written if capitals else printed)
        rest = text[end:].strip(" ,-–")
    if kind is not None and rest and _starts_organ(rest):
        return Organ(kind, "", None, None, nested=parse_organ(rest))
    name_part, level, place = _split_place(rest)
    return Organ(kind, _written(name_part, capitals, first=kind is None), level, _place(place, capitals))


def _word_keys(text: str) -> tuple[str, ...]:
    """The words of ``text`` as organ kinds are compared: case and tone placement aside, tone marks
    kept ("SỐ" is no "SỞ"), punctuation around a word aside."""
    return tuple(tone_key(m.group().casefold()).strip(",.;:") for m in TOKEN.finditer(text))


def _kind_of(text: str) -> tuple[str, int] | None:
    """(the kind as written in the vocabulary, how many words of ``text`` print it), or None."""
    keys = _word_keys(text)
    for words_, written in _vocab().types:
        if keys[: len(words_)] == words_:
            return written, len(words_)
    return None


def _starts_organ(text: str) -> bool:
    return _kind_of(text) is not None


def _split_place(text: str) -> tuple[str, str | None, str | None]:
    """("Công Thương", "tỉnh", "Lào Cai") of "Công Thương tỉnh Lào Cai": the last level word that has
    a place after it and is not inside a name ("Văn hóa - Xã hội", "Lao động … và Xã hội")."""
    tokens = list(TOKEN.finditer(text))
    folded = [fold(m.group()) for m in tokens]
    v = _vocab()
    for i in range(len(tokens) - 1, -1, -1):
        for key, written in v.levels:
            size = key.count(" ") + 1
            if " ".join(folded[i:i + size]) != key or i + size >= len(tokens):
                continue
            before = folded[i - 1] if i else ""
            if before in v.joiners or before in ("-", "–", ","):
                continue  # "… và Xã hội": part of a name
            name_part = text[: tokens[i].start()].strip(" ,")
            return name_part, written, text[tokens[i + size].start():].strip(" ,.")
    return text, None, None


def _written(text: str, capitals: bool, *, first: bool) -> str:
    """A name part as it is written in running text: from capitals, lower case but for its first
    word, the word after "và", abbreviations expanded, identifiers and abbreviations kept."""
    v = _vocab()
    out: list[str] = []
    after_joiner = not first
    for m in TOKEN.finditer(text):
        token = m.group()
        if token in v.abbreviations:
            out.append(v.abbreviations[token])
        elif not capitals or ID_TOKEN.search(token) or not VOWEL.search(token):
            out.append(token)
        else:
            word = token.lower()
            out.append(word[:1].upper() + word[1:] if after_joiner else word)
        after_joiner = fold(token) in v.joiners or token in ("-", "–") or token.endswith(",")
    written = " ".join(out)
    if capitals and written:
        written = written[:1].upper() + written[1:]
        folded = fold(written)
        for key, proper in v.proper:  # "Công Thương", "Nhà nước": capitals of their own
            at = folded.find(key)
            if at >= 0 and len(proper) == len(key):
                written = written[:at] + proper + written[at + len(key):]
                folded = fold(written)
    return written


def _place(text: str | None, capitals: bool) -> str | None:
    if not text:
        return None
    if not capitals and not is_upper_text(text):
        return text
    return " ".join(w[:1].upper() + w[1:].lower() if VOWEL.search(w) else w for w in text.split())


def header_organs(lines: Sequence[str]) -> list[Organ]:
    """The organs of a header's organ lines, parent first ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG").
    A line that holds a parent and its organ side by side ("UBND TỈNH LÀO CAI   SỞ CÔNG THƯƠNG") is
    split where an organ's kind follows a place."""
    groups: list[list[str]] = []
    for line in (piece for text in lines for piece in _side_by_side(text)):
        if not groups or _starts_organ(line):
            groups.append([line])
        else:
            groups[-1].append(line)
    return [parse_organ(" ".join(g)) for g in groups]


def _side_by_side(text: str) -> list[str]:
    """"UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG" -> ["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG"]: an organ's kind
    after a level word and its place starts another organ ("VĂN PHÒNG UBND TỈNH …" stays whole)."""
    v = _vocab()
    tokens = list(TOKEN.finditer(text))
    folded = [fold(m.group()) for m in tokens]
    levels = {key for key, _ in v.levels}
    seen_level = False
    for i in range(1, len(tokens)):
        pair = " ".join(folded[i - 1:i + 1])
        if folded[i - 1] in levels or pair in levels:
            seen_level = True
            continue
        rest = text[tokens[i].start():]
        if seen_level and i + 1 < len(tokens) and (fold(rest) + " ").startswith(v.side_by_side):
            return [text[: tokens[i].start()].strip(), *_side_by_side(rest)]
    return [text]


def issuer_of(organs: Sequence[Organ]) -> tuple[Organ | None, Organ | None]:
    """(issuing organ, parent organ): the lowest organ, completed with the place of the nearest
    organ above it that has one when its kind is bound to a place ("Sở Công Thương tỉnh Lào Cai");
    a team (Tổ, Đoàn) or a ministry's unit keeps its own name."""
    if not organs:
        return None, None
    completed: list[Organ] = []
    for organ in organs:
        if completed and organ.placed and not organ.has_place():
            above = next((o for o in reversed(completed) if o.has_place()), None)
            if above is not None:
                organ = organ.with_place_of(above)
        completed.append(organ)
    return completed[-1], (completed[-2] if len(completed) > 1 else None)
