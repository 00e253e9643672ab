"""Cited documents: "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị" -> Reference."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..model import Location, Reference
from ..text import tone_key
from ..vocab import words
from .dates import parse_date

# "57-NQ/TW", "179/2025/NĐ-CP", "8177/BKHCN-CĐSQG", "15527BT/TTT-TTH", "57- NQ/TW", "06/CP"
DOC_ID = r"\d{1,6}[\p{L}]*(?:(?:-\s?|/)[\p{Lu}\d][\p{L}\d]*)+"
# ", ngày 22/12/2024" or "ngày 31 tháng 12 năm 2025" right after an id
AFTER_DATE = regex.compile(
    r"^\s*,?\s*ngày\s+(?P<date>\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
    regex.IGNORECASE,
)
# ", của X" / " của X" right after the id or its date
AFTER_OF = regex.compile(r"^\s*,?\s*của\s+(?P<rest>.*)$", regex.DOTALL)
# where an issuer name certainly ends
ISSUER_END = regex.compile(r"[;()\[\]\n]|\.(?:\s|$)|:")


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


@lru_cache(maxsize=1)
def _citation() -> regex.Pattern[str]:
    kinds = sorted(words("citations", "kinds"), key=len, reverse=True)
    alternatives = "|".join(regex.escape(k) for k in kinds)
    return regex.compile(
        rf"(?<![\p{{L}}])(?P<kind>{alternatives})(?:\s+số\s*:?)?\s*(?P<ids>{DOC_ID}(?:\s*(?:,|và)\s*{DOC_ID})*)",
        regex.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _kind_names() -> dict[str, str]:
    return {k.casefold(): k[0].upper() + k[1:] for k in words("citations", "kinds")}


@lru_cache(maxsize=1)
def _issuer_rules() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    stops = sorted(words("citations", "issuer_stop_words"), key=len, reverse=True)
    heads = sorted(words("citations", "issuer_heads"), key=len, reverse=True)
    kinds = sorted(words("citations", "kinds"), key=len, reverse=True)
    stop = regex.compile(rf"^(?:{'|'.join(map(regex.escape, stops))})\b")
    head = regex.compile(rf"^(?:{'|'.join(map(regex.escape, heads))})\b")
    kind = regex.compile(rf"^(?:{'|'.join(regex.escape(k[0].upper() + k[1:]) for k in kinds)})\b")
    return stop, head, kind


def issuer_after(text: str) -> str | None:
    """The organ named at the start of ``text`` (what follows "của"), or None."""
    end = ISSUER_END.search(text)
    text = text[: end.start()] if end else text
    stop, head, kind = _issuer_rules()
    if not head.match(text):
        return None
    taken: list[str] = []
    tokens = text.split()
    for i, token in enumerate(tokens):
        rest = " ".join(tokens[i:])
        if i and (stop.match(rest) or kind.match(rest)):
            break
        if taken and taken[-1].endswith(","):
            # a comma continues a name only into lower-case words ("khoa học, công nghệ")
            if not token[0].islower():
                break
        taken.append(token)
    issuer = " ".join(taken).rstrip(" ,")
    return issuer or None


def mentions(text: str) -> Iterable[Mention]:
    """Every citation in ``text``, in order ("Nghị quyết số 57-NQ/TW ngày … của …")."""
    names = _kind_names()
    for m in _citation().finditer(text):
        kind = names.get(m["kind"].casefold(), m["kind"])
        tail = text[m.end():]
        date = None
        d = AFTER_DATE.match(tail)
        if d:
            date = parse_date(d.group())
            tail = tail[d.end():]
        of = AFTER_OF.match(tail)
        issuer = issuer_after(of["rest"]) if of else None
        for raw_id in regex.finditer(DOC_ID, m["ids"]):
            if "/" not in raw_id.group():
                continue
            start = m.start("ids") + raw_id.start()
            yield Mention(regex.sub(r"\s+", "", raw_id.group()), kind, date, issuer, start, start + len(raw_id.group()))


def extract_references(texts: Iterable[str | tuple[str, Location]], own_id: str | None = None) -> list[Reference]:
    """Every distinct cited document in ``texts`` (in reading order), first mention first.

    A later mention fills in a date or issuer the first one lacked; ``own_id`` (the plan's own
    number and symbol) is not a reference.
    """
    found: dict[str, Reference] = {}
    own = _key(own_id) if own_id else None
    for entry in texts:
        text, location = (entry, None) if isinstance(entry, str) else entry
        for mention in mentions(text):
            key = _key(mention.id)
            if key == own:
                continue
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
    return list(found.values())


def _key(doc_id: str) -> str:
    return tone_key(doc_id.casefold())
