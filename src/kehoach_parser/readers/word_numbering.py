"""Word automatic numbering (w:numPr) rendered into text: "1.", "a)", "1.2.", "II.", "-".

A paragraph's numbering comes from its own w:numPr or its style's (through w:basedOn). The
numbering part maps a w:num (numId) to a w:abstractNum whose w:lvl entries give, per level, the
start value, the format (decimal, lowerLetter, upperRoman, bullet …), the pattern (w:lvlText
"%1.%2.") and when the level restarts (w:lvlRestart; by default after any higher level).
Counters are kept per abstract list, or per w:num when that w:num overrides a start value
(w:lvlOverride/w:startOverride: a list restarted at that instance).

Hostile definitions stay cheap: levels outside Word's nine (w:ilvl 0-8) are ignored, a value that is
not an ASCII number is ignored, a rendered number above ``numbering_max_value`` or a label (or its
pattern) longer than ``numbering_max_label`` raises :class:`~kehoach_parser.limits.BudgetExceeded`,
and numbering-style links are followed a bounded number of steps.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex
from lxml import etree

from ..limits import DEFAULT_LIMITS, BudgetExceeded, Limits
from ..text.roman import to_roman
from .docx_styles import Styles
from .ooxml import integer, on, val, w

# "%1.%2." — a level placeholder in w:lvlText
PLACEHOLDER = regex.compile(r"%([1-9])")

LETTERS = ("lowerLetter", "upperLetter")
LEVELS = 9  # Word's levels: w:ilvl 0 to 8
MAX_LINKS = 4  # numbering-style links followed (w:numStyleLink -> a style -> its list)
SUFFIXES = {"tab": " ", "space": " ", "nothing": ""}

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


def _level(lvl: etree._Element, base: Level | None = None) -> Level:
    base = base or Level()
    text = lvl.find(w("lvlText"))
    return Level(
        start=integer(val(lvl.find(w("start"))), base.start) or 0,
        fmt=val(lvl.find(w("numFmt")), base.fmt) or base.fmt,
        text=val(text, base.text) or "" if text is not None else base.text,
        restart=integer(val(lvl.find(w("lvlRestart"))), base.restart),
        legal=bool(on(lvl.find(w("isLgl")))) or base.legal,
        suffix=SUFFIXES.get(val(lvl.find(w("suff")), "tab") or "tab", " "),
        style=val(lvl.find(w("pStyle")), base.style),
    )


def _ilvl(text: str | None) -> int | None:
    """A level index within Word's nine, or None."""
    index = integer(text)
    return index if index is not None and 0 <= index < LEVELS else None


def format_number(n: int, fmt: str) -> str:
    """One counter in a w:numFmt: 3 -> "3", "c", "III", "03" …"""
    if fmt in ("none",):
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in LETTERS:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return to_roman(n, lower=fmt == "lowerRoman")
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

    def __init__(self, numbering: etree._Element | None, styles: Styles, limits: Limits = DEFAULT_LIMITS) -> None:
        self.styles = styles
        self.max_value = limits.numbering_max_value
        self.max_label = limits.numbering_max_label
        self._abstract_elements: dict[str, etree._Element] = {}
        self._num_elements: dict[str, etree._Element] = {}
        self._abstracts: dict[str, dict[int, Level]] = {}  # levels of the lists used so far
        self._nums: dict[str, Num | None] = {}
        self._style_nums: dict[str | None, tuple[str | None, int | None, str | None]] = {}
        self.counters: dict[str, list[int | None]] = {}
        if numbering is None:
            return
        # the definitions are indexed now and read when a paragraph first uses them: a document
        # defines many more lists than it uses
        for abstract in numbering.iter(w("abstractNum")):
            self._abstract_elements.setdefault(abstract.get(w("abstractNumId"), ""), abstract)
        for num in numbering.iter(w("num")):
            self._num_elements[num.get(w("numId"), "")] = num

    def _abstract(self, aid: str) -> dict[int, Level]:
        """The levels abstract list ``aid`` defines itself."""
        if aid not in self._abstracts:
            levels: dict[int, Level] = {}
            element = self._abstract_elements.get(aid)
            for lvl in element.iter(w("lvl")) if element is not None else ():
                index = _ilvl(lvl.get(w("ilvl")))
                if index is not None:
                    levels[index] = _level(lvl)
            self._abstracts[aid] = levels
        return self._abstracts[aid]

    def _num(self, num_id: str) -> Num | None:
        """The list instance ``num_id`` (its abstract list and level overrides), or None."""
        if num_id not in self._nums:
            element = self._num_elements.get(num_id)
            entry = None if element is None else Num(val(element.find(w("abstractNumId")), "") or "")
            for override in element.iter(w("lvlOverride")) if element is not None else ():
                index = _ilvl(override.get(w("ilvl")))
                if index is None or entry is None:
                    continue
                lvl = override.find(w("lvl"))
                base = self._abstract_levels(entry.abstract).get(index)
                level = _level(lvl, base) if lvl is not None else (base or Level())
                start = integer(val(override.find(w("startOverride"))))
                if start is not None:
                    level = replace(level, start=start)
                    entry.restarts = True
                entry.overrides[index] = level
            self._nums[num_id] = entry
        return self._nums[num_id]

    def _abstract_levels(self, aid: str) -> dict[int, Level]:
        """The levels of abstract list ``aid``, following its numbering-style link (a list whose
        levels are defined by a numbering style) a bounded number of steps."""
        for _ in range(MAX_LINKS):
            element = self._abstract_elements.get(aid)
            link = val(element.find(w("numStyleLink"))) if element is not None else None
            link_num = self._style_num(link)[0] if link else None
            # the linked list's own levels (never its overrides: a link to itself ends the walk)
            element = self._num_elements.get(link_num or "")
            target = val(element.find(w("abstractNumId"))) if element is not None else None
            if not target or target == aid:
                break
            aid = target
        return self._abstract(aid)

    def _levels(self, num: Num) -> dict[int, Level]:
        levels = dict(self._abstract_levels(num.abstract))
        levels.update(num.overrides)
        return levels

    def styled(self, style_id: str | None) -> bool:
        """Whether paragraphs of ``style_id`` are numbered by their style (a cheap test, cached)."""
        return style_id is not None and bool(self._num_elements) and self._style_num(style_id)[0] is not None

    def _style_num(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, the style that carried it) through the w:basedOn chain (cached per style)."""
        if style_id not in self._style_nums:
            found: tuple[str | None, int | None, str | None] = (None, None, None)
            for style in self.styles.chain(style_id):
                num_pr = style.find(f"{w('pPr')}/{w('numPr')}")
                num_id = val(num_pr.find(w("numId"))) if num_pr is not None else None
                if num_id is not None and num_pr is not None:
                    found = (num_id, _ilvl(val(num_pr.find(w("ilvl")))), style.get(w("styleId")))
                    break
            self._style_nums[style_id] = found
        return self._style_nums[style_id]

    def label(self, style_id: str | None, num_id: str | None, ilvl_text: str | None) -> str:
        """The rendered number, with its suffix ("1. ", "a) ", "- "), of a paragraph of style
        ``style_id`` with direct numbering ``num_id``/``ilvl_text`` (either may be None), or ""."""
        ilvl = _ilvl(ilvl_text)
        if ilvl_text is not None and ilvl is None:  # a level Word does not have
            return ""
        if num_id is None:
            num_id, style_ilvl, style_id = self._style_num(style_id)
            if ilvl is None:
                ilvl = style_ilvl
        num = self._num(num_id) if num_id and num_id != "0" else None
        if num is None:
            return ""
        levels = self._levels(num)
        if ilvl is None:  # a style bound to a level by w:pStyle
            ilvl = next((i for i, lvl in levels.items() if style_id and lvl.style == style_id), 0)
        level = levels.get(ilvl)
        if level is None:
            return ""
        key = f"num:{num_id}" if num.restarts else f"abstract:{num.abstract}"
        counts = self.counters.setdefault(key, [None] * LEVELS)
        current = counts[ilvl]
        counts[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                counts[deeper] = None
        if level.fmt == "bullet":
            mark = bullet_glyph(level.text)
            return mark + " " if mark else ""
        if len(level.text) > self.max_label:
            raise BudgetExceeded(f"a numbering pattern is longer than {self.max_label} characters",
                                 "numbering_max_label")
        text = PLACEHOLDER.sub(lambda m: self._number(int(m.group(1)) - 1, levels, counts, level.legal),
                               level.text).strip()
        if len(text) > self.max_label:
            raise BudgetExceeded(f"a numbering label is longer than {self.max_label} characters",
                                 "numbering_max_label")
        return text + level.suffix if text else ""

    def _number(self, index: int, levels: dict[int, Level], counts: list[int | None], legal: bool) -> str:
        """The counter of level ``index`` in its format, within the value and label budgets."""
        lvl = levels.get(index, Level())
        value = counts[index]
        value = lvl.start if value is None else value
        fmt = "decimal" if legal and lvl.fmt != "none" else lvl.fmt
        if fmt == "none":
            return ""
        if abs(value) > self.max_value:
            raise BudgetExceeded(f"a list number reaches {value:,}, more than {self.max_value:,}",
                                 "numbering_max_value")
        if fmt in LETTERS and (value - 1) // 26 + 1 > self.max_label:
            raise BudgetExceeded(f"a lettered list number is longer than {self.max_label} characters",
                                 "numbering_max_label")
        return format_number(value, fmt)
