"""Reading bytes: encodings, line ends, normalisation, and unreadable input."""
from __future__ import annotations

import codecs
import random
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from kehoach_parser import KehoachError, Plan, UnreadableInputError, UnsupportedFormatError, parse

TITLE = "Chuyển đổi số phường An Bình năm 2026"
TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes of ``text``: the code page has ă, â, ơ, ư … but no toned vowels such as "ố", which
    it writes as the base letter followed by a combining tone mark (so plain NFD is not encodable either:
    the circumflex and breve must stay composed)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return bytes(out)


@pytest.fixture(scope="module")
def plan_text(make_plan: Callable[[str], str]) -> str:
    return make_plan("STT\tTên nhiệm vụ\tĐơn vị chủ trì\tThời gian hoàn thành\n"
                     "1\tXây dựng kế hoạch chuyển đổi số\tPhòng Văn hóa - Xã hội\tQuý I/2026\n")


@pytest.fixture(scope="module")
def reference(plan_text: str) -> Plan:
    plan = parse(plan_text.encode("utf-8"), name="plan.txt")
    assert plan.document.title == TITLE
    assert len(plan.tasks) == 1
    return plan


def _same_plan(plan: Plan, reference: Plan) -> None:
    assert plan.model_dump(exclude={"source"}) == reference.model_dump(exclude={"source"})


ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32-bom": lambda t: t.encode("utf-32"),
    "cp1258": to_cp1258,
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_encodings_parse_alike(encoding: str, plan_text: str, reference: Plan) -> None:
    data = ENCODINGS[encoding](plan_text)
    plan = parse(data, name="plan.txt")
    assert plan.document.title == TITLE
    _same_plan(plan, reference)


def test_cp1258_bytes_are_not_utf8(plan_text: str) -> None:
    data = to_cp1258(plan_text)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # so the reader really takes its Windows-1258 path
    assert to_cp1258("ố") == "ô\u0301".encode("cp1258")  # base letter + combining acute


def test_cp1258_sample_parses_like_utf8(sample_path: Callable[[str], Path], sample_plan: Callable[[str], Plan]) -> None:
    text = sample_path("004").read_text(encoding="utf-8")
    try:
        data = to_cp1258(text)
    except UnicodeEncodeError as exc:  # a character Windows-1258 cannot hold at all
        pytest.skip(f"sample 004 is not encodable in cp1258: {exc}")
    _same_plan(parse(data, name=sample_path("004").name), sample_plan("004"))


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_ends(newline: str, plan_text: str, reference: Plan) -> None:
    plan = parse(plan_text.replace("\n", newline).encode("utf-8"), name="plan.txt")
    _same_plan(plan, reference)


def test_output_is_nfc(plan_text: str, reference: Plan) -> None:
    decomposed = unicodedata.normalize("NFD", plan_text)
    assert decomposed != plan_text
    plan = parse(decomposed.encode("utf-8"), name="plan.txt")
    assert plan.document.title == TITLE
    _same_plan(plan, reference)
    dumped = plan.model_dump_json()
    assert unicodedata.is_normalized("NFC", dumped)


def test_sample_output_is_nfc(all_sample_plans: dict[str, Plan]) -> None:
    for stem, plan in all_sample_plans.items():
        assert unicodedata.is_normalized("NFC", plan.model_dump_json()), stem


# --------------------------------------------------------------------------- unreadable input


@pytest.mark.parametrize("seed", range(5))
def test_random_binary(seed: int) -> None:
    data = random.Random(seed).randbytes(4096)
    with pytest.raises(UnreadableInputError, match=r"^noise\.txt: "):
        parse(data, name="noise.txt")


@pytest.mark.parametrize("seed", range(5))
def test_random_binary_without_nul(seed: int) -> None:
    data = random.Random(seed).randbytes(4096).replace(b"\x00", b"")
    with pytest.raises(UnreadableInputError, match=r"^noise\.txt: "):
        parse(data, name="noise.txt")


def test_text_with_nul_bytes(plan_text: str) -> None:
    data = plan_text.encode("utf-8").replace("Chuyển".encode(), b"Chuy\x00\x00n")
    with pytest.raises(UnreadableInputError) as info:
        parse(data, name="nul.txt")
    assert "nul.txt" in str(info.value)
    assert info.value.source == "nul.txt"


def test_utf16_without_bom_is_refused(plan_text: str) -> None:
    with pytest.raises(UnreadableInputError, match=r"nobom\.txt"):
        parse(plan_text.encode("utf-16-le"), name="nobom.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "], ids=["empty", "whitespace"])
def test_empty(data: bytes) -> None:
    with pytest.raises(UnreadableInputError, match=r"^empty\.txt: "):
        parse(data, name="empty.txt")


def test_error_names_the_file_on_disk(tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(random.Random(7).randbytes(2048))
    with pytest.raises(UnreadableInputError) as info:
        parse(binary)
    assert "scan.txt" in str(info.value)
    empty = tmp_path / "blank.txt"
    empty.write_bytes(b"")
    with pytest.raises(UnreadableInputError, match=r"blank\.txt"):
        parse(empty)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInputError, match=r"missing\.txt"):
        parse(tmp_path / "missing.txt")
    with pytest.raises(UnreadableInputError, match=str(tmp_path.name)):
        parse(tmp_path)


def _zip_without_word() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "không phải Word")
    return buffer.getvalue()


# PDF and Word files have readers now (issue 3): a legacy .doc and a ZIP that is no Word file do not
@pytest.mark.parametrize(("data", "name"), [(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "plan.doc"),
                                            (_zip_without_word(), "plan.docx")])
def test_unsupported_formats(data: bytes, name: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=name.replace(".", r"\.")):
        parse(data, name=name)
    assert issubclass(UnsupportedFormatError, KehoachError)
    assert issubclass(UnreadableInputError, KehoachError)


def test_markdown_by_name(plan_text: str) -> None:
    assert parse(plan_text.encode("utf-8"), name="plan.md").source.format == "md"
    assert parse(plan_text.encode("utf-8"), name="plan.txt", format="md").source.format == "md"
