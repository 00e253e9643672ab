"""The cache of parsed data files between runs: a second run reads what the first built; a changed
file, a damaged entry or a folder that cannot be written never changes what the caller gets."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_parser.check.registry import catalogue
from kehoach_parser.vocab import cache, read_toml, tomllib
from kehoach_parser.vocab.lint import Lexicon, lexicon


@pytest.fixture
def where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENVIRONMENT, str(folder))
    return folder


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "words.toml"
    path.write_text('words = ["kế hoạch", "nhiệm vụ"]\n', encoding="utf-8")
    return path


def counting(calls: list[int], value: object):  # type: ignore[no-untyped-def]
    def build() -> object:
        calls.append(1)
        return value
    return build


def test_the_second_run_reads_what_the_first_built(where: Path, source: Path) -> None:
    calls: list[int] = []
    first = cache.cached("words", [source], counting(calls, {"words": ["kế hoạch"]}))
    again = cache.cached("words", [source], counting(calls, {"words": ["something else"]}))
    assert first == again == {"words": ["kế hoạch"]} and calls == [1]
    assert [p.name.split("-")[0] for p in where.iterdir()] == ["words"]


def test_a_changed_file_is_read_afresh_and_replaces_its_entry(where: Path, source: Path) -> None:
    cache.cached("words", [source], lambda: 1)
    source.write_text('words = ["kế hoạch", "nhiệm vụ", "chỉ tiêu"]\n', encoding="utf-8")
    assert cache.cached("words", [source], lambda: 2) == 2
    assert cache.cached("words", [source], lambda: 3) == 2
    assert len(list(where.iterdir())) == 1  # the old entry is gone
    assert cache.cached("words", [source], lambda: 4, key="other accepted pairs") == 4


def test_a_damaged_entry_is_built_again(where: Path, source: Path) -> None:
    cache.cached("words", [source], lambda: {"a": 1})
    (entry,) = where.iterdir()
    entry.write_bytes(b"\xff\x00 not marshal")
    assert cache.cached("words", [source], lambda: {"a": 2}) == {"a": 2}
    assert cache.cached("words", [source], lambda: {"a": 3}) == {"a": 2}  # and stored again


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_folder_that_cannot_be_written_changes_nothing(where: Path, source: Path) -> None:
    where.mkdir()
    where.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert cache.cached("words", [source], lambda: 5) == 5
        assert list(where.iterdir()) == []
    finally:
        where.chmod(stat.S_IRWXU)


def test_a_path_that_is_a_file_changes_nothing(tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder would be")
    monkeypatch.setenv(cache.ENVIRONMENT, str(blocker / "cache"))
    assert cache.cached("words", [source], lambda: 6) == 6


def test_empty_setting_keeps_no_cache(tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENVIRONMENT, "")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    calls: list[int] = []
    cache.cached("words", [source], counting(calls, 7))
    cache.cached("words", [source], counting(calls, 7))
    assert calls == [1, 1] and not (tmp_path / ".cache").exists()


def test_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENVIRONMENT, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "kehoach-parser"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.folder() == tmp_path / ".cache" / "kehoach-parser"


def test_values_that_are_not_plain_data_are_built_each_run(where: Path, source: Path) -> None:
    import datetime

    assert cache.cached("dates", [source], lambda: datetime.date(2026, 3, 1)) == datetime.date(2026, 3, 1)
    assert not where.exists() or list(where.iterdir()) == []


def test_the_catalogue_and_the_toml_files_read_back_the_same(where: Path) -> None:
    rules_toml = Path(sys.modules["kehoach_parser.check.registry"].__file__).with_name("rules.toml")  # type: ignore[arg-type]
    parsed = tomllib.loads(rules_toml.read_text(encoding="utf-8"))
    assert read_toml(rules_toml) == parsed  # built
    assert read_toml(rules_toml) == parsed  # read back
    assert list(read_toml(rules_toml)["rules"]) == list(parsed["rules"]) == list(catalogue())  # in file order


@pytest.mark.slow  # a second interpreter (or two): CI runs it with -m slow
def test_the_lexicon_reads_back_the_same(where: Path) -> None:
    built = lexicon()  # this process's, built before the cache folder was set
    script = ("from kehoach_parser.vocab.lint import lexicon; x = lexicon(); "
              "print(len(x.syllables), len(x.pairs), len(x.spelling), x.has_pair('kế', 'hoạch'))")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"))
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True,
                           timeout=120).stdout for _ in range(2)]
    assert [p.name.split("-")[0] for p in where.iterdir()].count("lexicon") == 1
    assert runs[0] == runs[1] == f"{len(built.syllables)} {len(built.pairs)} {len(built.spelling)} True\n"
    assert isinstance(built, Lexicon) and built.has_syllable("hoá") and built.has_syllable("hóa")
