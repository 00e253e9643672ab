"""The fuzz harness of issue 7 (tests/fuzz/): its builders and caps work, and a bounded campaign of
generated and mutated plans finds no bug (no exception but KehoachError, no timeout past 10 s, no
memory past 500 MB, no crash, good messages, JSON that reads back, no CLI traceback).

The smoke campaign (text and Word, a dozen cases) runs by default; the bounded campaign over every
format is ``@pytest.mark.slow`` (under two minutes). Long campaigns: ``benchmarks/fuzz.py``.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from hypothesis import given, settings

from fuzz.builders import ZipEntry, build_zip, deflate_bomb, docx_bytes, simple_pdf, text_content, w_paragraph
from fuzz.campaign import Campaign
from fuzz.cases import Case, cases, minimise
from fuzz.runner import ForkServer, message_problems
from fuzz.strategies import PLAN_TEXT, text_plans


@pytest.fixture(scope="module")
def server() -> Iterator[ForkServer]:
    with ForkServer(seconds=10, memory_mb=500) as running:
        yield running


def test_zip_builder_round_trips_and_can_lie() -> None:
    data = build_zip([ZipEntry("a.xml", b"<a/>" * 100), ZipEntry("b.bin", b"xyz", method=0)])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.read("a.xml") == b"<a/>" * 100 and archive.read("b.bin") == b"xyz"
    lying = build_zip([ZipEntry("a.xml", b"<a/>", crc=1)])
    with zipfile.ZipFile(io.BytesIO(lying)) as archive, pytest.raises(zipfile.BadZipFile):
        archive.read("a.xml")


def test_deflate_bomb_inflates_to_what_it_says() -> None:
    raw, crc, size = deflate_bomb(b"x" * 1000, 300, head=b"<", tail=b">")
    whole = zlib.decompress(raw, -15)
    assert whole == b"<" + b"x" * 300_000 + b">" and size == len(whole) and crc == zlib.crc32(whole)
    assert len(raw) < 5000


@pytest.mark.slow  # the fork server and a parse per format: CI runs it with -m slow
def test_minimal_docx_and_raw_pdf_parse(server: ForkServer, tmp_path: Path) -> None:
    docx = tmp_path / "plan.docx"
    docx.write_bytes(docx_bytes("".join(w_paragraph(line) for line in PLAN_TEXT.splitlines())))
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(simple_pdf([text_content(["KE HOACH", "I. MUC TIEU"])]))
    with pikepdf.open(pdf) as opened:
        assert len(opened.pages) == 1
    assert server.parse(docx).kind == "ok"
    assert server.parse(pdf).kind in ("ok", "error")


@pytest.mark.parametrize(("behaviour", "kind"), [
    pytest.param("raise", "internal", marks=pytest.mark.slow),  # starts the fork server
    pytest.param("sleep", "timeout", marks=pytest.mark.slow),  # waits for the time cap
    pytest.param("allocate", "memory", marks=pytest.mark.slow),  # fills the memory cap
])
def test_caps_catch_planted_bugs(server: ForkServer, tmp_path: Path, behaviour: str, kind: str) -> None:
    """The harness itself: a planted hang is stopped at the time cap, a planted leak at the memory cap."""
    path = tmp_path / "plan.txt"
    path.write_text(PLAN_TEXT, encoding="utf-8")
    outcome = server.parse(path, inject=f"kehoach_parser.readers:read_text@{behaviour}", seconds=1, memory_mb=300)
    assert outcome.kind == kind, outcome.summary()


def test_message_rules() -> None:
    assert message_problems("plan.pdf: the PDF is damaged", "/tmp/plan.pdf") == []
    assert "spans several lines" in message_problems("plan.pdf: a\nb", "plan.pdf")
    assert "does not name the input" in message_problems("the PDF is damaged", "plan.pdf")
    assert "shows a Python or PDF object repr" in message_problems("plan.pdf: <_io.BytesIO object at 0x7f>", "plan.pdf")
    assert any("characters" in p for p in message_problems("plan.pdf: " + "x" * 300, "plan.pdf"))


@pytest.mark.slow  # the campaign's strategy, drawn eight times through the parser
@settings(max_examples=8, deadline=None, database=None)
@given(plan=text_plans())
def test_text_strategy_makes_plan_shaped_bytes(plan: tuple[str, bytes]) -> None:
    name, data = plan
    assert name and isinstance(data, bytes)


@pytest.mark.slow
@settings(max_examples=10, deadline=None, database=None)
@given(case=cases(("docx", "pdf")))
def test_mutated_cases_build(case: Case) -> None:
    assert isinstance(case.build(), bytes)
    assert Case.from_json(case.to_json()).build() == case.build()


def test_minimise_drops_what_does_not_matter() -> None:
    ops = [{"op": "flip", "at": 0.5, "xor": 1}, {"op": "cut", "fraction": 0.5}, {"op": "pad", "data": "x"}]
    case = Case("txt", "plan.txt", seed="samples/000_0c822c35986a4cc7.txt", ops=ops)
    small = minimise(case, lambda c: any(o["op"] == "cut" for o in c.ops))
    assert small.ops == [{"op": "cut", "fraction": 0.5}]


@pytest.mark.slow  # a campaign; the bounded one over every format is slow too
def test_smoke_campaign_text_and_word(server: ForkServer) -> None:
    campaign = Campaign(server, ocr="never", cli_every=4)
    campaign.run(8, formats=("txt", "docx"), derandomize=True)
    assert campaign.done == 8
    assert not campaign.bugs, campaign.report()


@pytest.mark.slow
def test_bounded_campaign_every_format(server: ForkServer) -> None:
    campaign = Campaign(server, ocr="never", cli_every=20)
    campaign.run(80, derandomize=True)
    assert not campaign.bugs, campaign.report()
