"""`tmtool pretranslate`: PO catalogues (English msgids, plurals, contexts), XLIFF 1.2 and 2.0,
Markdown documents, and the CAT-style analysis; every PO written passes `msgfmt --check`."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result
from lxml import etree

from tests.components import msgfmt_check, require
from tests.golden import assert_golden
from tests.office_files import compound_file
from tests.office_from_markdown import docx_from_markdown, odt_from_markdown
from tmtool.cli import cli
from tmtool.formats.states import is_draft
from tmtool.formats.xliff import read_xliff
from tmtool.model import CodeKind, InlineCode, Segment
from tmtool.tm.pretranslate import adapt_codes

DATA = Path(__file__).parent / "data" / "tm"
XLIFF_DATA = Path(__file__).parent / "data" / "xliff"
GOLDEN = Path(__file__).parent / "golden" / "tm" / "pretranslate"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("memory.tmx", "memory.uk.po", "new.po", "document.xlf", "article.md"):
        shutil.copy(DATA / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    for memory, db in (("memory.uk.po", "po.db"), ("memory.tmx", "memory.db")):
        assert run("tm", "import", memory, "--db", db, "-q").exit_code == 0
    return tmp_path


def test_a_catalogue_with_plurals_and_contexts_is_filled(workdir: Path,
                                                         update_golden: bool) -> None:
    result = run("pretranslate", "new.po", "--tm", "po.db", "-o", "out.po")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "new.po: 9 segments to translate, 44 words (1 already translated, left as they are)\n"
        "  match       segments     words\n"
        "  100%               5        11\n"
        "  95-99%             1         6\n"
        "  85-94%             0         0\n"
        "  75-84%             1         9\n"
        "  50-74%             1         4\n"
        "  no match           1        14\n"
        "filled: 4 translated, 2 fuzzy (>= 75%); not filled: 1 no match, "
        "2 plural: forms missing in the memory or below --min\n")
    output = (workdir / "out.po").read_text(encoding="utf-8")
    assert_golden(GOLDEN / "new.po", output, update_golden)
    msgfmt_check(workdir / "out.po")
    catalog = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(workdir / "out.po"))}
    assert catalog[("menu", "Open")].msgstr == "Відкрити"           # the context's own match
    assert catalog[(None, "Deleted %d file")].msgstr_plural == {
        0: "Видалено %d файл", 1: "Видалено %d файли", 2: "Видалено %d файлів"}
    assert catalog[(None, "Usage:\n")].msgstr == "Використання:\n"
    fuzzy = catalog[(None, "Are you sure you want to delete these files?")]
    assert fuzzy.flags == ["fuzzy"]
    assert fuzzy.previous_msgid == "Are you sure you want to delete this file?"
    assert fuzzy.tcomment == "tmtool: 83% match from the translation memory"


def test_a_singular_translation_is_never_copied_into_plural_forms(workdir: Path) -> None:
    assert run("pretranslate", "new.po", "--tm", "po.db", "-o", "out.po").exit_code == 0
    catalog = {e.msgid: e for e in polib.pofile(str(workdir / "out.po"))}
    # the memory holds only form 0 of "Copied %d file": nothing is filled
    assert catalog["Copied %d file"].msgstr_plural == {0: "", 1: "", 2: ""}
    assert catalog["Moved %d file"].msgstr_plural == {0: "", 1: "", 2: ""}


def test_untouched_entries_keep_their_bytes(workdir: Path) -> None:
    assert run("pretranslate", "new.po", "--tm", "po.db", "-o", "out.po").exit_code == 0
    original = (workdir / "new.po").read_text(encoding="utf-8")
    output = (workdir / "out.po").read_text(encoding="utf-8")
    for kept in (original.split("\n\n")[0], '#: src/main.c:12\nmsgid "Quit"\nmsgstr "Вийти"',
                 ('#: src/prefs.c:1\nmsgid ""\n"Preferences are stored in your home folder and '
                 'apply to every project you "\n"open."\nmsgstr ""'),
                 '#~ msgid "Old message"\n#~ msgstr "Старе повідомлення"\n'):
        assert kept in output


def test_crlf_catalogues_stay_crlf(workdir: Path) -> None:
    text = (workdir / "new.po").read_text(encoding="utf-8")
    (workdir / "crlf.po").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert run("pretranslate", "crlf.po", "--tm", "po.db", "-o", "out.po", "-q").exit_code == 0
    data = (workdir / "out.po").read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")
    msgfmt_check(workdir / "out.po")


def test_the_translation_language_comes_from_the_file_name(workdir: Path) -> None:
    text = (workdir / "new.po").read_text(encoding="utf-8").replace('"Language: uk\\n"\n', "")
    (workdir / "uk").mkdir()
    (workdir / "uk" / "app.po").write_text(text, encoding="utf-8")
    (workdir / "app.po").write_text(text, encoding="utf-8")
    named = run("pretranslate", "uk/app.po", "--tm", "po.db", "-o", "out.po", "--format", "json")
    assert named.exit_code == 2  # uk/app.po: "uk" is a folder, not LC_MESSAGES: unknown
    lc_dir = workdir / "uk" / "LC_MESSAGES"
    lc_dir.mkdir()
    shutil.copy(workdir / "app.po", lc_dir / "app.po")
    found = run("pretranslate", "uk/LC_MESSAGES/app.po", "--tm", "po.db", "-o", "out.po",
                "--format", "json")
    assert found.exit_code == 0, found.stderr
    assert json.loads(found.stdout)["settings"]["tgt_lang"] == "uk-UA"
    unknown = run("pretranslate", "app.po", "--tm", "po.db", "-o", "unknown.po")
    assert (unknown.exit_code, unknown.stdout, unknown.stderr) == (2, "", (
        "tmtool: error: app.po: the catalogue names no language for its msgstrs (the Language "
        "header is missing or empty and the file name names none); give it with --tgt-lang, "
        "e.g. --tgt-lang uk-UA\n"))
    assert not (workdir / "unknown.po").exists()
    given = run("pretranslate", "app.po", "--tm", "po.db", "-o", "given.po", "--tgt-lang", "uk")
    assert given.exit_code == 0, given.stderr


def test_the_analysis_as_json_matches_the_golden_file(workdir: Path, update_golden: bool) -> None:
    result = run("pretranslate", "new.po", "--tm", "memory.uk.po", "-o", "out.po",
                 "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    document["tool"]["version"] = "VERSION"
    assert document["settings"] == {"min": 75, "src_lang": "en-GB", "tgt_lang": "uk-UA",
                                    "tm": "memory.uk.po"}
    assert_golden(GOLDEN / "new.analysis.json",
                  json.dumps(document, ensure_ascii=False, indent=2) + "\n", update_golden)


def test_a_higher_min_leaves_fuzzy_matches_out(workdir: Path) -> None:
    result = run("pretranslate", "new.po", "--tm", "po.db", "-o", "out.po", "--min", "90",
                 "--format", "json")
    assert json.loads(result.stdout)["filled"] == {"translated": 4, "fuzzy": 1}


def test_a_markdown_document_becomes_a_filled_xliff(workdir: Path, update_golden: bool) -> None:
    result = run("pretranslate", "article.md", "--tm", "memory.db", "-o", "article.xlf",
                 "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["filled"] == {"translated": 3, "fuzzy": 1}
    output = (workdir / "article.xlf").read_text(encoding="utf-8")
    assert_golden(GOLDEN / "article.xlf", output, update_golden)
    units = {u.tuid: u for u in read_xliff(str(workdir / "article.xlf"))}
    assert sorted(units) == ["1.1", "2.1", "2.2", "3.1"]   # 4.1 has no translation
    bold = units["2.2"].variant("en-GB")
    assert bold is not None and [c.native for c in bold.segment.codes] == ["**", "**"]


def test_an_xliff_file_gets_its_empty_targets_filled(workdir: Path, update_golden: bool) -> None:
    result = run("pretranslate", "document.xlf", "--tm", "memory.db", "-o", "out.xlf", "-q")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    output = (workdir / "out.xlf").read_text(encoding="utf-8")
    assert_golden(GOLDEN / "document.xlf", output, update_golden)
    units = {u.tuid: u for u in read_xliff(str(workdir / "out.xlf"))}
    assert {tuid: u.prop("x-xliff-state") for tuid, u in units.items()} == {
        "1": "translated", "2": "translated", "3": "translated",  # <g ctype="bold"> is bold
        "4": "needs-review-translation", "6": "final", "7#1": "needs-translation"}
    assert units["6"].variants[1].text == "Yes, sure."   # a translation is never replaced


def test_an_xliff_2_file_gets_its_empty_targets_filled(workdir: Path) -> None:
    (workdir / "two.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="uk-UA" '
        'trgLang="en-GB">\n <file id="f1">\n  <unit id="u1">\n   <segment>\n'
        '    <source>Дякуємо за ваш відгук!</source>\n   </segment>\n  </unit>\n'
        '  <unit id="u2">\n   <segment>\n    <source>Ціна квитка 30 гривень.</source>\n'
        '    <target></target>\n   </segment>\n  </unit>\n </file>\n</xliff>\n',
        encoding="utf-8")
    assert run("pretranslate", "two.xlf", "--tm", "memory.db", "-o", "out.xlf").exit_code == 0
    output = (workdir / "out.xlf").read_text(encoding="utf-8")
    assert '<segment state="translated">' in output
    assert '<segment state="initial" subState="tmtool:fuzzy">' in output
    assert '<note category="tmtool">tmtool: 98% match from the translation memory</note>' in output
    units = {u.tuid: u.variants[1].text for u in read_xliff(str(workdir / "out.xlf"))}
    assert units == {"u1": "Thank you for your feedback!", "u2": "The ticket costs 25 hryvnias."}


def test_the_output_may_not_overwrite_the_input(workdir: Path) -> None:
    result = run("pretranslate", "new.po", "--tm", "po.db", "-o", "new.po")
    assert (result.exit_code, result.stderr) == (
        2, "tmtool: error: new.po: refusing to overwrite an input file; choose another -o\n")


@pytest.mark.parametrize("suffix", ["docx", "odt"])
def test_a_word_file_is_filled_as_its_markdown_is(workdir: Path, suffix: str) -> None:
    markdown = (workdir / "article.md").read_text(encoding="utf-8")
    maker = docx_from_markdown if suffix == "docx" else odt_from_markdown
    (workdir / f"article.{suffix}").write_bytes(maker(markdown))
    outputs = []
    for source in ("article.md", f"article.{suffix}"):
        result = run("pretranslate", source, "--tm", "memory.db", "-o", f"{source}.xlf",
                     "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["filled"] == {"translated": 3, "fuzzy": 1}
        outputs.append([(u.tuid, u.variants[0].text, u.variants[1].text)
                        for u in read_xliff(str(workdir / f"{source}.xlf"))])
    assert outputs[1] == outputs[0]


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("letter.docx", b"PK\x03\x04", "is not a readable Word or OpenDocument file"),
    ("letter.doc", b"", ""),
])
def test_an_unreadable_word_file_is_one_line_and_writes_nothing(
        workdir: Path, name: str, data: bytes, problem: str) -> None:
    (workdir / name).write_bytes(data or compound_file("WordDocument"))
    result = run("pretranslate", name, "--tm", "memory.db", "-o", "letter.xlf")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"tmtool: error: {name}: ") and result.stderr.count("\n") == 1
    assert ".docx" in result.stderr or problem in result.stderr
    assert not (workdir / "letter.xlf").exists()


def test_codes_of_the_memory_take_the_form_of_the_documents_codes() -> None:
    bold_html = (InlineCode(CodeKind.OPEN, 1, "<b>"), InlineCode(CodeKind.CLOSE, 1, "</b>"))
    bold_md = (InlineCode(CodeKind.OPEN, 1, "**"), InlineCode(CodeKind.CLOSE, 1, "**"))
    memory_source = Segment(("Натисніть ", bold_html[0], "Зберегти", bold_html[1]))
    translation = Segment(("Click ", bold_html[0], "Save", bold_html[1]))
    query = Segment(("Натисніть ", bold_md[0], "Зберегти", bold_md[1]))
    assert adapt_codes(translation, memory_source, query).parts == (
        "Click ", bold_md[0], "Save", bold_md[1])
    unrelated = Segment(("Натисніть ", InlineCode(CodeKind.STANDALONE, None, "<br/>")))
    assert adapt_codes(translation, memory_source, unrelated) == translation


def test_a_legacy_charset_that_cannot_hold_the_translation_is_refused(workdir: Path) -> None:
    text = (workdir / "new.po").read_text(encoding="utf-8")
    latin = text.replace("charset=UTF-8", "charset=ISO-8859-1").replace("Вийти", "Quit")
    latin = latin.replace("Старе повідомлення", "Old")
    (workdir / "latin.po").write_bytes(latin.encode("iso-8859-1"))
    result = run("pretranslate", "latin.po", "--tm", "po.db", "-o", "out.po")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "tmtool: error: latin.po: a translation from the memory holds 'З', which the file's "
        "charset ISO-8859-1 cannot hold; convert the catalogue to UTF-8 (msgconv)\n")
    assert not (workdir / "out.po").exists()


SYSTEM_CATALOGUES = [Path("/usr/share/locale/uk/LC_MESSAGES") / f"{name}.mo"
                     for name in ("apt", "PackageKit")]


@pytest.mark.parametrize("route", ["po", "tmx"])
def test_a_real_catalogue_is_restored_from_a_memory_of_itself(tmp_path: Path, route: str) -> None:
    """A catalogue nobody on the team wrote (a Debian package's Ukrainian translation:
    English msgids, plurals, printf formats, edge white space), emptied, then filled from a
    memory made of it, directly or through TMX: every translation comes back."""
    msgunfmt = shutil.which("msgunfmt")
    require("GNU gettext msgunfmt", msgunfmt is not None, "apt-get install gettext")
    found = next((path for path in SYSTEM_CATALOGUES if path.is_file()), None)
    if found is None:
        pytest.skip("no Ukrainian system catalogue (apt, PackageKit) on this machine")
    assert msgunfmt is not None
    original = tmp_path / "uk.po"
    subprocess.run([msgunfmt, str(found), "-o", str(original)], check=True, capture_output=True)
    catalog = polib.pofile(str(original))
    for entry in catalog:
        entry.msgstr = ""
        entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
    (tmp_path / "empty").mkdir()
    catalog.save(str(tmp_path / "empty" / "uk.po"))
    memory = str(original)
    if route == "tmx":
        memory = str(tmp_path / "memory.tmx")
        assert run("convert", str(original), "-o", memory, "--src-lang", "en", "-q").exit_code == 0
    assert run("tm", "import", memory, "--db", str(tmp_path / "m.db"), "-q").exit_code == 0
    result = run("pretranslate", str(tmp_path / "empty" / "uk.po"), "--tm", str(tmp_path / "m.db"),
                 "-o", str(tmp_path / "filled.po"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    msgfmt_check(tmp_path / "filled.po")
    expected = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.pofile(str(original))}
    filled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
              for e in polib.pofile(str(tmp_path / "filled.po"))}
    assert filled == expected
    assert json.loads(result.stdout)["filled"]["fuzzy"] == 0


def _emptied_targets(source: Path, destination: Path) -> None:
    tree = etree.parse(str(source))
    for target in [e for e in tree.iter() if isinstance(e.tag, str)
                   and etree.QName(e).localname == "target"]:
        marks = [m for m in target.iter() if etree.QName(m).localname == "mrk"]
        for holder in marks or [target]:
            for child in list(holder):
                holder.remove(child)
            holder.text = None
    tree.write(str(destination), xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize("name", ["inline-codes-12.xlf", "memoq-style.mqxliff",
                                  "sample-20.xlf", "trados-seg-source.sdlxliff"])
def test_tool_xliff_files_get_their_translations_back(tmp_path: Path, name: str) -> None:
    """memoQ (seg-source, target without mrk), Trados (seg-source with mrk per segment),
    XLIFF 2.0 and 1.2 inline codes: emptied, then filled from a memory of themselves (their
    drafts, such as an XLIFF 2 `initial` segment, never enter the memory)."""
    original = XLIFF_DATA / name
    _emptied_targets(original, tmp_path / name)
    assert run("tm", "import", str(original), "--db", str(tmp_path / "m.db"), "-q").exit_code == 0
    result = run("pretranslate", str(tmp_path / name), "--tm", str(tmp_path / "m.db"), "-o",
                 str(tmp_path / f"out-{name}"), "-q")
    assert result.exit_code == 0, result.stderr
    expected = {u.tuid: u.variants[1].segment for u in read_xliff(str(original))
                if not is_draft(u)}
    filled = {u.tuid: u.variants[1].segment for u in read_xliff(str(tmp_path / f"out-{name}"))}
    assert filled == expected


PLURAL_MEMORY = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: uk\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "%(count)d character"
msgid_plural "%(count)d characters"
msgstr[0] "%(count)d символ"
msgstr[1] "%(count)d символи"
msgstr[2] "%(count)d символів"

msgid "%(count)d characters"
msgstr "символів: %(count)d"
'''

# An untranslated catalogue as translate-toolkit's po2xliff lays it out: forms 1 and 2 share
# the English msgid_plural, and need different Ukrainian translations.
PLURAL_XLIFF = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">
  <file original="uk.po" source-language="en-US" datatype="po" target-language="uk">
    <body>
      <group restype="x-gettext-plurals" id="7">
        <trans-unit xml:space="preserve" id="7[0]">
          <source>%(count)d character</source>
          <target></target>
        </trans-unit>
        <trans-unit xml:space="preserve" id="7[1]">
          <source>%(count)d characters</source>
          <target></target>
        </trans-unit>
        <trans-unit xml:space="preserve" id="7[2]">
          <source>%(count)d characters</source>
          <target></target>
        </trans-unit>
      </group>
      <trans-unit xml:space="preserve" id="8">
        <source>%(count)d characters</source>
        <target></target>
      </trans-unit>
    </body>
  </file>
</xliff>
'''


def test_gettext_plural_groups_in_xliff_take_each_form_from_its_own_form(tmp_path: Path) -> None:
    (tmp_path / "memory.uk.po").write_text(PLURAL_MEMORY, encoding="utf-8")
    (tmp_path / "uk.xlf").write_text(PLURAL_XLIFF, encoding="utf-8")
    assert run("tm", "import", str(tmp_path / "memory.uk.po"), "--db", str(tmp_path / "m.db"),
               "-q").exit_code == 0
    result = run("pretranslate", str(tmp_path / "uk.xlf"), "--tm", str(tmp_path / "m.db"),
                 "-o", str(tmp_path / "out.xlf"), "-q")
    assert result.exit_code == 0, result.stderr
    filled = {u.tuid: u.variants[1].segment.text for u in read_xliff(str(tmp_path / "out.xlf"))}
    assert filled == {"7[0]": "%(count)d символ", "7[1]": "%(count)d символи",
                      "7[2]": "%(count)d символів", "8": "символів: %(count)d"}


def test_an_english_document_is_translated_into_ukrainian_not_labelled_ukrainian(
        workdir: Path) -> None:
    """Without --src-lang a document was taken as Ukrainian whatever it held: an English page
    became an XLIFF saying source-language="uk-UA", matched against the Ukrainian side of the
    memory, so nothing matched and the analysis said "no match" with exit 0."""
    (workdir / "article.en.md").write_text(
        "# The ambassador met the minister in Kyiv.\n\nThank you for your feedback!\n\n"
        "- The ticket costs 30 hryvnias.\n", encoding="utf-8")
    result = run("pretranslate", "article.en.md", "--tm", "memory.db", "-o", "article.xlf",
                 "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["settings"]["src_lang"], report["settings"]["tgt_lang"]) == ("en-GB", "uk-UA")
    assert report["filled"] == {"translated": 2, "fuzzy": 1}
    text = (workdir / "article.xlf").read_text(encoding="utf-8")
    assert 'source-language="en-GB" target-language="uk-UA"' in text
    assert "Посол зустрівся з міністром у Києві." in text


def test_an_xliff_target_begins_and_ends_as_its_source_where_the_memory_trimmed_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Django's admindocs catalogue has msgids such as "\\n    View function: ...\\n". In the
    XLIFF of the catalogue the fill came from a memory whose source TMX had trimmed, so
    the message came back to PO without the line breaks and msgfmt --check refused it."""
    (tmp_path / "admindocs.uk.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, python-format\nmsgid ""\n"\\n"\n"    View function: <code>%(full_name)s</code>.\\n"\n'
        'msgstr ""\n', encoding="utf-8")
    (tmp_path / "memory.tsv").write_text(
        "en-GB\tuk-UA\nView function: <code>%(full_name)s</code>.\t"
        "Функція відображення: <code>%(full_name)s</code>.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for step in (("convert", "admindocs.uk.po", "-o", "admindocs.xlf"),
                 ("pretranslate", "admindocs.xlf", "--tm", "memory.tsv", "-o", "filled.xlf"),
                 ("convert", "filled.xlf", "-o", "filled.uk.po")):
        result = run(*step)
        assert result.exit_code == 0, result.stderr
    msgfmt_check(tmp_path / "filled.uk.po")
    [entry] = [e for e in polib.pofile(str(tmp_path / "filled.uk.po")) if e.msgid]
    assert entry.msgstr == "\n    Функція відображення: <code>%(full_name)s</code>.\n"


def test_an_xliff_of_a_catalogue_takes_the_translation_of_its_own_msgctxt(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Django's calendar messages "S" (one letter Sunday) and "S" (one letter Saturday) differ
    only by msgctxt. The PO was filled right, but its XLIFF ignored the x-po-msgctxt context
    and filled both with one of them, as a 100 % match."""
    header = 'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    days = (("one letter Sunday", "Н"), ("one letter Saturday", "С"))
    (tmp_path / "done.uk.po").write_text(header + "".join(
        f'\nmsgctxt "{context}"\nmsgid "S"\nmsgstr "{letter}"\n' for context, letter in days),
        encoding="utf-8")
    (tmp_path / "todo.uk.po").write_text(header + "".join(
        f'\nmsgctxt "{context}"\nmsgid "S"\nmsgstr ""\n' for context, _ in reversed(days)),
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for step in (("convert", "done.uk.po", "-o", "memory.tmx"),
                 ("convert", "todo.uk.po", "-o", "todo.xlf"),
                 ("pretranslate", "todo.xlf", "--tm", "memory.tmx", "-o", "filled.xlf"),
                 ("convert", "filled.xlf", "-o", "filled.uk.po")):
        result = run(*step)
        assert result.exit_code == 0, result.stderr
    filled = polib.pofile(str(tmp_path / "filled.uk.po"))
    assert sorted((e.msgctxt, e.msgstr, e.flags) for e in filled) == [
        ("one letter Saturday", "С", []), ("one letter Sunday", "Н", [])]
