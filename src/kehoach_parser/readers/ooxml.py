"""Office Open XML packages (the ZIP container of a .docx) read within the budgets of :class:`Limits`.

Nothing here trusts the file. The ZIP directory is checked before anything is inflated: number of
entries (``docx_max_parts``, counted from the end-of-directory record before :mod:`zipfile` builds
its list), each entry's declared size (``docx_max_part``) and compression ratio (``docx_max_ratio``),
and their total (``docx_max_uncompressed``). A part is then inflated in bounded chunks and the same
budgets are checked again on the bytes that really come out, so a directory that lies about sizes
gets no further. XML is parsed by lxml as a stream of events with entity expansion, DTD loading and
network access off and ``huge_tree`` off; a DOCTYPE (which Office Open XML forbids) is refused, and
every element is counted against ``xml_max_elements`` and its depth against ``xml_max_depth`` while
parsing, so a giant part is refused before it is read to the end. Every error of the ZIP layer,
zlib and lxml becomes a :class:`~.problems.CorruptProblem` (or :class:`~.problems.EncryptedProblem`)
with a short message in words.
"""
from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import unquote

import regex
from lxml import etree

from ..limits import BudgetExceeded, Limits
from .problems import CorruptProblem, EncryptedProblem, ReadProblem

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
RELATIONSHIP = f"{{{RELS_NS}}}Relationship"
MAIN_DOCUMENT = "word/document.xml"
CHUNK = 64 * 1024
# parts smaller than this are never refused for their compression ratio (a short, repetitive
# settings.xml compresses 50-fold and is harmless)
RATIO_FLOOR = 1024 * 1024
# what the ZIP layer, zlib and lxml raise on damaged input (never our own bugs: those stay errors)
ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, RuntimeError, NotImplementedError,
    zlib.error, struct.error, OverflowError, KeyError, IndexError)
# how Word packs its parts: stored or deflated (never bzip2 or LZMA, whose headers set their own memory)
WORD_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
# the end-of-central-directory record, its ZIP64 locator and record
EOCD = b"PK\x05\x06"
ZIP64_LOCATOR = b"PK\x06\x07"
ZIP64_EOCD = b"PK\x06\x06"
EOCD_SEARCH = 22 + 65535  # the record and the longest comment
DIRECTORY_ENTRY = 46  # bytes of the smallest central directory record
# a signed whole number as OOXML writes it ("240", "-120"): ASCII digits only (never "²" or "٣"), at
# most ten of them (the schema's numbers are 32-bit)
INTEGER = regex.compile(r"[+-]?[0-9]{1,10}")
# a hexadecimal character code ("F0B7", "2013") as w:sym writes it
HEX_CODE = regex.compile(r"[0-9A-Fa-f]{1,6}")
OFF = ("0", "false", "off")


def w(local: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: ``w("p")`` -> ``"{…/main}p"``."""
    return f"{{{W_NS}}}{local}"


W_VAL = w("val")


def integer(text: str | None, default: int | None = None) -> int | None:
    """An OOXML integer attribute, or ``default`` when it is missing or not an ASCII number."""
    if text is None:
        return default
    text = text.strip()
    return int(text) if INTEGER.fullmatch(text) else default


def toggled(value: str | None) -> bool:
    """The w:val of a toggle property that is present: on unless "0", "false" or "off"."""
    return (value or "1").strip().lower() not in OFF


def on(element: etree._Element | None) -> bool | None:
    """A toggle property (w:caps, w:vanish …): True, False, or None when absent."""
    return None if element is None else toggled(element.get(W_VAL))


def val(element: etree._Element | None, default: str | None = None) -> str | None:
    """The w:val attribute of ``element`` (``default`` when the element or the attribute is missing)."""
    return default if element is None else element.get(W_VAL, default)


def entry_count(data: bytes) -> int | None:
    """The number of entries the ZIP directory announces (from its end record), or None when the
    record cannot be found (:mod:`zipfile` then reports the damage)."""
    tail_start = max(0, len(data) - EOCD_SEARCH)
    at = data.rfind(EOCD, tail_start)
    if at < 0 or at + 22 > len(data):
        return None
    (count,) = struct.unpack_from("<H", data, at + 10)
    if count == 0xFFFF and at >= 20 and data[at - 20:at - 16] == ZIP64_LOCATOR:
        (record_at,) = struct.unpack_from("<Q", data, at - 20 + 8)
        if record_at + 40 > len(data) or data[record_at:record_at + 4] != ZIP64_EOCD:
            return None
        (count,) = struct.unpack_from("<Q", data, record_at + 32)
    # a count the file cannot hold (each entry takes 46 bytes of directory at least) is damage
    return count if count * DIRECTORY_ENTRY <= len(data) else None


class Package:
    """An opened .docx package: its directory checked, its parts inflated on demand within budgets."""

    def __init__(self, data: bytes, limits: Limits) -> None:
        self.limits = limits
        self.inflated = 0  # bytes inflated so far, all parts together
        count = entry_count(data)
        if count is not None and count > limits.docx_max_parts:
            raise BudgetExceeded(f"the Word package has {count:,} parts, more than {limits.docx_max_parts:,}",
                                 "docx_max_parts")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except ZIP_ERRORS as exc:
            raise CorruptProblem("the Word file is damaged or truncated (not a readable ZIP archive: "
                                 f"{_reason(exc)})") from None
        if len(infos) > limits.docx_max_parts:
            raise BudgetExceeded(f"the Word package has {len(infos):,} parts, more than {limits.docx_max_parts:,}",
                                 "docx_max_parts")
        self._infos = {info.filename.lower(): info for info in infos}
        self._check_directory(infos)

    def _check_directory(self, infos: list[zipfile.ZipInfo]) -> None:
        limits = self.limits
        total = sum(info.file_size for info in infos)
        packed = sum(info.compress_size for info in infos)
        if total > limits.docx_max_uncompressed:
            raise BudgetExceeded(f"the Word package unpacks to {total:,} bytes, more than "
                                 f"{limits.docx_max_uncompressed:,}", "docx_max_uncompressed")
        if total > RATIO_FLOOR and total > limits.docx_max_ratio * max(packed, 1):
            raise BudgetExceeded(f"the Word package is compressed {total / max(packed, 1):,.0f}-fold, more than "
                                 f"{limits.docx_max_ratio:g}", "docx_max_ratio")
        for info in infos:
            self._check_size(info.filename, info.file_size, info.compress_size, limits.docx_max_part, "docx_max_part")

    def _check_size(self, name: str, size: int, packed: int, cap: int, budget: str) -> None:
        if size > cap:
            raise BudgetExceeded(f"part {name} unpacks to more than {cap:,} bytes", budget)
        if size > RATIO_FLOOR and size > self.limits.docx_max_ratio * max(packed, 1):
            raise BudgetExceeded(f"part {name} is compressed more than {self.limits.docx_max_ratio:g}-fold",
                                 "docx_max_ratio")

    def has(self, name: str) -> bool:
        return name.lower() in self._infos

    def names(self) -> set[str]:
        return {info.filename for info in self._infos.values()}

    def chunks(self, name: str, *, side: bool = False) -> Iterator[bytes]:
        """The inflated bytes of part ``name`` in chunks, checked against the budgets as they come
        (``side``: a part read whole, held to ``docx_max_side_part``)."""
        info = self._infos[name.lower()]
        limits = self.limits
        cap, budget = (limits.docx_max_side_part, "docx_max_side_part") if side else \
            (limits.docx_max_part, "docx_max_part")
        self._check_size(info.filename, info.file_size, info.compress_size, cap, budget)
        total = 0
        if info.flag_bits & 0x1:  # an encrypted entry: zipfile would want a password
            raise EncryptedProblem(f"part {info.filename} of the Word file is encrypted")
        if info.compress_type not in WORD_METHODS:  # LZMA's own header may ask for gigabytes of dictionary
            raise CorruptProblem(f"the Word file is damaged (part {info.filename} is packed with ZIP method "
                                 f"{info.compress_type}, not deflate as Word writes)")
        try:
            handle = self._zip.open(info)
        except ZIP_ERRORS as exc:
            raise CorruptProblem(f"the Word file is damaged (part {info.filename}: {_reason(exc)})") from None
        with handle:
            while True:
                try:
                    chunk = handle.read(CHUNK)
                except ZIP_ERRORS as exc:
                    raise CorruptProblem(f"the Word file is damaged (part {info.filename}: {_reason(exc)})") from None
                if not chunk:
                    return
                total += len(chunk)
                self.inflated += len(chunk)
                self._check_size(info.filename, total, info.compress_size, cap, budget)
                if self.inflated > limits.docx_max_uncompressed:
                    raise BudgetExceeded(f"the Word package unpacks to more than {limits.docx_max_uncompressed:,} "
                                         "bytes", "docx_max_uncompressed")
                yield chunk

    def related(self, source: str, kind: str) -> str | None:
        """The name of the part that ``source`` relates to with relationship type ``kind`` (the last
        segment of the type URI: "officeDocument", "styles", "numbering"), or None."""
        folder, base = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", f"{base}.rels")
        if not self.has(rels):
            return None
        root = parse_tree(self.chunks(rels, side=True), self.limits, rels)
        for rel in root.iter(RELATIONSHIP):
            if rel.get("TargetMode") == "External" or not (rel.get("Type") or "").endswith("/" + kind):
                continue
            target = unquote(rel.get("Target") or "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            if self.has(name):
                return self._infos[name.lower()].filename
        return None

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def part_names(data: bytes, limits: Limits) -> set[str] | None:
    """The part names of a ZIP archive, or None when it is not a readable archive (for the sniffer)."""
    try:
        with Package(data, limits) as package:
            return package.names()
    except CorruptProblem:
        return None


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) < 80 else text[:77] + "…"


class Budgeted:
    """Base of the event targets: refuses a DOCTYPE; counts elements and depth against the budgets."""

    def __init__(self, limits: Limits, part: str) -> None:
        self.part = part
        self.max_elements = limits.xml_max_elements
        self.max_depth = limits.xml_max_depth
        self.elements = 0
        self.depth = 0

    def doctype(self, *_: object) -> None:
        raise CorruptProblem(f"part {self.part} of the Word file declares a DOCTYPE, which Word files never hold")

    def count(self) -> None:
        """Called at every start tag."""
        self.elements += 1
        self.depth += 1
        if self.elements > self.max_elements:
            raise BudgetExceeded(f"part {self.part} has more than {self.max_elements:,} XML elements",
                                 "xml_max_elements")
        if self.depth > self.max_depth:
            raise BudgetExceeded(f"part {self.part} nests XML elements more than {self.max_depth:,} deep",
                                 "xml_max_depth")


def feed(chunks: Iterable[bytes], target: Any, part: str) -> Any:
    """Parse the XML in ``chunks`` into the event ``target`` (safely: no entities, DTDs or network)
    and return what its ``close`` returns. Broken XML raises a CorruptProblem naming the part."""
    parser = etree.XMLParser(target=target, resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        for chunk in chunks:
            parser.feed(chunk)
        return parser.close()
    except etree.XMLSyntaxError as exc:
        raise CorruptProblem(f"the Word file is damaged (broken XML in {part}: {_reason(exc)})") from None
    except (ReadProblem, BudgetExceeded):
        raise
    except UnicodeDecodeError as exc:
        raise CorruptProblem(f"the Word file is damaged (unreadable text in {part}: {_reason(exc)})") from None


def parse_tree(chunks: Iterable[bytes], limits: Limits, part: str) -> etree._Element:
    """A part read whole (styles, numbering, relationships: held to ``docx_max_side_part``) as a tree,
    parsed safely. Its elements are counted (an upper bound: its start tags) before parsing; libxml2
    itself refuses nesting deeper than 256 without ``huge_tree``."""
    data = b"".join(chunks)
    starts = data.count(b"<") - data.count(b"</")
    if starts > limits.xml_max_elements:
        raise BudgetExceeded(f"part {part} has more than {limits.xml_max_elements:,} XML elements", "xml_max_elements")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():
            raise BudgetExceeded(f"part {part} nests XML elements too deep", "xml_max_depth") from None
        raise CorruptProblem(f"the Word file is damaged (broken XML in {part}: {_reason(exc)})") from None
    if root.getroottree().docinfo.doctype:
        raise CorruptProblem(f"part {part} of the Word file declares a DOCTYPE, which Word files never hold")
    return root
