"""Batch conversion from Python (issue 11): discovery and output names, the isolated worker pool
(timeouts that kill, crashes, memory caps, recycling), results as files complete, purity and pickling."""
from __future__ import annotations

import logging
import os
import pickle
import time
import warnings
from collections.abc import Iterator
from pathlib import Path, PurePath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kehoach_parser.batch.worker as worker_module
from batch_helpers import abort, allocate, echo, sleep, sleep_in_c
from kehoach_parser import Plan, parse
from kehoach_parser.batch import FileResult, _relog, convert, parse_one
from kehoach_parser.batch.inputs import _assign_outputs, _Found, discover, is_plan_file
from kehoach_parser.batch.pool import WorkerPool, worker_failure
from kehoach_parser.cli.console import Console, ConsoleLogHandler
from kehoach_parser.limits import Limits

# --- discovery and output names --------------------------------------------------------------------


def test_discover_mirrors_and_renames(tmp_path: Path, samples_dir: Path) -> None:
    (tmp_path / "x" / "deep").mkdir(parents=True)
    (tmp_path / "y").mkdir()
    for name in ("x/kh.txt", "x/kh.pdf", "x/kh.txt.txt", "x/deep/kh.txt", "y/kh.txt", "y/KH.md"):
        (tmp_path / name).write_bytes(b"x")
    inputs = discover([tmp_path / "x", tmp_path / "y", tmp_path / "x" / "kh.txt"])  # kh.txt given twice
    outputs = {PurePath(f.label).relative_to(tmp_path).as_posix(): f.output.as_posix() for f in inputs.files}
    assert outputs == {"x/kh.txt": "x/kh.txt.json", "x/kh.pdf": "x/kh.pdf.json", "x/deep/kh.txt": "x/deep/kh.json",
                       "x/kh.txt.txt": "x/kh.txt.2.json",  # its stem form is x/kh.txt.txt's full form
                       "y/kh.txt": "y/kh.txt.json", "y/KH.md": "y/KH.md.json"}  # stems compared without case
    assert [f.index for f in inputs.files] == list(range(6))
    assert inputs.renamed == 5


def test_discover_takes_plans_by_suffix_or_content(tmp_path: Path, samples_dir: Path) -> None:
    (tmp_path / "pdf-without-suffix").write_bytes(b"%PDF-1.7\n...")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # reported, not passed over
    (tmp_path / "word.bin").write_bytes((samples_dir / "000_0c822c35986a4cc7.docx").read_bytes())
    (tmp_path / "data.json").write_text("{}")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / ".hidden.pdf").write_bytes(b"%PDF-")
    os.mkfifo(tmp_path / "pipe")  # never opened (it would block)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "previous.txt").write_text("x")
    inputs = discover([tmp_path], exclude=tmp_path / "out")
    assert sorted(Path(f.label).name for f in inputs.files) == ["old.doc", "pdf-without-suffix", "word.bin"]
    assert inputs.ignored == 3
    assert not is_plan_file(tmp_path / "data.json")
    assert discover([tmp_path / "nothing-here"]).missing == ((str(tmp_path / "nothing-here"),
                                                             "no such file or directory"),)


def test_an_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kehoach_parser.batch.inputs as inputs_module

    def walk(top: object, onerror: object = None) -> Iterator[tuple[str, list[str], list[str]]]:
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "secret")))  # type: ignore[operator]
        yield str(tmp_path), [], []

    monkeypatch.setattr(inputs_module.os, "walk", walk)
    assert discover([tmp_path]).missing == ((str(tmp_path / "secret"), "cannot read this folder (Permission denied)"),)


relative_names = st.lists(st.lists(st.sampled_from(["a", "B", "kh", "kh.txt", "x.pdf", "k"]), min_size=1, max_size=3)
                          .map(lambda parts: "/".join(parts))
                          .flatmap(lambda stem: st.sampled_from([".txt", ".TXT", ".pdf", ".docx", ""])
                                   .map(lambda ext: stem + ext)), max_size=25, unique=True)


@settings(max_examples=50, deadline=None)
@given(relative_names)
def test_outputs_never_clash(names: list[str]) -> None:
    found = [_Found(Path("/in", name), "/in") for name in names]
    outputs = [f.output.as_posix().casefold() for f in _assign_outputs(found)]
    assert len(set(outputs)) == len(outputs)
    assert all(o.endswith(".json") for o in outputs)


# --- one file: a pure function of the bytes, with a picklable result -------------------------------


def test_parse_is_pure_and_picklable(sample_path, real_dir: Path) -> None:
    for path in (sample_path("004"), real_dir / "06_lamdong-cchc-2026.docx"):
        data = path.read_bytes()
        plan = parse(data, name=path.name)
        assert parse(data, name=path.name) == plan == parse(path)
        assert pickle.loads(pickle.dumps(plan)) == plan
    outcome = parse_one(str(sample_path("004")))
    assert outcome.status == "ok" and pickle.loads(pickle.dumps(outcome)) == outcome
    assert Plan.model_validate_json(outcome.text).source.sha256 == outcome.sha256


def test_parse_one_never_raises_and_keeps_logs(monkeypatch: pytest.MonkeyPatch, sample_path) -> None:
    def noisy(*args: object, **kwargs: object) -> Plan:
        logging.getLogger("pdfminer.pdfpage").warning("CropBox missing from /Page, defaulting to MediaBox")
        warnings.warn("a library's warning", UserWarning, stacklevel=1)
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(worker_module, "parse", noisy)
    outcome = parse_one(str(sample_path("000")), ocr="never")
    assert outcome.status == "failed"
    assert "000_0c822c35986a4cc7.txt: " in outcome.error
    assert "internal error (RuntimeError: a bug of ours)" in outcome.error and "\n" not in outcome.error
    assert outcome.details and "Traceback" in outcome.details
    assert [(e.logger, e.message) for e in outcome.logs] == [
        ("pdfminer.pdfpage", "CropBox missing from /Page, defaulting to MediaBox"),
        ("py.warnings", "UserWarning: a library's warning")]
    assert len(outcome.sha256 or "") == 64


def test_log_records_reach_logging_with_the_file_name(sample_path) -> None:
    import io

    stream = io.StringIO()
    console = Console(stream, total=1, verbose=True, progress=False)
    handler = ConsoleLogHandler(console)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        _relog("in/kh.pdf", worker_module.Outcome("ok", logs=(worker_module.LogEntry(
            logging.WARNING, "pdfminer.pdfpage", "CropBox missing"),)).logs)
    finally:
        root.removeHandler(handler)
    assert stream.getvalue() == "kehoach: log: in/kh.pdf: pdfminer.pdfpage: warning: CropBox missing\n"
    quiet = Console(io.StringIO(), total=1, progress=False)
    failed = FileResult("kh.pdf", "failed", error="kh.pdf: internal error (X)", details="Traceback …")
    quiet.file_done(failed)
    console.file_done(failed)
    assert "Traceback" not in quiet.stream.getvalue() and "Traceback" in stream.getvalue()


# --- the worker pool ---------------------------------------------------------------------------------


@pytest.mark.slow  # waits for a kill at the time budget
def test_pool_kills_a_hang_and_goes_on() -> None:
    pool = WorkerPool(1, memory_bytes=None, recycle_after=10)
    try:
        started = time.monotonic()
        hung = pool.submit(sleep, 30, seconds=0.2)
        with pytest.raises(Exception) as caught:
            hung.result(timeout=20)
        assert worker_failure(caught.value) == (True, "timeout")
        assert time.monotonic() - started < 5
        assert pool.submit(echo, 7, seconds=5).result(timeout=20)[0] == 7
    finally:
        pool.close()


@pytest.mark.slow
def test_pool_kills_a_hang_inside_c_code() -> None:
    pool = WorkerPool(1, memory_bytes=None, recycle_after=10)
    try:
        hung = pool.submit(sleep_in_c, 60, seconds=0.2)
        with pytest.raises(Exception) as caught:
            hung.result(timeout=30)
        assert worker_failure(caught.value)[0]
        assert pool.submit(echo, 1, seconds=5).result(timeout=20)[0] == 1
    finally:
        pool.close()


def test_pool_survives_a_crash_and_a_memory_cap() -> None:
    pool = WorkerPool(1, memory_bytes=512 * 1024 * 1024, recycle_after=10)
    try:
        crashed = pool.submit(abort, seconds=10)
        with pytest.raises(Exception) as caught:
            crashed.result(timeout=20)
        timed_out, problem = worker_failure(caught.value)
        assert not timed_out and "SIGABRT" in problem and "max_memory_bytes" in problem
        with pytest.raises(MemoryError):
            pool.submit(allocate, 2048, seconds=10).result(timeout=20)
        assert pool.submit(allocate, 16, seconds=10).result(timeout=20) == 16 * 1024 * 1024
    finally:
        pool.close()


def test_workers_are_recycled() -> None:
    pool = WorkerPool(1, memory_bytes=None, recycle_after=2)
    try:
        pids = [pool.submit(echo, i, seconds=10).result(timeout=20)[1] for i in range(5)]
    finally:
        pool.close()
    assert len(set(pids)) == 3 and os.getpid() not in pids


# --- convert(): every file reported, as it completes -----------------------------------------------


def test_convert_yields_one_result_per_file(samples_dir: Path, real_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cut.pdf").write_bytes((samples_dir / "001_6e5ee923b4ec1700.pdf").read_bytes()[:3000])
    inputs = [samples_dir / "001_6e5ee923b4ec1700.txt", real_dir / "07_lamdong-tuyen-truyen-cchc-2026.docx",
              tmp_path / "in", tmp_path / "gone.txt"]
    results = list(convert(inputs, tmp_path / "out", jobs=2))
    by_name = {Path(r.input).name: r for r in results}
    assert set(by_name) == {"001_6e5ee923b4ec1700.txt", "07_lamdong-tuyen-truyen-cchc-2026.docx", "cut.pdf",
                            "gone.txt"}
    assert by_name["gone.txt"].status == "failed" and by_name["gone.txt"].index is None
    cut = by_name["cut.pdf"]
    assert cut.status == "failed" and "cut.pdf: " in cut.error
    assert cut.output is None and len(cut.sha256 or "") == 64
    docx = by_name["07_lamdong-tuyen-truyen-cchc-2026.docx"]
    assert docx.status == "ok" and docx.output is not None and docx.output.is_file()
    expected = parse(real_dir / "07_lamdong-tuyen-truyen-cchc-2026.docx")
    assert Plan.model_validate_json(docx.output.read_text()) == expected


def test_timeout_is_reported_for_that_file(samples_dir: Path) -> None:
    results = list(convert([samples_dir / "000_0c822c35986a4cc7.pdf", samples_dir / "000_0c822c35986a4cc7.txt"],
                           None, jobs=1, limits=Limits(seconds=0.05)))
    statuses = sorted(r.status for r in results)
    assert statuses == ["timeout", "timeout"] or statuses == ["ok", "timeout"]
    slow = next(r for r in results if r.input.endswith(".pdf"))
    assert slow.status == "timeout" and "budget seconds" in slow.error and slow.text is None
