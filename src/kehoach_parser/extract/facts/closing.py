"""Closing facts as printed: the "Nơi nhận" entries with their bullet and terminator, the "Lưu: VT, …"
line split in its office codes, and the signing-authority lines ("KT.CHỦ TỊCH") exactly as printed."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ...segment.document import Segments
from ...segment.markers import AUTHORITY, RECIPIENTS
from ...segment.paragraphs import Para
from ...text import is_upper_text
from ...vocab.lint import lint
from .header import PrintedLine

# "- Như trên; - Lưu: VT." — a second entry on the same line starts after ";" or "."
SECOND_ENTRY = regex.compile(r"(?<=[;.])\s+(?=[-+•]\s)")
# "- ", "+ ", "• ", "* " at the start of an entry
ANY_BULLET = regex.compile(r"^\s*(?P<bullet>[-+•*–—])\s*")
# the punctuation an entry ends with: ";", ".", "," or nothing
TERMINATOR = regex.compile(r"(?P<end>[;.,:]*)\s*$")
# the codes after "Lưu:": "VT", "VHXH", "CN(M.Cường" split at commas
CODE_SEPARATOR = regex.compile(r"\s*,\s*")


@dataclass(frozen=True)
class RecipientEntry:
    """One "Nơi nhận" line: its bullet ("-", "+", "" when none), its text, and how it ends (";", ".", "")."""

    text: str  # as printed, bullet and terminator included
    bullet: str
    body: str  # without bullet and terminator
    terminator: str
    page: int | None
    line: int | None


@dataclass(frozen=True)
class ArchiveLine:
    """The "Lưu: VT, VHXH." entry: whether "Lưu" has its colon, the codes, whether brackets balance."""

    entry: RecipientEntry
    colon: bool
    codes: tuple[str, ...]
    balanced: bool


@dataclass(frozen=True)
class ClosingFacts:
    recipients_head: PrintedLine | None  # the "Nơi nhận:" line
    recipients: tuple[RecipientEntry, ...]
    archive: ArchiveLine | None  # the last entry, when it is the records copy
    authority_lines: tuple[PrintedLine, ...]  # "TM. ỦY BAN NHÂN DÂN", "KT.CHỦ TỊCH" as printed

    @property
    def present(self) -> bool:
        return bool(self.recipients_head or self.authority_lines)

    @property
    def packed_signature(self) -> bool:
        """An authority line that also holds the position and the signer's name ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê
        Công Thành", a converter's one-line table row): the block is complete but read as one line."""
        return any(not is_upper_text(line.text) for line in self.authority_lines)


@lru_cache(maxsize=1)
def archive_pattern() -> regex.Pattern[str]:
    table = lint().recipients
    # "Lưu: VT, VHXH." / "Lưu VT, VP(TH)" — the records copy and what follows it
    return regex.compile(rf"^{regex.escape(table.archive)}(?P<colon>\s*:)?\s*(?P<codes>.*)$", regex.IGNORECASE)


def entry(text: str, page: int | None, line: int | None) -> RecipientEntry:
    text = text.strip()
    bullet = ANY_BULLET.match(text)
    rest = text[bullet.end():] if bullet else text
    end = TERMINATOR.search(rest)
    terminator = end["end"] if end else ""
    body = rest[: end.start()].strip() if end else rest.strip()
    return RecipientEntry(text, bullet["bullet"] if bullet else "", body, terminator, page, line)


def closing_facts(seg: Segments) -> ClosingFacts:
    paras = [p for p in seg.closing if isinstance(p, Para)]
    authority = tuple(PrintedLine(p.text.strip(), p.page, p.line) for p in paras if AUTHORITY.match(p.text.strip()))
    start = next((i for i, p in enumerate(paras) if RECIPIENTS.match(p.text)), None)
    if start is None:
        head = next((p for p in seg.items if isinstance(p, Para) and RECIPIENTS.match(p.text)), None)
        head_line = PrintedLine(head.text, head.page, head.line) if head else None
        return ClosingFacts(head_line, (), None, authority)
    head = paras[start]
    entries: list[RecipientEntry] = []
    archive = archive_pattern()

    def add(text: str, para: Para) -> None:
        for part in SECOND_ENTRY.split(text):
            if part.strip():
                entries.append(entry(part, para.page, para.line))

    opener = RECIPIENTS.match(head.text)
    rest = head.text[opener.end():].strip() if opener else ""
    if rest:
        add(rest, head)  # "Nơi nhận: - Như trên;"
    for para in paras[start + 1:]:
        if AUTHORITY.match(para.text) or (is_upper_text(para.text) and not ANY_BULLET.match(para.text)):
            break  # the signature
        if entries and archive.match(entries[-1].body) and not ANY_BULLET.match(para.text):
            break  # past "Lưu: VT, …" only a bulleted line is still a recipient
        add(para.text, para)
    return ClosingFacts(PrintedLine(head.text, head.page, head.line), tuple(entries), _archive(entries), authority)


def _archive(entries: list[RecipientEntry]) -> ArchiveLine | None:
    if not entries:
        return None
    last = entries[-1]
    m = archive_pattern().match(last.body)
    if m is None:
        return None
    codes = tuple(c for c in CODE_SEPARATOR.split(m["codes"].strip()) if c)
    opened = sum(last.body.count(c) for c in "([")
    closed = sum(last.body.count(c) for c in ")]")
    return ArchiveLine(last, bool(m["colon"]), codes, opened == closed)
