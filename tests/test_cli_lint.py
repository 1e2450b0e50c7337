"""`tmtool lint` end to end: exit codes, exact output for seeded files, every format,
config, suppressions, baseline, stdin, and one-line errors."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tmtool.cli import cli

DATA = Path(__file__).parent / "data" / "lint"
FIXTURES = sorted(p.name for p in DATA.iterdir() if p.name.startswith(("clean.", "defects.")))
SEEDED = {
    "defects.md": [("forbidden-variant", 1, 16), ("forbidden-variant", 3, 1), ("near-miss", 3, 61),
                   ("historical-name", 6, 14)],
    # front matter title and description, the paragraph inside <Intro>, an admonition's title and a
    # sentence with code and a component around the word; none from imports, code, ids or shortcodes
    # a heading, a paragraph with bold and a character reference (&nbsp;) after the word, a
    # link's text, a list item; none from head, style, script, code, attributes or URLs
    "defects.html": [("forbidden-variant", 12, 29), ("forbidden-variant", 13, 6), ("forbidden-variant", 13, 63),
                     ("forbidden-variant", 14, 17), ("forbidden-variant", 15, 84), ("forbidden-variant", 17, 18)],
    "defects.mdx": [("forbidden-variant", 2, 27), ("forbidden-variant", 3, 43), ("forbidden-variant", 15, 1),
                    ("forbidden-variant", 19, 16), ("forbidden-variant", 33, 18)],
    "defects.txt": [("forbidden-variant", 1, 1), ("forbidden-variant", 3, 5), ("forbidden-variant", 3, 61)],
    "defects.tmx": [("forbidden-variant", 8, 34), ("missing-term", 11, 62), ("forbidden-variant", 12, 52)],
    "defects.po": [("forbidden-variant", 9, 9), ("forbidden-variant", 9, 27), ("forbidden-variant", 14, 28)],
    "defects.xlf": [("forbidden-variant", 8, 66), ("forbidden-variant", 8, 107)],
    # the second segment holds an inline code, so only its line is known
    "defects.xliff": [("forbidden-variant", 7, 41), ("forbidden-variant", 11, 1)],
}


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixtures as the current folder (so no outer config applies)."""
    for path in DATA.iterdir():
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def lint(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["lint", *args], input=stdin)


def findings_of(result: Result) -> list[tuple[str, int, int]]:
    return [(f["rule"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize("name", [n for n in FIXTURES if n.startswith("clean.")])
def test_clean_files_exit_zero_with_no_findings(work: Path, name: str) -> None:
    result = lint(name, "--glossary", "glossary.csv", "--fail-on", "info")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.endswith("no findings in 1 file\n")


@pytest.mark.parametrize("name", sorted(SEEDED))
def test_seeded_defects_are_found_in_every_input_format(work: Path, name: str) -> None:
    result = lint(name, "--glossary", "glossary.csv", "--format", "json")
    assert result.exit_code == 1, result.output
    assert findings_of(result) == SEEDED[name]


def test_text_output_is_compiler_lines_and_summary_on_stderr(work: Path) -> None:
    result = lint("defects.txt", "defects.tmx", "--glossary", "glossary.csv")
    assert result.exit_code == 1
    assert result.stdout == (
        "defects.tmx:8:34: error: 'Kasym Kaisenov' is a forbidden rendering of person.qaysenov; "
        "use 'Qasim Qaysenov' [forbidden-variant] (unit 1)\n"
        "defects.tmx:11:62: error: 'Кам’янському' (place.kamianske) has no approved rendering in "
        "the English text; expected 'Kamianske' [missing-term] (unit 2)\n"
        "defects.tmx:12:52: error: 'Kiev' is a forbidden rendering of place.kyiv; use 'Kyiv' "
        "[forbidden-variant] (unit 2)\n"
        "defects.txt:1:1: error: 'Kassym Kaisenov' is a forbidden rendering of person.qaysenov; "
        "use 'Qasim Qaysenov' [forbidden-variant]\n"
        "defects.txt:3:5: error: 'Extraordinary and Plenipotentiary Ambassador' is a forbidden "
        "rendering of title.ambassador_ep; use 'Ambassador Extraordinary and Plenipotentiary' "
        "[forbidden-variant]\n"
        "defects.txt:3:61: error: 'Kiev' is a forbidden rendering of place.kyiv; use 'Kyiv' "
        "[forbidden-variant]\n"
    )
    assert result.stderr == "6 findings (6 errors) in 2 files\n"


def test_inline_suppressions_are_counted_in_the_summary(work: Path) -> None:
    result = lint("defects.md", "--glossary", "glossary.csv")
    assert result.stderr == "4 findings (2 errors, 2 warnings) in 1 file; 3 suppressed inline\n"


def test_fail_on_and_exit_zero_decide_the_exit_code(work: Path) -> None:
    args = ("defects.md", "--glossary", "glossary.csv", "--disable", "forbidden-variant")
    assert lint(*args).exit_code == 0  # only warnings left, default --fail-on error
    assert lint(*args, "--fail-on", "warning").exit_code == 1
    assert lint("defects.md", "--glossary", "glossary.csv", "--exit-zero").exit_code == 0


def test_severity_override_changes_level_and_exit_code(work: Path) -> None:
    result = lint("defects.md", "--glossary", "glossary.csv", "--disable", "forbidden-variant",
                  "--severity", "near-miss=error", "--format", "json")
    assert result.exit_code == 1
    levels = {f["rule"]: f["severity"] for f in json.loads(result.stdout)["findings"]}
    assert levels == {"near-miss": "error", "historical-name": "warning"}


@pytest.mark.parametrize("report_format", ["text", "json", "sarif", "github", "junit"])
def test_every_format_writes_to_output_file_and_nothing_to_stdout(work: Path, report_format: str) -> None:
    result = lint("defects.po", "clean.po", "--glossary", "glossary.csv", "--format", report_format,
                  "-o", "report.out", "-q")
    assert result.exit_code == 1
    assert result.stdout == "" and result.stderr == ""
    text = (work / "report.out").read_text(encoding="utf-8")
    assert "defects.po" in text and "Kasym Kaisenov" in text


def test_machine_formats_print_no_summary(work: Path) -> None:
    for report_format in ("json", "sarif", "junit", "github"):
        result = lint("clean.md", "--glossary", "glossary.csv", "--format", report_format)
        assert result.exit_code == 0 and result.stderr == ""


def test_junit_lists_clean_files_as_passing_cases(work: Path) -> None:
    result = lint("clean.md", "defects.txt", "--glossary", "glossary.csv", "--format", "junit")
    assert '<testcase classname="clean.md" name="glossary"/>' in result.stdout
    assert result.stdout.count("<failure ") == 3


def test_github_format_appends_a_step_summary(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = work / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = lint("defects.txt", "--glossary", "glossary.csv", "--format", "github")
    assert result.stdout.startswith("::error file=defects.txt,line=1,col=1,endColumn=16,title=forbidden-variant::")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## tmtool lint\n\n3 findings (3 errors) in 1 file.\n")


def test_baseline_reports_only_new_findings(work: Path) -> None:
    written = lint("defects.txt", "--glossary", "glossary.csv", "--write-baseline", "base.json")
    assert written.exit_code == 0
    assert written.stderr.endswith("tmtool: wrote 3 findings to the baseline base.json\n")
    assert lint("defects.txt", "--glossary", "glossary.csv", "--baseline", "base.json").exit_code == 0
    text = (work / "defects.txt").read_text(encoding="utf-8")
    (work / "defects.txt").write_text("A new line in Kiyev.\n\n" + text, encoding="utf-8")
    result = lint("defects.txt", "--glossary", "glossary.csv", "--baseline", "base.json")
    assert result.exit_code == 1
    assert result.stdout == ("defects.txt:1:15: error: 'Kiyev' is a forbidden rendering of "
                             "place.kyiv; use 'Kyiv' [forbidden-variant]\n")
    assert result.stderr == "1 finding (1 error) in 1 file; 3 in the baseline\n"


def test_config_file_supplies_glossary_rules_and_fail_on(work: Path) -> None:
    (work / ".tmtool.toml").write_text(
        '[lint]\nglossary = "glossary.csv"\ndisable = ["forbidden-variant"]\nfail-on = "warning"\n',
        encoding="utf-8",
    )
    result = lint("defects.md", "--format", "json")
    assert result.exit_code == 1
    assert findings_of(result) == [("near-miss", 3, 61), ("historical-name", 6, 14)]
    assert lint("defects.md", "--enable", "forbidden-variant", "--format", "json").exit_code == 1
    assert len(findings_of(lint("defects.md", "--enable", "forbidden-variant", "--format", "json"))) == 4


def test_stdin_with_a_name_and_format(work: Path) -> None:
    data = (work / "defects.tmx").read_bytes()
    result = lint("-", "--stdin-name", "memory.tmx", "--glossary", "glossary.csv", "-q", stdin=data)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("memory.tmx:8:1: error: 'Kasym Kaisenov'")


def test_explain_prints_the_rule_documentation(work: Path) -> None:
    result = lint("--explain", "forbidden-variant")
    assert result.exit_code == 0
    assert result.stdout.startswith("forbidden-variant")


@pytest.mark.parametrize(("args", "stderr"), [
    (["defects.md", "--glossary", "missing.csv"],
     "tmtool: error: missing.csv: no such glossary file or folder\n"),
    (["nowhere.md", "--glossary", "glossary.csv"],
     "tmtool: error: nowhere.md: no such file or folder\n"),
    (["defects.md", "--glossary", "glossary.csv", "--disable", "no-such-rule"],
     "tmtool: error: --disable/--enable: unknown rule 'no-such-rule' (rules: {rules})\n"),
    (["defects.md", "--glossary", "glossary.csv", "--severity", "near-miss"],
     "tmtool: error: --severity 'near-miss': write RULE=LEVEL, e.g. near-miss=error\n"),
    (["defects.md"],
     "tmtool: error: no glossary: give --glossary DIR|FILE or set 'glossary' in [tool.tmtool.lint]\n"),
    (["defects.md", "--glossary", "glossary.csv", "--baseline", "defects.md"],
     "tmtool: error: defects.md:1: not a tmtool baseline (invalid JSON: Expecting value)\n"),
])
def test_usage_and_input_errors_are_one_line_and_exit_two(work: Path, args: list[str], stderr: str) -> None:
    from tmtool.lint.engine import rule_ids

    result = lint(*args)
    assert result.exit_code == 2
    assert result.stderr == stderr.replace("{rules}", ", ".join(rule_ids()))
    assert result.stdout == ""


def test_bad_glossary_row_names_file_and_line(work: Path) -> None:
    (work / "bad.csv").write_text("id,type,uk,en\nplace.kyiv,place,Київ,\n", encoding="utf-8")
    result = lint("clean.md", "--glossary", "bad.csv")
    assert result.exit_code == 2
    assert result.stderr.startswith("tmtool: error: bad.csv:2: ")
    assert result.stderr.count("\n") == 1


def test_bad_input_file_leaves_no_report_behind(work: Path) -> None:
    (work / "broken.xlf").write_text('<?xml version="1.0"?>\n<xliff version="1.2">\n<file>\n', encoding="utf-8")
    result = lint("clean.md", "broken.xlf", "--glossary", "glossary.csv", "-o", "report.sarif",
                  "--format", "sarif")
    assert result.exit_code == 2
    assert result.stderr.startswith("tmtool: error: broken.xlf:")
    assert result.stderr.count("\n") == 1
    assert not (work / "report.sarif").exists()


def test_no_path_is_a_usage_error(work: Path) -> None:
    result = lint("--glossary", "glossary.csv")
    assert result.exit_code == 2
    assert "give at least one PATH" in result.stderr


def test_shipped_sample_text_lints_clean_with_shipped_glossaries(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not (project_dir / "sources" / "interview.en.md").is_file():
        pytest.skip("the sample corpus is absent")
    monkeypatch.chdir(project_dir)
    result = lint("sources/interview.en.md", "--glossary", "glossaries/", "--fail-on", "info")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""


def test_shipped_sample_tmx_lints_clean(project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    if importlib.util.find_spec("tmtool.cli.align_cmd") is None:
        pytest.skip("tmtool align is not available yet")
    monkeypatch.chdir(project_dir)
    sample = str(tmp_path / "sample.tmx")
    aligned = CliRunner().invoke(cli, ["align", "sources/interview.uk.md", "sources/interview.en.md",
                                       "-o", sample])
    assert aligned.exit_code == 0, aligned.output
    result = lint(sample, "--glossary", "glossaries/")
    assert result.exit_code == 0, result.stdout


def test_folder_without_lintable_files_warns_but_passes(work: Path) -> None:
    (work / "empty").mkdir()
    result = lint("empty", "--glossary", "glossary.csv")
    assert result.exit_code == 0
    assert result.stderr == ("tmtool: warning: no files to lint (tmtool lint reads .md, .markdown, "
                             ".txt, .tmx, .po, .pot, .xlf and .xliff files)\nno findings in 0 files\n")


def test_config_patterns_are_relative_to_the_config_folder(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (work / "pyproject.toml").write_text(
        '[tool.tmtool.lint]\nglossary = "glossary.csv"\nexclude = ["docs/old"]\ninclude = ["*.md"]\n',
        encoding="utf-8",
    )
    (work / "docs" / "old").mkdir(parents=True)
    shutil.copy(work / "defects.md", work / "docs" / "old" / "defects.md")
    shutil.copy(work / "defects.md", work / "docs" / "new.md")
    shutil.copy(work / "defects.txt", work / "docs" / "new.txt")
    monkeypatch.chdir(work / "docs")
    result = lint(".", "--format", "json")
    assert {f["path"] for f in json.loads(result.stdout)["findings"]} == {"new.md"}
    assert json.loads(result.stdout)["summary"]["files"] == 1


def test_mdx_comment_suppresses_like_an_html_comment(work: Path) -> None:
    """MDX has no HTML comments (`<!-- -->` is a syntax error there): a Docusaurus page writes
    `{/* ... */}`, and its `tmtool: ignore` was not read, alone on its line or after the text."""
    (work / "trip.mdx").write_text(
        "---\ntitle: A trip\n---\n\nimport Tabs from '@theme/Tabs';\n\n"
        "{/* tmtool: ignore[forbidden-variant] */}\nOld maps say Kiev.\n\n"
        "The guide says Kiev. {/* tmtool: ignore */}\n\n"
        "## Leaving Kiev {/*leaving-kiev*/}\n", encoding="utf-8")
    result = lint("trip.mdx", "--glossary", "glossary.csv", "--format", "json")
    assert findings_of(result) == [("forbidden-variant", 12, 12)]
    assert result.stderr == ""
    result = lint("trip.mdx", "--glossary", "glossary.csv")
    assert result.stderr == "1 finding (1 error) in 1 file; 2 suppressed inline\n"


def test_html_page_on_one_line_in_windows_1251_points_at_its_words(work: Path) -> None:
    """An archived page as a CMS served it: declared windows-1251 (refused as "not UTF-8"
    before), all on one line with a <title> in its head (whose words, not linted, stood
    between the start and the first paragraph, so every finding reported 1:1)."""
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            '<title>Kiev</title><script>var city = "Kiev";</script></head><body>'
            "<p>«Поїздка»: from Kiev to Kamenskoye.</p></body></html>")
    (work / "news.html").write_bytes(page.encode("cp1251"))
    result = lint("news.html", "--glossary", "glossary.csv", "--format", "json")
    assert findings_of(result) == [("forbidden-variant", 1, page.index("Kiev to") + 1),
                                   ("forbidden-variant", 1, page.index("Kamenskoye") + 1)]


def test_front_matter_findings_point_at_the_word_in_markdown_and_html(work: Path) -> None:
    """A block-scalar description (`>-`, its text on the next lines) reported column 0 on the
    key's line; a title in an MDN-style HTML page's front matter reported column 1."""
    (work / "trip.md").write_text("---\ntitle: Trip\ndescription: >-\n  A long way from\n  Kiev "
                                  "to the sea\n---\n\nBody.\n", encoding="utf-8")
    (work / "map.html").write_text("---\ntitle: Kiev.prototype.map()\nslug: Web/Kiev/map\n---\n"
                                   "{{JSRef}}\n\n<p>The <code>map()</code> method.</p>\n", encoding="utf-8")
    result = lint("trip.md", "map.html", "--glossary", "glossary.csv", "--format", "json")
    assert [(f["path"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]] == [
        ("map.html", 2, 8), ("trip.md", 5, 3)]
