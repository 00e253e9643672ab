"""Build the reproducers of issue 7 (every class of hostile input it lists) and their manifest.

usage: python tests/data/hostile/make_hostile.py            # rewrite files/ and manifest.json
       python tests/data/hostile/make_hostile.py --check    # exit 1 when they are out of date

Small reproducers (kilobytes) are written to ``files/`` and committed; big ones (a 3 GB sparse file,
a 1 GiB deflate bomb, 20,000 pages …) are built at test time by :func:`build` into a temporary
folder. ``manifest.json`` lists every case: ``id``, ``group`` (memory, hang, traceback, library,
message, held), ``issue`` (the class in the words of issue 7), ``file`` (committed) or ``built``
(at test time), ``mode`` (how it is run: see tests/test_hostile.py), ``expect`` ("error": a
``KehoachError`` subclass other than ``InternalError`` with a one-line message naming the file;
"ok": a parse that succeeds; "any": either; "internal": an ``InternalError``, for planted bugs),
``likely`` (the error class the budgets suggest; informative), ``seconds`` and ``memory_mb`` (the
caps: 10 s and 500 MB), ``slow`` (big input or OCR: only in ``pytest -m slow``), ``exit_codes`` (CLI modes: the statuses
allowed), ``inject`` (mode "inject": the function a planted bug replaces).
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parents[1]
sys.path.insert(0, str(TESTS))

from fuzz.builders import (  # noqa: E402
    DOCUMENT_CLOSE,
    DOCUMENT_OPEN,
    ENCRYPTED_FLAG,
    REL_TYPE,
    STORED,
    UTF8_FLAG,
    W_NS,
    ZipEntry,
    build_zip,
    deflate_bomb,
    document_rels,
    docx_bytes,
    docx_entries,
    pdf_bytes,
    pdf_stream,
    replace_entry,
    simple_pdf,
    text_content,
    w_level,
    w_numbering,
    w_paragraph,
    w_styles,
    w_table,
)
from fuzz.strategies import PLAN_TEXT  # noqa: E402

FILES = HERE / "files"
MANIFEST = HERE / "manifest.json"
GiB = 1024**3
MiB = 1024**2
PLAN_LINES = [line for line in PLAN_TEXT.splitlines() if line.strip()]
NUMBERED = '<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'


@dataclass
class Hostile:
    id: str
    group: str
    issue: str
    build: Callable[[Path], None]  # writes the input as DIR/<name>
    name: str
    mode: str = "parse"
    expect: str = "any"
    likely: str = ""
    big: bool = False  # built at test time, not committed
    slow: bool = False
    seconds: float = 10.0
    memory_mb: int = 500
    exit_codes: list[int] = field(default_factory=lambda: [0, 1])
    inject: str = ""  # mode "inject": the function replaced by a planted bug

    def entry(self) -> dict[str, object]:
        data = asdict(self)
        data.pop("build")
        data.pop("big")
        data.pop("name")
        data["built" if self.big else "file"] = os.fsencode(self.name).decode("utf-8", "backslashreplace")
        return data


CASES: list[Hostile] = []


def case(id: str, group: str, issue: str, name: str, **options: object) -> Callable[[Callable[[Path], bytes]],
                                                                                   Callable[[Path], bytes]]:
    """Register a reproducer: the decorated function returns the file's bytes (or writes it itself and
    returns b"")."""

    def register(make: Callable[[Path], bytes]) -> Callable[[Path], bytes]:
        def build(folder: Path) -> None:
            data = make(folder)
            if data:
                (folder / name).write_bytes(data)

        CASES.append(Hostile(id, group, issue, build, name, **options))  # type: ignore[arg-type]
        return make

    return register


def plan_body(*extra: str) -> str:
    """The small plan as Word paragraphs, then ``extra`` XML."""
    return "".join(w_paragraph(line) for line in PLAN_LINES) + "".join(extra)


def plan_content(lines: list[str] | None = None) -> bytes:
    """The small plan as the content stream of a page (ASCII-folded: the base-14 font has no Vietnamese)."""
    import unicodedata

    text = [unicodedata.normalize("NFKD", line).encode("ascii", "ignore").decode() for line in
            (lines or PLAN_LINES[:40])]
    return text_content(text, size=9, leading=11)


def plan_pdf(lines: list[str] | None = None, **options: object) -> bytes:
    """The small plan as a one-page text PDF."""
    return simple_pdf([plan_content(lines)], **options)


def numbered_paragraphs(count: int, *, ilvl: str = "0", num: str = "1") -> str:
    return "".join(w_paragraph(f"Nhiệm vụ {i}", props=NUMBERED.format(ilvl=ilvl, num=num)) for i in range(count))


def nested(open_tag: str, close_tag: str, depth: int, inner: str) -> str:
    return open_tag * depth + inner + close_tag * depth


# --- memory ---------------------------------------------------------------------------------------

@case("pdf-ocr-giant-page", "memory", "539-byte PDF with a 200-inch page sent to OCR (17.6 GB)",
      "giant-page.pdf", slow=True, seconds=60)
def _giant_page(_: Path) -> bytes:
    return scanned_pdf(1, (14400, 14400))


@case("docx-gridspan-100000", "memory", 'w:gridSpan="100000" on 200 rows (11 GB)', "gridspan.docx",
      likely="InputTooLargeError (table_max_columns)")
def _gridspan(_: Path) -> bytes:
    return docx_bytes(plan_body(w_table([["STT", "Nhiệm vụ"]] * 200, cell_props='<w:gridSpan w:val="100000"/>')))


@case("pdf-content-inflates-76mb", "memory", "a 279 KB PDF whose content stream inflates to 76 MB (14 GB)",
      "inflating-stream.pdf", big=True, slow=True, expect="error", likely="InputTooLargeError (pdf_max_stream_bytes)")
def _inflating_stream(_: Path) -> bytes:
    show = b"BT /F1 9 Tf 40 400 Td (Nhiem vu thuc hien chuyen doi so nam 2026) Tj ET\n"
    return simple_pdf([show * (76 * MiB // len(show))], compress=True)


@case("pdf-content-inflates-2mb", "hang", "a content stream of 2 MB compressed into less than 64 KB (a vector "
      "drawing): the stream measure spun on the bytes after the deflate data (fuzz campaign)", "inflates-2mb.pdf",
      expect="ok")
def _inflating_2mb(_: Path) -> bytes:
    show = b"BT /F1 9 Tf 40 400 Td (Nhiem vu thuc hien chuyen doi so nam 2026) Tj ET\n"
    return simple_pdf([plan_content() + show * (2 * MiB // len(show))], compress=True)


@case("docx-document-inflates-1gib", "memory", "a 1 MB .docx whose document.xml inflates to 1 GiB (2.1 GB)",
      "bomb.docx", big=True, slow=True, expect="error", likely="InputTooLargeError (docx_max_ratio)")
def _docx_bomb(_: Path) -> bytes:
    chunk = (w_paragraph("Nội dung nhiệm vụ chuyển đổi số") * 20000).encode("utf-8")
    head, tail = (DOCUMENT_OPEN + plan_body()).encode(), DOCUMENT_CLOSE.encode()
    raw, crc, size = deflate_bomb(chunk, GiB // len(chunk), head=head, tail=tail)
    return build_zip(replace_entry(docx_entries(""), "word/document.xml", raw=raw, crc=crc, size=size))


@case("pdf-20000-pages", "memory", "a 20,000-page PDF (981 MB)", "pages-20000.pdf", big=True, slow=True,
      expect="error", likely="InputTooLargeError (pdf_max_pages)", seconds=30)
def _many_pages(_: Path) -> bytes:
    return shared_content_pdf(20_000, text_content(["Trang noi dung"]))


def shared_content_pdf(pages: int, content: bytes, *, media_box: bytes = b"[0 0 595 842]") -> bytes:
    """``pages`` pages that all show one content stream (small however many pages); the font is
    /F1 and a blank 8×8 grey image /Scan (what a scanner gives for an empty sheet)."""
    image = 5 + pages
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               4: pdf_stream(content),
               image: pdf_stream(b"\xff" * 64, dictionary=b"/Type /XObject /Subtype /Image /Width 8 /Height 8 "
                                                        b"/ColorSpace /DeviceGray /BitsPerComponent 8")}
    kids = []
    for index in range(pages):
        objects[5 + index] = b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"
        kids.append(b"%d 0 R" % (5 + index))
    objects[2] = (b"<< /Type /Pages /MediaBox %s /Resources << /Font << /F1 3 0 R >> /XObject << /Scan %d 0 R >> >> "
                  b"/Kids [%s] /Count %d >>" % (media_box, image, b" ".join(kids), pages))
    return pdf_bytes(objects)


def scanned_pdf(pages: int, side: tuple[int, int] = (595, 842)) -> bytes:
    """``pages`` blank scanned pages of ``side`` points: no text layer, an image over the whole page."""
    width, height = side
    return shared_content_pdf(pages, b"q %d 0 0 %d 0 0 cm /Scan Do Q" % (width, height),
                              media_box=b"[0 0 %d %d]" % (width, height))


@case("docx-start-1e11-lowerletter", "memory", "w:start of 10^11 with lower-letter numbering (MemoryError)",
      "start-1e11.docx")
def _huge_start(_: Path) -> bytes:
    return docx_bytes(plan_body(numbered_paragraphs(3)),
                      numbering=w_numbering(w_level(0, start="100000000000", fmt="lowerLetter", text="%1)")))


@case("text-multi-gb", "memory", "a multi-GB file is read whole into memory", "huge.txt", big=True,
      expect="error", likely="InputTooLargeError (max_input_bytes)")
def _sparse(folder: Path) -> bytes:
    with (folder / "huge.txt").open("wb") as handle:  # sparse: no disk used
        handle.write(PLAN_TEXT.encode("utf-8"))
        handle.truncate(3 * GiB)
    return b""


KE_HOACH_SHOW = b"BT /F1 12 Tf 72 700 Td (Ke hoach) Tj ET"
A4 = b"/MediaBox [0 0 595 842]"
FONT_F1 = b" /Resources << /Font << /F1 5 0 R >> >>"  # the font of object 5 as /F1


def one_page_pdf(page: bytes, *, pages: bytes = b"/Kids [3 0 R] /Count 1", content: bytes = KE_HOACH_SHOW,
                 extra: dict[int, bytes] | None = None, **options: int) -> bytes:
    """A raw PDF: catalog 1, page tree 2 (``pages`` inside), page 3 (``page`` inside) showing
    content 4 (a stream of ``content``, or ``content`` itself when it is a whole object: a
    dictionary or an array), and ``extra``."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages %s >>" % pages,
               3: b"<< /Type /Page /Parent 2 0 R %s /Contents 4 0 R >>" % page,
               4: content if content.startswith((b"<<", b"[")) else pdf_stream(content), **(extra or {})}
    return pdf_bytes(objects, **options)


SELF_DRAWING_FORM = b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /Me 5 0 R >> >> " \
                    b"/Length 6 >>\nstream\n/Me Do\nendstream"  # object 5: a form that draws itself


@case("pdf-form-draws-itself", "memory", "a 140 KB page drawing 20,000 times a form that draws itself (1 GB, "
      "12 s; fuzz campaign)", "self-drawing-form.pdf", expect="error", likely="InputTooLargeError (pdf_max_page_draws)")
def _self_drawing_form(_: Path) -> bytes:
    # 3,000 draws (over the budget of 2,000) keep the committed file small; 20,000 took the gigabyte
    return one_page_pdf(A4 + b" /Resources << /XObject << /Me 5 0 R >> >>", content=b"/Me Do\n" * 3000,
                        extra={5: SELF_DRAWING_FORM})


@case("pdf-contents-array-draws", "memory", "a page whose /Contents lists 20,000 times a compressed stream "
      "drawing a form that draws itself (fuzz campaign)", "contents-array-draws.pdf", expect="error",
      likely="InputTooLargeError (pdf_max_page_draws)")
def _contents_array_draws(_: Path) -> bytes:
    page = A4 + b" /Resources << /XObject << /Me 5 0 R >> >>"
    return one_page_pdf(page, content=b"[" + b"6 0 R " * 3000 + b"]",
                        extra={5: SELF_DRAWING_FORM, 6: pdf_stream(b"/Me Do", compress=True)})


# --- hangs ----------------------------------------------------------------------------------------

@case("pdf-mediabox-cycle", "hang", "a 666-byte PDF whose MediaBox is a reference cycle (never returns)",
      "mediabox-cycle.pdf")
def _mediabox_cycle(_: Path) -> bytes:
    return one_page_pdf(b"/MediaBox 5 0 R", pages=b"/Kids [3 0 R] /Count 1 /MediaBox 5 0 R",
                        extra={5: b"6 0 R", 6: b"5 0 R"})


@case("pdf-pages-cycle", "hang", "a page tree whose Kids point back at their parent", "pages-cycle.pdf")
def _pages_cycle(_: Path) -> bytes:
    return one_page_pdf(A4, pages=b"/Kids [3 0 R 2 0 R] /Count 2")


@case("pdf-resources-cycle", "hang", "Resources that are a reference cycle; a form XObject that draws itself",
      "resources-cycle.pdf")
def _resources_cycle(_: Path) -> bytes:
    form = pdf_stream(b"/X1 Do", dictionary=b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources 6 0 R")
    return one_page_pdf(A4 + b" /Resources 6 0 R", content=KE_HOACH_SHOW + b" /X1 Do",
                        extra={5: form, 6: b"<< /XObject << /X1 5 0 R >> /Font 7 0 R >>", 7: b"8 0 R", 8: b"7 0 R"})


@case("text-citations-one-line", "hang", "citation scanning: a 2.3 MB one-line text (over 3 minutes)",
      "citations.txt", big=True, slow=True)
def _citations(_: Path) -> bytes:
    mention = "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh và Quyết định số 345/QĐ-UBND; "
    return (PLAN_TEXT.split("I. MỤC TIÊU")[0] + mention * (2_300_000 // len(mention.encode()))).encode("utf-8")


@case("md-separator-1mb", "hang", "the Markdown separator pattern backtracks (a 1 MB line: minutes)",
      "separator.md", big=True, slow=True)
def _separator(_: Path) -> bytes:
    return (PLAN_TEXT + "\n" + "| - " * (MiB // 4) + "x\n").encode("utf-8")


@case("text-80000-lines-one-paragraph", "hang", "joining 80,000 lines into one paragraph is quadratic (13 s)",
      "joined.txt", big=True, slow=True)
def _joined(_: Path) -> bytes:
    line = "các cơ quan đơn vị triển khai thực hiện nhiệm vụ chuyển đổi số"
    head, rest = PLAN_TEXT.split("III. TỔ CHỨC THỰC HIỆN")
    return (head + "III. TỔ CHỨC THỰC HIỆN\n" + "\n".join([line] * 80_000) + "\n" + rest).encode("utf-8")


@case("docx-lvltext-500k-placeholders", "hang", "a w:lvlText with 500,000 placeholders (minutes)",
      "lvltext.docx", likely="InputTooLargeError (numbering_max_label) or a shortened label")
def _lvltext(_: Path) -> bytes:
    return docx_bytes(plan_body(numbered_paragraphs(3)), numbering=w_numbering(w_level(0, text="%1" * 500_000)))


@case("check-73kb-findings", "hang", "kehoach check on 73 KB of findings (12 s)", "findings.txt", big=True,
      mode="check", slow=True)
def _findings(_: Path) -> bytes:
    head, rest = PLAN_TEXT.split("III. TỔ CHỨC THỰC HIỆN")
    items = "".join(f"{n * 2}. Nhiệm vụ {n} hoàn thành năm 2031\n- Thời gian hoàn thành: năm 1999, báo cáo năm 2040\n"
                    for n in range(1, 4000))
    return (head + items + "III. TỔ CHỨC THỰC HIỆN" + rest).encode("utf-8")


@case("pdf-ocr-5000-blank-pages", "hang", "OCR has no page cap (5,000 blank pages: hours)", "blank-5000.pdf",
      big=True, slow=True, expect="error", likely="InputTooLargeError (pdf_max_pages)", seconds=30)
def _blank_5000(_: Path) -> bytes:
    return scanned_pdf(5000)


@case("pdf-ocr-400-blank-pages", "hang", "OCR past its page budget (400 blank pages)", "blank-400.pdf",
      big=True, slow=True, expect="error", likely="InputTooLargeError (ocr_max_pages)", seconds=30)
def _blank_400(_: Path) -> bytes:
    return scanned_pdf(400)


@case("fifo", "hang", "a FIFO given as a file blocks forever", "plan.fifo", big=True, expect="error",
      likely="UnreadableInputError")
def _fifo(folder: Path) -> bytes:
    os.mkfifo(folder / "plan.fifo")
    return b""


@case("cli-fifo", "hang", "kehoach parse on a FIFO blocks forever", "plan.fifo", big=True, mode="batch")
def _cli_fifo(folder: Path) -> bytes:
    return _fifo(folder)


# --- tracebacks and aborted batches ------------------------------------------------------------------

def nested_sections(depth: int) -> bytes:
    head, rest = PLAN_TEXT.split("III. TỔ CHỨC THỰC HIỆN")
    levels = "".join(".".join(["1"] * level) + f". Nội dung cấp {level}\n" for level in range(1, depth + 1))
    return (head + levels + "III. TỔ CHỨC THỰC HIỆN" + rest).encode("utf-8")


@case("batch-254-levels", "traceback", "254 nested numbering levels: model_dump_json outside the try aborts the "
      "batch", "levels-254.txt", big=True, mode="batch")
def _levels_254(_: Path) -> bytes:
    return nested_sections(254)


@case("levels-100-roundtrip", "traceback", "a plan with 100 nested levels whose JSON Plan.model_validate_json "
      "rejects", "levels-100.txt")
def _levels_100(_: Path) -> bytes:
    return nested_sections(100)


@case("levels-500-recursion", "library", "RecursionError for 500 nested levels (section numbering 1.1.1…)",
      "levels-500.txt", big=True)
def _levels_500(_: Path) -> bytes:
    return nested_sections(500)


@case("batch-non-utf8-name", "traceback", "a file name with a non-UTF-8 byte aborts the batch", "ke-hoach-\udcff.txt",
      big=True, mode="batch")
def _non_utf8(_: Path) -> bytes:
    return PLAN_TEXT.encode("utf-8")


@case("cli-closed-stdout", "traceback", "kehoach parse with stdout closed", "plan.txt", mode="closed-stdout",
      exit_codes=[1])
def _closed_stdout(_: Path) -> bytes:
    return PLAN_TEXT.encode("utf-8")


@case("cli-full-disk", "traceback", "kehoach parse writing to a full disk (/dev/full)", "plan.txt", mode="full-disk",
      exit_codes=[1])
def _full_disk(_: Path) -> bytes:
    return PLAN_TEXT.encode("utf-8")


@case("cli-ctrl-c", "traceback", "Ctrl-C during a batch: 'interrupted', exit 130, no partial file", "plan.txt",
      mode="ctrl-c", exit_codes=[130], seconds=30)
def _ctrl_c(_: Path) -> bytes:
    return PLAN_TEXT.encode("utf-8")


@case("check-pyproject-tool-5", "traceback", "a pyproject.toml above the checked file with [tool] kehoach = 5",
      "sub/plan.txt", big=True, mode="check", exit_codes=[0, 1, 2])
def _pyproject(folder: Path) -> bytes:
    (folder / "pyproject.toml").write_text("[tool]\nkehoach = 5\n", encoding="utf-8")
    (folder / "sub").mkdir()
    return PLAN_TEXT.encode("utf-8")


# --- library errors that are not KehoachError ----------------------------------------------------------

PLAN_DOCX = docx_entries(plan_body())
DOCUMENT = "word/document.xml"


@case("zip-zlib-error", "library", "zlib.error from the ZIP layer (corrupt deflate data)", "zlib-error.docx",
      expect="error", likely="CorruptInputError")
def _zlib(_: Path) -> bytes:
    return build_zip(replace_entry(PLAN_DOCX, DOCUMENT, raw=b"\xff" * 64))


@case("zip-not-implemented", "library", "NotImplementedError from the ZIP layer (unknown compression method)",
      "method-99.docx", expect="error", likely="CorruptInputError or UnsupportedFormatError")
def _method(_: Path) -> bytes:
    return build_zip(replace_entry(PLAN_DOCX, DOCUMENT, method=99))


@case("zip-runtime-error", "library", "RuntimeError from the ZIP layer (an encrypted member)", "encrypted-member.docx",
      expect="error", likely="EncryptedInputError")
def _encrypted_member(_: Path) -> bytes:
    return build_zip(replace_entry(PLAN_DOCX, DOCUMENT, flags=ENCRYPTED_FLAG))


@case("zip-value-error", "library", "ValueError from the ZIP layer and the sniffer (central directory offset past "
      "the file: negative seek)", "negative-seek.docx", expect="error", likely="CorruptInputError")
def _negative_seek(_: Path) -> bytes:
    data = bytearray(build_zip(PLAN_DOCX))
    end = data.rfind(b"PK\x05\x06")
    data[end + 16:end + 20] = (10**9).to_bytes(4, "little")
    return bytes(data)


@case("zip-unicode-name", "library", "UnicodeDecodeError from the ZIP layer and the sniffer (a member name flagged "
      "UTF-8 that is not)", "bad-name.docx", expect="error", likely="CorruptInputError")
def _bad_name(_: Path) -> bytes:
    return build_zip([*PLAN_DOCX, ZipEntry(b"word/media/\xff\xfe.png", b"x", flags=UTF8_FLAG)])


@case("zip-bad-crc", "library", "BadZipFile from a member whose CRC lies", "bad-crc.docx", expect="error",
      likely="CorruptInputError")
def _bad_crc(_: Path) -> bytes:
    return build_zip(replace_entry(PLAN_DOCX, DOCUMENT, crc=1))


@case("zip-lying-size", "library", "a member that declares 1,000 bytes and inflates to 300 MiB (a budget dodged by a "
      "lying size)", "lying-size.docx", big=True, expect="error", likely="InputTooLargeError or CorruptInputError")
def _lying_size(_: Path) -> bytes:
    head, tail = (DOCUMENT_OPEN + plan_body()).encode(), DOCUMENT_CLOSE.encode()
    raw, crc, _size = deflate_bomb((w_paragraph("Nội dung") * 5000).encode(), 300 * MiB // 200_000, head=head,
                                   tail=tail)
    return build_zip(replace_entry(PLAN_DOCX, DOCUMENT, raw=raw, crc=crc, size=1000))


@case("zip-bzip2-garbage", "library", "OSError from a bzip2 member that is not bzip2", "bzip2.docx", expect="error",
      likely="CorruptInputError")
def _bzip2(_: Path) -> bytes:
    return build_zip(replace_entry(PLAN_DOCX, DOCUMENT, method=12, raw=b"BZh9 not bzip2"))


@case("zip-lzma-error", "library", "LZMAError from the ZIP layer, or under a memory cap MemoryError: an LZMA member "
      "whose header asks for a 1.8 GB dictionary (fuzz campaign)", "lzma.docx", expect="error",
      likely="CorruptInputError")
def _lzma(_: Path) -> bytes:
    return build_zip(replace_entry(PLAN_DOCX, DOCUMENT, method=14, raw=b"\x09\x04\x05\x00not lzma at all"))


def with_rels(extra: str, *, drop: str | None = None) -> bytes:
    entries = [e for e in docx_entries(plan_body(numbered_paragraphs(2)), rels=document_rels(extra)) if e.name != drop]
    return build_zip(entries)


@case("rels-not-xml", "library", "malformed relationships: document.xml.rels is not XML", "rels-not-xml.docx")
def _rels_not_xml(_: Path) -> bytes:
    return build_zip(replace_entry(PLAN_DOCX, "word/_rels/document.xml.rels", data=b"<Relationships><oops"))


@case("rels-no-target", "library", "malformed relationships: a Relationship without Target", "rels-no-target.docx")
def _rels_no_target(_: Path) -> bytes:
    return with_rels(f'<Relationship Id="rId9" Type="{REL_TYPE}footer"/>')


@case("rels-missing-part", "library", "malformed relationships: the numbering part they name is missing",
      "rels-missing-part.docx")
def _rels_missing(_: Path) -> bytes:
    return with_rels("", drop="word/numbering.xml")


@case("rels-external-styles", "library", "malformed relationships: styles as an external target",
      "rels-external.docx")
def _rels_external(_: Path) -> bytes:
    return with_rels(f'<Relationship Id="rId9" Type="{REL_TYPE}styles" Target="http://example.invalid/s.xml" '
                     'TargetMode="External"/>')


@case("styles-not-xml", "library", "malformed styles: styles.xml is not XML", "styles-not-xml.docx")
def _styles_not_xml(_: Path) -> bytes:
    return build_zip(replace_entry(PLAN_DOCX, "word/styles.xml", data=b"<w:styles><w:style"))


@case("styles-based-on-cycle", "library", "malformed styles: w:basedOn cycle, numbering through styles",
      "styles-cycle.docx")
def _styles_cycle(_: Path) -> bytes:
    return styled_docx('<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>'
                       '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>')


def styled_docx(styles: str) -> bytes:
    """The plan and three paragraphs of style "A", with the styles part holding ``styles``."""
    body = plan_body(*(w_paragraph(f"Nhiệm vụ {i}", props='<w:pStyle w:val="A"/>') for i in range(3)))
    return docx_bytes(body, styles=w_styles(styles))


@case("styles-bad-values", "library", "malformed styles: spacing and sizes that are not numbers",
      "styles-values.docx")
def _styles_values(_: Path) -> bytes:
    return styled_docx('<w:docDefaults><w:pPrDefault><w:pPr><w:spacing w:before="abc" w:after="-"/></w:pPr>'
                       '</w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="A">'
                       '<w:pPr><w:spacing w:before="1e400" w:line="NaN"/></w:pPr></w:style>')


@case("numbering-missing-abstract", "library", "malformed numbering: a w:num naming a missing abstract list",
      "numbering-missing.docx")
def _numbering_missing(_: Path) -> bytes:
    return docx_bytes(plan_body(numbered_paragraphs(3)), numbering=w_numbering(w_level(0), abstract_id="0").replace(
        '<w:abstractNumId w:val="0"/>', '<w:abstractNumId w:val="7"/>'))


@case("numbering-not-numbers", "library", "malformed numbering: numId, ilvl and start that are not numbers",
      "numbering-values.docx")
def _numbering_values(_: Path) -> bytes:
    return docx_bytes(plan_body(numbered_paragraphs(2, ilvl="x", num="abc"), numbered_paragraphs(2)),
                      numbering=w_numbering(w_level("y", start="²")))


@case("numbering-not-xml", "library", "malformed numbering: numbering.xml is not XML", "numbering-not-xml.docx")
def _numbering_not_xml(_: Path) -> bytes:
    entries = docx_entries(plan_body(numbered_paragraphs(2)))
    return build_zip(replace_entry(entries, "word/numbering.xml", data=b"\x00\x01 not xml"))


@case("ilvl-9", "library", "IndexError for w:ilvl >= 9", "ilvl-9.docx")
def _ilvl(_: Path) -> bytes:
    levels = "".join(w_level(i, text="".join(f"%{k + 1}." for k in range(min(i + 1, 9)))) for i in range(12))
    return docx_bytes(plan_body(numbered_paragraphs(2, ilvl="9"), numbered_paragraphs(2, ilvl="12"),
                                numbered_paragraphs(1, ilvl="-1")), numbering=w_numbering(levels))


@case("spacing-superscript-two", "library", 'ValueError for a spacing of "²"', "spacing-sup2.docx")
def _spacing(_: Path) -> bytes:
    return docx_bytes(plan_body(w_paragraph("Nhiệm vụ", props='<w:spacing w:before="²" w:after="²"/>')))


@case("sym-huge-char", "library", "OverflowError for a huge w:sym char", "sym-char.docx")
def _sym(_: Path) -> bytes:
    runs = "".join(f'<w:r><w:sym w:font="Symbol" w:char="{c}"/></w:r>' for c in ("FFFFFFFFFFFFFFFFFFFF", "110000",
                                                                                  "D800", "zz", "-1"))
    return docx_bytes(plan_body(f"<w:p>{runs}</w:p>"))


@case("span-huge", "library", "OverflowError for a huge span (gridSpan 10^20, gridBefore, vMerge runs)",
      "span-huge.docx")
def _span(_: Path) -> bytes:
    rows = w_table([["1", "Nhiệm vụ"]] * 3, cell_props='<w:gridSpan w:val="100000000000000000000"/>')
    before = w_table([["2", "Nhiệm vụ"]] * 2).replace("<w:tr>", '<w:tr><w:trPr><w:gridBefore w:val="99999999999"/>'
                                                                 '</w:trPr>')
    return docx_bytes(plan_body(rows, before))


@case("nested-tables-500", "library", "RecursionError for 500 nested levels (tables in cells)", "nested-tables.docx")
def _nested_tables(_: Path) -> bytes:
    return docx_bytes(plan_body(nested("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", 500, w_paragraph("x"))))


@case("nested-sdt-500", "library", "RecursionError for 500 nested levels (content controls)", "nested-sdt.docx")
def _nested_sdt(_: Path) -> bytes:
    return docx_bytes(plan_body(nested("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 500, w_paragraph("x"))))


@case("nested-xml-100000", "library", "XML nested past any sane depth (100,000 levels)", "nested-xml.docx",
      expect="error", likely="InputTooLargeError (xml_max_depth) or CorruptInputError")
def _nested_xml(_: Path) -> bytes:
    return docx_bytes(plan_body(nested("<w:r>", "</w:r>", 100_000, "")))


@case("check-5000-digit-number", "library", "a kehoach check rule crashes on a 5,000-digit number",
      "digits-5000.txt", mode="check", slow=True)
def _digits(_: Path) -> bytes:
    number = "9" * 5000
    text = PLAN_TEXT.replace("1. Mục tiêu chung\n", f"1. Mục tiêu chung\nPhấn đấu đạt {number}% hồ sơ trực tuyến "
                             f"trước ngày {number}/{number}/{number}.\n{number}. Nhiệm vụ số\n")
    rows = (f"| {number} | Nhiệm vụ {number} | Văn phòng | Năm {number} |\n"
            f"| 5 | Đạt {number}% | Công an | Quý II/2026 |\n")
    return (text + rows).encode("utf-8")


@case("check-stt-superscript-two", "library", 'a kehoach check rule crashes on an STT of "²"', "stt-sup2.txt",
      mode="check")
def _stt(_: Path) -> bytes:
    rows = "| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n"
    rows += "| 1 | Số hoá hồ sơ | Văn phòng | Năm 2026 |\n| ² | Cập nhật dữ liệu | Công an | Quý II/2026 |\n"
    rows += "| ²³ | Đào tạo | Văn phòng | Năm 2026 |\n"
    return (PLAN_TEXT + rows).encode("utf-8")


@case("text-undecodable", "library", "bytes that are no text encoding (mixed UTF-8, UTF-16 and binary)",
      "mixed.txt")
def _mixed(_: Path) -> bytes:
    return PLAN_TEXT.encode("utf-8")[:300] + "Kế hoạch".encode("utf-16-le") + bytes(range(256)) + b"\xc3\x28" * 50


# --- messages -------------------------------------------------------------------------------------------

@case("pdf-raw-dictionary-message", "message", "3,783 characters of raw PDF dictionary in a message",
      "raw-dict.pdf")
def _raw_dict(_: Path) -> bytes:
    junk = b" ".join(b"/Key%d (%s)" % (i, b"v" * 40) for i in range(80))
    return one_page_pdf(b"/MediaBox [0 0 (a) /b] %s" % junk)


@case("pdf-no-root-message", "message", "<_io.BytesIO object at 0x…> in a message (a PDF without a catalog)",
      "no-root.pdf", expect="error", likely="CorruptInputError")
def _no_root(_: Path) -> bytes:
    return pdf_bytes({1: b"<< /Type /Font >>"}, root=9)


@case("pdf-multi-line-message", "message", "a multi-line message (a PDF whose objects hold line breaks)",
      "multi-line.pdf")
def _multi_line(_: Path) -> bytes:
    lying = b"<< /Length 99999 >>\nstream\nBT\n(a\nb) Tj\nET\nendstream"
    return one_page_pdf(b"/MediaBox [0 0\n595\n(x\ny)]", content=lying)


@case("pdf-warnings-bad-xref", "message", "pdfminer's warnings on stderr without the file's name (a lying xref)",
      "bad-xref.pdf")
def _bad_xref(_: Path) -> bytes:
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Widths 9 0 R /FirstChar 999999999999 "
            b"/Encoding << /Differences [1 /x 2 (y)] >> >>")
    return one_page_pdf(A4 + FONT_F1, content=text_content(["KE HOACH", "Chuyen doi so"]), extra={5: font},
                        xref_shift=7)


@case("pdf-padding-3kb", "message", "a valid PDF followed by 3 KB of padding refused as truncated",
      "padded.pdf", expect="ok")
def _padded(_: Path) -> bytes:
    return plan_pdf() + b"\0" * 3072


@case("pdf-truncated", "message", "a PDF cut in the middle", "truncated.pdf", expect="error",
      likely="CorruptInputError")
def _truncated(_: Path) -> bytes:
    data = plan_pdf()
    return data[: len(data) // 2]


@case("pdf-reader-bug-not-damaged", "message", 'the PDF reader\'s own bugs reported as "the PDF is damaged" '
      "(a planted bug in geometry.group_lines must be an InternalError)", "plan.pdf", mode="inject",
      expect="internal", inject="kehoach_parser.readers.geometry:group_lines")
def _planted(_: Path) -> bytes:
    return plan_pdf()


@case("pdf-broken-font", "message", "broken fonts: a ToUnicode map and widths that are garbage", "broken-font.pdf")
def _broken_font(_: Path) -> bytes:
    cmap = b"begincmap 1 beginbfrange <00> <FFFFFFFF> <0041> endbfrange 1 beginbfchar <01> <D800DC00FFFF> endbfchar"
    fonts = {5: b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [7 0 R] "
                b"/ToUnicode 6 0 R >>",
             6: pdf_stream(cmap),
             7: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /W [0 [1e30 -5 (x)]] /DW -1e40 >>"}
    return one_page_pdf(A4 + FONT_F1, content=b"BT /F1 12 Tf 72 700 Td <0102030405> Tj ET", extra=fonts)


# --- what held: keep it so ------------------------------------------------------------------------------

@case("held-xxe", "held", "XXE: an external entity naming /etc/passwd", "xxe.docx")
def _xxe(_: Path) -> bytes:
    document = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                f'<w:document xmlns:w="{W_NS}"><w:body>{w_paragraph("KẾ HOẠCH")}<w:p><w:r><w:t>&x;</w:t></w:r>'
                '</w:p></w:body></w:document>')
    return build_zip(replace_entry(PLAN_DOCX, DOCUMENT, data=document.encode()))


@case("held-billion-laughs", "held", "billion laughs: nested entity expansion", "laughs.docx")
def _laughs(_: Path) -> bytes:
    entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    document = (f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><w:document xmlns:w="{W_NS}"><w:body>'
                '<w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>')
    return build_zip(replace_entry(PLAN_DOCX, DOCUMENT, data=document.encode()))


@case("held-xinclude", "held", "XInclude of /etc/passwd", "xinclude.docx")
def _xinclude(_: Path) -> bytes:
    document = (f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}" xmlns:xi="http://www.w3.org/2001/XInclude">'
                '<w:body><w:p><w:r><w:t><xi:include href="file:///etc/passwd" parse="text"/></w:t></w:r></w:p>'
                '</w:body></w:document>')
    return build_zip(replace_entry(PLAN_DOCX, DOCUMENT, data=document.encode()))


@case("held-path-traversal", "held", "path-traversal ZIP member names", "traversal.docx")
def _traversal(_: Path) -> bytes:
    return build_zip([*PLAN_DOCX, ZipEntry("../../../../tmp/kehoach-evil.xml", b"<x/>"),
                      ZipEntry("/etc/kehoach-evil", b"x", method=STORED)])


@case("held-encrypted-pdf", "held", "a password-protected PDF", "encrypted.pdf", expect="error",
      likely="EncryptedInputError")
def _encrypted_pdf(folder: Path) -> bytes:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(plan_pdf())) as pdf:
        out = io.BytesIO()
        lock = pikepdf.Encryption(user="secret", owner="owner", R=4, aes=False, metadata=False)  # RC4: reproducible
        pdf.save(out, encryption=lock, static_id=True)
    return out.getvalue()


@case("held-duplicate-parts", "held", "a package holding word/document.xml twice", "duplicate.docx")
def _duplicate(_: Path) -> bytes:
    return build_zip([*PLAN_DOCX, ZipEntry(DOCUMENT, PLAN_DOCX[2].data, method=STORED)])


# --- the script ---------------------------------------------------------------------------------------

def build(case_id: str, folder: Path) -> Path:
    """Build reproducer ``case_id`` into ``folder`` (big ones are only ever built so) and return its path."""
    hostile = next(c for c in CASES if c.id == case_id)
    folder.mkdir(parents=True, exist_ok=True)
    hostile.build(folder)
    return folder / hostile.name


def write_all(files: Path, manifest: Path) -> None:
    files.mkdir(parents=True, exist_ok=True)
    for old in files.iterdir():
        old.unlink()
    for hostile in CASES:
        if not hostile.big:
            hostile.build(files)
    entries = [c.entry() for c in CASES]
    manifest.write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def out_of_date() -> list[str]:
    """The committed files and manifest entries that differ from what this script builds."""
    with tempfile.TemporaryDirectory() as tmp:
        files, manifest = Path(tmp) / "files", Path(tmp) / "manifest.json"
        write_all(files, manifest)
        stale = [] if MANIFEST.exists() and filecmp.cmp(manifest, MANIFEST, shallow=False) else ["manifest.json"]
        names = {p.name for p in files.iterdir()} | ({p.name for p in FILES.iterdir()} if FILES.exists() else set())
        stale += [n for n in sorted(names) if not (FILES / n).exists() or not (files / n).exists()
                  or not filecmp.cmp(files / n, FILES / n, shallow=False)]
        return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report files that are out of date, change nothing")
    args = parser.parse_args()
    if args.check:
        stale = out_of_date()
        for name in stale:
            print(f"out of date: {name}")
        return 1 if stale else 0
    write_all(FILES, MANIFEST)
    print(f"{len(CASES)} cases; {sum(not c.big for c in CASES)} files in {FILES.relative_to(TESTS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

