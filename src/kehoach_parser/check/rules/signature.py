"""Signature rules (Decree 30/2020/NĐ-CP): the block is there, its authority is one of TM./KT./TL./
TUQ./Q. printed with its dot and a space, KT. goes with a deputy's position, a collective body (not a
single-head organ such as a Sở, nor a plan its head issues) signs "TM.", the signer is named."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from ...segment.markers import ANNEX_LABEL, AUTHORITY, RECIPIENTS
from ...segment.paragraphs import Para
from ...text import fold, is_upper_text
from ...vocab import vocab
from ...vocab.lint import lint
from ..context import Context
from ..registry import Hit, check, hit_at

# "T/M ỦY BAN", "TM ỦY BAN", "K.T CHỦ TỊCH", "KT: CHỦ TỊCH" — an authority without its proper form
LOOSE_AUTHORITY = regex.compile(
    r"^(?P<found>(?P<letters>T\s*[/.]?\s*M|K\s*[/.]?\s*T|T\s*[/.]?\s*L|T\s*[/.]?\s*U\s*[/.]?\s*Q|Q)\s*[.:/,]?)\s+(?=\p{Lu})")


# "KT.CHỦ TỊCH", "TM.ỦY BAN": an authority printed without the space after its dot
# what stands between the letters of a loosely printed authority: "T/M", "K.T"
AUTHORITY_PUNCTUATION = regex.compile(r"[\s/.]")
NO_SPACE = regex.compile(r"^(?P<auth>TM|KT|TL|TUQ|Q)\.(?=\p{Lu})")


def _chain_at(ctx: Context) -> tuple[int | None, int | None]:
    sig = ctx.plan.signature
    return (sig.location.page, sig.location.line) if sig and sig.location else (None, None)


@lru_cache(maxsize=1)
def _deputy_prefixes() -> tuple[str, ...]:
    return tuple(fold(p) for p in lint().signature.deputy_prefixes)


def is_deputy(position: str | None) -> bool:
    return bool(position) and fold(position).startswith(_deputy_prefixes())  # type: ignore[arg-type]


def _closing_paras(ctx: Context) -> list[Para]:
    """The paragraphs where a signature can stand: the closing block, or the end of the body."""
    items = ctx.segments.items
    end = next((i for i, it in enumerate(items) if isinstance(it, Para) and ANNEX_LABEL.match(it.text)
                and any(a.label is it for a in ctx.segments.annexes)), len(items))
    return [it for it in items[max(0, end - 30):end] if isinstance(it, Para)]


@check("signature.missing")
def missing(ctx: Context) -> Iterator[Hit]:
    if ctx.plan.signature is None:
        recipients = next((p for p in _closing_paras(ctx) if RECIPIENTS.match(p.text)), None)
        yield Hit(line=recipients.line if recipients else None, page=recipients.page if recipients else None)


@check("signature.authority-invalid")
def authority_invalid(ctx: Context) -> Iterator[Hit]:
    spelled = {fold(k): v for k, v in lint().signature.authority_words.items()}
    for para in _closing_paras(ctx):
        text = para.text.strip()
        if AUTHORITY.match(text) or not is_upper_text(text):
            continue
        m = LOOSE_AUTHORITY.match(text)
        if m:
            letters = AUTHORITY_PUNCTUATION.sub("", m["letters"])
            expected = f"{letters}. {text[m.end():].strip()}"
            yield Hit(line=para.line, page=para.page, text=text, params={"found": text, "expected": expected})
            continue
        folded = fold(text)
        for word, abbreviation in sorted(spelled.items(), key=lambda kv: -len(kv[0])):
            if folded.startswith(word + " "):
                rest = text.split(None, len(word.split()))[-1]
                yield Hit(line=para.line, page=para.page, text=text,
                          params={"found": text, "expected": f"{abbreviation} {rest}"})
                break


@check("signature.kt-not-deputy")
def kt_not_deputy(ctx: Context) -> Iterator[Hit]:
    sig = ctx.plan.signature
    if sig is None or not sig.position:
        return
    if any(link.startswith("KT.") for link in sig.chain) and not is_deputy(sig.position):
        chain = " / ".join(sig.chain)
        yield hit_at(_chain_at(ctx), f"{chain} / {sig.position}", {"chain": chain, "position": sig.position})


@check("signature.deputy-without-kt")
def deputy_without_kt(ctx: Context) -> Iterator[Hit]:
    sig = ctx.plan.signature
    if sig is None or not is_deputy(sig.position):
        return
    if any(link.startswith(("KT.", "TL.", "TUQ.")) for link in sig.chain):
        return  # a deputy signs for the head (KT.) or by delegation (TL., TUQ.)
    position: str = sig.position  # type: ignore[assignment]
    head = position.split(None, 1)[1] if " " in position else position
    yield hit_at(_chain_at(ctx), position, {"position": position, "head": head})


@lru_cache(maxsize=1)
def _collective() -> list[tuple[str, str]]:
    """(folded name, the name in capitals as signed) of the bodies that decide collectively."""
    expand: dict[str, str] = vocab().organs.abbreviations
    out = []
    for name in lint().organs.collective:
        full = expand.get(name, name)
        out.append((fold(name), full.upper()))
    return sorted(out, key=lambda p: -len(p[0]))


@check("signature.collective-without-tm")
def collective_without_tm(ctx: Context) -> Iterator[Hit]:
    sig = ctx.plan.signature
    organ_line = ctx.facts.header.issuing_organ or ctx.plan.document.issuer
    if sig is None or not organ_line or ctx.facts.header.issued_by_head:
        return  # a plan its head issues ("Chủ tịch UBND tỉnh … ban hành Kế hoạch") is signed by the head
    folded = fold(organ_line)
    organ = next((upper for name, upper in _collective() if folded.startswith(name + " ") or folded == name), None)
    if organ is None or (sig.chain and sig.chain[0].startswith("TM.")):
        return  # a single-head organ (Sở, Văn phòng, Cục …) signs "KT. GIÁM ĐỐC" without TM.
    first = sig.chain[0] if sig.chain else (sig.position or "")
    issuer = ctx.plan.document.issuer or organ_line
    yield hit_at(_chain_at(ctx), first, {"issuer": issuer, "organ": organ, "first": first})


@check("signature.authority-spacing")
def authority_spacing(ctx: Context) -> Iterator[Hit]:
    """"KT.CHỦ TỊCH": the authority's dot is followed by a space ("KT. CHỦ TỊCH")."""
    for line in ctx.facts.closing.authority_lines:
        m = NO_SPACE.match(line.text)
        if m:
            fixed = f"{m['auth']}. {line.text[m.end():]}"
            yield Hit(line=line.line, page=line.page, text=line.text, params={"found": line.text, "expected": fixed})


@check("signature.signer-missing")
def signer_missing(ctx: Context) -> Iterator[Hit]:
    sig = ctx.plan.signature
    if sig is None or ctx.facts.closing.packed_signature:
        return  # a block packed on one line names its position and signer, though not apart
    chain = " / ".join([*sig.chain, *([sig.position] if sig.position and sig.position not in sig.chain[-1:] else [])])
    if not sig.position:
        yield hit_at(_chain_at(ctx), chain, {"chain": chain}, variant="position")
    elif not sig.signer:
        yield hit_at(_chain_at(ctx), chain, {"chain": chain})
