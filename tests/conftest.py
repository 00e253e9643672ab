"""Shared fixtures: where the samples and gold files live, and each sample parsed once per session."""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "src") not in sys.path:  # the suite also runs without PYTHONPATH=src
    sys.path.insert(0, str(REPO / "src"))
if str(REPO / "tests") not in sys.path:  # the shared test helpers (docx_parts, batch_helpers, fuzz) from any folder
    sys.path.insert(0, str(REPO / "tests"))

from kehoach_parser import Plan, parse  # noqa: E402

SAMPLES = REPO / "samples"
GOLD = SAMPLES / "gold"
SAMPLE_STEMS: list[str] = sorted(p.stem for p in SAMPLES.glob("*.txt"))

# A complete small plan (header, sections, closing, annex heading) that synthetic tests append
# their own annex table or body to. Its own "12/KH-UBND" must never become a reference.
PLAN_HEAD = """ỦY BAN NHÂN DÂN
PHƯỜNG AN BÌNH
Số: 12/KH-UBND
An Bình, ngày 05 tháng 01 năm 2026

KẾ HOẠCH
Chuyển đổi số phường An Bình năm 2026

I. MỤC TIÊU
1. Mục tiêu chung
Nâng cao hiệu quả chuyển đổi số.
II. NHIỆM VỤ
1. Nhiệm vụ chung
Thực hiện các nhiệm vụ tại Phụ lục kèm theo.
III. TỔ CHỨC THỰC HIỆN
Các cơ quan, đơn vị triển khai thực hiện.

Nơi nhận:
- UBND thành phố;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn An

PHỤ LỤC
DANH MỤC NHIỆM VỤ
(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026)

"""


def resolve_stem(stem: str) -> str:
    """The full sample stem for a full stem or a unique prefix ("000")."""
    matches = [s for s in SAMPLE_STEMS if s == stem or s.startswith(stem)]
    if len(matches) != 1:
        raise KeyError(f"no unique sample for {stem!r} among {SAMPLE_STEMS}")
    return matches[0]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test asking for ``sample_stem`` runs once per sample (ids "000" … "004")."""
    if "sample_stem" in metafunc.fixturenames:
        metafunc.parametrize("sample_stem", SAMPLE_STEMS, ids=[s.split("_")[0] for s in SAMPLE_STEMS])


@pytest.fixture(scope="session", autouse=True)
def _cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The parsed data files (vocab/cache.py) kept in a folder of the test session, not the user's."""
    os.environ["KEHOACH_CACHE_DIR"] = str(tmp_path_factory.mktemp("kehoach-cache"))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD


@pytest.fixture(scope="session")
def sample_path() -> Callable[[str], Path]:
    def get(stem: str) -> Path:
        return SAMPLES / f"{resolve_stem(stem)}.txt"

    return get


@pytest.fixture(scope="session")
def gold() -> Callable[[str], dict]:
    """``gold("000")`` -> the gold JSON of that sample (read once)."""
    cache: dict[str, dict] = {}

    def get(stem: str) -> dict:
        full = resolve_stem(stem)
        if full not in cache:
            cache[full] = json.loads((GOLD / f"{full}.json").read_text(encoding="utf-8"))
        return cache[full]

    return get


@pytest.fixture(scope="session")
def sample_plan() -> Callable[[str], Plan]:
    """``sample_plan("000")`` -> the parsed sample; every sample is parsed at most once per session."""
    cache: dict[str, Plan] = {}

    def get(stem: str) -> Plan:
        full = resolve_stem(stem)
        if full not in cache:
            cache[full] = parse(SAMPLES / f"{full}.txt")
        return cache[full]

    return get


@pytest.fixture(scope="session")
def all_sample_plans(sample_plan: Callable[[str], Plan]) -> dict[str, Plan]:
    return {stem: sample_plan(stem) for stem in SAMPLE_STEMS}


@pytest.fixture(scope="session")
def make_plan() -> Callable[[str], str]:
    """``make_plan(annex)`` -> the text of a small complete plan with ``annex`` after its annex heading."""

    def build(annex: str) -> str:
        return PLAN_HEAD + annex

    return build


@pytest.fixture(scope="session")
def cli_env() -> dict[str, str]:
    """Environment for ``python -m kehoach_parser`` subprocesses: the source tree first on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return env


# --- no network at run time (issue 3): every test runs with outbound connections refused ----------
import socket as _socket  # noqa: E402
from collections.abc import Iterator  # noqa: E402

_LOOPBACK = ("127.", "::1", "localhost")


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    """Refuse socket connections to anything but loopback (and Unix sockets) for the whole session."""
    real_connect, real_connect_ex = _socket.socket.connect, _socket.socket.connect_ex

    def allowed(sock: _socket.socket, address: object) -> bool:
        if sock.family == getattr(_socket, "AF_UNIX", None):
            return True
        host = str(address[0] if isinstance(address, tuple) else address)
        return host.startswith(_LOOPBACK)

    def connect(sock: _socket.socket, address: object) -> None:
        if not allowed(sock, address):
            raise OSError(f"network access is blocked in the test suite: {address!r}")
        return real_connect(sock, address)

    def connect_ex(sock: _socket.socket, address: object) -> int:
        if not allowed(sock, address):
            raise OSError(f"network access is blocked in the test suite: {address!r}")
        return real_connect_ex(sock, address)

    patch = pytest.MonkeyPatch()
    patch.setattr(_socket.socket, "connect", connect)
    patch.setattr(_socket.socket, "connect_ex", connect_ex)
    yield
    patch.undo()


REAL = REPO / "tests" / "data" / "real"


@pytest.fixture(scope="session")
def real_dir() -> Path:
    """The real plans copied from ../shared/real (sources in tests/data/real/SOURCES.md)."""
    return REAL
