"""Recipient rules (Decree 30/2020/NĐ-CP): a "Nơi nhận" block whose lines start with "-", end with
";" (the last with "."), the last being "Lưu: VT, …"."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from ...segment.markers import AUTHORITY, RECIPIENTS
from ...segment.paragraphs import Para
from ...text import is_upper_text
from ...vocab import words
from ..context import Context
from ..registry import Hit, check

# "- Như trên; - Lưu: VT." — a second entry on the same line starts after ";" or "."
SECOND_ENTRY = regex.compile(r"(?<=[;.])\s+(?=[-+•]\s)")
# "- ", "+ ", "• ", "* " at the start of an entry
ANY_BULLET = regex.compile(r"^\s*[-+•*–—]\s*")
# the dash Decree 30 prescribes
DASH = regex.compile(r"^-\s*\S")


@lru_cache(maxsize=1)
def archive_line() -> regex.Pattern[str]:
    table = words("lint", "recipients")
    # "Lưu: VT, VHXH." — the records copy
    return regex.compile(rf"^{regex.escape(table['archive'])}\s*:?\s*{regex.escape(table['archive_office'])}\b",
                         regex.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    text: str  # as printed, bullet included
    line: int | None
    page: int | None

    @property
    def bare(self) -> str:
        return ANY_BULLET.sub("", self.text).strip()


def recipient_block(ctx: Context) -> tuple[Para | None, list[Entry]]:
    """The "Nơi nhận:" paragraph and the entries under it, up to the signature."""
    paras = [p for p in ctx.segments.closing if isinstance(p, Para)]
    start = next((i for i, p in enumerate(paras) if RECIPIENTS.match(p.text)), None)
    if start is None:
        head = next((p for p in ctx.segments.items if isinstance(p, Para) and RECIPIENTS.match(p.text)), None)
        return head, []
    head = paras[start]
    entries: list[Entry] = []

    def add(text: str, para: Para) -> None:
        for part in SECOND_ENTRY.split(text):
            if part.strip():
                entries.append(Entry(part.strip(), para.line, para.page))

    rest = head.text[RECIPIENTS.match(head.text).end():].strip()  # type: ignore[union-attr]
    if rest:
        add(rest, head)  # "Nơi nhận: - Như trên;"
    for para in paras[start + 1:]:
        if AUTHORITY.match(para.text) or (is_upper_text(para.text) and not ANY_BULLET.match(para.text)):
            break  # the signature
        if entries and archive_line().match(entries[-1].bare) and not ANY_BULLET.match(para.text):
            break  # past "Lưu: VT, …" only a bulleted line is still a recipient
        add(para.text, para)
    return head, entries


@check("recipients.missing")
def missing(ctx: Context) -> Iterator[Hit]:
    head, entries = recipient_block(ctx)
    if head is None or not entries:
        sig = ctx.plan.signature
        line = head.line if head else (sig.location.line if sig and sig.location else None)
        yield Hit(line=line, text=head.text if head else None)


@check("recipients.bullet")
def bullet(ctx: Context) -> Iterator[Hit]:
    for entry in recipient_block(ctx)[1]:
        if not DASH.match(entry.text):
            yield Hit(line=entry.line, page=entry.page, text=entry.text, params={"entry": entry.text, "bare": entry.bare})


@check("recipients.archive-last")
def archive_last(ctx: Context) -> Iterator[Hit]:
    entries = recipient_block(ctx)[1]
    if entries and not archive_line().match(entries[-1].bare):
        last = entries[-1]
        yield Hit(line=last.line, page=last.page, text=last.text, params={"entry": last.bare})


@check("recipients.punctuation")
def punctuation(ctx: Context) -> Iterator[Hit]:
    entries = recipient_block(ctx)[1]
    for i, entry in enumerate(entries):
        expected = "." if i == len(entries) - 1 and archive_line().match(entry.bare) else ";"
        if i == len(entries) - 1 and expected == ";":
            continue  # the archive rule already reports a list that does not end with "Lưu: VT, …"
        if not entry.text.rstrip().endswith(expected):
            yield Hit(line=entry.line, page=entry.page, text=entry.text, params={"entry": entry.bare, "expected": expected})
