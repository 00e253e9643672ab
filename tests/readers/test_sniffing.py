"""The format comes from the content, not the name; damaged, truncated and password-protected files
give one clear error naming the file (never a traceback)."""
from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kehoach_parser import KehoachError, UnreadableInputError, UnsupportedFormatError, parse
from kehoach_parser.errors import CorruptInputError, EncryptedInputError
from kehoach_parser.readers import sniff

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

DOCX = SAMPLES / "001_6e5ee923b4ec1700.docx"
PDF = SAMPLES / "001_6e5ee923b4ec1700.pdf"


def _zip(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _encrypted_pdf() -> bytes:
    """A PDF whose standard security handler wants a user password (the /U entry does not match
    the empty one), built by hand: every byte offset in its xref table is right."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
               b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (b"trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<" + b"ab" * 16 + b"> <" + b"ab" * 16 + b">] >>\n"
            + f"startxref\n{xref}\n%%EOF\n".encode())
    return bytes(out)


@pytest.mark.parametrize(("data", "name", "fmt"), [
    (b"%PDF-1.7\n", "plan.txt", "pdf"),
    (b"junk\n%PDF-1.4\n", "x", "pdf"),
    ("KẾ HOẠCH".encode(), "plan.pdf", "txt"),  # a .pdf that is really text
    ("KẾ HOẠCH".encode(), "plan.md", "md"),
    (_zip({"word/document.xml": "<w:document/>"}), "plan.doc", "docx"),  # a .doc that is really .docx
    (_zip({"notes.txt": "x"}), "plan.docx", "zip"),
    (_zip({"xl/workbook.xml": "<x/>"}), "plan.docx", "zip:xl/workbook.xml"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "plan.doc", "doc"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "plan.docx", "encrypted-ooxml"),
    (b"{\\rtf1\\ansi KE HOACH}", "plan.doc", "rtf"),
])
def test_sniff_by_content(data: bytes, name: str, fmt: str) -> None:
    assert sniff(data, name) == fmt


def test_docx_named_doc_and_text_named_pdf_parse(sample_path) -> None:
    as_doc = parse(DOCX.read_bytes(), name="ke-hoach.doc")
    assert as_doc.source.format == "docx" and as_doc.document.title == "Chuyển đổi số xã Vĩnh Bảo năm 2026"
    as_pdf = parse(sample_path("001").read_bytes(), name="ke-hoach.pdf")
    assert as_pdf.source.format == "txt" and as_pdf.document.title == "Chuyển đổi số xã Vĩnh Bảo năm 2026"


@pytest.mark.parametrize(("make", "name", "error", "words"), [
    (lambda: PDF.read_bytes()[: len(PDF.read_bytes()) // 2], "cut.pdf", CorruptInputError, "truncated"),
    (lambda: DOCX.read_bytes()[: len(DOCX.read_bytes()) // 2], "cut.docx", CorruptInputError, "truncated"),
    (lambda: b"%PDF-1.7\nnot really a pdf at all\n%%EOF\n", "bad.pdf", CorruptInputError, "PDF"),
    (lambda: _zip({"word/document.xml": "<w:document><unclosed>"}), "bad.docx", CorruptInputError, "damaged"),
    (_encrypted_pdf, "secret.pdf", EncryptedInputError, "password"),
    (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") * 4, "secret.docx",
     EncryptedInputError, "password"),
    (lambda: _zip({"notes.txt": "x"}), "notes.docx", UnsupportedFormatError, "not a Word document"),
    (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "old.doc", UnsupportedFormatError, ".doc"),
])
def test_bad_files_raise_one_clear_error(make, name: str, error: type, words: str) -> None:
    with pytest.raises(error) as caught:
        parse(make(), name=name)
    assert isinstance(caught.value, KehoachError)
    message = str(caught.value)
    assert message.startswith(f"{name}: ") and words in message
    if error is not UnsupportedFormatError:
        assert isinstance(caught.value, UnreadableInputError)


@pytest.mark.slow  # a real interpreter (tests/cli covers the messages in process)
def test_cli_reports_a_bad_pdf_without_traceback(tmp_path, cli_env) -> None:
    bad = tmp_path / "cut.pdf"
    bad.write_bytes(PDF.read_bytes()[:5000])
    good = tmp_path / "ok.docx"
    good.write_bytes(DOCX.read_bytes())
    command = [sys.executable, "-m", "kehoach_parser", "parse", str(bad), str(good), "-o", str(tmp_path / "out")]
    run = subprocess.run(command,
                         capture_output=True, text=True, encoding="utf-8", env=cli_env, timeout=300)
    assert run.returncode == 1
    assert "cut.pdf" in run.stderr and "Traceback" not in run.stderr
    assert (tmp_path / "out" / "ok.json").is_file()


@pytest.mark.slow  # a real interpreter per format
def test_cli_format_choices(tmp_path, cli_env) -> None:
    run = subprocess.run([sys.executable, "-m", "kehoach_parser", "parse", str(DOCX), "--format", "docx", "--compact"],
                         capture_output=True, text=True, encoding="utf-8", env=cli_env, timeout=300)
    assert run.returncode == 0, run.stderr
    assert '"format":"docx"' in run.stdout
