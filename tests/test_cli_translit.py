"""`tmtool translit` prints only the KMU-55 romanization."""
from __future__ import annotations

from click.testing import CliRunner

from tmtool.cli import cli


def test_arguments_are_joined_and_romanized() -> None:
    result = CliRunner().invoke(cli, ["translit", "Кам'янське", "Зеленський"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Kamianske Zelenskyi\n", "")


def test_stdin_keeps_lines() -> None:
    result = CliRunner().invoke(cli, ["translit", "-"], input="Біла Церква\nЗгорани\n")
    assert (result.exit_code, result.stdout) == (0, "Bila Tserkva\nZghorany\n")


def test_glossary_spellings_are_not_applied() -> None:
    result = CliRunner().invoke(cli, ["translit", "Касим Кайсенов"])
    assert result.stdout == "Kasym Kaisenov\n"


def test_no_argument_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["translit"])
    assert result.exit_code == 2


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["translit", "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout
