"""`tmtool segment`: sentences on stdout, SRX export, and one-line errors with exit 2."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tmtool.cli import cli
from tmtool.segment import shipped_srx

DATA = Path(__file__).parent / "data" / "segment"


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["segment", *args], input=input)
    return result.exit_code, result.stdout, result.stderr


def test_prints_one_segment_per_line_with_markup(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("# Title\n\nIn the 16<sup>th</sup> century. **Dr. Smith** came.\n", encoding="utf-8")
    assert run(str(doc), "--lang", "en") == (
        0, "Title\nIn the 16<sup>th</sup> century.\n**Dr. Smith** came.\n", ""
    )


def test_plain_strips_inline_markup(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("In the 16<sup>th</sup> century. **Dr. Smith** came.\n", encoding="utf-8")
    assert run(str(doc), "--lang", "en", "--plain") == (0, "In the 16th century.\nDr. Smith came.\n", "")


def test_format_option_overrides_the_extension(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("<p>One. Two.</p>", encoding="utf-8")
    assert run(str(doc), "--lang", "en", "--format", "html") == (0, "One.\nTwo.\n", "")
    assert run(str(doc), "--lang", "en") == (0, "<p>One.\nTwo.</p>\n", "")


def test_reads_standard_input_as_plain_text() -> None:
    assert run("-", "--lang", "uk", input="Це м. Київ. Так.\n") == (0, "Це м. Київ.\nТак.\n", "")


def test_output_file_is_written(tmp_path: Path) -> None:
    doc, out = tmp_path / "doc.txt", tmp_path / "out.txt"
    doc.write_text("A. B. C.", encoding="utf-8")
    assert run(str(doc), "--lang", "en", "-o", str(out)) == (0, "", "")
    assert out.read_text(encoding="utf-8") == "A. B. C.\n"  # initials, not sentences


def test_user_srx_rules_replace_ours(tmp_path: Path) -> None:
    rules = tmp_path / "semicolon.srx"
    rules.write_text(
        '<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body>'
        '<languagerules><languagerule languagerulename="x"><rule break="yes">'
        "<beforebreak>;</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule></languagerules>"
        '<maprules><languagemap languagepattern=".*" languagerulename="x"/></maprules></body></srx>',
        encoding="utf-8",
    )
    doc = tmp_path / "doc.txt"
    doc.write_text("One; two. Three.", encoding="utf-8")
    assert run(str(doc), "--lang", "en", "--srx", str(rules)) == (0, "One;\ntwo. Three.\n", "")


def test_export_srx_writes_the_shipped_rules_to_stdout() -> None:
    result = CliRunner().invoke(cli, ["segment", "--export-srx"])
    assert result.exit_code == 0
    assert result.stdout_bytes == shipped_srx()


def test_exported_rules_reload_and_segment_the_same(tmp_path: Path) -> None:
    exported = tmp_path / "tmtool.srx"
    assert run("--export-srx", "-o", str(exported)) == (0, "", "")
    doc = tmp_path / "doc.md"
    doc.write_text(
        "Т. Г. Шевченко народився 1814 р. у с. Моринці. Див. табл. 2 на с. 15. "
        "Він сказав: «Це важливо!» Потім пішов.\n", encoding="utf-8",
    )
    ours = run(str(doc), "--lang", "uk")
    reloaded = run(str(doc), "--lang", "uk", "--srx", str(exported))
    assert ours == reloaded
    assert ours[1].count("\n") == 4


def test_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "absent.md"
    assert run(str(missing), "--lang", "uk") == (2, "", f"tmtool: error: {missing}: no such file\n")


def test_binary_file_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_bytes(b"abc\n\x00\x01\x02")
    assert run(str(doc), "--lang", "en") == (
        2, "", f"tmtool: error: {doc}:2: looks like a binary file (NUL byte), not text\n"
    )


def test_non_utf8_file_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_bytes("Привіт.\n".encode("cp1251"))
    assert run(str(doc), "--lang", "uk") == (
        2, "", f"tmtool: error: {doc}:1: not UTF-8 text (byte 0xcf); save the file as UTF-8\n"
    )


def test_bad_srx_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("One.", encoding="utf-8")
    bad = DATA / "bad-regex.srx"
    code, out, err = run(str(doc), "--lang", "en", "--srx", str(bad))
    assert (code, out) == (2, "")
    assert err.startswith(f"tmtool: error: {bad}:9: bad rule regex: ")
    assert err.count("\n") == 1


def test_missing_language_is_a_usage_error() -> None:
    code, out, err = run(str(DATA / "lines.txt"))
    assert (code, out) == (2, "")
    assert err.endswith("Error: give FILE and --lang (or --export-srx)\n")


def test_bad_language_code_is_a_usage_error() -> None:
    code, _, err = run(str(DATA / "lines.txt"), "--lang", "ua")
    assert code == 2
    assert "locale 'ua': 'ua' is not a language code; use 'uk'" in err


def test_output_may_not_overwrite_the_input(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("One. Two.", encoding="utf-8")
    code, out, err = run(str(doc), "--lang", "en", "-o", str(doc))
    assert (code, out) == (2, "")
    assert err == f"tmtool: error: {doc}: refusing to overwrite an input file; choose another -o\n"
    assert doc.read_text(encoding="utf-8") == "One. Two."
