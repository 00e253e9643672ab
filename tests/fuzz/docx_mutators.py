"""Structure-aware mutations of a .docx: at the ZIP level (parts duplicated, missing, huge, renamed;
lying CRCs and sizes; stored, deflated, unknown or encrypted members; compression bombs; cut or
prefixed archives) and at the XML level (deep nesting, huge attribute values for w:gridSpan,
w:start, w:ilvl, w:char, w:spacing …, many placeholders in w:lvlText, broken relationships, styles
and numbering, entity tricks).

A mutation is a JSON-able dict ``{"op": …, …}`` (so a failing case can be written down, replayed
and minimised); :func:`mutations` draws lists of them, :func:`apply` turns a seed file and a list
into the bytes of the mutated file.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

import regex
from hypothesis import strategies as st

from .builders import (
    DOCUMENT_CLOSE,
    ENCRYPTED_FLAG,
    STORED,
    UTF8_FLAG,
    ZipEntry,
    build_zip,
    deflate_bomb,
    w_paragraph,
)

Mutation = dict[str, Any]
DOCUMENT = "word/document.xml"
PARTS = [DOCUMENT, "word/numbering.xml", "word/styles.xml", "word/_rels/document.xml.rels", "[Content_Types].xml",
         "_rels/.rels", "word/settings.xml", "word/header1.xml"]
# attributes a hostile value goes into (w:val of the elements named, or the attribute itself)
ATTRIBUTES = ["w:gridSpan", "w:start", "w:ilvl", "w:numId", "w:abstractNumId", "w:lvlText", "w:numFmt", "w:spacing",
              "w:ind", "w:sym", "w:vMerge", "w:gridBefore", "w:pStyle", "w:basedOn", "w:sz", "w:lvlRestart",
              "w:tblW", "w:gridCol"]
VALUES = ["100000", "99999999999999999999", "-1", "0", "²", "abc", "", "1e400", "NaN", "FFFFFFFFFF", "9", "254",
          "%1" * 5000, "%9%8%7%6%5%4%3%2%1", "lowerLetter", "upperRoman", "bullet", "restart", "x" * 20_000]
# an element whose w:val a mutation sets: <w:gridSpan w:val="…"/>
ELEMENT_VAL = regex.compile(r'<(?P<tag>w:[A-Za-z]+)(?P<rest>[^>]*?)\sw:val="[^"]*"')
# <w:p> … </w:p>: one paragraph (lazy, not nested: good enough to pick one)
PARAGRAPH = regex.compile(r"<w:p[ >].*?</w:p>", regex.DOTALL)
# <w:tr> … </w:tr>
ROW = regex.compile(r"<w:tr[ >].*?</w:tr>", regex.DOTALL)
# Target="numbering.xml" in a relationships part
TARGET = regex.compile(r'\sTarget="[^"]*"')
NESTERS = [("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"), ("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>"),
           ("<w:hyperlink>", "</w:hyperlink>"), ("<w:smartTag>", "</w:smartTag>"), ("<w:ins>", "</w:ins>")]
ENTITY_TRICKS = ['<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
                 '<!DOCTYPE d [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                 '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
                 '<!DOCTYPE d SYSTEM "http://example.invalid/d.dtd">']


def mutations(max_size: int = 4) -> st.SearchStrategy[list[Mutation]]:
    """Lists of docx mutations (XML level and ZIP level)."""
    part = st.sampled_from(PARTS)
    one = st.one_of(
        st.fixed_dictionaries({"op": st.just("set_value"), "part": part, "element": st.sampled_from(ATTRIBUTES),
                               "value": st.sampled_from(VALUES)}),
        st.fixed_dictionaries({"op": st.just("add_value"), "element": st.sampled_from(ATTRIBUTES),
                               "value": st.sampled_from(VALUES), "count": st.integers(1, 300)}),
        st.fixed_dictionaries({"op": st.just("nest"), "which": st.integers(0, len(NESTERS) - 1),
                               "depth": st.sampled_from([10, 100, 255, 300, 500, 1000, 5000, 50_000])}),
        st.fixed_dictionaries({"op": st.just("repeat"), "what": st.sampled_from(["paragraph", "row"]),
                               "times": st.sampled_from([2, 100, 1000, 10_000, 50_000])}),
        st.fixed_dictionaries({"op": st.just("cut_xml"), "part": part, "fraction": st.floats(0, 1)}),
        st.fixed_dictionaries({"op": st.just("entities"), "part": part,
                               "which": st.integers(0, len(ENTITY_TRICKS) - 1)}),
        st.fixed_dictionaries({"op": st.just("retarget"), "target": st.sampled_from(
            ["", "missing.xml", "../../../etc/passwd", "/word/document.xml", "http://example.invalid/x", "%", "\\"])}),
        st.fixed_dictionaries({"op": st.just("replace_part"), "part": part, "data": st.sampled_from(
            ["", "not xml", "<?xml version='1.0'?><a/>", "\x00\xff", "<w:numbering/>", "<w:styles><w:style/>"])}),
        st.fixed_dictionaries({"op": st.sampled_from(["drop", "duplicate"]), "part": part}),
        st.fixed_dictionaries({"op": st.just("rename"), "part": part, "to": st.sampled_from(
            ["WORD/document.xml", "word/document.xml ", "word\\document.xml", "word/document2.xml", "../x.xml"])}),
        st.fixed_dictionaries({"op": st.just("bomb"), "part": part,
                               "mb": st.sampled_from([1, 50, 300, 1024])}),
        st.fixed_dictionaries({"op": st.just("lie"), "part": part, "field": st.sampled_from(["crc", "size", "csize"]),
                               "value": st.sampled_from([0, 1, 2**31, 2**32 - 1, 10])}),
        st.fixed_dictionaries({"op": st.just("method"), "part": part,
                               "method": st.sampled_from([STORED, 1, 6, 12, 14, 99])}),
        st.fixed_dictionaries({"op": st.just("flags"), "part": part,
                               "flags": st.sampled_from([ENCRYPTED_FLAG, UTF8_FLAG, 0x8, 0xFFFF])}),
        st.fixed_dictionaries({"op": st.just("bad_name"), "name": st.sampled_from(
            [b"\xff\xfe.xml".hex(), b"word/\x00.xml".hex(), ("a" * 5000).encode().hex()])}),
        st.fixed_dictionaries({"op": st.just("cut_zip"), "fraction": st.floats(0, 1)}),
        st.fixed_dictionaries({"op": st.just("prefix"), "data": st.sampled_from(["%PDF-1.4\n", "\x00" * 100, "PK"])}),
        st.fixed_dictionaries({"op": st.just("flip"), "at": st.floats(0, 1), "xor": st.integers(1, 255)}),
    )
    return st.lists(one, min_size=1, max_size=max_size)


def read_entries(data: bytes) -> list[ZipEntry]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [ZipEntry(info.filename, archive.read(info), method=info.compress_type) for info in archive.infolist()]


def _edit_xml(entries: list[ZipEntry], part: str, edit: Callable[[str, Mutation], str], op: Mutation) -> list[ZipEntry]:
    out = []
    for entry in entries:
        if entry.name == part and entry.raw is None:
            text = edit(entry.data.decode("utf-8", "replace"), op)
            entry = ZipEntry(entry.name, text.encode("utf-8"), method=entry.method, flags=entry.flags)
        out.append(entry)
    return out


def _set_value(text: str, element: str, value: str) -> str:
    tag = element
    return ELEMENT_VAL.sub(lambda m: f'<{m["tag"]}{m["rest"]} w:val="{value}"' if m["tag"] == tag else m[0], text)


def _add_value(text: str, element: str, value: str, count: int) -> str:
    """Put ``<element w:val=value/>`` (in the right properties element) into the first ``count`` paragraphs."""
    mark = f'<{element} w:val="{value}" w:char="{value}" w:before="{value}" w:left="{value}"/>'
    if element in ("w:gridSpan", "w:vMerge", "w:gridBefore"):
        return text.replace("<w:tc>", f"<w:tc><w:tcPr>{mark}</w:tcPr>", count)
    if element in ("w:ilvl", "w:numId"):
        mark = f'<w:numPr><w:ilvl w:val="{value}"/><w:numId w:val="{value if element == "w:numId" else 1}"/></w:numPr>'
    return regex.sub(r"<w:p>", f"<w:p><w:pPr>{mark}</w:pPr>", text, count=count)


def _nest(text: str, which: int, depth: int) -> str:
    opener, closer = NESTERS[which]
    inner = w_paragraph("Nội dung lồng nhau")
    return text.replace(DOCUMENT_CLOSE, opener * depth + inner + closer * depth + DOCUMENT_CLOSE, 1) \
        if DOCUMENT_CLOSE in text else text.replace("</w:body>", opener * depth + inner + closer * depth + "</w:body>")


def _repeat(text: str, what: str, times: int) -> str:
    match = (PARAGRAPH if what == "paragraph" else ROW).search(text)
    if match is None:
        return text
    return text[: match.end()] + match[0] * (times - 1) + text[match.end():]


def _entities(text: str, which: int) -> str:
    body = regex.sub(r"^<\?xml[^>]*\?>", "", text)
    reference = "&x;" if which == 0 else "&d;" if which == 1 else ""
    body = body.replace("<w:t>", f"<w:t>{reference}", 1) if reference else body
    return '<?xml version="1.0"?>' + ENTITY_TRICKS[which] + body


# XML-level ops: op name -> the edit of the part's text (the part: op["part"], else document.xml;
# "retarget" edits the document's relationships)
XML_EDITS: dict[str, Callable[[str, Mutation], str]] = {
    "set_value": lambda text, op: _set_value(text, op["element"], op["value"]),
    "add_value": lambda text, op: _add_value(text, op["element"], op["value"], op["count"]),
    "nest": lambda text, op: _nest(text, op["which"], op["depth"]),
    "repeat": lambda text, op: _repeat(text, op["what"], op["times"]),
    "cut_xml": lambda text, op: text[: int(len(text) * op["fraction"])],
    "entities": lambda text, op: _entities(text, op["which"]),
    "retarget": lambda text, op: TARGET.sub(f' Target="{op["target"]}"', text, count=1),
}
RELS = "word/_rels/document.xml.rels"


def apply(seed: bytes, ops: list[Mutation]) -> bytes:
    """The seed .docx with ``ops`` applied in order (an op that does not apply changes nothing)."""
    try:
        entries = read_entries(seed)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
        entries = []
    after: list[Mutation] = []  # byte-level ops run on the built archive
    for op in ops:
        kind = op["op"]
        if kind in XML_EDITS:
            entries = _edit_xml(entries, op.get("part", DOCUMENT) if kind != "retarget" else RELS, XML_EDITS[kind], op)
        elif kind == "replace_part":
            entries = [ZipEntry(e.name, op["data"].encode("utf-8", "surrogateescape")) if e.name == op["part"] else e
                       for e in entries]
        elif kind == "drop":
            entries = [e for e in entries if e.name != op["part"]]
        elif kind == "duplicate":
            entries = entries + [e for e in entries if e.name == op["part"]]
        elif kind == "rename":
            entries = [ZipEntry(op["to"], e.data, method=e.method) if e.name == op["part"] else e for e in entries]
        elif kind == "bomb":
            entries = [_bomb(e, op["mb"]) if e.name == op["part"] else e for e in entries]
        elif kind in ("lie", "method", "flags"):
            entries = [_lie(e, op) if e.name == op["part"] else e for e in entries]
        elif kind == "bad_name":
            entries = [*entries, ZipEntry(bytes.fromhex(op["name"]), b"<x/>", flags=UTF8_FLAG)]
        else:
            after.append(op)
    data = build_zip(entries)
    for op in after:
        data = apply_bytes(data, op)
    return data


def _bomb(entry: ZipEntry, mb: int) -> ZipEntry:
    """The part followed by ``mb`` MiB of whitespace-separated copies of one paragraph, deflated."""
    text = entry.data
    cut = text.rfind(b"</w:body>")
    head, tail = (text[:cut], text[cut:]) if cut >= 0 else (text, b"")
    chunk = w_paragraph("Nội dung nhiệm vụ").encode("utf-8") * 2000
    raw, crc, size = deflate_bomb(chunk, max(1, mb * 1024 * 1024 // len(chunk)), head=head, tail=tail)
    return ZipEntry(entry.name, b"", raw=raw, crc=crc, size=size)


def _lie(entry: ZipEntry, op: Mutation) -> ZipEntry:
    if op["op"] == "method":
        return ZipEntry(entry.name, entry.data, method=op["method"], raw=entry.data if op["method"] != 8 else None)
    if op["op"] == "flags":
        return ZipEntry(entry.name, entry.data, method=entry.method, flags=op["flags"])
    return ZipEntry(entry.name, entry.data, method=entry.method, **{op["field"]: op["value"]})


def apply_bytes(data: bytes, op: Mutation) -> bytes:
    """Byte-level ops shared by every format: cut, prefix, pad, flip one byte."""
    kind = op["op"]
    if kind in ("cut_zip", "cut"):
        return data[: int(len(data) * op["fraction"])]
    if kind == "prefix":
        return op["data"].encode("latin-1") + data
    if kind == "pad":
        return data + op["data"].encode("latin-1") * op.get("times", 1)
    if kind == "flip" and data:
        at = min(len(data) - 1, int(len(data) * op["at"]))
        return data[:at] + bytes([data[at] ^ op["xor"]]) + data[at + 1:]
    return data
