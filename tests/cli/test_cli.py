"""The ``kehoach`` command line, run in-process (``cli.main`` with captured streams): the batch
boundary of issue 11 and the CLI side of issue 7's error boundary."""
from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

import kehoach_parser.batch as batch_module
from kehoach_parser import Plan
from kehoach_parser.cli import main, parse_cmd

SUMMARY = re.compile(r"^(\d+) converted, (\d+) failed(?: \((\d+) timed out\))?, (\d+) with warnings, (\d+) skipped "
                     r"in [\d.]+ s")


class Captured:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err
        self.lines = err.splitlines()

    def counts(self) -> tuple[int, int, int, int]:
        """(converted, failed, with warnings, skipped) from the summary line."""
        found = [m for m in map(SUMMARY.match, self.lines) if m]
        assert len(found) == 1, self.err
        converted, failed, _, warned, skipped = found[0].groups()
        return int(converted), int(failed), int(warned), int(skipped)


def cli(*args: str | Path, stdin: bytes | None = None, stdout: io.StringIO | None = None,
        stderr: io.StringIO | None = None) -> Captured:
    out, err = stdout or io.StringIO(), stderr or io.StringIO()
    code = main([str(a) for a in args], stdout=out, stderr=err,
                stdin=io.BytesIO(stdin) if stdin is not None else None)
    return Captured(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def samples(samples_dir: Path) -> list[Path]:
    paths = sorted(samples_dir.glob("*.txt"))
    assert len(paths) == 5
    return paths


def no_temporary_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def test_parse_samples_into_dir(samples: list[Path], tmp_path: Path, all_sample_plans: dict[str, Plan]) -> None:
    out = tmp_path / "out"
    run = cli("parse", *samples, "-o", out)
    assert run.code == 0, run.err
    assert run.counts() == (5, 0, 0, 0)
    assert len(run.lines) == 1  # not a terminal: no progress bar, only the summary
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{p.stem}.json" for p in samples)
    for path in samples:
        written = Plan.model_validate_json((out / f"{path.stem}.json").read_text(encoding="utf-8"))
        assert written == all_sample_plans[path.stem]


def test_single_file_to_stdout(samples: list[Path]) -> None:
    run = cli("parse", samples[0])
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert run.out.startswith("{\n  ")  # indented
    assert data["source"]["file"] == samples[0].name
    assert data["document"]["title"] == "Chuyển đổi số Phường Lê Ích Mộc năm 2026"
    Plan.model_validate(data)


def test_compact_output_is_one_line(samples: list[Path]) -> None:
    run = cli("parse", "--compact", samples[1])
    assert run.code == 0, run.err
    assert run.out.count("\n") == 1
    Plan.model_validate_json(run.out)


def test_several_inputs_without_output_dir_print_json_lines_in_order(samples: list[Path]) -> None:
    run = cli("parse", samples[3], samples[0], samples[2], "-j", "2")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert [json.loads(line)["source"]["file"] for line in lines] == [samples[i].name for i in (3, 0, 2)]
    for line in lines:
        Plan.model_validate_json(line)


def test_bad_files_among_good_ones(samples: list[Path], tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    run = cli("parse", samples[0], missing, binary, samples[1], "-o", out)
    assert run.code == 1
    errors = [line for line in run.lines if line.startswith("kehoach: error: ")]
    assert len(errors) == 2, run.err  # one line per bad file
    assert any("missing.txt" in line and "no such file" in line for line in errors)
    assert any("binary.txt" in line for line in errors)
    assert run.counts() == (2, 2, 0, 0)
    assert "Traceback" not in run.err
    # the good files are written (mirrored below the inputs' common folder), nothing for the bad ones
    written = sorted(p.name for p in out.rglob("*.json"))
    assert written == sorted([f"{samples[0].stem}.json", f"{samples[1].stem}.json"])
    assert no_temporary_files(out)


@pytest.mark.parametrize("args", [["parse", "--bogus", "samples/x.txt"], ["frobnicate"], [], ["parse"],
                                  ["parse", "x.txt", "--limit", "no_such_budget=3"],
                                  ["parse", "x.txt", "--limit", "seconds=-1"], ["parse", "x.txt", "-j", "0"],
                                  ["parse", "x.txt", "--export", "pdf", "-o", "out"], ["export", "x"]],
                         ids=["bad-option", "bad-command", "no-command", "no-file", "unknown-budget",
                              "negative-budget", "no-jobs", "bad-export", "export-without-to"])
def test_usage_errors(args: list[str]) -> None:
    run = cli(*args)
    assert run.code == 2
    assert run.out == ""
    assert "usage" in run.err


def test_skip_existing_and_export_need_an_output_dir(samples: list[Path]) -> None:
    run = cli("parse", samples[0], "--skip-existing")
    assert run.code == 2 and "-o DIR" in run.err


def test_schema_equals_committed(repo_root: Path) -> None:
    run = cli("schema")
    assert run.code == 0, run.err
    committed = json.loads((repo_root / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    assert json.loads(run.out) == committed


def test_schema_to_file(tmp_path: Path, repo_root: Path) -> None:
    target = tmp_path / "nested" / "plan.schema.json"
    run = cli("schema", "-o", target)
    assert run.code == 0, run.err
    committed = json.loads((repo_root / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    assert json.loads(target.read_text(encoding="utf-8")) == committed
    assert [p.name for p in target.parent.iterdir()] == ["plan.schema.json"]


def test_version() -> None:
    run = cli("--version")
    assert run.code == 0
    assert run.out.startswith("kehoach-parser ")


# --- inputs and outputs that never clash ----------------------------------------------------------

def test_folders_mirrored_and_clashing_stems_renamed(samples_dir: Path, tmp_path: Path) -> None:
    incoming = tmp_path / "incoming"
    for folder in ("a", "b"):
        (incoming / folder).mkdir(parents=True)
        shutil.copy(samples_dir / "003_5ff484b46b8ac1a0.txt", incoming / folder / "kh.txt")
    shutil.copy(samples_dir / "000_0c822c35986a4cc7.txt", incoming / "a" / "000.txt")
    shutil.copy(samples_dir / "000_0c822c35986a4cc7.docx", incoming / "a" / "000.docx")
    shutil.copy(samples_dir / "001_6e5ee923b4ec1700.docx", incoming / "b" / "word-no-suffix")  # Word by content
    (incoming / "b" / "notes.json").write_text("{}", encoding="utf-8")  # not a plan
    (incoming / ".hidden.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "out"
    run = cli("parse", incoming, "-o", out, "--report", tmp_path / "report.jsonl")
    assert run.code == 0, run.err
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["a/000.docx.json", "a/000.txt.json", "a/kh.json", "b/kh.json", "b/word-no-suffix.json"]
    assert run.counts() == (5, 0, 0, 0)
    summary = run.lines[-1]
    assert "2 output(s) named <stem>.<ext>.json" in summary
    assert "1 file(s) under the folders are not plans" in summary
    report = [json.loads(line) for line in (tmp_path / "report.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(report) == 5
    assert {r["status"] for r in report} == {"ok"}
    assert set(report[0]) == {"path", "output", "status", "error", "warnings", "sha256", "seconds"}
    by_path = {Path(r["path"]).relative_to(incoming).as_posix(): r for r in report}
    assert by_path["a/000.docx"]["output"].endswith("a/000.docx.json")
    assert by_path["a/kh.txt"]["sha256"] == by_path["b/kh.txt"]["sha256"]  # same bytes, two outputs


def test_glob_narrows_folders(samples_dir: Path, tmp_path: Path) -> None:
    run = cli("parse", samples_dir, "--glob", "00[12]_*.txt", "-o", tmp_path / "out")
    assert run.code == 0, run.err
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.json")) == [
        "001_6e5ee923b4ec1700.json", "002_bd073c3c6bb226c9.json"]


def test_stdin_with_name(samples: list[Path]) -> None:
    run = cli("parse", "-", "--name", "ke-hoach.md", "--compact", stdin=samples[3].read_bytes())
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data["source"]["file"] == "ke-hoach.md"
    assert data["source"]["format"] == "md"  # the name's suffix is the format hint
    assert data["source"]["sha256"] == Plan.model_validate_json(cli("parse", samples[3]).out).source.sha256


def test_stdin_into_output_dir(samples: list[Path], tmp_path: Path) -> None:
    run = cli("parse", "-", samples[1], "-o", tmp_path, stdin=samples[0].read_bytes())
    assert run.code == 0, run.err
    assert sorted(p.name for p in tmp_path.rglob("*.json")) == sorted(["stdin.json", f"{samples[1].stem}.json"])


def test_file_name_that_is_not_utf8(samples: list[Path], tmp_path: Path) -> None:
    name = os.fsdecode(b"k\xe9 ho\xffach.txt")
    shutil.copy(samples[0], tmp_path / name)
    out = tmp_path / "out"
    run = cli("parse", tmp_path / name, "-o", out, "-v")
    assert run.code == 0, run.err
    run.err.encode("utf-8")  # printable: no lone surrogates
    assert "k? ho?ach.txt" in run.err
    assert os.listdir(os.fsencode(out)) == [b"k\xe9 ho\xffach.json"]
    single = cli("parse", tmp_path / name)
    assert json.loads(single.out)["source"]["file"] == "k? ho?ach.txt"


# --- budgets, OCR and strictness passed through to the library ------------------------------------

def test_limit_and_timeout_pass_through(samples: list[Path], tmp_path: Path) -> None:
    run = cli("parse", samples[0], "--limit", "max_input_bytes=1000")
    assert run.code == 1
    assert "max_input_bytes" in run.err and samples[0].name in run.err
    assert run.out == ""
    timed = cli("parse", samples[0], samples[1], "--timeout", "0.001", "-o", tmp_path, "--report", tmp_path / "r.jsonl")
    assert timed.code == 1
    assert "(2 timed out)" in timed.lines[-1]
    assert "longer than 0.001 s" in timed.err and "seconds" in timed.err
    statuses = [json.loads(line)["status"] for line in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert statuses == ["timeout", "timeout"]
    assert not list(tmp_path.rglob("*.json"))


def test_memory_cap_fails_only_its_file(samples: list[Path], tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (40 * 2 ** 20))  # reading it needs more than the cap leaves past the ~80 MB a worker has
    cap = f"max_memory_bytes={120 * 2 ** 20}"
    run = cli("parse", big, samples[1], "-j", "1", "--limit", cap, "-o", tmp_path / "out")
    assert run.code == 1
    errors = [line for line in run.lines if line.startswith("kehoach: error: ")]
    assert len(errors) == 1 and "big.txt" in errors[0] and "max_memory_bytes" in errors[0], run.err
    assert len(errors[0]) <= 240
    assert [p.name for p in (tmp_path / "out").rglob("*.json")] == [f"{samples[1].stem}.json"]


def test_flags_reach_the_library(samples: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[batch_module.BatchOptions] = []

    def run(inputs: object, out_dir: object, options: batch_module.BatchOptions) -> Iterator[object]:
        seen.append(options)
        yield from ()

    monkeypatch.setattr(parse_cmd, "run", run)
    code = cli("parse", samples[0], "--ocr", "force", "--limit", "pdf_max_pages=7", "--limit", "ocr_max_pages=2",
               "--timeout", "9.5", "-j", "3", "--format", "md", "--strict", "--compact").code
    assert code == 0
    options = seen[0]
    assert (options.ocr, options.jobs, options.format, options.strict, options.indent) == ("force", 3, "md", True, None)
    assert (options.limits.pdf_max_pages, options.limits.ocr_max_pages, options.limits.seconds) == (7, 2, 9.5)
    assert cli("parse", samples[2], "--ocr", "sometimes").code == 2


def test_warnings_printed_per_file_and_strict(make_plan, samples: list[Path], tmp_path: Path) -> None:
    odd = tmp_path / "odd-table.txt"  # a table that names neither tasks nor targets: a parse warning
    odd.write_text(make_plan("Cột một\tCột hai\tCột ba\nx\ty\tz\nu\tv\tw\n"), encoding="utf-8")
    run = cli("parse", odd, samples[0], "-o", tmp_path / "a")
    assert run.code == 0, run.err
    warned = [line for line in run.lines if line.startswith("kehoach: warning: ")]
    assert warned == [f"kehoach: warning: {odd}: table_not_recognised: a table whose header names neither tasks "
                      "nor targets was skipped"]
    assert run.counts() == (2, 0, 1, 0)
    quiet = cli("parse", odd, "-o", tmp_path / "q", "-q")
    assert quiet.code == 0 and quiet.err == ""
    strict = cli("parse", odd, samples[0], "-o", tmp_path / "s", "--strict")
    assert strict.code == 1
    assert any(line.startswith("kehoach: error: ") and "--strict" in line and "table_not_recognised" in line
               for line in strict.lines)
    assert [p.name for p in (tmp_path / "s").rglob("*.json")] == [f"{samples[0].stem}.json"]


def test_ocr_mode_reaches_the_pdf_reader(samples_dir: Path) -> None:
    run = cli("parse", samples_dir / "scanned" / "001_6e5ee923b4ec1700.pdf", "--ocr", "never", "--compact")
    assert run.code == 0, run.err
    assert "ocr_skipped" in {w["code"] for w in json.loads(run.out)["warnings"]}
    assert any(": ocr_skipped: " in line for line in run.lines)


def test_verbose_lines_per_file(samples: list[Path], tmp_path: Path) -> None:
    run = cli("parse", samples[0], samples[1], "-o", tmp_path, "-v")
    assert run.code == 0
    done = [line for line in run.lines if line.startswith("kehoach: ok: ")]
    assert len(done) == 2 and all("->" in line and line.endswith(" s)") for line in done)


# --- resume ----------------------------------------------------------------------------------------

def test_skip_existing_by_sha256(samples: list[Path], tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in samples[:3]:
        shutil.copy(path, folder / path.name)
    out = tmp_path / "out"
    assert cli("parse", folder, "-o", out).code == 0
    first = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    again = cli("parse", folder, "-o", out, "--skip-existing", "--report", tmp_path / "r.jsonl")
    assert again.code == 0
    assert again.counts() == (0, 0, 0, 3)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == first
    report = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert {r["status"] for r in report} == {"skipped"} and all(len(r["sha256"]) == 64 for r in report)
    (folder / samples[0].name).write_bytes(samples[4].read_bytes())  # one input changed
    changed = cli("parse", folder, "-o", out, "--skip-existing")
    assert changed.counts() == (1, 0, 0, 2)
    assert Plan.model_validate_json((out / f"{samples[0].stem}.json").read_text()).source.sha256 == \
        Plan.model_validate_json(cli("parse", samples[4]).out).source.sha256


# --- feedback --------------------------------------------------------------------------------------

class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal(samples: list[Path], tmp_path: Path) -> None:
    terminal = Terminal()
    run = cli("parse", *samples, tmp_path / "missing.txt", "-o", tmp_path / "out", stderr=terminal)
    assert run.code == 1
    assert "\r" in run.err  # the bar redraws itself
    assert "6/6" in run.err and "file" in run.err and "1 failed" in run.err
    assert SUMMARY.match(run.err.rsplit("\n", 2)[-2])  # the summary is the last line
    quiet = cli("parse", *samples, "-o", tmp_path / "q", "-q", stderr=Terminal())
    assert quiet.err == ""


# --- write errors, interruptions -------------------------------------------------------------------

class ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def test_broken_pipe_is_one_line(samples: list[Path]) -> None:
    run = cli("parse", samples[0], samples[1], stdout=ClosedPipe())
    assert run.code == 1
    assert run.lines == ["kehoach: error: cannot write to standard output (the reading end of the pipe was closed)"]


@pytest.mark.parametrize("command", [["parse"], ["check"], ["check", "--format", "json"],
                                     ["check", "--format", "sarif"], ["check", "--format", "github"]])
def test_full_disk_on_stdout(samples: list[Path], command: list[str]) -> None:
    full = open("/dev/full", "w", encoding="utf-8")  # noqa: SIM115 - closed below, past its error
    err = io.StringIO()
    code = main([*command, str(samples[0])], stdout=full, stderr=err)
    with contextlib.suppress(OSError):
        full.close()
    assert code == 1
    assert err.getvalue() == "kehoach: error: cannot write to standard output (No space left on device)\n"


@pytest.mark.slow  # a second interpreter (or two): CI runs it with -m slow
def test_the_program_leaves_check_quickly_and_says_what_main_says(samples: list[Path], cli_env: dict[str, str],
                                                                  tmp_path: Path) -> None:
    """``kehoach check`` exits without the interpreter's teardown (cli.run): the same output and status
    as main() in process, and a full disk is still one line and exit 1."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "kehoach_parser", "check", "--format", "json", str(samples[0])]
    real = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=cli_env, timeout=120)
    here = cli("check", "--format", "json", samples[0])
    assert (real.returncode, real.stdout, real.stderr) == (here.code, here.out, "")
    with open("/dev/full", "w") as full:
        failed = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                                env=cli_env, timeout=120)
    assert failed.returncode == 1
    assert failed.stderr == "kehoach: error: cannot write to standard output (No space left on device)\n"


def test_full_disk_on_an_output_file(samples: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch_module.write_atomic
    full = samples[1].stem

    def write(path: Path, text: str) -> None:
        if path.stem == full:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(path, text)

    monkeypatch.setattr(batch_module, "write_atomic", write)
    run = cli("parse", samples[0], samples[1], samples[2], "-o", tmp_path)
    assert run.code == 1
    errors = [line for line in run.lines if line.startswith("kehoach: error: ")]
    assert len(errors) == 1 and samples[1].name in errors[0] and "No space left on device" in errors[0]
    assert run.counts() == (2, 1, 0, 0)


class InterruptOnFirstFile(io.StringIO):
    """Ctrl-C (or a SIGTERM) as the first file completes: a real signal to this process."""

    def __init__(self, signum: int) -> None:
        super().__init__()
        self.signum: int | None = signum

    def write(self, text: str) -> int:
        if text.startswith("kehoach: ok: ") and self.signum is not None:
            signum, self.signum = self.signum, None
            os.kill(os.getpid(), signum)
        return super().write(text)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_stops_the_pool(signum: int, samples_dir: Path, tmp_path: Path) -> None:
    # a shell starts background jobs with SIGINT ignored (and Python then leaves it so): as in a terminal here
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        _interrupt_the_pool(signum, samples_dir, tmp_path)
    finally:
        signal.signal(signal.SIGINT, previous)


def _interrupt_the_pool(signum: int, samples_dir: Path, tmp_path: Path) -> None:
    files = sorted(samples_dir.glob("*.docx"))
    out = tmp_path / "out"
    run = cli("parse", *files, "-j", "1", "-o", out, "-v", "--report", tmp_path / "r.jsonl",
              stderr=InterruptOnFirstFile(signum))
    assert run.code == 130
    assert run.lines[-1] == "kehoach: interrupted"
    assert "Traceback" not in run.err
    written = list(out.rglob("*.json"))
    assert len(written) == 1
    assert no_temporary_files(out) and no_temporary_files(tmp_path)
    report = (tmp_path / "r.jsonl").read_text().splitlines()
    assert len(report) == len(written)  # what was done, nothing more


@pytest.mark.slow
def test_ctrl_c_in_a_real_process(samples_dir: Path, tmp_path: Path, cli_env: dict[str, str]) -> None:
    """SIGINT to the process group, as a terminal sends it, while PDFs are being parsed."""
    import subprocess
    import sys

    out = tmp_path / "out"
    pdfs = sorted(samples_dir.glob("*.pdf"))
    command = [sys.executable, "-m", "kehoach_parser", "parse", *map(str, pdfs), "-j", "2", "-o", str(out), "-v"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, encoding="utf-8",
                            env=cli_env, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as in a terminal
    assert proc.stderr is not None
    first = proc.stderr.readline()
    assert first.startswith("kehoach: ok: "), first
    os.killpg(proc.pid, signal.SIGINT)
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == 130
    assert rest.splitlines()[-1] == "kehoach: interrupted" and "Traceback" not in rest
    assert no_temporary_files(out)
    assert 1 <= len(list(out.rglob("*.json"))) < len(pdfs)


@pytest.mark.slow
def test_no_worker_outlives_a_killed_command(samples_dir: Path, tmp_path: Path, cli_env: dict[str, str]) -> None:
    """SIGKILL to the command (the OOM killer, kill -9): its fork server and workers end with it."""
    import subprocess
    import sys
    import time

    psutil = pytest.importorskip("psutil")
    pdfs = sorted(samples_dir.glob("*.pdf"))
    command = [sys.executable, "-m", "kehoach_parser", "parse", *map(str, pdfs), "-j", "2", "-o", str(tmp_path), "-v"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=cli_env)
    assert proc.stderr is not None
    proc.stderr.readline()  # a file is done: the workers are running
    tree = psutil.Process(proc.pid).children(recursive=True)
    assert len(tree) >= 3  # resource tracker, fork server, workers
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in tree):
        time.sleep(0.2)
    assert not [p for p in tree if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]


def test_the_program_tunes_the_collector_and_the_library_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    import kehoach_parser.__main__ as program
    import kehoach_parser.cli as command_line

    before = gc.get_threshold()
    assert before != program.PROGRAM_GC_THRESHOLDS  # importing the library (and the program) changed nothing
    ran: list[tuple[int, ...]] = []
    monkeypatch.setattr(command_line, "run", lambda: ran.append(gc.get_threshold()))
    try:
        program.run()
    finally:
        gc.set_threshold(*before)
    assert ran == [program.PROGRAM_GC_THRESHOLDS]  # set before the command line (and its imports) ran
