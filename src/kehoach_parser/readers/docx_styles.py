"""What a .docx paragraph or run inherits from its styles: spacing, fonts, capitals, numbering.

Word resolves every property through a chain: the document defaults (w:docDefaults), then the
paragraph's style (its own w:pStyle, else the default paragraph style) and the styles it is based on
(w:basedOn), then the run's character style (w:rStyle) and its bases, then the direct formatting.
:class:`Styles` walks those chains (iteratively, a cycle or a 10,000-style chain is cut after
:data:`MAX_CHAIN` steps) and caches what it finds per style. Theme fonts (w:asciiTheme) are not looked
up: a theme font is never a legacy Vietnamese font.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from lxml import etree

from .legacy_fonts import LegacyFont, font_encoding
from .ooxml import integer, on, val, w

MAX_CHAIN = 16  # styles followed through w:basedOn (Word's own chains are 2 to 5 long)

THEME = "\x00theme"  # a font attribute that names a theme font


@dataclass(frozen=True)
class RunLook:
    """The properties of a run that change its text: fonts for ASCII and other characters, capitals."""

    ascii: str | None = None
    high: str | None = None  # w:hAnsi: the font of characters beyond ASCII
    caps: bool | None = None

    def over(self, base: RunLook) -> RunLook:
        """This look with what it leaves unset taken from ``base``."""
        return RunLook(self.ascii if self.ascii is not None else base.ascii,
                       self.high if self.high is not None else base.high,
                       self.caps if self.caps is not None else base.caps)

    @cached_property
    def legacy(self) -> LegacyFont | None:
        font = self.high if self.high is not None else self.ascii
        return None if font is None or font == THEME else font_encoding(font)


def run_look(rpr: etree._Element | None) -> RunLook:
    """The look a w:rPr sets (fonts from w:rFonts, a theme attribute winning over a named font)."""
    if rpr is None:
        return RunLook()
    fonts = rpr.find(w("rFonts"))
    return look_of(None if fonts is None else dict(fonts.attrib), on(rpr.find(w("caps"))))


def look_of(fonts: dict[str, str] | None, caps: bool | None) -> RunLook:
    if not fonts:
        return RunLook(caps=caps)
    ascii_font = THEME if fonts.get(w("asciiTheme")) else fonts.get(w("ascii"))
    high_font = THEME if fonts.get(w("hAnsiTheme")) else fonts.get(w("hAnsi"))
    return RunLook(ascii_font, high_font, caps)


class Styles:
    """The styles part of one document (or none), asked per paragraph and per run."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, etree._Element] = {}
        self.default_paragraph: str | None = None
        self._default_spacing = (0.0, 0.0)
        self._default_look = RunLook()
        self._spacings: dict[str | None, tuple[float, float]] = {}
        self._looks: dict[tuple[str | None, str | None], RunLook] = {}
        if root is None:
            return
        for style in root.iter(w("style")):
            style_id = style.get(w("styleId"), "")
            self._styles.setdefault(style_id, style)
            if self.default_paragraph is None and style.get(w("type")) == "paragraph" \
                    and (style.get(w("default")) or "").lower() in ("1", "true", "on"):
                self.default_paragraph = style_id
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            self._default_spacing = spacing_of(defaults.find(f"{w('pPrDefault')}/{w('pPr')}"), (0.0, 0.0))
            self._default_look = run_look(defaults.find(f"{w('rPrDefault')}/{w('rPr')}"))

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and those it is based on, nearest first."""
        out: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen and len(out) < MAX_CHAIN:
            seen.add(style_id)
            style = self._styles[style_id]
            out.append(style)
            style_id = val(style.find(w("basedOn")))
        return out

    def spacing(self, style_id: str | None) -> tuple[float, float]:
        """Space before and after (points) a paragraph of ``style_id`` has before its own formatting."""
        if style_id not in self._spacings:
            value = self._default_spacing
            for style in reversed(self.chain(style_id or self.default_paragraph)):
                value = spacing_of(style.find(w("pPr")), value)
            self._spacings[style_id] = value
        return self._spacings[style_id]

    def look(self, paragraph_style: str | None, run_style: str | None) -> RunLook:
        """The run look inherited by a run of character style ``run_style`` in a paragraph of
        ``paragraph_style`` (before the run's direct formatting)."""
        key = (paragraph_style, run_style)
        if key not in self._looks:
            value = self._default_look
            for style in reversed(self.chain(paragraph_style or self.default_paragraph)):
                value = run_look(style.find(w("rPr"))).over(value)
            for style in reversed(self.chain(run_style)):
                value = run_look(style.find(w("rPr"))).over(value)
            self._looks[key] = value
        return self._looks[key]


def spacing_of(ppr: etree._Element | None, base: tuple[float, float]) -> tuple[float, float]:
    """Space before and after in points from a w:pPr's w:spacing (twentieths of a point), over ``base``."""
    spacing = ppr.find(w("spacing")) if ppr is not None else None
    if spacing is None:
        return base
    return spacing_values(spacing.get(w("before")), spacing.get(w("after")), base)


def spacing_values(before: str | None, after: str | None, base: tuple[float, float]) -> tuple[float, float]:
    """Attribute values in twentieths of a point (a value that is not an ASCII number keeps ``base``)."""
    before_twips, after_twips = integer(before), integer(after)
    return (before_twips / 20 if before_twips is not None else base[0],
            after_twips / 20 if after_twips is not None else base[1])
