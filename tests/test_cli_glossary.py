"""`tmtool glossary check`: exit 0 for valid glossaries, 2 with FILE:LINE for bad ones."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tmtool.cli import cli

DATA = Path(__file__).parent / "data" / "glossary"


def test_valid_glossary_exits_zero() -> None:
    result = CliRunner().invoke(cli, ["glossary", "check", "-q", str(DATA / "rules.csv")])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_summary_on_stderr() -> None:
    result = CliRunner().invoke(cli, ["glossary", "check", str(DATA / "dir_a")])
    assert result.exit_code == 0
    assert result.stderr.endswith("3 entries in 2 file(s): ok\n")


def test_duplicate_id_exits_two_with_one_line() -> None:
    result = CliRunner().invoke(cli, ["glossary", "check", str(DATA / "dir_dup")])
    first, second = DATA / "dir_dup" / "a.csv", DATA / "dir_dup" / "b.csv"
    assert result.exit_code == 2
    assert result.stderr == (
        f"tmtool: error: {second}:3: duplicate id 'place.kyiv' (first defined at {first}:2)\n"
    )
    assert result.stdout == ""


def test_unknown_column_exits_two(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("id,type,uk,en,colour\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "check", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"tmtool: error: {path}:1: unknown column 'colour'")


def test_shipped_glossaries_pass(project_dir: Path) -> None:
    folder = project_dir / "glossaries"
    if not any(folder.glob("*.csv")):
        pytest.skip("glossaries/ not written yet")
    result = CliRunner().invoke(cli, ["glossary", "check", "-q", str(folder)])
    assert (result.exit_code, result.stderr) == (0, "")


def test_help_has_an_example() -> None:
    for args in (["glossary", "--help"], ["glossary", "check", "--help"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0 and "Example:" in result.stdout


def test_forms_lists_generated_forms_for_review() -> None:
    result = CliRunner().invoke(
        cli, ["glossary", "forms", str(DATA / "rules.csv"), "--id", "place.aktau"]
    )
    assert (result.exit_code, result.stdout) == (0, "place.aktau\tАктау\tактау\n")


def test_forms_of_an_inflected_name_include_oblique_cases() -> None:
    result = CliRunner().invoke(
        cli, ["glossary", "forms", str(DATA / "rules.csv"), "--id", "place.kyiv"]
    )
    assert result.exit_code == 0
    [line] = result.stdout.splitlines()
    term_id, form, words = line.split("\t")
    assert (term_id, form) == ("place.kyiv", "Київ")
    assert {"києва", "києві", "київ"} <= set(words.split(" | "))
