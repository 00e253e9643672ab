"""The fork server: a process that imports kehoach_parser once, then forks one capped child per case.

Run by :class:`fuzz.runner.ForkServer` as ``python tests/fuzz/child.py``. Protocol: one JSON request
per line on stdin, one JSON report per line on stdout. Each child gets its own process group, a
memory cap (``RLIMIT_DATA``, the heap and anonymous mappings: what a runaway parser grows) and a
file-size cap, its stdout/stderr sent to files, and is killed at its time cap. Requests:

- ``{"mode": "parse", "path": …, "name"?, "format"?, "ocr"?, "limits"?: {budget: value},
  "inject"?: "module:function[@raise|@sleep|@allocate]"}``: ``kehoach_parser.parse()``, then the
  plan's JSON read back into ``Plan``. ``inject`` replaces that function by a planted bug (raising
  ``RuntimeError``, hanging, or eating memory): how the harness and the error boundary are tested.
- ``{"mode": "cli", "argv": [...], "cwd"?}``: ``kehoach_parser.cli.main(argv)`` as the
  ``kehoach`` script runs it (an escaping exception prints a traceback, as the interpreter would).

Common fields: ``seconds`` (time cap), ``memory_mb`` (memory cap), ``workdir`` (where the child
writes its stdout/stderr files). The report: ``status`` (what the child said, or "killed",
"signal", "silent"), ``seconds``, ``peak_mb`` and the child's own fields.
"""
from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

import kehoach_parser  # noqa: E402
import kehoach_parser.check  # noqa: E402
import kehoach_parser.cli  # noqa: E402
import kehoach_parser.readers.docx  # noqa: E402
import kehoach_parser.readers.pdf  # noqa: E402
from kehoach_parser.errors import InternalError, KehoachError  # noqa: E402
from kehoach_parser.limits import Limits  # noqa: E402
from kehoach_parser.model import Plan  # noqa: E402

MiB = 1024 * 1024
TEXT_TAIL = 4000  # characters of stderr and of a traceback kept in a report
FILE_CAP = 512 * MiB  # no child writes more than this to one file


def chain(exc: BaseException) -> list[str]:
    """The class names of ``exc`` and of every exception it was raised from or during."""
    names: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        names.append(type(current).__name__)
        current = current.__cause__ or current.__context__
    return names


def _raise(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("planted bug (fuzz harness fault injection)")


def _sleep(*_args: object, **_kwargs: object) -> None:
    time.sleep(3600)


def _allocate(*_args: object, **_kwargs: object) -> None:
    hoard = []
    while True:
        hoard.append(bytearray(16 * MiB))


# what a planted function does ("module:function@sleep"): raise a bug, hang, eat memory
PLANTED = {"raise": _raise, "sleep": _sleep, "allocate": _allocate}


def run_parse(request: dict[str, Any]) -> dict[str, Any]:
    if request.get("inject"):
        target, _, behaviour = request["inject"].partition("@")
        module_name, _, attr = target.partition(":")
        module = sys.modules.get(module_name) or __import__(module_name, fromlist=[attr])
        if not hasattr(module, attr):
            return {"status": "inject-missing", "detail": request["inject"]}
        setattr(module, attr, PLANTED[behaviour or "raise"])
    limits = Limits().override(**request["limits"]) if request.get("limits") else None
    start = time.monotonic()
    try:
        plan = kehoach_parser.parse(request["path"], format=request.get("format"), name=request.get("name"),
                                    limits=limits, ocr=request.get("ocr", "auto"))
    except KehoachError as exc:
        report: dict[str, Any] = {"status": "error", "error_class": type(exc).__name__,
                                  "error_mro": [c.__name__ for c in type(exc).__mro__], "message": str(exc),
                                  "chain": chain(exc), "parse_seconds": time.monotonic() - start}
        if isinstance(exc, InternalError):
            report["traceback"] = exc.details[-TEXT_TAIL:]
        return report
    except BaseException as exc:
        return {"status": "exception", "exception": f"{type(exc).__name__}: {exc}"[:TEXT_TAIL],
                "chain": chain(exc), "traceback": traceback.format_exc()[-TEXT_TAIL:],
                "parse_seconds": time.monotonic() - start}
    parse_seconds = time.monotonic() - start
    try:
        text = plan.model_dump_json()
        Plan.model_validate_json(text)
    except BaseException as exc:
        return {"status": "roundtrip", "exception": f"{type(exc).__name__}: {exc}"[:TEXT_TAIL],
                "parse_seconds": parse_seconds}
    return {"status": "ok", "parse_seconds": parse_seconds, "tasks": len(plan.tasks), "json_chars": len(text)}


def run_cli(request: dict[str, Any]) -> dict[str, Any]:
    if request.get("cwd"):
        os.chdir(request["cwd"])
    start = time.monotonic()
    try:
        code = kehoach_parser.cli.main(request["argv"])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        traceback.print_exc()  # what the interpreter prints for an exception escaping the script
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        traceback.print_exc(file=sys.__stderr__)
        code = 120  # the interpreter's status when flushing stdout fails at exit
    return {"status": "exit", "exit_code": code, "parse_seconds": time.monotonic() - start}


def redirect(workdir: Path, case_id: str) -> tuple[Path, Path]:
    """Send this child's fds 0/1/2 to /dev/null and files, and rebind sys.std*."""
    out_path, err_path = workdir / f"{case_id}.stdout", workdir / f"{case_id}.stderr"
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    for fd, path in ((1, out_path), (2, err_path)):
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(handle, fd)
        os.close(handle)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
    return out_path, err_path


def child_main(request: dict[str, Any], result_path: Path) -> None:
    """Inside the forked child: cap, redirect, run, write the report, exit without cleanup."""
    os.setpgid(0, 0)
    memory = int(request["memory_mb"] * MiB)
    resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_CAP, FILE_CAP))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    redirect(Path(request["workdir"]), request["id"])
    try:
        report = run_cli(request) if request["mode"] == "cli" else run_parse(request)
    except MemoryError:
        report = {"status": "exception", "exception": "MemoryError", "chain": ["MemoryError"]}
    result_path.write_text(json.dumps(report), encoding="ascii")  # ASCII: messages may hold surrogates
    os._exit(0)


def wait_capped(pid: int, seconds: float) -> tuple[int, Any, float, bool]:
    """Wait for ``pid`` at most ``seconds`` (then kill its process group): (status, rusage, elapsed, killed)."""
    start = time.monotonic()
    pause = 0.001
    killed = False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage, time.monotonic() - start, killed
        if not killed and time.monotonic() - start > seconds:
            for target in (-pid, pid):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(target, signal.SIGKILL)
            killed = True
        time.sleep(pause)
        pause = min(pause * 2, 0.02)


def serve_one(request: dict[str, Any]) -> dict[str, Any]:
    workdir = Path(request["workdir"])
    result_path = workdir / f"{request['id']}.result.json"
    result_path.unlink(missing_ok=True)
    pid = os.fork()
    if pid == 0:
        try:
            child_main(request, result_path)
        finally:
            os._exit(70)
    status, usage, elapsed, killed = wait_capped(pid, float(request["seconds"]))
    with contextlib.suppress(ProcessLookupError, PermissionError):  # nor its descendants (tesseract)
        os.killpg(pid, signal.SIGKILL)
    report: dict[str, Any]
    if killed:
        report = {"status": "killed"}
    elif result_path.exists():
        report = json.loads(result_path.read_text(encoding="utf-8"))
    elif os.WIFSIGNALED(status):
        report = {"status": "signal", "signal": signal.Signals(os.WTERMSIG(status)).name}
    else:
        report = {"status": "silent", "exit_status": os.WEXITSTATUS(status)}
    report["seconds"] = elapsed
    report["peak_mb"] = usage.ru_maxrss / 1024
    report["cpu_seconds"] = usage.ru_utime + usage.ru_stime
    err_path = workdir / f"{request['id']}.stderr"
    if err_path.exists():
        with err_path.open("rb") as handle:
            report["stderr"] = handle.read(TEXT_TAIL).decode("utf-8", "replace")
    out_path = workdir / f"{request['id']}.stdout"
    report["stdout_bytes"] = out_path.stat().st_size if out_path.exists() else 0
    for path in (result_path, err_path, out_path):
        path.unlink(missing_ok=True)
    return report


def warm() -> None:
    """Parse and check one sample before serving, so every child starts with the lazy imports and
    caches a long-running service has (and is timed on its own work, not on start-up)."""
    from kehoach_parser.check import check_file

    samples = HERE.parents[1] / "samples"
    for sample in sorted(samples.glob("000_*.txt"))[:1] + sorted(samples.glob("000_*.docx"))[:1]:
        with contextlib.suppress(Exception):
            kehoach_parser.parse(sample)
            check_file(sample)


def main() -> None:
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # nothing but reports on the protocol pipe
    warm()
    for line in sys.stdin:
        if line.strip():
            protocol.write(json.dumps(serve_one(json.loads(line))) + "\n")
            protocol.flush()


if __name__ == "__main__":
    main()
