"""Build small .docx packages from WordprocessingML strings (for the Word reader's tests).

``package(body)`` wraps body XML (paragraphs, tables …) into a complete, valid package: content
types, relationships, and optional styles and numbering parts. Hostile variants are made by passing
odd XML, or by editing the bytes that come out (:func:`patch_entry`).
"""
from __future__ import annotations

import io
import struct
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W_NS}"'
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="word/document.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
REL = ('<Relationship Id="{id}" Target="{target}" '
       'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}"/>')


def document(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>'


def p(text: str = "", *, ppr: str = "", rpr: str = "") -> str:
    """A paragraph with one run (``ppr``/``rpr``: inner XML of w:pPr/w:rPr)."""
    run = f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}<w:t xml:space=\"preserve\">{text}</w:t></w:r>" if text else ""
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{run}</w:p>"


def table(rows: list[list[str]], *, grid: int | None = None) -> str:
    """A table of cells given as inner XML (use :func:`p` for their paragraphs)."""
    columns = grid if grid is not None else max((len(r) for r in rows), default=0)
    grid_xml = "<w:tblGrid>" + '<w:gridCol w:w="1000"/>' * columns + "</w:tblGrid>"
    body = "".join("<w:tr>" + "".join(f"<w:tc>{cell or '<w:p/>'}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/>{grid_xml}{body}</w:tbl>"


def package(body: str, *, styles: str | None = None, numbering: str | None = None,
            extra: dict[str, str | bytes] | None = None, main: str | None = None,
            compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The bytes of a .docx whose document body is ``body`` (``main``: the whole document part instead)."""
    rels = []
    parts: dict[str, str | bytes] = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
                                     "word/document.xml": main if main is not None else document(body)}
    if styles is not None:
        parts["word/styles.xml"] = f'<?xml version="1.0"?><w:styles {NS}>{styles}</w:styles>'
        rels.append(REL.format(id="rId1", target="styles.xml", kind="styles"))
    if numbering is not None:
        parts["word/numbering.xml"] = f'<?xml version="1.0"?><w:numbering {NS}>{numbering}</w:numbering>'
        rels.append(REL.format(id="rId2", target="numbering.xml", kind="numbering"))
    parts["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels) + "</Relationships>")
    parts.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def numbered(num_id: int, ilvl: int | str = 0) -> str:
    """The w:pPr content that numbers a paragraph with list ``num_id`` at level ``ilvl``."""
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


def one_list(fmt: str, text: str, start: int | str = 1, *, ilvl: int | str = 0) -> str:
    """Numbering part content: abstract list 1 (one level) and list instance 1 using it."""
    return (f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')


def patch_entry(data: bytes, name: str, **fields: int) -> bytes:
    """``data`` with fields of entry ``name`` changed in both its local header and its central
    directory record: ``method``, ``flags``, ``crc``, ``compressed``, ``size``."""
    out = bytearray(data)
    widths = {"flags": "<H", "method": "<H", "crc": "<I", "compressed": "<I", "size": "<I"}
    # header signature, offset of the name length, offset of the name, offsets of the fields
    headers = ((b"PK\x03\x04", 26, 30, {"flags": 6, "method": 8, "crc": 14, "compressed": 18, "size": 22}),
               (b"PK\x01\x02", 28, 46, {"flags": 8, "method": 10, "crc": 16, "compressed": 20, "size": 24}))
    for signature, length_at, name_at, offsets in headers:
        at = 0
        while (at := out.find(signature, at)) >= 0:
            (length,) = struct.unpack_from("<H", out, at + length_at)
            if out[at + name_at:at + name_at + length] == name.encode():
                for key, value in fields.items():
                    struct.pack_into(widths[key], out, at + offsets[key], value)
            at += 4
    return bytes(out)
