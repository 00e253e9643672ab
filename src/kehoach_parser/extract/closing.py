"""The closing block: "Nơi nhận" recipients, the signature, and the annex headings."""
from __future__ import annotations

from functools import lru_cache

import regex
from rapidfuzz import fuzz

from ..model import Annex, Location, Signature
from ..segment.document import AnnexZone
from ..segment.markers import AUTHORITY, BULLET_LINE, RECIPIENTS
from ..segment.paragraphs import Item, Para
from ..text import clean, fold, is_upper_text, join_fragments, strip_bullet
from ..vocab import vocab
from .names import person_name

# "…;" "…." "…," at the end of a recipient line
RECIPIENT_END = regex.compile(r"[\s;.,]+$")
# where a recipient's bullet starts, also after ";" or "." on one line: "- Như trên; - Lưu: VT."
RECIPIENT_BULLET = regex.compile(r"(?:^\s*|(?<=[;.])\s*)[-+•]\s+(?=\S)")


def extract_recipients(closing: list[Item]) -> list[tuple[str, Location]]:
    """Each "Nơi nhận" line without its bullet and final ";"/".", with where it stands."""
    out: list[tuple[str, Location]] = []
    inside = False
    for item in closing:
        if not isinstance(item, Para):
            if inside:
                break
            continue
        m = RECIPIENTS.match(item.text)
        if m:
            inside = True
            rest = item.text[m.end():].strip()
            if rest:
                out.extend((r, _where(item)) for r in _recipient_lines(rest))
            continue
        if inside:
            if not BULLET_LINE.match(item.text):
                if out:
                    break
                continue
            out.extend((r, _where(item)) for r in _recipient_lines(item.text))
    return out


def _where(para: Para) -> Location:
    return Location(page=para.page, line=para.line)


def _recipient_lines(text: str) -> list[str]:
    # two bullets on one line ("- Như trên; - Lưu: VT.") are two recipients
    parts = RECIPIENT_BULLET.split(text)
    return [r for r in (RECIPIENT_END.sub("", strip_bullet(p).strip()) for p in parts) if r]


@lru_cache(maxsize=1)
def _positions() -> tuple[list[str], list[str]]:
    """(positions, qualifiers), folded, longest first."""
    table = vocab().closing
    by_length = lambda items: sorted((fold(p) for p in items), key=len, reverse=True)  # noqa: E731
    return by_length(table.positions), by_length(table.position_qualifiers)


@lru_cache(maxsize=1)
def _stamps() -> list[str]:
    return [fold(p) for p in vocab().closing.stamps]


def _is_position(text: str) -> bool:
    """"PHÓ CHỦ TỊCH", "PHÓ TỔ TRƯỞNG THƯỜNG TRỰC": a signing position (a slip of a letter allowed)."""
    return _position_prefix(text) == len(fold(text).strip())


def _position_prefix(text: str) -> int:
    """How many folded characters at the start of ``text`` are a position and its qualifiers (0 if
    it does not open with one): "BỘ TRƯỞNG THỨ TRƯỞNG Lê Công Thành" -> the length of "bo truong"."""
    positions, qualifiers = _positions()
    folded = fold(text).strip()
    for p in positions:
        if folded == p or fuzz.ratio(folded, p) >= 90:
            return len(folded)
        if folded.startswith(p + " ") or folded == p:
            end = len(p)
            for q in qualifiers:
                if folded[end:].startswith(" " + q) and (len(folded) == end + 1 + len(q)
                                                        or folded[end + 1 + len(q)] == " "):
                    end += 1 + len(q)
                    break
            return end
    return 0


def _split_positions(text: str) -> list[str]:
    """A line that packs positions and a name together (converter output: "BỘ TRƯỞNG THỨ TRƯỞNG Lê
    Công Thành") -> ["BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Công Thành"]; any other line -> [text]."""
    pieces: list[str] = []
    rest = text.strip()
    while rest:
        size = _position_prefix(rest)
        if not size or size == len(fold(rest).strip()):
            break
        pieces.append(rest[:size].strip())
        rest = rest[size:].strip()
    return [*pieces, rest] if pieces and rest else [text]


def extract_signature(closing: list[Item]) -> Signature | None:
    """The signing block: the authority chain ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), the position
    and the signer's name, from the paragraphs of the closing block."""
    sig = Signature()
    seen = False
    placed = False  # a position line stands after the last authority: a later one is a post under the seal
    lines = [piece for item in closing if isinstance(item, Para) and not RECIPIENTS.match(item.text)
             and not BULLET_LINE.match(item.text) for piece in _expand(item)]
    for item in lines:
        text = item.text.strip()
        m = AUTHORITY.match(text)
        if m:
            rest = clean(m["rest"] or "")
            sig.chain.append(f"{m['auth']}. {rest}".strip())
            if sig.location is None:
                sig.location = _where(item)
            if sig.authority is None:
                sig.authority = f"{m['auth']}."  # type: ignore[assignment]
                if rest and not _is_position(rest):
                    sig.organ = rest
            if rest and _is_position(rest):
                sig.position = rest
            seen, placed = True, False
            continue
        if fold(text) in _stamps():
            continue
        if is_upper_text(text) and _is_position(text):
            if not placed:  # "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH": the signing title; "PHÓ CỤC TRƯỞNG" after it: a post
                sig.position = clean(text)
                placed = True
            if sig.location is None:
                sig.location = _where(item)
            seen = True
            continue
        name = person_name(text) if seen else None
        if name:
            sig.signer = name
            break
    if not seen:
        return None
    return sig


def _expand(para: Para) -> list[Para]:
    """A closing line that packs an authority, positions and a name into one ("KT. BỘ TRƯỞNG THỨ
    TRƯỞNG Lê Công Thành") as the lines it stands for."""
    m = AUTHORITY.match(para.text.strip())
    if m and m["rest"]:
        pieces = _split_positions(m["rest"])
        if len(pieces) > 1:
            first = Para(f"{m['auth']}. {pieces[0]}", para.page, para.line)
            return [first, *(Para(piece, para.page, para.line) for piece in pieces[1:])]
        return [para]
    pieces = _split_positions(para.text)
    return [Para(piece, para.page, para.line) for piece in pieces] if len(pieces) > 1 else [para]


def extract_annexes(annexes: list[AnnexZone]) -> list[Annex]:
    out = []
    for annex in annexes:
        title = ""
        for para in annex.title_paras:
            title = join_fragments(title, para.text)
        out.append(Annex(label=clean(annex.label_text) if annex.label_text else None,
                         title=clean(title).rstrip(" .:") or None,
                         attached=clean(annex.attached.text) if annex.attached else None,
                         location=_where(annex.label)))
    return out
