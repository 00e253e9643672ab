"""The section tree of the contract from the segmenter's nodes."""
from __future__ import annotations

import regex

from ..model import Location, Section
from ..segment.document import Node, section_kind
from ..text import clean, strip_trailing

# the first full stop that ends a sentence: ". " followed by a capital, or the end
SENTENCE_END = regex.compile(r"\.(?=\s+\p{Lu})")


def heading_title(node: Node) -> str | None:
    """A numbered item's title: its heading text up to the first full stop; None for a paragraph."""
    if node.depth > 1 and not node.is_heading:
        return None
    text = clean(node.text)
    if node.depth > 1:
        end = SENTENCE_END.search(text)
        if end:
            text = text[: end.start()]
    return strip_trailing(text) or None


def extract_sections(nodes: list[Node], *, top_only: bool = False) -> list[Section]:
    """The contract's section tree; ``top_only`` keeps the top level only (a web page's copy)."""
    return [_section(n, top_only) for n in nodes]


def _section(node: Node, top_only: bool) -> Section:
    title = heading_title(node)
    return Section(
        number=node.number,
        title=title,
        kind=section_kind(title or "") if node.depth == 1 else None,  # type: ignore[arg-type]
        children=[] if top_only else [_section(c, top_only) for c in node.children],
        text=clean(node.text) or None,
        location=Location(page=node.para.page, line=node.para.line),
    )
