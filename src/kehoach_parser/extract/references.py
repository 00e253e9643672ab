"""Cited documents: "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị" -> Reference.

Linear in the text: each citation is matched once, and what follows it (its date, its issuer) is
read with anchored patterns at the citation's end inside a bounded window, never by slicing the
rest of the text.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..model import Location, Reference
from ..text import tone_key
from ..vocab import alternation, vocab
from .dates import parse_date

# "57-NQ/TW", "179/2025/NĐ-CP", "8177/BKHCN-CĐSQG", "15527BT/TTT-TTH", "57- NQ/TW", "06/CP", "21.4/GĐN"
DOC_ID = r"\d{1,6}(?:\.\d{1,4})?[\p{L}]*(?:(?:-\s?|/)[\p{Lu}\d][\p{L}\d]*)+"
# "YBB-SA032/26-LR": an id that starts with letters, taken only right after the number word ("số")
LETTER_ID = r"\p{Lu}[\p{Lu}\d]*(?:(?:-\s?|/)[\p{Lu}\d][\p{L}\d]*)+"
# where an issuer name certainly ends: "…; ", "(", a full stop, a colon, a line break
ISSUER_END = regex.compile(r"[;()\[\]\n]|\.(?:\s|$)|:")
# the characters after a citation where its date and issuer are looked for
AFTER_WINDOW = 240
# an identifier of one document, for finding the ids in a list ("15527BT/TTT-TTH và 708/BTTT-CATTT")
ONE_ID = regex.compile(rf"{LETTER_ID}|{DOC_ID}")
# white space inside a printed id ("57- NQ/TW")
ID_SPACES = regex.compile(r"\s+")
# a word of an issuer's name, between spaces: "Sở", "Công", "Thương,"
NAME_TOKEN = regex.compile(r"\S+")


@dataclass
class Mention:
    """One citation of a document in one text: its id, what the text says of it, and where the id
    stands in the text (``start``/``end``)."""

    id: str
    kind: str
    date: str | None
    issuer: str | None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class _Patterns:
    citation: regex.Pattern[str]
    after_date: regex.Pattern[str]
    after_of: regex.Pattern[str]
    stop: regex.Pattern[str]
    head: regex.Pattern[str]
    kind_word: regex.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    g = vocab().grammar
    number, day, month, year, of, and_ = (regex.escape(w) for w in (g.number, g.day, g.month, g.year, g.of, g.and_))
    kinds = alternation(vocab().citations.kinds)
    names = vocab().citations.max_name_words
    ids = rf"(?:{DOC_ID})(?:\s*(?:,|(?i:{and_}))\s*(?:{DOC_ID}))*"
    # "Nghị quyết số 57-NQ/TW", "Quyết định 1883/QĐ-UBND", "Luật Điện lực số 61/2024/QH15",
    # "Văn bản số YBB-SA032/26-LR", "văn bản số 15527BT/TTT-TTH và 708/BTTT-CATTT"
    citation = regex.compile(
        rf"(?<![\p{{L}}])(?P<kind>(?i:{kinds}))(?![\p{{L}}])"
        rf"(?:(?P<name>(?:\s+[^\s,;:.()\d]+){{0,{names}}}?)\s+(?i:{number})\s*:?\s*(?P<ids>(?:{LETTER_ID}|{DOC_ID})"
        rf"(?:\s*(?:,|(?i:{and_}))\s*(?:{DOC_ID}))*)"
        rf"|\s*(?P<ids2>{ids}))"
    )
    # ", ngày 22/12/2024" or "ngày 31 tháng 12 năm 2025" right after an id
    after_date = regex.compile(
        rf"\s*,?\s*{day}\s+(?P<date>\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}\s*[/.\-]\s*\d{{4}}"
        rf"|\d{{1,2}}\s+{month}\s+\d{{1,2}}\s+{year}\s+\d{{4}})",
        regex.IGNORECASE,
    )
    # ", của Bộ Chính trị" / " của X" right after the id or its date
    after_of = regex.compile(rf"\s*,?\s*{of}\s+")
    stops = alternation(vocab().citations.issuer_stop_words)
    heads = alternation(vocab().citations.issuer_heads)
    capitalised = "|".join(regex.escape(k[0].upper() + k[1:]) for k in
                           sorted(vocab().citations.kinds, key=len, reverse=True))
    return _Patterns(
        citation=citation,
        after_date=after_date,
        after_of=after_of,
        stop=regex.compile(rf"(?:{stops})\b"),  # "về", "ban hành" …: where an issuer's name ends
        head=regex.compile(rf"(?:{heads})\b"),  # "Bộ", "Ủy ban", "Thủ tướng" …: how an issuer starts
        kind_word=regex.compile(rf"(?:{capitalised})\b"),  # "Nghị định" …: the next citation starts
    )


@lru_cache(maxsize=1)
def _kind_names() -> dict[str, str]:
    return {k.casefold(): k[0].upper() + k[1:] for k in vocab().citations.kinds}


def issuer_after(text: str, pos: int = 0, endpos: int | None = None) -> str | None:
    """The organ named at ``pos`` in ``text`` (what follows "của"), read no further than ``endpos``."""
    end = len(text) if endpos is None else min(endpos, len(text))
    stop_at = ISSUER_END.search(text, pos, end)
    end = stop_at.start() if stop_at else end
    p = _patterns()
    if not p.head.match(text, pos, end):
        return None
    taken: list[str] = []
    for token in NAME_TOKEN.finditer(text, pos, end):
        if taken and (p.stop.match(text, token.start(), end) or p.kind_word.match(text, token.start(), end)):
            break
        if taken and taken[-1].endswith(",") and not token.group()[0].islower():
            break  # a comma continues a name only into lower-case words ("khoa học, công nghệ")
        taken.append(token.group())
    issuer = " ".join(taken).rstrip(" ,")
    return issuer or None


def mentions(text: str) -> Iterator[Mention]:
    """Every citation in ``text``, in order ("Nghị quyết số 57-NQ/TW ngày … của …")."""
    names = _kind_names()
    p = _patterns()
    for m in p.citation.finditer(text):
        group = "ids" if m.group("ids") is not None else "ids2"
        kind = names.get(m["kind"].casefold(), m["kind"])
        pos, window = m.end(), m.end() + AFTER_WINDOW
        date = None
        d = p.after_date.match(text, pos, window)
        if d:
            date = parse_date(d.group())
            pos = d.end()
        of = p.after_of.match(text, pos, window)
        issuer = issuer_after(text, of.end(), window) if of else None
        base = m.start(group)
        for raw_id in ONE_ID.finditer(m.group(group)):
            if "/" not in raw_id.group():
                continue
            start = base + raw_id.start()
            yield Mention(ID_SPACES.sub("", raw_id.group()), kind, date, issuer, start, start + len(raw_id.group()))


def extract_references(texts: Iterable[str | tuple[str, Location]], own_id: str | None = None) -> list[Reference]:
    """Every distinct cited document in ``texts`` (in reading order), first mention first.

    A later mention fills in a date or issuer the first one lacked; ``own_id`` (the plan's own
    number and symbol) is not a reference; an id cut off by the end of the text (a web-page excerpt
    ending in "Quyết định số 2629/QĐ-T") is dropped when a complete id starts with it.
    """
    found: dict[str, Reference] = {}
    own = _id_key(own_id) if own_id else None
    cut: tuple[str, str] | None = None  # (key, id) of a mention that ends the whole text
    for entry in texts:
        text, location = (entry, None) if isinstance(entry, str) else entry
        cut = None
        for mention in mentions(text):
            key = _id_key(mention.id)
            if key == own:
                continue
            if mention.end == len(text.rstrip()):
                cut = (key, mention.id)
            ref = found.get(key)
            if ref is None:
                found[key] = Reference(id=mention.id, kind=mention.kind, date=mention.date, issuer=mention.issuer,
                                       location=location)
            else:
                ref.mentions += 1
                if ref.date is None and mention.date:
                    ref.date = mention.date
                if ref.issuer is None and mention.issuer:
                    ref.issuer = mention.issuer
    if cut is not None and found[cut[0]].mentions == 1 and any(
            key != cut[0] and key.startswith(cut[0]) for key in found):
        del found[cut[0]]
    return list(found.values())


def _id_key(doc_id: str) -> str:
    return tone_key(doc_id.casefold())
