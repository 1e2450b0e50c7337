"""`align --format tsv|json`: the TSV is the dialect `convert` reads (quotes, tabs and
backslashes survive, the score travels as a named column), and the JSON ladder carries each
bead's segment texts beside their indices (golden file for the sample interview)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.golden import assert_golden
from tests.test_align_beads import make_pair
from tmtool.cli import cli
from tmtool.formats.tabular import read_tabular
from tmtool.formats.tmx import read_tmx

# An official English that opens quotations at the start of lines and closes them lines
# later (as multi-paragraph quotations do), plus a tab and a backslash inside segments.
UK = ["Він сказав: «Так».", "«Ми вистоїмо.", "Ми відбудуємо кожне місто».",
      "Шлях C:\\Users\\olena залишився.", "Таблиця:\tдва стовпці."]
EN = ['"Yes," he said.', '"We will endure.', '"We will rebuild every city."',
      "The path C:\\Users\\olena remained.", "Table:\ttwo columns."]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def quotes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.txt").write_text("\n".join(UK) + "\n", encoding="utf-8")
    (tmp_path / "e.txt").write_text("\n".join(EN) + "\n", encoding="utf-8")
    return tmp_path


def test_tsv_keeps_one_line_per_pair_and_reads_back_exactly(quotes: Path) -> None:
    assert run("align", "--presegmented", "-q", "s.txt", "e.txt", "-o", "pairs.tsv") == (0, "", "")
    lines = (quotes / "pairs.tsv").read_text(encoding="utf-8").split("\n")
    assert lines[0] == "uk-UA\ten-GB\tscore" and lines[-1] == "" and len(lines) == 2 + len(UK)
    assert lines[5].startswith("Таблиця:\\tдва стовпці.\tTable:\\ttwo columns.\t")
    units = list(read_tabular(quotes / "pairs.tsv"))
    assert [(u.variants[0].text, u.variants[1].text) for u in units] == list(zip(UK, EN))
    assert all(0.0 <= float(u.prop("x-tmtool-score") or "x") <= 1.0 for u in units)


def test_convert_takes_the_aligner_tsv_with_its_score_column(quotes: Path) -> None:
    run("align", "--presegmented", "-q", "s.txt", "e.txt", "-o", "pairs.tsv")
    scores = [line.split("\t")[2] for line in
              (quotes / "pairs.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    assert run("convert", "pairs.tsv", "-o", "pairs.tmx") == (0, "", "tsv -> tmx: wrote 5\n")
    with open(quotes / "pairs.tmx", "rb") as stream:
        units = list(read_tmx(stream, name="pairs.tmx"))
    assert [u.variant("en-GB").text for u in units] == EN  # type: ignore[union-attr]
    assert [u.prop("x-tmtool-score") for u in units] == scores
    assert run("tmx", "filter", "pairs.tmx", "-o", "sure.tmx", "--min-score", "0", "-q")[0] == 0


def test_json_beads_carry_their_segment_texts(quotes: Path) -> None:
    assert run("align", "--presegmented", "-q", "s.txt", "e.txt", "-o", "l.json") == (0, "", "")
    beads = json.loads((quotes / "l.json").read_text(encoding="utf-8"))["beads"]
    assert [list(b) for b in beads] == [["src", "tgt", "score", "src_text", "tgt_text"]] * 5
    assert [(b["src"], b["tgt"]) for b in beads] == [([i], [i]) for i in range(5)]
    assert [(b["src_text"], b["tgt_text"]) for b in beads] == [([u], [e]) for u, e in zip(UK, EN)]


def test_json_of_a_deletion_has_an_empty_text_list(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    uk, en = make_pair(11, 30)
    del en[12]  # a 1-0 bead at source line 12
    (tmp_path / "s.txt").write_text("\n".join(uk) + "\n", encoding="utf-8")
    (tmp_path / "e.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    assert run("align", "--presegmented", "-q", "s.txt", "e.txt", "-o", "l.json")[0] == 0
    beads = json.loads((tmp_path / "l.json").read_text(encoding="utf-8"))["beads"]
    for bead in beads:
        assert bead["src_text"] == [uk[i] for i in bead["src"]]
        assert bead["tgt_text"] == [en[i] for i in bead["tgt"]]
    assert {"src": [12], "tgt": [], "score": 0.0, "src_text": [uk[12]], "tgt_text": []} in beads


def test_sample_interview_json_matches_the_golden_file(
    project_dir: Path, update_golden: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if not (project_dir / "sources" / "interview.uk.md").exists():
        pytest.skip("the sample corpus is absent")
    monkeypatch.chdir(project_dir)  # relative paths: the settings in the JSON name them
    out = tmp_path / "interview.json"
    code, _, err = run("align", "sources/interview.uk.md", "sources/interview.en.md",
                       "--glossary", "glossaries", "-q", "-o", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    document = json.loads(text)
    assert document["tmtool"]  # the version is part of the golden file; refresh on release
    assert all(len(b["src_text"]) == len(b["src"]) for b in document["beads"])
    assert_golden(project_dir / "tests" / "golden" / "align" / "sample" / "interview.json", text,
                  update_golden)
