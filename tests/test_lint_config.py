"""`[tool.tmtool.lint]` / `.tmtool.toml` discovery and validation."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tmtool.errors import ConfigError
from tmtool.findings import Severity
from tmtool.lint.config import LintConfig, discover_config, find_config, load_config

FULL = """
[tool.tmtool.lint]
glossary = ["glossaries", "extra/terms.csv"]
severity = { near-miss = "error", translit = "warning" }
disable = ["inconsistent"]
enable = ["translit"]
include = ["sources/*.md"]
exclude = ["sources/old"]
fail-on = "warning"
baseline = ".tmtool-baseline.json"
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table_is_read_with_paths_relative_to_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_file = write(tmp_path / "pyproject.toml", FULL)
    work = tmp_path / "sources"
    work.mkdir()
    monkeypatch.chdir(work)
    config = discover_config()
    assert config.path == config_file.resolve()
    assert config.glossaries == (os.path.join("..", "glossaries"), os.path.join("..", "extra", "terms.csv"))
    assert config.severities == (("near-miss", Severity.ERROR), ("translit", Severity.WARNING))
    assert config.disable == ("inconsistent",) and config.enable == ("translit",)
    assert config.include == ("sources/*.md",) and config.exclude == ("sources/old",)
    assert config.fail_on is Severity.WARNING
    assert config.baseline == os.path.join("..", ".tmtool-baseline.json")
    assert config.root == config_file.resolve().parent


def test_tmtool_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", FULL)
    dotfile = write(tmp_path / ".tmtool.toml", '[lint]\nglossary = "g.csv"\n')
    assert find_config(tmp_path) == dotfile


def test_pyproject_without_a_tmtool_table_is_passed_over(tmp_path: Path) -> None:
    outer = write(tmp_path / ".tmtool.toml", '[lint]\nfail-on = "info"\n')
    write(tmp_path / "pkg" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path / "pkg") == outer


def test_config_without_a_lint_table_gives_empty_settings(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / ".tmtool.toml", "# nothing\n"))
    assert config == LintConfig(path=tmp_path / ".tmtool.toml")


@pytest.mark.parametrize(("text", "message"), [
    ('[tool.tmtool.lint]\nglosary = "g"\n', "unknown key 'tool.tmtool.lint.glosary'"),
    ('[tool.tmtool]\nlnt = 1\n', "unknown key 'tool.tmtool.lnt'"),
    ('[tool.tmtool.lint]\nfail-on = "fatal"\n', "'tool.tmtool.lint.fail-on' must be info, warning or error"),
    ('[tool.tmtool.lint]\ndisable = "near-miss, x"\ninclude = [1]\n', "'tool.tmtool.lint.include' must be a string or a list"),
    ('[tool.tmtool.lint]\nseverity = "error"\n', "must be a table of rule"),
    ('[tool.tmtool.lint]\nseverity = { near-miss = "loud" }\n', "'tool.tmtool.lint.severity.near-miss' must be"),
    ("[tool.tmtool.lint\n", "invalid TOML"),
])
def test_bad_config_names_the_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_unknown_key_in_tmtool_toml_is_named_with_its_table(tmp_path: Path) -> None:
    path = write(tmp_path / ".tmtool.toml", '[lint]\nfail_on = "error"\n')
    with pytest.raises(ConfigError, match=r"unknown key 'lint\.fail_on'"):
        load_config(path)


def test_explicit_config_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        discover_config(explicit=tmp_path / "missing.toml")
