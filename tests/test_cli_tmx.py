"""`tmtool tmx stats|validate|merge` through click: exit codes, exact output, no stray files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmtool.cli import cli

DATA = Path(__file__).parent / "data" / "tmx"

BAD_INPUTS = {
    "not-xml.tmx": "not-xml.tmx:1: not well-formed XML: Start tag expected, '<' not found",
    "truncated.tmx": "truncated.tmx:17: not well-formed XML: Premature end of data in tag body line 10",
    "wrong-root.tmx": "wrong-root.tmx:2: root element is <html>, not <tmx>",
    "missing-seg.tmx": 'missing-seg.tmx:7: <tuv xml:lang="en-GB"> has no <seg>',
    "unknown-encoding.tmx": "unknown-encoding.tmx:1: not well-formed XML: Unsupported encoding: x-klingon",
    "external-entity.tmx": "external-entity.tmx:1: the DOCTYPE declares entities, which tmtool refuses to expand",
    "billion-laughs.tmx": "billion-laughs.tmx:1: the DOCTYPE declares entities, which tmtool refuses to expand",
    "forbidden-char.tmx": "forbidden-char.tmx:14: not well-formed XML: PCDATA invalid Char value 1",
}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for fixture in DATA.glob("*.tmx"):
        shutil.copy(fixture, tmp_path / fixture.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735732800")  # 2025-01-01T12:00:00Z
    return tmp_path


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["tmx", *args])


def _write_valid(path: Path, units: list[tuple[str, str]]) -> None:
    tus = "".join(
        f'<tu tuid="{n}"><tuv xml:lang="uk-UA"><seg>{uk}</seg></tuv><tuv xml:lang="en-GB"><seg>{en}</seg></tuv></tu>\n'
        for n, (uk, en) in enumerate(units)
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="t" '
        'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en-US" srclang="uk-UA" '
        f'datatype="plaintext"/>\n<body>\n{tus}</body>\n</tmx>\n',
        encoding="utf-8",
    )


# --- merge -------------------------------------------------------------------------


@pytest.mark.parametrize("bad", sorted(BAD_INPUTS))
def test_merge_with_a_bad_input_names_file_and_line_and_leaves_no_output(
    workdir: Path, bad: str
) -> None:
    before = sorted(p.name for p in workdir.iterdir())
    result = _run("merge", "basic.tmx", bad, "-o", "out.tmx")
    assert result.exit_code == 2
    assert result.stderr == f"tmtool: error: {BAD_INPUTS[bad]}\n"
    assert result.stdout == ""
    assert sorted(p.name for p in workdir.iterdir()) == before


def test_merge_writes_the_merged_memory_and_a_summary(workdir: Path) -> None:
    _write_valid(workdir / "a.tmx", [("Так.", "Yes."), ("Ні.", "No.")])
    _write_valid(workdir / "b.tmx", [("Так.", "Yes."), ("Ні.", "Nope.")])
    result = _run("merge", "a.tmx", "b.tmx", "-o", "out.tmx", "--on-conflict", "keep-all")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        "merged 2 files: 4 units read, 3 written; 1 duplicate dropped, 1 conflict (keep-all), "
        "0 without the source language\n"
    )
    written = (workdir / "out.tmx").read_text(encoding="utf-8")
    assert 'srclang="uk-UA"' in written and 'creationdate="20250101T120000Z"' in written
    assert written.count("<tu ") == 3
    assert _run("validate", "out.tmx").exit_code == 0


def test_merge_refuses_to_overwrite_an_input(workdir: Path) -> None:
    before = (workdir / "basic.tmx").read_bytes()
    result = _run("merge", "basic.tmx", "tmx11-lang.tmx", "-o", "basic.tmx")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "tmtool: error: basic.tmx: refusing to overwrite an input file; choose another -o\n"
    )
    assert (workdir / "basic.tmx").read_bytes() == before


def test_merge_into_a_missing_folder_is_refused_before_reading(workdir: Path) -> None:
    result = _run("merge", "basic.tmx", "truncated.tmx", "-o", "out/all.tmx")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", "tmtool: error: out/all.tmx: folder out does not exist; create it first\n"
    )


def test_merge_requires_an_output(workdir: Path) -> None:
    result = _run("merge", "basic.tmx")
    assert result.exit_code == 2
    assert "Missing option '-o' / '--output'" in result.stderr


def test_merge_rejects_a_bad_src_lang(workdir: Path) -> None:
    result = _run("merge", "basic.tmx", "-o", "out.tmx", "--src-lang", "ua")
    assert result.exit_code == 2
    assert "'ua' is not a language code; use 'uk'" in result.stderr
    assert not (workdir / "out.tmx").exists()


def test_merge_warns_about_a_dropped_unit_on_stderr(workdir: Path) -> None:
    _write_valid(workdir / "a.tmx", [("Так.", "Yes."), ("Ні.", "  ")])
    result = _run("merge", "a.tmx", "-o", "out.tmx")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "tmtool: warning: 1 unit skipped: a segment is empty, which TMX cannot hold "
        "(first: unit 1 at a.tmx:6; --verbose lists every one)")
    assert result.stderr.splitlines()[1].endswith(
        "0 without the source language, 1 with an empty segment"
    )
    assert _run("merge", "a.tmx", "-o", "out2.tmx", "-q").stderr == ""


# --- validate ----------------------------------------------------------------------


def test_validate_a_valid_file_exits_0(workdir: Path) -> None:
    _write_valid(workdir / "a.tmx", [("Так.", "Yes.")])
    result = _run("validate", "a.tmx")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        "1 file: 0 errors, 0 warnings\n",
    )


def test_validate_prints_each_problem_on_its_own_line_and_exits_1(workdir: Path) -> None:
    _write_valid(workdir / "a.tmx", [("Так.", "Yes."), ('<bpt i="1"/>Ні.', "No.")])
    (workdir / "a.tmx").write_text((workdir / "a.tmx").read_text().replace('"en-GB"', '"en_GB"', 1))
    result = _run("validate", "a.tmx")
    assert result.exit_code == 1
    assert result.stdout == (
        "a.tmx:5:1: error: xml:lang: locale 'en_GB' uses '_'; write 'en-GB' [tmx-locale] (unit 0)\n"
        'a.tmx:6:1: error: <bpt i="1"> without its <ept> [tmx-inline-pairing] (unit 1)\n'
    )
    assert result.stderr == "1 file: 2 errors, 0 warnings\n"


def test_validate_warnings_alone_keep_exit_0(workdir: Path) -> None:
    _write_valid(workdir / "a.tmx", [("Так.", "Yes."), ("я" * 2001, "No.")])
    result = _run("validate", "a.tmx")
    assert result.exit_code == 0
    assert (
        result.stdout
        == "a.tmx:6:1: warning: segment of 2,001 characters (over 2,000) [tmx-long-seg] (unit 1)\n"
    )


@pytest.mark.parametrize("bad", sorted(set(BAD_INPUTS) - {"missing-seg.tmx", "forbidden-char.tmx"}))
def test_validate_an_unreadable_file_exits_2_with_one_line(workdir: Path, bad: str) -> None:
    result = _run("validate", "-q", bad)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"tmtool: error: {BAD_INPUTS[bad]}\n"


def test_validate_reports_forbidden_characters_and_missing_seg_as_problems(workdir: Path) -> None:
    result = _run("validate", "-q", "forbidden-char.tmx", "missing-seg.tmx")
    assert result.exit_code == 1
    assert result.stdout == (
        "forbidden-char.tmx:14:38: error: U+0001 is forbidden in XML 1.0 (checking stopped here) [tmx-forbidden-char]\n"
        "missing-seg.tmx:7:1: error: <tuv> has no <seg> [tmx-structure] (unit 1)\n"
    )


def test_validate_json_output_lists_findings_and_a_summary(workdir: Path) -> None:
    result = _run("validate", "--format", "json", "basic.tmx", "missing.tmx")
    assert result.exit_code == 2
    assert result.stderr == "tmtool: error: missing.tmx: no such file\n"
    document = json.loads(result.stdout)
    assert [(f["rule"], f["line"]) for f in document["findings"]] == [("tmx-date", 11)]
    assert document["summary"] == {
        "files": 2,
        "errors": 1,
        "warnings": 0,
        "unreadable": ["missing.tmx: no such file"],
    }


# --- stats -------------------------------------------------------------------------


def test_stats_prints_counts_per_file(workdir: Path) -> None:
    result = _run("stats", "basic.tmx", "tmx11-lang.tmx")
    assert result.exit_code == 0
    assert result.stdout == (
        "basic.tmx: 3 units, srclang uk-UA\n"
        "  locales: en-GB 3, uk-UA 3\n"
        "  duplicates: 0, conflicts: 0, empty segments: 0, over 2,000 characters: 0\n"
        "tmx11-lang.tmx: 1 unit, srclang UK-UA\n"
        "  locales: EN-US 1, UK-UA 1\n"
        "  duplicates: 0, conflicts: 0, empty segments: 0, over 2,000 characters: 0\n"
    )


def test_stats_json_is_machine_readable(workdir: Path) -> None:
    _write_valid(
        workdir / "a.tmx", [("Так.", "Yes."), ("Так.", "Yes."), ("Так.", "Sure."), ("Ні.", " ")]
    )
    result = _run("stats", "--format", "json", "a.tmx")
    assert result.exit_code == 0
    (entry,) = json.loads(result.stdout)["files"]
    assert entry == {
        "path": "a.tmx",
        "src_lang": "uk-UA",
        "units": 4,
        "locales": {"en-GB": 4, "uk-UA": 4},
        "duplicates": 1,
        "conflicts": 1,
        "empty_segments": 1,
        "long_segments": 0,
    }


@pytest.mark.parametrize("bad", sorted(BAD_INPUTS))
def test_stats_on_a_bad_input_exits_2_with_one_line(workdir: Path, bad: str) -> None:
    result = _run("stats", bad)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"tmtool: error: {BAD_INPUTS[bad]}\n"
