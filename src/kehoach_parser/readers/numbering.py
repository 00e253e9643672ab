"""Word automatic numbering (w:numPr) rendered into text: "1.", "a)", "1.2.", "II.", "-".

A paragraph's numbering comes from its own w:numPr or its style's (through w:basedOn). The
numbering part maps a w:num (numId) to a w:abstractNum whose w:lvl entries give, per level, the
start value, the format (decimal, lowerLetter, upperRoman, bullet …), the pattern (w:lvlText
"%1.%2.") and when the level restarts (w:lvlRestart; by default after any higher level).
Counters are kept per abstract list, or per w:num when that w:num overrides a start value
(w:lvlOverride/w:startOverride: a list restarted at that instance).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex
from docx.oxml.ns import qn
from lxml import etree

# "%1.%2." — a level placeholder in w:lvlText
PLACEHOLDER = regex.compile(r"%([1-9])")

ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
LEVELS = 9


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart after this 1-based level; 0 never; None default
    legal: bool = False  # w:isLgl: every placeholder in decimal
    suffix: str = " "
    style: str | None = None  # w:pStyle: the paragraph style bound to this level


@dataclass
class Num:
    abstract: str
    overrides: dict[int, Level] = field(default_factory=dict)
    restarts: bool = False  # some level has a start override


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    if el is None:
        return default
    return el.get(qn("w:val"), default)


def _level(lvl: etree._Element, base: Level | None = None) -> Level:
    base = base or Level()
    restart = _val(lvl.find(qn("w:lvlRestart")))
    legal = lvl.find(qn("w:isLgl"))
    suffix = {"tab": " ", "space": " ", "nothing": ""}.get(_val(lvl.find(qn("w:suff")), "tab") or "tab", " ")
    return Level(
        start=_int(_val(lvl.find(qn("w:start"))), base.start),
        fmt=_val(lvl.find(qn("w:numFmt")), base.fmt) or base.fmt,
        text=_val(lvl.find(qn("w:lvlText")), base.text) if lvl.find(qn("w:lvlText")) is not None else base.text,
        restart=_int(restart, None) if restart is not None else base.restart,
        legal=(legal is not None and _val(legal, "1") not in ("0", "false")) or base.legal,
        suffix=suffix,
        style=_val(lvl.find(qn("w:pStyle")), base.style),
    )


def _int(text: str | None, default):
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def format_number(n: int, fmt: str) -> str:
    """One counter in a w:numFmt: 3 -> "3", "c", "III", "03" …"""
    if fmt in ("none",):
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        out, rest = "", n
        for value, numeral in ROMAN:
            while rest >= value:
                out, rest = out + numeral, rest - value
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalEnclosedCircle" and 0 < n <= 20:
        return chr(0x2460 + n - 1)
    return str(n)


def bullet_glyph(text: str) -> str:
    """A bullet's printed mark: dashes stay "-", "+" stays "+", anything else is "•".

    Symbol and Wingdings bullets are stored as private-use code points (U+F02D is Symbol's "-").
    """
    mark = text.strip()[:1]
    if not mark:
        return ""
    if 0xF020 <= ord(mark) <= 0xF0FF:
        mark = chr(ord(mark) - 0xF000)
    if mark in "-–—‐‑−":
        return "-"
    return "+" if mark == "+" else "•"


class Numbering:
    """The numbering state of one document, fed its paragraphs in document order."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstractNumId -> style name its levels come from
        self.nums: dict[str, Num] = {}
        self.styles: dict[str, tuple[str | None, int | None, str | None]] = {}  # id -> numId, ilvl, basedOn
        self.counters: dict[str, list[int | None]] = {}
        if styles is not None:
            for style in styles.iter(qn("w:style")):
                num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
                num_id = _val(num_pr.find(qn("w:numId"))) if num_pr is not None else None
                ilvl = _int(_val(num_pr.find(qn("w:ilvl"))), None) if num_pr is not None else None
                self.styles[style.get(qn("w:styleId"), "")] = (num_id, ilvl, _val(style.find(qn("w:basedOn"))))
        if numbering is None:
            return
        for abstract in numbering.iter(qn("w:abstractNum")):
            aid = abstract.get(qn("w:abstractNumId"), "")
            self.abstracts[aid] = {_int(lvl.get(qn("w:ilvl")), 0): _level(lvl) for lvl in abstract.iter(qn("w:lvl"))}
            link = _val(abstract.find(qn("w:numStyleLink")))
            if link:
                self.links[aid] = link
        for num in numbering.iter(qn("w:num")):
            entry = Num(_val(num.find(qn("w:abstractNumId")), "") or "")
            for override in num.iter(qn("w:lvlOverride")):
                ilvl = _int(override.get(qn("w:ilvl")), 0)
                lvl = override.find(qn("w:lvl"))
                base = self._abstract_levels(entry.abstract).get(ilvl)
                level = _level(lvl, base) if lvl is not None else (base or Level())
                start = _val(override.find(qn("w:startOverride")))
                if start is not None:
                    level = replace(level, start=_int(start, level.start))
                    entry.restarts = True
                entry.overrides[ilvl] = level
            self.nums[num.get(qn("w:numId"), "")] = entry

    def _abstract_levels(self, aid: str, depth: int = 0) -> dict[int, Level]:
        link = self.links.get(aid)
        if link and depth < 4:  # levels defined by a numbering style: follow it to its list
            num_id = self.styles.get(link, (None, None, None))[0]
            num = self.nums.get(num_id or "")
            if num is not None and num.abstract != aid:
                return self._abstract_levels(num.abstract, depth + 1)
        return self.abstracts.get(aid, {})

    def _levels(self, num: Num) -> dict[int, Level]:
        levels = dict(self._abstract_levels(num.abstract))
        levels.update(num.overrides)
        return levels

    def _style_num(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, the style that carried it) through the w:basedOn chain."""
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            num_id, ilvl, based_on = self.styles.get(style_id, (None, None, None))
            if num_id is not None:
                return num_id, ilvl, style_id
            style_id = based_on
        return None, None, None

    def label(self, p: etree._Element) -> str:
        """The rendered number of paragraph ``p`` with its suffix ("1. ", "a) ", "- "), or ""."""
        ppr = p.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = _val(num_pr.find(qn("w:numId"))) if num_pr is not None else None
        ilvl = _int(_val(num_pr.find(qn("w:ilvl"))), None) if num_pr is not None else None
        style_id = _val(ppr.find(qn("w:pStyle"))) if ppr is not None else None
        if num_id is None:
            num_id, style_ilvl, carrier = self._style_num(style_id)
            if ilvl is None:
                ilvl = style_ilvl
            style_id = carrier
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        num = self.nums[num_id]
        levels = self._levels(num)
        if ilvl is None:  # a style bound to a level by w:pStyle
            ilvl = next((i for i, lvl in levels.items() if style_id and lvl.style == style_id), 0)
        level = levels.get(ilvl)
        if level is None:
            return ""
        key = f"num:{num_id}" if num.restarts else f"abstract:{num.abstract}"
        counts = self.counters.setdefault(key, [None] * LEVELS)
        counts[ilvl] = level.start if counts[ilvl] is None else counts[ilvl] + 1  # type: ignore[operator]
        for deeper in range(ilvl + 1, LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                counts[deeper] = None
        if level.fmt == "bullet":
            mark = bullet_glyph(level.text)
            return mark + " " if mark else ""

        def fill(m: regex.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvl = levels.get(k, Level())
            value = counts[k] if counts[k] is not None else lvl.start
            return format_number(value, "decimal" if level.legal and lvl.fmt != "none" else lvl.fmt)

        text = PLACEHOLDER.sub(fill, level.text).strip()
        return text + level.suffix if text else ""
