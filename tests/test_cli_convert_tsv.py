"""`tmtool convert` with TSV on either side: one line is one unit, whatever quotes it holds."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmtool.cli import cli
from tmtool.formats.tmx import read_tmx

SPEECH = Path(__file__).parent / "data" / "tabular" / "speech-110.tsv"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(SPEECH, tmp_path / "speech.tsv")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735732800")
    return tmp_path


def _convert(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["convert", *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_speech_of_110_lines_becomes_110_units(work: Path) -> None:
    assert _convert("speech.tsv", "-o", "speech.tmx") == (0, "", "tsv -> tmx: wrote 110\n")
    with open(work / "speech.tmx", "rb") as stream:
        units = list(read_tmx(stream, name="speech.tmx"))
    lines = SPEECH.read_text(encoding="utf-8").splitlines()[1:]
    assert [f"{u.variant('uk-UA').text}\t{u.variant('en-GB').text}" for u in units] == lines  # type: ignore[union-attr]


def test_tsv_to_tmx_to_tsv_gives_back_the_same_bytes(work: Path) -> None:
    assert _convert("speech.tsv", "-o", "speech.tmx")[0] == 0
    assert _convert("speech.tmx", "-o", "again.tsv") == (0, "", "tmx -> tsv: wrote 110\n")
    assert (work / "again.tsv").read_bytes() == SPEECH.read_bytes()


def test_tab_and_line_break_inside_a_segment_are_escaped_never_split(work: Path) -> None:
    (work / "m.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
        'creationtoolversion="1" segtype="paragraph" o-tmf="t" adminlang="en-US" srclang="uk-UA" '
        'datatype="plaintext"/><body>\n<tu><tuv xml:lang="uk-UA"><seg>Рядок\tз табуляцією\n'
        'і другий \\ рядок</seg></tuv><tuv xml:lang="en-GB"><seg>"A line\twith a tab\nand a '
        'second \\ line</seg></tuv></tu>\n</body></tmx>\n', encoding="utf-8")
    assert _convert("m.tmx", "-o", "m.tsv") == (0, "", "tmx -> tsv: wrote 1\n")
    assert (work / "m.tsv").read_text(encoding="utf-8") == (
        "uk-UA\ten-GB\nРядок\\tз табуляцією\\nі другий \\\\ рядок\t"
        '"A line\\twith a tab\\nand a second \\\\ line\n')
