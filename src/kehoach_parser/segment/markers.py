"""Compiled patterns for the structural marks of a plan's lines (numbering, bullets, labels)."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..layout import Table
from ..text import fold
from ..vocab import alternation, tone_tolerant, vocab

# "I. MỤC TIÊU", "II- NHIỆM VỤ", "IV.KINH PHÍ", "V) TỔ CHỨC" — a Roman-numeral heading
ROMAN_HEADING = regex.compile(r"^(?P<num>[IVXL]{1,6})\s*[.)\-–:]\s*(?P<title>\S.*)$")
# "1. Mục tiêu", "7.1. Kinh tế số", "8.1 Kinh tế số", "1.2.1. Về ..." — a numbered item
NUMBERED = regex.compile(
    r"^(?P<num>\d{1,2}(?:\.\d{1,2})+)\.?\s*(?=\S)(?P<title>(?!\d|%).*)$"  # multi-level, dot optional at end
    r"|^(?P<num1>\d{1,2})\.\s*(?P<title1>(?![\d/%]).+)$"  # one level: "1."
)
# "- text", "+ text", "• text"
BULLET_LINE = regex.compile(r"^[-+•–—·]\s*\S")
# "+ text" — the sub-bullet that carries body task labels
PLUS_LINE = regex.compile(r"^\+\s*\S")
# "a) text", "đ) text", "(1) text", "(a) text", "1) text"
ENUMERATED = regex.compile(r"^(?:[a-zđ]\)|\(\d{1,2}\)|\([a-zđ]\)|[ivx]{1,4}\))\s*(?P<text>\S.*)$")
# "(1) Về hạ tầng số:" — the enumerator alone
ENUMERATOR = regex.compile(r"^(?:[a-zđ]\)|\(\d{1,2}\)|\([a-zđ]\)|[ivx]{1,4}\))\s*")
# "Số: 186/KH-UBND", "Số 12/2025/QĐ-UBND", "Số: /KH-UBND"
# (the number word read with any marks: OCR prints "Só: 1105/KH-ĐKT"; an illegible, handwritten number
# between the word and the symbol, "Só:đÓ6 /KH-…", is kept in ``num`` for the extractor to judge)
NUMBER_LINE = regex.compile(
    rf"(?:^|\s)(?P<word>{tone_tolerant(vocab().grammar.number, capital=True)})"
    r"\s*(?P<colon>[:.])?\s*(?P<num>[^\s/:]{1,12}?)?"
    r"\s*/\s*(?P<sym>[\p{Lu}\p{Ll}0-9Đđ./\-–]+)")


def number_line(text: str) -> regex.Match[str] | None:
    """The "Số: 186/KH-UBND" of a header line, or None. A number word in capitals with no colon
    ("… THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT") is part of an organ's name, not the number line."""
    m = NUMBER_LINE.search(text)
    if m is None or (m["colon"] is None and m["word"].isupper()):
        return None
    return m


# a number as printed: "186", "09", "12a"
NUMBER_DIGITS = regex.compile(r"^\d+[a-zA-Z]?$")
# "Nơi nhận:" (start of the recipients list)
RECIPIENTS = regex.compile(rf"^(?:{alternation(vocab().closing.recipients, spaces=True)})\s*:?", regex.IGNORECASE)
# "TM. ỦY BAN NHÂN DÂN", "KT.CHỦ TỊCH", "TL. CHỦ TỊCH", "TUQ. GIÁM ĐỐC", "Q. CHỦ TỊCH", "T/M. ĐOÀN KIỂM TRA"
AUTHORITY = regex.compile(r"^(?P<auth>T/?M|K/?T|T/?L|TUQ|Q)\s*\.\s*(?P<rest>\p{Lu}.*)?$")
# "PHỤ LỤC", "PHỤ LỤC I: DANH MỤC …", "Phụ lục 2", "PHỤ LỤC SỐ 01"
ANNEX_LABEL = regex.compile(
    rf"^(?P<label>(?:{alternation(vocab().closing.annex_labels, spaces=True)})"
    r"(?:\s+(?:[IVXL]{1,5}|\d{1,2}|[A-Z])\b)?)"
    r"\s*[:.\-–]?\s*(?P<rest>.*)$"
)
# "(Ban hành kèm theo Kế hoạch số …)", "(kèm theo …)"
ANNEX_ATTACHED = regex.compile(rf"^\(?\s*(?:{alternation(vocab().closing.attached, spaces=True)})\b", regex.IGNORECASE)
# a percentage: "95%", "95 %", "99,5%"
PERCENT = regex.compile(r"\d+(?:[.,]\d+)?\s*%")


def numbered(text: str) -> tuple[str, str] | None:
    """("7.1", "Kinh tế số.") for a numbered line, else None."""
    m = NUMBERED.match(text)
    if not m:
        return None
    if m.group("num"):
        return m.group("num"), m.group("title").strip()
    return m.group("num1"), m.group("title1").strip()


@lru_cache(maxsize=1)
def _kind_words() -> list[tuple[str, str]]:
    table: dict[str, str] = vocab().document_kinds
    return sorted(((fold(k), v) for k, v in table.items()), key=lambda kv: -len(kv[0]))


def document_kind_line(text: str) -> tuple[str, str, str] | None:
    """(kind, printed kind word, rest of the line) when ``text`` is the kind line ("KẾ HOẠCH")."""
    stripped = text.strip()
    if not stripped[:1].isupper():
        return None
    longest = len(_kind_words()[0][0])
    head = fold(stripped[: longest + 1])  # kind words are short: fold only the start of the line
    for key, kind in _kind_words():
        whole = len(stripped) == len(key) and head == key
        if whole or (head.startswith(key + " ") and _upper_prefix(stripped, len(key))):
            rest = stripped[len(key):].strip(" :.-")
            if rest and rest.upper() == rest and any(c.isalpha() for c in rest) and not whole:
                continue  # "KẾ HOẠCH HÀNH ĐỘNG …" in capitals: a longer kind or a heading, not kind + title
            return kind, stripped[: len(key)], rest
    return None


def _upper_prefix(text: str, length: int) -> bool:
    prefix = text[:length]
    return prefix.upper() == prefix


def is_structural(text: str) -> bool:
    """Lines that always start a paragraph of their own (never a wrapped continuation)."""
    if text[:1].islower() and ")" not in text[:6]:  # the rest of a sentence: only "kèm theo …" can open one
        return bool(ANNEX_ATTACHED.match(text))
    return bool(
        BULLET_LINE.match(text)
        or numbered(text)
        or ROMAN_HEADING.match(text)
        or ENUMERATED.match(text)
        or RECIPIENTS.match(text)
        or AUTHORITY.match(text)
        or ANNEX_LABEL.match(text)
        or ANNEX_ATTACHED.match(text)
        or document_kind_line(text)
    )


@lru_cache(maxsize=1)
def _preamble_openers() -> regex.Pattern[str]:
    openers = alternation(vocab().header.preamble_openers, spaces=True)
    organs = alternation(vocab().organs.types)
    verbs = alternation(vocab().organs.issuing_verbs)
    kinds = alternation(vocab().citations.kinds)
    past = regex.escape(vocab().organs.past_marker)
    day = regex.escape(vocab().grammar.day)
    # "Căn cứ Luật …", "Thực hiện Kế hoạch …", "Sở Công Thương xây dựng Kế hoạch …", "Ngày 30/12/2025, …"
    return regex.compile(
        rf"^(?:(?:{openers})(?![\p{{L}}])|(?i:{day})\s+\d{{1,2}}\s*[/.]\s*\d{{1,2}}"
        rf"|(?:{organs})(?![\p{{L}}])[^.;:]{{0,120}}?\s(?:{past}\s+)?(?:{verbs})\s+(?i:{kinds})(?![\p{{L}}]))"
    )


def opens_preamble(text: str) -> bool:
    """The paragraph opens the preamble ("Căn cứ …", "Thực hiện …", "<organ> ban hành Kế hoạch …"):
    the title above it has ended."""
    return bool(_preamble_openers().match(text))


@lru_cache(maxsize=1)
def _headline() -> regex.Pattern[str]:
    kinds = "|".join(regex.escape(k[:1] + k[1:].lower()) for k in sorted(vocab().document_kinds, key=len, reverse=True))
    # "Kế hoạch cải cách hành chính năm 2026": a kind word, then a title in lower case
    return regex.compile(rf"^(?P<kind>{kinds})\s+(?P<rest>\p{{Ll}}.*)$")


def headline_kind(text: str) -> tuple[str, str, str] | None:
    """(kind, printed kind word, title) of a page's headline that names the plan ("Kế hoạch cải cách
    hành chính năm 2026"), for a text with no kind line of its own (a news page)."""
    m = _headline().match(text.strip())
    if not m:
        return None
    for key, kind in _kind_words():
        if fold(m["kind"]) == key:
            return kind, m["kind"], m["rest"].strip()
    return None


@lru_cache(maxsize=1)
def _issuing_decision() -> tuple[tuple[str, ...], tuple[str, ...]]:
    plan_words = tuple(fold(k) for k, kind in vocab().document_kinds.items() if kind == "ke_hoach")
    return tuple(fold(w) for w in vocab().header.issuing_decision), plan_words


def issues_plan(text: str) -> bool:
    """"Ban hành kèm theo Quyết định này Kế hoạch …": the decision issues a plan."""
    phrases, plans = _issuing_decision()
    folded = fold(text)
    for phrase in phrases:
        at = folded.find(phrase)
        if at >= 0:
            after = folded[at + len(phrase):].lstrip()
            return after.startswith(plans)
    return False


@lru_cache(maxsize=1)
def _metadata_labels() -> dict[str, str]:
    return {fold(label): name for label, name in vocab().header.metadata.items()}


def metadata_table(table: Table) -> dict[str, str] | None:
    """A portal's metadata table ("| Số hiệu | 186/KH-UBND |", "| Ngày ban hành | 29/12/2025 |") as
    field -> value ("number", "issue_date", "kind", "issuer", "signer", "title"), or None."""
    labels = _metadata_labels()
    found: dict[str, str] = {}
    known = 0
    for row in table.rows:
        cells = [c for c in row.cells if c.strip()]
        if len(cells) < 2:
            continue
        name = labels.get(fold(cells[0]).rstrip(" :"))
        if name is None:
            continue
        known += 1
        if name != "other":
            found.setdefault(name, cells[1].strip())
    return found if known >= 2 and known * 2 >= len(table.rows) else None
