"""`tmtool tmx filter` and `tmtool tmx split`: exit codes, exact summaries, no partial output."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tmtool.cli import cli
from tmtool.formats.tmx import read_tmx

CLIENT = Path(__file__).parent / "data" / "convert" / "client.tmx"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["tmx", *args])
    return result.exit_code, result.stdout, result.stderr


def test_filter_reports_what_it_kept_and_why_it_dropped(tmp_path: Path) -> None:
    out = tmp_path / "client.tmx"
    code, stdout, stderr = _run("filter", str(CLIENT), "-o", str(out), "--locale", "uk-UA",
                                "--locale", "en-GB", "--since", "2025-01-01")
    assert (code, stdout) == (0, "")
    assert stderr == "kept 2 of 4 units (dropped 1 by date, 1 by locale)\n"
    with open(out, "rb") as stream:
        assert [u.tuid for u in read_tmx(stream, name="out")] == ["new", "variant-dated"]


def test_filter_by_prop_score_and_ratio(tmp_path: Path) -> None:
    code, _, stderr = _run("filter", str(CLIENT), "-o", str(tmp_path / "a.tmx"),
                           "--prop", "x-document=interview.md", "--min-score", "0.5",
                           "--max-length-ratio", "3")
    assert (code, stderr) == (0, "kept 1 of 4 units (dropped 3 by prop)\n")


def test_filter_to_stdout_quietly() -> None:
    code, stdout, stderr = _run("filter", str(CLIENT), "-o", "-", "--min-score", "0.9", "-q")
    assert (code, stderr) == (0, "")
    assert stdout.count("<tu ") == 1 and 'tuid="old"' in stdout


def test_filter_refuses_bad_values(tmp_path: Path) -> None:
    code, _, stderr = _run("filter", str(CLIENT), "-o", str(tmp_path / "a.tmx"), "--prop", "nope")
    assert (code, stderr) == (2, ("tmtool: error: --prop 'nope': write TYPE=VALUE, "
                                  "e.g. x-document=contract.txt\n"))
    code, _, stderr = _run("filter", str(CLIENT), "-o", str(tmp_path / "a.tmx"), "--since", "May")
    assert code == 2 and stderr.startswith("tmtool: error: date 'May' is not")
    assert list(tmp_path.iterdir()) == []


def test_filter_of_broken_tmx_is_exit_2_with_line_and_no_output(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tmx"
    broken.write_text('<tmx version="1.4">\n<header srclang="uk-UA"/>\n<body>\n<tu>\n',
                      encoding="utf-8")
    code, _, stderr = _run("filter", str(broken), "-o", str(tmp_path / "out.tmx"))
    assert code == 2
    assert stderr.startswith(f"tmtool: error: {broken}:5: not well-formed XML")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.tmx"]


def test_split_by_locale_lists_the_files(tmp_path: Path) -> None:
    pattern = str(tmp_path / "tm-{locale}.tmx")
    code, stdout, stderr = _run("split", str(CLIENT), "-o", pattern, "--by-locale")
    assert (code, stdout) == (0, "")
    assert stderr == "".join(f"{tmp_path}/tm-{loc}.tmx: {n}\n"
                             for loc, n in (("en-GB", "3 units"), ("de-DE", "2 units"), ("en-US", "1 unit")))


def test_split_by_units_and_its_errors(tmp_path: Path) -> None:
    code, _, stderr = _run("split", str(CLIENT), "-o", str(tmp_path / "p-{n:02d}.tmx"),
                           "--units", "2", "-q")
    assert (code, stderr) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p-01.tmx", "p-02.tmx"]
    code, _, stderr = _run("split", str(CLIENT), "-o", str(tmp_path / "x.tmx"), "--units", "2")
    assert (code, stderr) == (2, (f"tmtool: error: output pattern '{tmp_path}/x.tmx' needs "
                                  "{n} so each file gets its own name\n"))


@pytest.mark.parametrize(("option", "value"), [("--min-score", "1.5"), ("--max-length-ratio", "0.5")])
def test_filter_refuses_out_of_range_numbers(tmp_path: Path, option: str, value: str) -> None:
    code, _, stderr = _run("filter", str(CLIENT), "-o", str(tmp_path / "out.tmx"), option, value)
    assert code == 2
    assert f"Invalid value for '{option}'" in stderr
    assert not (tmp_path / "out.tmx").exists()
