"""A long PDF's pages read by forked children (``workers``): the same pages as one process reads, and
whatever happens to a child (an exception, a crash, a hang past the deadline, the caller stopping
early), the caller reads the pages itself or stops the child: nothing is lost, nothing is left running."""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pypdfium2
import pytest

from kehoach_parser.api import parse_document
from kehoach_parser.check.runner import check_file
from kehoach_parser.limits import BudgetExceeded, Deadline, Limits
from kehoach_parser.readers import parallel, pdfium
from kehoach_parser.readers.pdfium import PageContent

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PAGES = 16
pytestmark = pytest.mark.skipif(not parallel.can_fork() or parallel.available_cores() < 2,
                                reason="needs Linux and two cores")


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """16 pages: the sample PDFs one after the other (a plan with its annexes)."""
    out = pypdfium2.PdfDocument.new()
    while len(out) < PAGES:
        for source in sorted(SAMPLES.glob("*.pdf")):
            pdf = pypdfium2.PdfDocument(str(source))
            out.import_pages(pdf, list(range(min(len(pdf), PAGES - len(out)))))
            if len(out) >= PAGES:
                break
    path = tmp_path_factory.mktemp("parallel") / "long.pdf"
    out.save(str(path))
    return path


@pytest.fixture(scope="module")
def alone(long_pdf: Path) -> list[PageContent]:
    """The long PDF's pages as one process reads them."""
    return read(long_pdf, 1)


def read(path: Path, workers: int, seconds: float = 60.0) -> list[PageContent]:
    with pdfium.open_document(path.read_bytes()) as document:
        return list(parallel.read_pages(document, Limits(), Deadline(seconds), workers))


class Family(NamedTuple):
    pid: int  # the test's process
    forked: list[int]  # the children it forked


@pytest.fixture
def parent(monkeypatch: pytest.MonkeyPatch) -> Iterator[Family]:
    """The test's process; after the test, every child it forked has been reaped."""
    pid, forked, fork = os.getpid(), [], os.fork

    def recording_fork() -> int:
        child = fork()
        if child:
            forked.append(child)
        return child

    monkeypatch.setattr(os, "fork", recording_fork)
    yield Family(pid, forked)
    assert os.getpid() == pid, "a child ran the test's code"
    for child in forked:
        with pytest.raises(ChildProcessError):  # reaped: no such child any more
            os.waitpid(child, os.WNOHANG)


def test_runs_cut_pages_into_consecutive_runs_of_at_least_eight() -> None:
    assert parallel.runs(40, 2) == [range(0, 20), range(20, 40)]
    assert parallel.runs(41, 4) == [range(0, 11), range(11, 21), range(21, 31), range(31, 41)]
    assert parallel.runs(20, 4) == [range(0, 10), range(10, 20)]  # runs of 5 are not worth a process
    assert parallel.runs(7, 4) == [range(0, 7)]
    assert parallel.runs(0, 2) == [range(0, 0)]


def test_children_read_the_same_pages_as_one_process(alone: list[PageContent], long_pdf: Path, parent: Family) -> None:
    assert len(alone) == PAGES and sum(len(p.words) for p in alone) > 1000
    assert parallel.runs(PAGES, 2) == [range(0, 8), range(8, 16)]
    assert read(long_pdf, 2) == alone
    assert len(parent.forked) == 1  # pages 9-16 were read by a child


@pytest.mark.slow  # parses and checks the long PDF twice: CI runs it with -m slow
def test_the_plan_and_the_findings_are_the_same(long_pdf: Path, parent: Family) -> None:
    one, two = parse_document(long_pdf), parse_document(long_pdf, workers=2)
    assert two.plan.model_dump(exclude={"source"}) == one.plan.model_dump(exclude={"source"})
    assert check_file(long_pdf, workers=2).findings == check_file(long_pdf).findings


def _raise_memory_error() -> None:
    raise MemoryError  # a budget or a bug: the caller meets it again when it reads the page


def _die() -> None:
    os._exit(3)  # as a crash inside PDFium would


@pytest.mark.parametrize(("page", "stop"), [(11, _raise_memory_error), (10, _die)], ids=["fails", "dies"])
def test_a_child_that_stops_leaves_its_pages_to_the_caller(alone: list[PageContent], long_pdf: Path, parent: Family,
                                                           page: int, stop: Callable[[], None],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    real = pdfium.Document.read_page

    def stopping_in_children(self: pdfium.Document, index: int, limits: Limits) -> PageContent:
        if os.getpid() != parent.pid and index == page:
            stop()
        return real(self, index, limits)

    monkeypatch.setattr(pdfium.Document, "read_page", stopping_in_children)
    assert read(long_pdf, 2) == alone


def test_a_child_that_hangs_is_killed_at_the_deadline(long_pdf: Path, parent: Family,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    real = pdfium.Document.read_page

    def hanging_in_children(self: pdfium.Document, index: int, limits: Limits) -> PageContent:
        if os.getpid() != parent.pid:
            time.sleep(600)
        return real(self, index, limits)

    monkeypatch.setattr(pdfium.Document, "read_page", hanging_in_children)
    started = time.monotonic()
    with pytest.raises(BudgetExceeded) as caught:
        read(long_pdf, 2, seconds=1.0)
    assert caught.value.budget == "seconds"
    assert time.monotonic() - started < 30


def test_no_process_to_be_had_reads_the_pages_here(alone: list[PageContent], long_pdf: Path, parent: Family,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:

    def refused() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")  # fork() past a process limit

    monkeypatch.setattr(os, "fork", refused)
    assert read(long_pdf, 3) == alone


def test_stopping_early_stops_the_children(long_pdf: Path, parent: Family) -> None:
    with pdfium.open_document(long_pdf.read_bytes()) as document:
        pages = parallel.read_pages(document, Limits(), Deadline(60), 2)
        assert next(pages).number == 1
        pages.close()  # the reader met a problem on page 1: the child reading pages 9-16 is killed


def test_no_fork_while_another_thread_runs(long_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("forked beside a running thread")

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        monkeypatch.setattr(os, "fork", no_fork)
        assert not parallel.can_fork()
        assert len(read(long_pdf, 2)) == PAGES
    finally:
        stop.set()
        thread.join()
