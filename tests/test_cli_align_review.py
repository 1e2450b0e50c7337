"""`tmtool align -o page.html` and `tmtool align --apply LOG` end to end (no browser): exact
exit codes and messages, nothing written after a failure, every output format, confirmed units
marked, and `tmx filter --confirmed-only`."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.review_docs import GOLD_FIX, confirmed, rejected, sha256, write_log, write_pair
from tmtool.cli import cli
from tmtool.formats.tmx import read_tmx


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    return write_pair(tmp_path)


def page_data(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', text, re.DOTALL)
    assert match is not None
    data = json.loads(match.group(1))
    assert isinstance(data, dict)
    return data


def test_html_from_the_suffix_is_a_review_page(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    code, stdout, err = run("align", "--presegmented", str(pair[0]), str(pair[1]), "-o", str(out))
    assert (code, stdout) == (0, "")
    assert err.startswith(f"{out}: 4 of 12 rows to review (score below 0.90, or not 1-1)\n")
    assert err.endswith("12 pairs written to " + str(out) + "\n")
    data = page_data(out)
    assert data["name"] == "review"
    assert data["src"]["sha256"] == sha256(pair[0])  # type: ignore[index]
    assert len(data["beads"]) == 12  # type: ignore[arg-type]


def test_format_html_wins_over_the_suffix(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "page.out"
    code, _, err = run("align", "--presegmented", "-q", "--format", "html", str(pair[0]), str(pair[1]),
                       "-o", str(out))
    assert (code, err) == (0, "")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("args", "message"), [
    (["--pairs", "m.tsv", "-o", "x.html"], "--format html takes one document pair (SRC TGT), not --pairs"),
    (["-", "t.txt", "-o", "x.html"], "--format html records the inputs' SHA-256: name files, not '-'"),
    (["s.txt", "t.txt", "--apply", "-", "-o", "x.tmx"],
     "--apply records the inputs' SHA-256: name files, not '-'"),
])
def test_review_refuses_what_it_cannot_take(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("align", *args) == (2, "", f"tmtool: error: {message}\n")
    assert list(tmp_path.iterdir()) == []


def test_apply_refuses_a_log_for_other_files(pair: tuple[Path, Path], tmp_path: Path) -> None:
    log = write_log(tmp_path / "r.review.json", pair[0], pair[1], confirmed(*GOLD_FIX))
    pair[0].write_text(pair[0].read_text(encoding="utf-8").replace(".", "!", 1), encoding="utf-8")
    out = tmp_path / "out.tmx"
    before = set(tmp_path.iterdir())
    code, stdout, err = run("align", "--presegmented", str(pair[0]), str(pair[1]), "--apply", str(log),
                            "-o", str(out))
    assert (code, stdout) == (2, "")
    assert err == (f"tmtool: error: {log}: src_sha256 does not match {pair[0]} (the log was made for "
                   "other input files; review these files again)\n")
    assert set(tmp_path.iterdir()) == before


def test_apply_refuses_a_malformed_log(pair: tuple[Path, Path], tmp_path: Path) -> None:
    log = write_log(tmp_path / "r.review.json", pair[0], pair[1], [{"src": [8], "tgt": [7]}])
    out = tmp_path / "out.tmx"
    code, _, err = run("align", "--presegmented", str(pair[0]), str(pair[1]), "--apply", str(log), "-o", str(out))
    assert code == 2
    assert err == (f'tmtool: error: {log}: decisions[0]: "status" must be "confirmed" or "rejected", '
                   "not null\n")
    assert not out.exists()


def test_apply_reports_decisions_that_leave_no_alignment(pair: tuple[Path, Path], tmp_path: Path) -> None:
    log = write_log(tmp_path / "r.json", pair[0], pair[1],
                    confirmed(([9], [8]), ([11], [9])) + rejected(([10], [])))
    code, _, err = run("align", "--presegmented", str(pair[0]), str(pair[1]), "--apply", str(log),
                       "-o", str(tmp_path / "o.tmx"))
    assert (code, err) == (2, (f"tmtool: error: {log}: the decisions leave no way to align source segment "
                               "10 with no target segment; drop a rejection there\n"))


def test_apply_will_not_overwrite_the_log(pair: tuple[Path, Path], tmp_path: Path) -> None:
    log = write_log(tmp_path / "r.json", pair[0], pair[1], [])
    code, _, err = run("align", "--presegmented", str(pair[0]), str(pair[1]), "--apply", str(log), "-o", str(log))
    assert (code, err) == (2, f"tmtool: error: {log}: refusing to overwrite an input file; choose another -o\n")


def test_apply_writes_tmx_with_confirmed_units_marked(pair: tuple[Path, Path], tmp_path: Path) -> None:
    log = write_log(tmp_path / "r.json", pair[0], pair[1], confirmed(*GOLD_FIX) + rejected(([12], [10])))
    out = tmp_path / "out.tmx"
    code, _, err = run("align", "--presegmented", str(pair[0]), str(pair[1]), "--apply", str(log), "-o", str(out))
    assert code == 0, err
    assert err.startswith(f"{log}: 3 confirmed and 1 rejected beads applied\n")
    with open(out, "rb") as stream:
        units = list(read_tmx(stream, name=str(out)))
    lines = pair[0].read_text(encoding="utf-8").splitlines()
    targets = pair[1].read_text(encoding="utf-8").splitlines()
    marked = [(u.variants[0].text, u.variants[1].text, u.prop("x-tmtool-score")) for u in units
              if u.prop("x-tmtool-status") == "confirmed"]
    assert marked == [(lines[8], targets[7], "1.0000"), (lines[9], targets[8], "1.0000")]
    assert all(u.prop("x-tmtool-score") is None for u in units if u.prop("x-tmtool-status") is None)
    assert (lines[12], targets[10]) not in [(u.variants[0].text, u.variants[1].text) for u in units]

    kept = tmp_path / "kept.tmx"
    code, _, err = run("tmx", "filter", str(out), "-o", str(kept), "--confirmed-only")
    assert (code, err) == (0, "kept 2 of 11 units (dropped 9 by status)\n")
    with open(kept, "rb") as stream:
        assert [u.variants[0].text for u in read_tmx(stream, name=str(kept))] == [lines[8], lines[9]]


def test_apply_writes_every_format(pair: tuple[Path, Path], tmp_path: Path) -> None:
    log = write_log(tmp_path / "r.json", pair[0], pair[1], confirmed(*GOLD_FIX) + rejected(([12], [10])))
    outputs = {fmt: tmp_path / f"out.{fmt}" for fmt in ("json", "tsv", "html")}
    for out in outputs.values():
        code, _, err = run("align", "--presegmented", "-q", str(pair[0]), str(pair[1]), "--apply", str(log),
                           "-o", str(out))
        assert (code, err) == (0, "")
    beads = json.loads(outputs["json"].read_text(encoding="utf-8"))["beads"]
    assert [{key: b[key] for key in ("src", "tgt", "score")} for b in beads if b["score"] == 1.0] == [
        {"src": [8], "tgt": [7], "score": 1.0}, {"src": [9], "tgt": [8], "score": 1.0},
        {"src": [10], "tgt": [], "score": 1.0}]
    assert [(b["src"], b["tgt"]) for b in beads if b.get("status") == "confirmed"] == [  # the person's 1.0
        ([8], [7]), ([9], [8]), ([10], [])]
    assert {tuple(b) for b in beads if "status" in b} == {("src", "tgt", "score", "src_text", "tgt_text", "status")}
    assert {"src": [12], "tgt": [10]} not in [{"src": b["src"], "tgt": b["tgt"]} for b in beads]
    assert sum(line.endswith("\t1.0000") for line in outputs["tsv"].read_text(encoding="utf-8").splitlines()) == 2
    data = page_data(outputs["html"])
    assert [b[:2] for b in data["beads"] if b[3] == "c"] == [[[8], [7]], [[9], [8]], [[10], []]]  # type: ignore[union-attr,index]
    assert data["rejected"] == [[[12], [10]]]


def test_apply_keeps_the_plain_alignment_when_the_log_is_empty(pair: tuple[Path, Path], tmp_path: Path) -> None:
    log = write_log(tmp_path / "r.json", pair[0], pair[1], [])
    plain, applied = tmp_path / "plain.json", tmp_path / "applied.json"
    assert run("align", "--presegmented", "-q", str(pair[0]), str(pair[1]), "-o", str(plain))[0] == 0
    assert run("align", "--presegmented", "-q", str(pair[0]), str(pair[1]), "--apply", str(log),
               "-o", str(applied))[0] == 0
    assert applied.read_text(encoding="utf-8") == plain.read_text(encoding="utf-8")
