"""Run inputs in capped child processes and classify what happened.

:class:`ForkServer` keeps one warm process (kehoach_parser imported once) that forks a child per case
(:mod:`.child`): a case costs milliseconds of overhead instead of a second of imports.
:func:`run_process` runs a real ``python -m kehoach_parser`` process for the cases where the
process itself matters (a closed stdout, Ctrl-C). Outcomes (:data:`KINDS`): ``ok``; ``error`` (a
``KehoachError`` with a good message: fine); and the bugs ``internal`` (``InternalError``),
``exception`` (anything else escaping ``parse``), ``timeout``, ``memory``, ``crash`` (the child died),
``message`` (a ``KehoachError`` whose message is not one line of at most 220 characters naming the
input), ``roundtrip`` (the plan's JSON does not read back into ``Plan``), ``traceback`` (the CLI
printed one) and ``stderr`` (output on stderr that does not name the file).
"""
from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import regex

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).resolve().parent / "child.py"
MAX_MESSAGE = 220
DEFAULT_SECONDS = 10.0
DEFAULT_MEMORY_MB = 500
MiB = 1024 * 1024

KINDS = ("ok", "error", "internal", "exception", "timeout", "memory", "crash", "message", "roundtrip",
         "traceback", "stderr")
FINE = frozenset({"ok", "error"})
# "<_io.BytesIO object at 0x7f…>", "<PDFObjRef:5>", "/'Page'", "PSKeyword": Python or pdfminer reprs
RAW_REPR = regex.compile(r"object at 0x[0-9a-f]+|<_io\.|<PDFObjRef|PSKeyword|PSLiteral|/'\w")
# "internal error (IndexError: list index out of range)": the class inside an InternalError's message
INTERNAL = regex.compile(r"internal error \((\w+)")
# "0x7f3a…", "12", "page 3": what varies between two reports of one failure
NOISE = regex.compile(r"0x[0-9a-f]+|\d+")
# "Traceback (most recent call last):"
TRACEBACK = regex.compile(r"^Traceback \(most recent call last\):", regex.MULTILINE)


@dataclass
class Outcome:
    """What one case did. ``kind`` is one of :data:`KINDS`; the rest is evidence."""

    kind: str
    seconds: float = 0.0
    peak_mb: float = 0.0
    cpu_seconds: float = 0.0
    error_class: str | None = None
    error_mro: list[str] = field(default_factory=list)
    message: str | None = None
    exception: str | None = None
    exit_code: int | None = None
    stderr: str = ""
    detail: str = ""

    @property
    def bug(self) -> bool:
        return self.kind not in FINE

    def signature(self) -> str:
        """What tells two failures apart in a campaign: the kind and the exception class behind it
        ("internal:IndexError", "exception:ValueError", "message:CorruptInputError", "timeout")."""
        if self.kind == "internal" and (inner := INTERNAL.search(self.message or "")):
            return f"internal:{inner[1]}"
        if self.kind in ("exception", "roundtrip"):
            return f"{self.kind}:{(self.exception or self.detail).split(':')[0]}"
        if self.kind == "message":
            return f"message:{self.error_class}:{self.detail.split(';')[0]}"
        if self.kind in ("stderr", "traceback"):
            last = [line for line in self.detail.splitlines() if line.strip()][-1:] or [""]
            return f"{self.kind}:{NOISE.sub('#', last[0])[:60]}"
        if self.kind == "timeout" and self.cpu_seconds < 0.5 * self.seconds:
            return "timeout:loaded"  # the child got less than half a core: the machine was busy, maybe no bug
        return self.kind

    def summary(self) -> str:
        what = self.exception or self.message or self.detail or ""
        return f"{self.kind} in {self.seconds:.2f} s, {self.peak_mb:.0f} MB: {what[:300]}"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def message_problems(message: str, name: str) -> list[str]:
    """What is wrong with an error message about the input ``name`` (empty when it is fine)."""
    problems = []
    if "\n" in message or "\r" in message:
        problems.append("spans several lines")
    if len(message) > MAX_MESSAGE:
        problems.append(f"{len(message)} characters (at most {MAX_MESSAGE})")
    if Path(name).name not in message:
        problems.append("does not name the input")
    if RAW_REPR.search(message):
        problems.append("shows a Python or PDF object repr")
    return problems


def stray_stderr(stderr: str, name: str) -> str:
    """Lines on stderr that do not name the input (a library warning printed without its file)."""
    base = Path(name).name
    return "\n".join(line for line in stderr.splitlines() if line.strip() and base not in line)


def classify(report: dict[str, Any], *, name: str, seconds: float, memory_mb: float) -> Outcome:
    """Turn a child's report into an :class:`Outcome` (``name``: how the input is named in messages)."""
    outcome = Outcome(kind="ok", seconds=report.get("seconds", 0.0), peak_mb=report.get("peak_mb", 0.0),
                      cpu_seconds=report.get("cpu_seconds", 0.0), stderr=report.get("stderr", ""),
                      exit_code=report.get("exit_code"))
    status = report["status"]
    chain = report.get("chain", [])
    if status == "killed":
        outcome.kind, outcome.detail = "timeout", f"killed at the {seconds:g} s cap"
    elif status in ("signal", "silent"):
        outcome.kind = "memory" if outcome.peak_mb >= 0.9 * memory_mb else "crash"
        outcome.detail = f"child died: {report.get('signal') or report.get('exit_status')}"
    elif "MemoryError" in chain:
        outcome.kind, outcome.exception = "memory", report.get("exception") or "MemoryError (behind an error)"
    elif status == "exception":
        outcome.kind, outcome.exception = "exception", report.get("exception")
        outcome.detail = report.get("traceback", "")
    elif status == "roundtrip":
        outcome.kind, outcome.exception = "roundtrip", report.get("exception")
    elif status == "inject-missing":
        outcome.kind, outcome.detail = "exception", f"fault-injection target missing: {report.get('detail')}"
    elif status == "error":
        outcome.error_class, outcome.error_mro = report["error_class"], report.get("error_mro", [])
        outcome.message = report["message"]
        if report["error_class"] == "InternalError":
            outcome.kind, outcome.detail = "internal", report.get("traceback", "")
        elif problems := message_problems(report["message"], name):
            outcome.kind, outcome.detail = "message", "; ".join(problems)
        else:
            outcome.kind = "error"
    elif status == "exit" and TRACEBACK.search(outcome.stderr):
        outcome.kind, outcome.detail = "traceback", outcome.stderr[-1500:]
    if outcome.kind in FINE and outcome.seconds > seconds:
        outcome.kind, outcome.detail = "timeout", f"took {outcome.seconds:.1f} s (cap {seconds:g} s)"
    if outcome.kind in FINE and outcome.peak_mb > memory_mb:
        outcome.kind, outcome.detail = "memory", f"peak {outcome.peak_mb:.0f} MB (cap {memory_mb:g} MB)"
    if outcome.kind in FINE and status != "exit" and (stray := stray_stderr(outcome.stderr, name)):
        outcome.kind, outcome.detail = "stderr", stray[:1500]
    return outcome


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONFAULTHANDLER", None)
    return env


class ForkServer:
    """One warm process forking a capped child per case. Use as a context manager."""

    def __init__(self, *, seconds: float = DEFAULT_SECONDS, memory_mb: float = DEFAULT_MEMORY_MB) -> None:
        self.seconds = seconds
        self.memory_mb = memory_mb
        self.workdir = Path(tempfile.mkdtemp(prefix="kehoach-fuzz-"))
        self.process: subprocess.Popen[str] | None = None
        self.count = 0

    def __enter__(self) -> ForkServer:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, encoding="utf-8", env=child_env(), cwd=self.workdir)

    def close(self) -> None:
        if self.process is not None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None

    def request(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send one request (caps and a work folder filled in) and return the child's raw report."""
        if self.process is None or self.process.poll() is not None:
            self.start()
        assert self.process is not None and self.process.stdin is not None and self.process.stdout is not None
        self.count += 1
        full = {"seconds": self.seconds, "memory_mb": self.memory_mb, "workdir": str(self.workdir),
                "id": f"case{self.count}", **payload}
        self.process.stdin.write(json.dumps(full) + "\n")  # ASCII: file names may hold surrogates
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:  # the server itself died (it should not): report a crash and restart next time
            self.process = None
            return {"status": "silent", "exit_status": "fork server died"}
        report: dict[str, Any] = json.loads(line)
        return report

    def parse(self, path: Path | str, *, name: str | None = None, format: str | None = None,
              limits: dict[str, Any] | None = None, ocr: str = "auto", inject: str | None = None,
              seconds: float | None = None, memory_mb: float | None = None) -> Outcome:
        """``kehoach_parser.parse(path)`` in a capped child, classified."""
        seconds = seconds or self.seconds
        memory_mb = memory_mb or self.memory_mb
        payload = {"mode": "parse", "path": os.path.abspath(os.fsdecode(path)), "name": name, "format": format,
                   "limits": limits, "ocr": ocr, "inject": inject, "seconds": seconds, "memory_mb": memory_mb}
        return classify(self.request(payload), name=name or os.fsdecode(path), seconds=seconds,
                        memory_mb=memory_mb)

    def cli(self, argv: Sequence[str], *, name: str, cwd: Path | None = None, seconds: float | None = None,
            memory_mb: float | None = None) -> Outcome:
        """``kehoach ARGV`` (``cli.main``) in a capped child; a traceback on stderr is a bug."""
        seconds = seconds or self.seconds
        memory_mb = memory_mb or self.memory_mb
        payload = {"mode": "cli", "argv": list(argv), "cwd": str(cwd or Path.cwd()), "seconds": seconds,
                   "memory_mb": memory_mb}
        return classify(self.request(payload), name=name, seconds=seconds, memory_mb=memory_mb)


def _capped(memory_mb: float, extra: Callable[[], None] | None) -> Callable[[], None]:
    def preexec() -> None:
        os.setsid()
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # as in a terminal, even when the tests run in the background
        memory = int(memory_mb * MiB)
        resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
        if extra is not None:
            extra()

    return preexec


def run_process(argv: Sequence[str], *, seconds: float = DEFAULT_SECONDS, memory_mb: float = DEFAULT_MEMORY_MB,
                cwd: Path | None = None, stdout: int | None = subprocess.DEVNULL,
                preexec: Callable[[], None] | None = None,
                interrupt_when: Callable[[], bool] | None = None) -> Outcome:
    """``python -m kehoach_parser ARGV`` as a real, capped process. ``preexec`` runs in the child before
    the interpreter starts (close a descriptor …); ``interrupt_when`` is polled and, once true, the
    process gets SIGINT (Ctrl-C). The outcome's ``exit_code`` and ``stderr`` are the process's."""
    with tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.Popen([sys.executable, "-m", "kehoach_parser", *argv], stdin=subprocess.DEVNULL,
                                   stdout=stdout, stderr=err, cwd=cwd, env=child_env(),
                                   preexec_fn=_capped(memory_mb, preexec))
        interrupted = killed = False
        while True:
            done, status, usage = os.wait4(process.pid, os.WNOHANG)
            if done:
                break
            if interrupt_when is not None and not interrupted and interrupt_when():
                os.kill(process.pid, signal.SIGINT)
                interrupted = True
            if not killed and time.monotonic() - start > seconds:
                os.killpg(process.pid, signal.SIGKILL)
                killed = True
            time.sleep(0.01)
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read(64 * 1024).decode("utf-8", "replace")
    report: dict[str, Any] = {"status": "killed" if killed else "exit", "exit_code": process.returncode,
                              "seconds": time.monotonic() - start, "peak_mb": usage.ru_maxrss / 1024,
                              "cpu_seconds": usage.ru_utime + usage.ru_stime,
                              "stderr": stderr}
    if not killed and process.returncode < 0 and process.returncode != -signal.SIGINT:
        report = {**report, "status": "signal", "signal": signal.Signals(-process.returncode).name}
    return classify(report, name="", seconds=seconds, memory_mb=memory_mb)
