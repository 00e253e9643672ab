"""Configuration of ``kehoach check``: which rules run, at which severity, and extra unit names.

Read from ``--config FILE``, else from the nearest ``.kehoach.toml`` (a ``[check]`` table, or the
keys at top level) or ``pyproject.toml`` with a ``[tool.kehoach.check]`` table, searched upward
from the checked file's folder up to the repository root (the folder holding ``.git``, as black
does), then from the working directory::

    [tool.kehoach.check]
    disable = ["spelling.tone-typo", "recipients"]      # rule ids, or whole categories
    severity = { "unit.unknown" = "info" }
    extra_units = ["Phòng Tư pháp {level}", "Ban Quản lý chợ"]
    fail_on = "warning"                                 # default for --fail-on
    include = ["plans/**"]                              # only these files (globs, relative to this file)
    exclude = ["**/README.md", "drafts/old/**"]         # never these
    docs_url = "https://example.org/kehoach/docs/rules/{rule}.md"   # SARIF helpUri of each rule
"""
from __future__ import annotations

import fnmatch
import sys
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .model import CATEGORIES, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found]

FailOn = Literal["error", "warning", "never"]
CONFIG_NAMES = (".kehoach.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration file that cannot be read or names rules that do not exist."""


class CheckConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    disable: list[str] = Field(default_factory=list, description="rule ids or categories not to run")
    severity: dict[str, Severity] = Field(default_factory=dict, description="rule id (or category) -> severity")
    extra_units: list[str] = Field(default_factory=list, description='unit names to accept ("{level}" allowed)')
    fail_on: FailOn | None = Field(default=None, description="default of --fail-on")
    include: list[str] = Field(default_factory=list, description="globs of the files to check (all when empty)")
    exclude: list[str] = Field(default_factory=list, description="globs of the files never to check")
    docs_url: str | None = Field(default=None, description='rule documentation URL, "{rule}" for the rule id')
    source: str | None = Field(default=None, exclude=True, description="the file this was read from")

    def enabled(self, rule_id: str, category: str) -> bool:
        return rule_id not in self.disable and category not in self.disable

    def severity_of(self, rule_id: str, category: str, default: Severity) -> Severity:
        return self.severity.get(rule_id) or self.severity.get(category) or default

    def selects(self, file: Path) -> bool:
        """Whether ``file`` is to be checked under ``include``/``exclude``: globs matched against its path
        relative to the configuration's folder (or the working directory), and against its name."""
        if not (self.include or self.exclude):
            return True
        root = Path(self.source).resolve().parent if self.source else Path.cwd().resolve()
        resolved = file.resolve()
        try:
            relative = PurePosixPath(resolved.relative_to(root).as_posix())
        except ValueError:
            relative = PurePosixPath(resolved.as_posix())

        def matches(patterns: list[str]) -> bool:
            return any(_glob(relative, pattern) for pattern in patterns)

        return (not self.include or matches(self.include)) and not matches(self.exclude)

    def validate_names(self, rule_ids: set[str]) -> None:
        known = rule_ids | set(CATEGORIES)
        unknown = sorted({*self.disable, *self.severity} - known)
        if unknown:
            raise ConfigError(f"{self.source or 'configuration'}: unknown rule or category: {', '.join(unknown)} "
                              "(see kehoach check --list-rules)")


def load_config(path: Path) -> CheckConfig:
    """The configuration in ``path`` (a ``.kehoach.toml``, a ``pyproject.toml`` or any TOML file)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    table = _check_table(path, data)
    try:
        return CheckConfig.model_validate({**(table or {}), "source": str(path)})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"{path}: bad configuration: {problems}") from None


def _glob(path: PurePosixPath, pattern: str) -> bool:
    """"plans/**", "**/README.md", "*.pdf": a glob against a relative path ("**/" also matches no folder)."""
    text = str(path)
    candidates = {pattern, pattern.replace("**/", "")} if "**/" in pattern else {pattern}
    return any(fnmatch.fnmatchcase(text, p) or fnmatch.fnmatchcase(path.name, p) for p in candidates)


def _table(data: Any, *keys: str) -> Any:
    """``data[k1][k2]…`` where every level is a table, else None (``[tool] kehoach = 5`` is no table)."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _check_table(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    if path.name == "pyproject.toml" or "tool" in data:
        table = _table(data, "tool", "kehoach", "check")
    else:
        table = data.get("check", data)
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: the kehoach check configuration must be a table, not {type(table).__name__}")
    return table


def repository_root(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` that holds ``.git`` (a folder, or a file in a worktree)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


@lru_cache(maxsize=256)
def find_config(folder: Path) -> Path | None:
    """The nearest configuration file at or above ``folder``, up to the repository root: ``.kehoach.toml``,
    or a ``pyproject.toml`` that has a ``[tool.kehoach.check]`` table."""
    root = repository_root(folder)
    for candidate_dir in (folder, *folder.parents):
        dotfile = candidate_dir / ".kehoach.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = candidate_dir / "pyproject.toml"
        if pyproject.is_file() and _has_check_table(pyproject):
            return pyproject
        if candidate_dir == root:
            break  # a configuration above the repository is another project's
    return None


def _has_check_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False
    return _table(data, "tool", "kehoach", "check") is not None


def config_for(file: Path, *, explicit: Path | None = None, cwd: Path | None = None) -> CheckConfig:
    """The configuration that applies to ``file``: ``explicit`` if given, else the nearest one."""
    if explicit is not None:
        return _cached_load(explicit.resolve())
    found = find_config(file.resolve().parent) or find_config((cwd or Path.cwd()).resolve())
    return _cached_load(found) if found else CheckConfig()


@lru_cache(maxsize=64)
def _cached_load(path: Path) -> CheckConfig:
    return load_config(path)
