"""Lint settings from `[tool.tmtool.lint]` in `pyproject.toml` or `[lint]` in `.tmtool.toml`,
found from a folder upwards.

Decisions: in each folder `.tmtool.toml` wins over `pyproject.toml`, and a `pyproject.toml`
without a `[tool.tmtool]` table is passed over; the first folder with a match ends the
search. Paths (glossaries, baseline) are relative to the config file's folder; an unknown
key is an error naming the file and the key, so a typo never silently does nothing.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tmtool.errors import ConfigError
from tmtool.findings import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_NAMES = (".tmtool.toml", "pyproject.toml")
KEYS = ("glossary", "severity", "disable", "enable", "include", "exclude", "fail-on", "baseline")


@dataclass(frozen=True, slots=True)
class LintConfig:
    """Settings read from a config file (all empty when there is none)."""

    path: Path | None = None
    glossaries: tuple[str, ...] = ()
    severities: tuple[tuple[str, Severity], ...] = ()
    disable: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: Severity | None = None
    baseline: str | None = None

    @property
    def root(self) -> Path | None:
        """The folder that relative paths and file patterns in the config start from."""
        return None if self.path is None else self.path.parent


def _lint_table(path: Path, document: Mapping[str, Any]) -> Mapping[str, Any] | None:
    if path.name == "pyproject.toml":
        tool = document.get("tool", {})
        section = tool.get("tmtool") if isinstance(tool, Mapping) else None
        if section is None:
            return None
        if not isinstance(section, Mapping):
            raise ConfigError(f"{path}: [tool.tmtool] must be a table")
        unknown = sorted(set(section) - {"lint"})
        if unknown:
            raise ConfigError(f"{path}: unknown key 'tool.tmtool.{unknown[0]}' (tmtool reads [tool.tmtool.lint])")
        table = section.get("lint", {})
        where = "tool.tmtool.lint"
    else:
        table = document.get("lint", {})
        where = "lint"
    if not isinstance(table, Mapping):
        raise ConfigError(f"{path}: [{where}] must be a table")
    return {f"{where}.{key}": value for key, value in table.items()}


def find_config(start: Path) -> Path | None:
    """The config file that applies in `start`: the nearest folder upwards with a
    `.tmtool.toml`, or a `pyproject.toml` that has a `[tool.tmtool]` table."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and _lint_table(candidate, _read_toml(candidate)) is None:
                continue
            return candidate
    return None


def _read_toml(path: Path) -> Mapping[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc.strerror})") from None


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ConfigError(f"{path}: '{key}' must be a string or a list of strings")


def _severity(path: Path, key: str, value: Any) -> Severity:
    problem = f"{path}: '{key}' must be info, warning or error, not {value!r}"
    if not isinstance(value, str):
        raise ConfigError(problem)
    try:
        return Severity.parse(value)
    except ValueError:
        raise ConfigError(problem) from None


def load_config(path: Path) -> LintConfig:
    """Read one config file (its lint table may be absent: then every setting is empty)."""
    table = _lint_table(path, _read_toml(path)) or {}
    values: dict[str, Any] = {}
    for dotted, value in table.items():
        key = dotted.rsplit(".", 1)[-1]
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key '{dotted}' (known: {', '.join(KEYS)})")
        values[key] = (dotted, value)

    def strings(key: str) -> tuple[str, ...]:
        return _strings(path, *values[key]) if key in values else ()

    severities: list[tuple[str, Severity]] = []
    if "severity" in values:
        dotted, table_value = values["severity"]
        if not isinstance(table_value, Mapping):
            raise ConfigError(f"{path}: '{dotted}' must be a table of rule = \"level\"")
        for rule, level in sorted(table_value.items()):
            severities.append((rule, _severity(path, f"{dotted}.{rule}", level)))
    fail_on = _severity(path, *values["fail-on"]) if "fail-on" in values else None
    baseline = None
    if "baseline" in values:
        (baseline,) = _strings(path, *values["baseline"])[:1] or ("",)
    return LintConfig(
        path=path,
        glossaries=tuple(_near(path, g) for g in strings("glossary")),
        severities=tuple(severities),
        disable=strings("disable"),
        enable=strings("enable"),
        include=strings("include"),
        exclude=strings("exclude"),
        fail_on=fail_on,
        baseline=_near(path, baseline) if baseline else None,
    )


def _near(config: Path, relative: str) -> str:
    """A path from the config file, as short as the current folder allows."""
    full = os.path.normpath(config.parent / relative)
    try:
        return os.path.relpath(full)
    except ValueError:  # another drive (Windows)
        return full


def discover_config(start: Path | None = None, *, explicit: Path | None = None) -> LintConfig:
    """The config named by `--config`, else the one found from `start` upwards, else empty."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: no such config file")
        return load_config(explicit)
    found = find_config((start or Path.cwd()).resolve())
    return load_config(found) if found is not None else LintConfig()
