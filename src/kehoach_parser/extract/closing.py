"""The closing block: "Nơi nhận" recipients, the signature, and the annex headings."""
from __future__ import annotations

from functools import lru_cache

import regex
from rapidfuzz import fuzz

from ..model import Annex, Location, Signature
from ..segment.document import Annex as AnnexPart
from ..segment.markers import AUTHORITY, BULLET_LINE, RECIPIENTS
from ..segment.paragraphs import Item, Para
from ..text import clean, fold, is_upper_text, join_fragments, strip_bullet
from ..vocab import words
from .names import person_name

# "…;" "…." "…," at the end of a recipient line
RECIPIENT_END = regex.compile(r"[\s;.,]+$")


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
    parts = regex.split(r"(?:^\s*|(?<=[;.])\s*)[-+•]\s+(?=\S)", text)
    return [r for r in (RECIPIENT_END.sub("", strip_bullet(p).strip()) for p in parts) if r]


@lru_cache(maxsize=1)
def _positions() -> list[str]:
    return [fold(p) for p in words("closing", "positions")]


@lru_cache(maxsize=1)
def _stamps() -> list[str]:
    return [fold(p) for p in words("closing", "stamps")]


def _is_position(text: str) -> bool:
    folded = fold(text)
    return any(folded == p or fuzz.ratio(folded, p) >= 90 for p in _positions())


def extract_signature(closing: list[Item]) -> Signature | None:
    sig = Signature()
    seen = False
    for item in closing:
        if not isinstance(item, Para) or RECIPIENTS.match(item.text) or BULLET_LINE.match(item.text):
            continue
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
            seen = True
            continue
        if fold(text) in _stamps():
            continue
        if is_upper_text(text) and _is_position(text):
            sig.position = clean(text)
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


def extract_annexes(annexes: list[AnnexPart]) -> list[Annex]:
    out = []
    for annex in annexes:
        title = ""
        for para in annex.title_paras:
            title = join_fragments(title, para.text)
        out.append(Annex(label=clean(annex.label_text) if annex.label_text else None, title=clean(title).rstrip(" .:") or None,
                         attached=clean(annex.attached.text) if annex.attached else None,
                         location=_where(annex.label)))
    return out
