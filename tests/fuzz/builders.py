"""Byte-exact writers for hostile files: ZIP packages that can lie (sizes, CRCs, methods, names),
minimal Word documents, and raw PDFs with any object graph and xref.

``zipfile`` and ``pikepdf`` refuse to write most of the lies a hostile file tells, so the two
container formats are written here directly; what goes inside them (XML, content streams) is
ordinary text.
"""
from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

STORED, DEFLATED = 0, 8
UTF8_FLAG = 0x800  # general-purpose bit 11: the entry name is UTF-8
ENCRYPTED_FLAG = 0x1  # general-purpose bit 0: the entry is encrypted
DOS_DATE = (2026 - 1980) << 9 | 1 << 5 | 1  # 2026-01-01, fixed so that builds are reproducible


def deflate(data: bytes, level: int = 9) -> bytes:
    """Raw deflate (no zlib header), as a ZIP entry holds it."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


@dataclass(frozen=True)
class ZipEntry:
    """One ZIP member. ``raw`` replaces the compressed bytes; ``crc``, ``size`` and ``csize`` replace
    the true values in both headers (a lying entry); ``name`` may be bytes (not UTF-8)."""

    name: str | bytes
    data: bytes = b""
    method: int = DEFLATED
    raw: bytes | None = None
    crc: int | None = None
    size: int | None = None
    csize: int | None = None
    flags: int = 0

    def packed(self) -> tuple[bytes, bytes, int, int, int, int]:
        """(name bytes, compressed bytes, crc, size, compressed size, flags)."""
        name = self.name if isinstance(self.name, bytes) else self.name.encode("utf-8")
        flags = self.flags | (UTF8_FLAG if isinstance(self.name, str) and not self.name.isascii() else 0)
        body = self.data if self.method != DEFLATED else deflate(self.data)
        body = body if self.raw is None else self.raw
        crc = zlib.crc32(self.data) if self.crc is None else self.crc
        size = len(self.data) if self.size is None else self.size
        csize = len(body) if self.csize is None else self.csize
        return name, body, crc, size, csize, flags


def build_zip(entries: Iterable[ZipEntry], *, comment: bytes = b"") -> bytes:
    """The ZIP archive of ``entries`` in order (duplicated names allowed), with its central directory."""
    out = bytearray()
    central = bytearray()
    count = 0
    for entry in entries:
        name, body, crc, size, csize, flags = entry.packed()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, entry.method, 0, DOS_DATE, crc & 0xFFFFFFFF,
                           csize & 0xFFFFFFFF, size & 0xFFFFFFFF, len(name), 0) + name + body
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, entry.method, 0, DOS_DATE,
                               crc & 0xFFFFFFFF, csize & 0xFFFFFFFF, size & 0xFFFFFFFF, len(name), 0, 0, 0, 0,
                               0, offset & 0xFFFFFFFF) + name
        count += 1
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), start, len(comment)) + comment
    return bytes(out)


def deflate_bomb(chunk: bytes, repeats: int, *, head: bytes = b"", tail: bytes = b"") -> tuple[bytes, int, int]:
    """(raw deflate, crc32, size) of ``head + chunk * repeats + tail``, built without holding the
    whole: one full-flushed block repeated (deflate blocks after a full flush stand alone)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(chunk) * repeats + len(tail)
    return start + block * repeats + packer.compress(tail) + packer.flush(), crc, size


# --- minimal Word documents -------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{WORD_TYPE}.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="{WORD_TYPE}.numbering+xml"/>
<Override PartName="/word/styles.xml" ContentType="{WORD_TYPE}.styles+xml"/>
</Types>"""
PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_RELS_NS}">\
<Relationship Id="rId1" Type="{REL_TYPE}officeDocument" Target="word/document.xml"/></Relationships>"""
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
DOCUMENT_OPEN = f'{XML_DECLARATION}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
DOCUMENT_CLOSE = "</w:body></w:document>"


def w_paragraph(text: str, *, props: str = "", run_props: str = "") -> str:
    """``<w:p>`` holding ``text`` in one run; ``props`` goes into w:pPr, ``run_props`` into w:rPr."""
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    rpr = f"<w:rPr>{run_props}</w:rPr>" if run_props else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def w_table(rows: Sequence[Sequence[str]], *, cell_props: str = "") -> str:
    """``<w:tbl>`` of plain-text cells; ``cell_props`` goes into every w:tcPr."""
    tcpr = f"<w:tcPr>{cell_props}</w:tcPr>" if cell_props else ""
    body = "".join("<w:tr>" + "".join(f"<w:tc>{tcpr}{w_paragraph(c)}</w:tc>" for c in row) + "</w:tr>"
                   for row in rows)
    return f"<w:tbl>{body}</w:tbl>"


def w_numbering(levels: str, *, abstract_id: str = "0", num_id: str = "1") -> str:
    """A numbering part with one abstract list (its ``levels`` XML) and one w:num pointing at it."""
    return (f'{XML_DECLARATION}<w:numbering xmlns:w="{W_NS}">'
            f'<w:abstractNum w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>'
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num></w:numbering>')


def w_level(ilvl: int | str, *, start: str = "1", fmt: str = "decimal", text: str = "%1.") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{escape(text, {chr(34): "&quot;"})}"/></w:lvl>')


def w_styles(styles: str = "") -> str:
    return f'{XML_DECLARATION}<w:styles xmlns:w="{W_NS}">{styles}</w:styles>'


def document_rels(extra: str = "") -> str:
    return (f'{XML_DECLARATION}<Relationships xmlns="{PKG_RELS_NS}">'
            f'<Relationship Id="rId1" Type="{REL_TYPE}numbering" Target="numbering.xml"/>'
            f'<Relationship Id="rId2" Type="{REL_TYPE}styles" Target="styles.xml"/>{extra}</Relationships>')


def docx_entries(body: str, *, numbering: str | None = None, styles: str | None = None,
                 rels: str | None = None) -> list[ZipEntry]:
    """The parts of a minimal .docx whose body is ``body`` (paragraph and table XML)."""
    return [ZipEntry("[Content_Types].xml", CONTENT_TYPES.encode()),
            ZipEntry("_rels/.rels", PACKAGE_RELS.encode()),
            ZipEntry("word/document.xml", (DOCUMENT_OPEN + body + DOCUMENT_CLOSE).encode("utf-8")),
            ZipEntry("word/_rels/document.xml.rels", (rels or document_rels()).encode("utf-8")),
            ZipEntry("word/numbering.xml", (numbering or w_numbering(w_level(0))).encode("utf-8")),
            ZipEntry("word/styles.xml", (styles or w_styles()).encode("utf-8"))]


def docx_bytes(body: str, **parts: str | None) -> bytes:
    return build_zip(docx_entries(body, **parts))


def replace_entry(entries: Sequence[ZipEntry], name: str, **changes: object) -> list[ZipEntry]:
    """``entries`` with the member ``name`` changed (``data=``, ``raw=``, ``crc=`` …)."""
    return [replace(e, **changes) if e.name == name else e for e in entries]  # type: ignore[arg-type]


# --- raw PDFs ---------------------------------------------------------------------------------

def pdf_bytes(objects: dict[int, bytes], *, root: int = 1, trailer_extra: bytes = b"",
              xref_shift: int = 0, version: bytes = b"1.4") -> bytes:
    """A PDF holding ``objects`` (number -> the bytes between "N 0 obj" and "endobj"), with a
    classic xref table (each offset moved by ``xref_shift``: a lying xref) and a trailer."""
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in offsets:
            out += b"%010d 00000 n \n" % max(0, offsets[number] + xref_shift)
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (size, root, trailer_extra, xref)
    return bytes(out)


def pdf_stream(data: bytes, *, compress: bool = False, dictionary: bytes = b"") -> bytes:
    """The body of a stream object (its /Length right), deflated with /FlateDecode when ``compress``."""
    if compress:
        data = zlib.compress(data, 9)
        dictionary += b" /Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), dictionary, data)


def text_content(lines: Sequence[str], *, size: int = 11, top: int = 800, leading: int = 14) -> bytes:
    """A content stream showing ``lines`` (Latin-1 text in Helvetica), one under the other."""
    ops = [b"BT /F1 %d Tf %d TL 60 %d Td" % (size, leading, top)]
    for line in lines:
        safe = line.encode("latin-1", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append(b"(%s) Tj T*" % safe)
    ops.append(b"ET")
    return b"\n".join(ops)


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def simple_pdf(page_contents: Sequence[bytes], *, media_box: bytes = b"[0 0 595 842]",
               compress: bool = False) -> bytes:
    """A PDF with one page per content stream, all sharing one font (objects 1 catalog, 2 pages, 3 font)."""
    objects: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: HELVETICA}
    kids = []
    for index, content in enumerate(page_contents):
        page, stream = 4 + 2 * index, 5 + 2 * index
        kids.append(b"%d 0 R" % page)
        objects[page] = (b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /Font << /F1 3 0 R >> >> "
                         b"/Contents %d 0 R >>" % (media_box, stream))
        objects[stream] = pdf_stream(content, compress=compress)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return pdf_bytes(objects)
