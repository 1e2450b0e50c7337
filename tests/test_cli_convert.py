"""`tmtool convert`: exit codes, exact messages, and no output file after a failure."""
from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from tmtool.cli import cli

DATA = Path(__file__).parent / "data"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["convert", *args], env={"SOURCE_DATE_EPOCH": "1735787045"})
    return result.exit_code, result.stdout, result.stderr


def test_po_to_tmx_reports_the_count(tmp_path: Path) -> None:
    out = tmp_path / "app.tmx"
    code, stdout, stderr = _run(str(DATA / "po/app.uk.po"), "-o", str(out), "--src-lang", "en-GB")
    assert (code, stdout, stderr) == (0, "", (
        "po -> tmx: wrote 10 units from 6 messages; left out 1 obsolete, "
        "1 fuzzy (--include-fuzzy keeps them), 1 untranslated\n"))
    assert 'creationdate="20250102T030405Z"' in out.read_text(encoding="utf-8")


def test_include_fuzzy_adds_the_fuzzy_entry(tmp_path: Path) -> None:
    code, _, stderr = _run(str(DATA / "po/app.uk.po"), "-o", str(tmp_path / "a.tsv"),
                           "--src-lang", "en-GB", "--include-fuzzy", "-q")
    assert (code, stderr) == (0, "")
    assert "Consular department\tКонсульський відділ" in (tmp_path / "a.tsv").read_text("utf-8")


def test_output_to_stdout_with_explicit_format() -> None:
    code, stdout, stderr = _run(str(DATA / "tabular/memory.csv"), "-o", "-", "--to", "tsv",
                                "--tgt-lang", "en-US", "-q")
    assert code == 0 and stderr == ""
    assert stdout.splitlines()[:2] == ["uk-UA\ten-US",
                                       "Посол прибув до Києва.\tThe Ambassador arrived in Kyiv."]


def test_tbx_to_csv_and_v3_back(tmp_path: Path) -> None:
    csv_path, tbx = tmp_path / "g.csv", tmp_path / "g.tbx"
    assert _run(str(DATA / "tbx/v3-dca.tbx"), "-o", str(csv_path))[::2] == \
        (0, "tbx -> glossary-csv: wrote 1\n")
    assert _run(str(csv_path), "-o", str(tbx), "--tbx-version", "v3")[::2] == \
        (0, "glossary-csv -> tbx: wrote 1\n")
    assert 'xmlns="urn:iso:std:iso:30042:ed-2"' in tbx.read_text(encoding="utf-8")


@pytest.mark.parametrize(("source", "target", "message"), [
    ("po/broken-quote.po", "out.tmx",
     "{src}:6: PO syntax error: unterminated or badly quoted string"),
    ("tbx/unknown-dialect.tbx", "out.csv",
     ("{src}:2: unknown TBX dialect: root element <mtf> (expected TBX 2008 <martif>, TBX v3 "
      "<tbx> in urn:iso:std:iso:30042:ed-2 or ed:3.0, or TBX-Min)")),
    ("tabular/three-columns.tsv", "out.po",
     ("{src}:3: expected 2 columns (uk, en), found 3; name every extra column in a first row "
     "(e.g. uk<TAB>en<TAB>score)")),
])
def test_bad_input_is_one_line_exit_2_and_nothing_written(
        tmp_path: Path, source: str, target: str, message: str) -> None:
    code, stdout, stderr = _run(str(DATA / source), "-o", str(tmp_path / target))
    assert (code, stdout) == (2, "")
    assert stderr == f"tmtool: error: {message.format(src=DATA / source)}\n"
    assert list(tmp_path.iterdir()) == []


def test_broken_xliff_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlf"
    bad.write_text('<xliff version="1.2">\n<file>\n<body>\n</file>', encoding="utf-8")
    code, _, stderr = _run(str(bad), "-o", str(tmp_path / "out.tmx"))
    assert code == 2
    assert stderr.startswith(f"tmtool: error: {bad}:4: not well-formed XML: ")
    assert stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.xlf"]


def test_unknown_extension_and_refused_overwrite(tmp_path: Path) -> None:
    code, _, stderr = _run(str(DATA / "po/app.uk.po"), "-o", str(tmp_path / "out.txt"))
    assert (code, stderr) == (2, (f"tmtool: error: {tmp_path / 'out.txt'}: cannot tell the "
                                  "format from the extension '.txt'; name it with --to\n"))
    copy = tmp_path / "app.po"
    shutil.copy(DATA / "po/app.uk.po", copy)
    code, _, stderr = _run(str(copy), "-o", str(copy), "--to", "po")
    assert (code, stderr) == (2, (f"tmtool: error: {copy}: refusing to overwrite an input "
                                  "file; choose another -o\n"))


def test_bad_locale_option_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = _run(str(DATA / "po/app.uk.po"), "-o", str(tmp_path / "a.tmx"),
                           "--src-lang", "ua")
    assert code == 2
    assert "locale 'ua': 'ua' is not a language code; use 'uk'" in stderr


def test_stdin_needs_and_takes_from(tmp_path: Path) -> None:
    data = (DATA / "tabular/memory.tsv").read_bytes()
    out = tmp_path / "m.tmx"
    result = CliRunner().invoke(cli, ["convert", "-", "-o", str(out), "--from", "tsv"], input=data)
    assert (result.exit_code, result.stderr) == (0, "tsv -> tmx: wrote 3\n")
    result = CliRunner().invoke(cli, ["convert", "-", "-o", str(tmp_path / "n.tmx")], input=data)
    assert (result.exit_code, result.stderr) == (
        2, ("tmtool: error: <stdin>: cannot tell the format from the extension '(none)'; "
            "name it with --from\n"))


def test_drop_props_writes_no_prop_elements(tmp_path: Path) -> None:
    out = tmp_path / "t.tmx"
    code, _, _ = _run(str(DATA / "xliff/trados-seg-source.sdlxliff"), "-o", str(out), "--drop-props")
    text = out.read_text(encoding="utf-8")
    assert code == 0 and "<prop" not in text and text.count("<tu ") == 3


def test_given_locale_refines_a_bare_language_from_the_file(tmp_path: Path) -> None:
    out = tmp_path / "app.tmx"
    code, _, _ = _run(str(DATA / "po/app.uk.po"), "-o", str(out), "--src-lang", "en-GB",
                      "--tgt-lang", "uk-UA")
    text = out.read_text(encoding="utf-8")
    assert code == 0 and 'xml:lang="uk-UA"' in text and 'xml:lang="uk"' not in text


PO = DATA / "po"


def test_real_structure_catalogue_summary_counts_what_was_left_out(tmp_path: Path) -> None:
    code, stdout, stderr = _run(str(PO / "django-style.uk.po"), "-o", str(tmp_path / "d.tmx"))
    assert (code, stdout, stderr) == (0, "", (
        "po -> tmx: wrote 15 units from 9 messages; left out 2 obsolete, 3 fuzzy "
        "(--include-fuzzy keeps them), 1 untranslated\n"))
    code, _, stderr = _run(str(tmp_path / "d.tmx"), "-o", str(tmp_path / "d.po"))
    assert (code, stderr) == (0, "tmx -> po: wrote 9 messages\n")


def test_fuzzy_heavy_catalogue_with_empty_language_takes_the_file_name(tmp_path: Path) -> None:
    out = tmp_path / "l.xlf"
    code, _, stderr = _run(str(PO / "launchpad/uk.po"), "-o", str(out), "--include-fuzzy")
    assert (code, stderr) == (0, "po -> xliff: wrote 11 units from 9 messages; left out 1 obsolete\n")
    assert 'source-language="en-GB" target-language="uk-UA"' in out.read_text("utf-8")


@pytest.mark.parametrize(("name", "args", "message"), [
    ("app.po", [], ("{src}:4: the catalogue names no language for its msgstrs (the Language "
                    "header is missing or empty and the file name names none); give it with "
                    "--tgt-lang, e.g. --tgt-lang uk-UA")),
    ("uk.po", ["--src-lang", "uk-UA"], ("{src}: msgids (uk-UA, from --src-lang) and msgstrs "
                                        "(uk-UA, from the file name) would be in one language; "
                                        "name the msgid language with --src-lang (or an "
                                        "X-Source-Language header) and the msgstr language "
                                        "with --tgt-lang")),
])
def test_po_languages_that_cannot_be_told_apart_are_refused(
        tmp_path: Path, name: str, args: list[str], message: str) -> None:
    source = tmp_path / name
    source.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                      '"Language: \\n"\n\nmsgid "News"\nmsgstr "Новини"\n', encoding="utf-8")
    code, stdout, stderr = _run(str(source), "-o", str(tmp_path / "out.tmx"), *args)
    assert (code, stdout, stderr) == (2, "", f"tmtool: error: {message.format(src=source)}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_tmx_to_po_that_would_write_nothing_is_an_error(tmp_path: Path) -> None:
    tmx = tmp_path / "old.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header srclang="uk-UA" segtype="sentence" datatype="plaintext" '
        'adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
        '<tu><tuv xml:lang="uk-UA"><seg>News</seg></tuv></tu>'
        '<tu><tuv xml:lang="uk-UA"><seg>Embassy</seg></tuv></tu></body></tmx>', encoding="utf-8")
    code, stdout, stderr = _run(str(tmx), "-o", str(tmp_path / "out.po"))
    assert (code, stdout, stderr) == (2, "", (
        f"tmtool: error: {tmx}: none of its 2 units has both uk-UA and en-GB (they hold: "
        "uk-UA), so nothing was written; name the languages with --src-lang and --tgt-lang\n"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.tmx"]


def test_source_and_target_in_one_language_are_refused(tmp_path: Path) -> None:
    code, _, stderr = _run(str(DATA / "convert/client.tmx"), "-o", str(tmp_path / "o.po"),
                           "--src-lang", "en-GB", "--tgt-lang", "en-US")
    assert (code, stderr) == (2, (
        f"tmtool: error: {DATA / 'convert/client.tmx'}: source en-GB and target en-US are one "
        "language; name the two languages with --src-lang and --tgt-lang\n"))
    assert list(tmp_path.iterdir()) == []


def test_help_says_what_the_languages_mean_for_po() -> None:
    result = CliRunner().invoke(cli, ["convert", "--help"], terminal_width=200)
    text = " ".join(result.output.split())
    assert "PO in: the msgids' language (default: the X-Source-Language header, else en-GB)" in text
    assert "PO in: the msgstrs' language (default: the Language header, else the file name" in text


def test_po_to_xliff_carries_the_untranslated_entries_to_translate(tmp_path: Path) -> None:
    """An XLIFF made from a catalogue is a file to translate: its untranslated messages (a
    plural one too, with every form the catalogue has) are trans-units without a target, not
    approved, that pretranslate fills; before, PO -> XLIFF wrote only the translated ones."""
    catalogue = tmp_path / "todo.uk.po"
    catalogue.write_text(
        'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
        '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        '#: app/views.py:10\nmsgid "Save"\nmsgstr "Зберегти"\n\n'
        '#. Button label\n#: app/views.py:11\nmsgctxt "verb"\nmsgid "Open"\nmsgstr ""\n\n'
        '#, python-format\nmsgid "%(count)s file"\nmsgid_plural "%(count)s files"\n'
        'msgstr[0] ""\nmsgstr[1] ""\nmsgstr[2] ""\n', encoding="utf-8")
    out = tmp_path / "todo.xlf"
    code, stdout, stderr = _run(str(catalogue), "-o", str(out))
    assert (code, stdout, stderr) == (0, "", "po -> xliff: wrote 5 units from 3 messages\n")
    text = out.read_text("utf-8")
    assert text.count("<trans-unit ") == 6   # the header, Save, Open and three plural forms
    assert text.count("<target") == 2        # the header's and Save's
    assert text.count('approved="no"') == 5  # Open, the plural group and its three forms
    assert '<context context-type="x-po-msgctxt">verb</context>' in text
    code, _, stderr = _run(str(out), "-o", str(tmp_path / "back.uk.po"))
    assert (code, stderr) == (0, "xliff -> po: wrote 3 messages\n")
    back = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(tmp_path / "back.uk.po"))}
    assert [(e.msgstr, e.msgstr_plural, e.flags, e.comment, e.occurrences)
            for e in back.values()] == [
        ("Зберегти", {}, [], "", [("app/views.py", "10")]),
        ("", {}, [], "Button label", [("app/views.py", "11")]),
        ("", {0: "", 1: "", 2: ""}, ["python-format"], "", []),
    ]
    assert list(back) == [(None, "Save"), ("verb", "Open"), (None, "%(count)s file")]


def test_an_xliff_made_from_a_catalogue_is_pretranslated_and_comes_back_as_po(
        tmp_path: Path) -> None:
    catalogue = tmp_path / "todo.uk.po"
    catalogue.write_text(
        'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Save draft"\nmsgstr ""\n\nmsgid "Delete this page"\nmsgstr ""\n', encoding="utf-8")
    memory = tmp_path / "memory.tsv"
    memory.write_text("en-GB\tuk-UA\nSave draft\tЗберегти чернетку\n"
                      "Delete this image\tВидалити це зображення\n", encoding="utf-8")
    assert _run(str(catalogue), "-o", str(tmp_path / "todo.xlf"))[0] == 0
    result = CliRunner().invoke(cli, ["pretranslate", str(tmp_path / "todo.xlf"), "--tm",
                                      str(memory), "--min", "50", "-o", str(tmp_path / "done.xlf")])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith("filled: 1 translated, 1 fuzzy (>= 50%)\n")
    assert _run(str(tmp_path / "done.xlf"), "-o", str(tmp_path / "done.uk.po"))[0] == 0
    done = polib.pofile(str(tmp_path / "done.uk.po"))
    assert [(e.msgid, e.msgstr, e.flags) for e in done] == [
        ("Save draft", "Зберегти чернетку", []),
        ("Delete this page", "Видалити це зображення", ["fuzzy"]),
    ]


def test_xliff2_segments_without_a_target_come_to_po_as_untranslated(tmp_path: Path) -> None:
    """A 2.x segment without a target was dropped from the catalogue with no word said,
    while one with an empty target was kept."""
    xliff = tmp_path / "app.xlf"
    xliff.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"'
        ' version="2.0" srcLang="en-GB" trgLang="uk-UA"><file id="f1">'
        '<unit id="u1"><segment><source>Save draft</source><target>Зберегти чернетку</target>'
        '</segment></unit><unit id="u2"><segment><source>Delete this page</source></segment>'
        '</unit><unit id="u3"><segment><source>Publish</source><target></target></segment></unit>'
        '</file></xliff>\n', encoding="utf-8")
    code, _, stderr = _run(str(xliff), "-o", str(tmp_path / "app.uk.po"))
    assert (code, stderr) == (0, "xliff -> po: wrote 3 messages\n")
    entries = polib.pofile(str(tmp_path / "app.uk.po"))
    assert [(e.msgid, e.msgstr, e.flags) for e in entries] == [
        ("Save draft", "Зберегти чернетку", []), ("Delete this page", "", []), ("Publish", "", [])]
