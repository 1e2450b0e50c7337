"""Draft translations keep their mark across formats, and final ones are marked final.

Found on real material: translate-toolkit's po2xliff of a fuzzy-heavy Django catalogue
marks its fuzzy messages `approved="no"` with `state="needs-translation"` (and the old msgid
in `<alt-trans origin="previous">`); `convert` wrote them to PO as final translations
(msgfmt --check then failed on one) and `tm import` stored them as 100 % matches. The other
way, a catalogue without references (Django strips them; msgunfmt writes none) became an
XLIFF whose trans-units had no `approved`, which translate-toolkit reads as fuzzy.
"""
from __future__ import annotations

from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result
from lxml import etree

from tests.components import msgfmt_check
from tmtool.cli import cli
from tmtool.formats.states import is_draft
from tmtool.formats.xliff import read_xliff

# The layout po2xliff gives a catalogue: a final message, a fuzzy one with its previous msgid,
# an untranslated one, and a fuzzy plural message.
TOOLKIT_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">
  <file original="locale/uk/LC_MESSAGES/django.po" source-language="en-US"
        datatype="plaintext" target-language="uk">
    <body>
      <trans-unit xml:space="preserve" id="1" approved="yes">
        <source>Gift card</source>
        <target state="translated">Подарунковий сертифікат</target>
      </trans-unit>
      <trans-unit xml:space="preserve" id="2" approved="no">
        <source>Your gift card %(card)s will pay for this order.</source>
        <target state="needs-translation">
        Ваш сертифікат оплатить це замовлення.
    </target>
        <alt-trans xml:space="preserve" origin="previous"><source>
        Your gift card will pay for this order.
    </source>
          <target>
        Ваш сертифікат оплатить це замовлення.
    </target>
        </alt-trans>
        <context-group name="po-reference" purpose="location">
          <context context-type="sourcefile">shop/templates/checkout.html</context>
        </context-group>
      </trans-unit>
      <trans-unit xml:space="preserve" id="3" approved="no">
        <source>Order code</source>
      </trans-unit>
      <group restype="x-gettext-plurals" id="4" approved="no">
        <trans-unit xml:space="preserve" id="4[0]" approved="no">
          <source>%d ticket</source>
          <target state="needs-translation">%d квиток</target>
        </trans-unit>
        <trans-unit xml:space="preserve" id="4[1]" approved="no">
          <source>%d tickets</source>
          <target state="needs-translation">%d квитки</target>
        </trans-unit>
        <trans-unit xml:space="preserve" id="4[2]" approved="no">
          <source>%d tickets</source>
          <target state="needs-translation">%d квитків</target>
        </trans-unit>
      </group>
    </body>
  </file>
</xliff>
"""

# A catalogue as msgunfmt gives it (and Django ships it): no reference, comment or flag.
BARE_CATALOGUE = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: uk\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "Static Files"
msgstr "Статичні файли"

msgid "%d byte copied"
msgid_plural "%d bytes copied"
msgstr[0] "%d байт скопійовано"
msgstr[1] "%d байти скопійовано"
msgstr[2] "%d байтів скопійовано"

#, fuzzy
msgid "Syndication"
msgstr "Синдикація"
'''


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def toolkit_xliff(tmp_path: Path) -> Path:
    path = tmp_path / "django.xlf"
    path.write_text(TOOLKIT_XLIFF, encoding="utf-8")
    return path


def test_xliff_drafts_become_fuzzy_messages_with_their_previous_msgid(
        tmp_path: Path, toolkit_xliff: Path) -> None:
    result = run("convert", str(toolkit_xliff), "-o", str(tmp_path / "uk.po"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "xliff -> po: wrote 4 messages\n"
    msgfmt_check(tmp_path / "uk.po")
    entries = {e.msgid: e for e in polib.pofile(str(tmp_path / "uk.po")) if e.msgid}
    assert entries["Gift card"].flags == []
    gift = entries["Your gift card %(card)s will pay for this order."]
    assert gift.flags == ["fuzzy"]
    assert gift.previous_msgid == "\n        Your gift card will pay for this order.\n    "
    assert gift.occurrences == [("shop/templates/checkout.html", "")]
    plural = entries["%d ticket"]
    assert plural.flags == ["fuzzy"]
    assert plural.msgstr_plural == {0: "%d квиток", 1: "%d квитки", 2: "%d квитків"}
    untranslated = entries["Order code"]   # a trans-unit without a target: still to translate
    assert (untranslated.msgstr, untranslated.flags) == ("", [])


@pytest.mark.parametrize(("unit_attrs", "target_attrs", "draft"), [
    ("", ' state="new"', True),
    ("", ' state="needs-review-l10n"', True),
    (' approved="no"', "", True),
    (' approved="no"', ' state="translated"', False),
    ("", ' state="final"', False),
    ("", "", False),
])
def test_xliff12_marks_that_make_a_draft(tmp_path: Path, unit_attrs: str, target_attrs: str,
                                         draft: bool) -> None:
    path = tmp_path / "one.xlf"
    path.write_text('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
                    '<file original="x" source-language="en" target-language="uk" '
                    f'datatype="plaintext"><body><trans-unit id="a"{unit_attrs}><source>A'
                    f"</source><target{target_attrs}>А</target></trans-unit></body></file>"
                    "</xliff>", encoding="utf-8")
    (unit,) = read_xliff(str(path))
    assert is_draft(unit) is draft


def test_xliff2_initial_segments_and_trados_drafts_are_drafts(tmp_path: Path) -> None:
    xliff2 = tmp_path / "two.xlf"
    xliff2.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
        'trgLang="uk"><file id="f"><unit id="u1"><segment state="initial"><source>Open</source>'
        '<target>Відкрити</target></segment></unit><unit id="u2"><segment state="final">'
        "<source>Close</source><target>Закрити</target></segment></unit></file></xliff>",
        encoding="utf-8")
    assert [(u.tuid, is_draft(u)) for u in read_xliff(str(xliff2))] == [
        ("u1", True), ("u2", False)]
    sdl = tmp_path / "one.sdlxliff"
    sdl.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" '
        'xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2"><file original="a" '
        'source-language="en-US" target-language="uk-UA" datatype="x-sdlfilterframework2">'
        '<body><trans-unit id="t1"><source>Open. Close.</source><seg-source>'
        '<mrk mtype="seg" mid="1">Open.</mrk> <mrk mtype="seg" mid="2">Close.</mrk></seg-source>'
        '<target><mrk mtype="seg" mid="1">Відкрити.</mrk> <mrk mtype="seg" mid="2">Закрити.</mrk>'
        '</target><sdl:seg-defs><sdl:seg id="1" conf="Draft"/><sdl:seg id="2" '
        'conf="ApprovedTranslation"/></sdl:seg-defs></trans-unit></body></file></xliff>',
        encoding="utf-8")
    assert [(u.tuid, is_draft(u)) for u in read_xliff(str(sdl))] == [
        ("t1#1", True), ("t1#2", False)]


def test_memory_import_leaves_drafts_out(tmp_path: Path, toolkit_xliff: Path) -> None:
    database = str(tmp_path / "m.db")
    result = run("tm", "import", str(toolkit_xliff), "--db", database)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"{toolkit_xliff}: 5 units read, 1 added, 0 already stored, 0 skipped, "
        f"4 drafts left out\n{database}: 1 units\n")
    lookup = run("tm", "lookup", "Your gift card %(card)s will pay for this order.", "--db",
                 database, "--from", "en", "--to", "uk", "--min", "50")
    assert lookup.exit_code == 0
    assert "Ваш сертифікат" not in lookup.stdout


def test_fuzzy_messages_carried_in_a_tmx_stay_out_of_the_memory(tmp_path: Path) -> None:
    (tmp_path / "uk.po").write_text(BARE_CATALOGUE, encoding="utf-8")
    memory = tmp_path / "uk.tmx"
    assert run("convert", str(tmp_path / "uk.po"), "-o", str(memory), "--include-fuzzy",
               "-q").exit_code == 0
    result = run("tm", "import", str(memory), "--db", str(tmp_path / "m.db"), "-q")
    assert result.exit_code == 0, result.stderr
    found = run("tm", "concordance", "Syndication", "--db", str(tmp_path / "m.db"),
                "--from", "en", "--to", "uk")
    assert found.exit_code == 0
    assert found.stdout == ""
    stats = run("tm", "stats", "--db", str(tmp_path / "m.db"))
    assert stats.stdout.startswith(f"{tmp_path / 'm.db'}: 4 units")


def test_a_catalogue_without_references_is_approved_in_xliff(tmp_path: Path) -> None:
    (tmp_path / "uk.po").write_text(BARE_CATALOGUE, encoding="utf-8")
    result = run("convert", str(tmp_path / "uk.po"), "-o", str(tmp_path / "uk.xlf"),
                 "--include-fuzzy")
    assert result.exit_code == 0, result.stderr
    root = etree.parse(str(tmp_path / "uk.xlf")).getroot()
    marks = {(element.tag.rpartition("}")[2], element.get("id"), element.get("approved"))
             for element in root.iter() if element.get("approved")}
    groups = {(tag, approved) for tag, _, approved in marks if tag == "group"}
    assert groups == {("group", "yes")}
    singles = sorted(approved for tag, unit_id, approved in marks
                     if tag == "trans-unit" and "[" not in (unit_id or ""))
    assert singles == ["no", "yes"]   # the fuzzy message, then "Static Files"
    assert sum(1 for tag, unit_id, approved in marks if tag == "trans-unit"
               and "[" in (unit_id or "") and approved == "yes") == 3


def test_translate_toolkit_reads_our_catalogue_xliff_with_fuzzy_only_where_fuzzy(
        tmp_path: Path) -> None:
    xliff_store = pytest.importorskip("translate.storage.poxliff",
                                      reason="translate-toolkit (test-only oracle) is absent")
    (tmp_path / "uk.po").write_text(BARE_CATALOGUE, encoding="utf-8")
    assert run("convert", str(tmp_path / "uk.po"), "-o", str(tmp_path / "uk.xlf"),
               "--include-fuzzy", "-q").exit_code == 0
    store = xliff_store.PoXliffFile((tmp_path / "uk.xlf").read_bytes())
    fuzzy = {str(unit.source): unit.isfuzzy() for unit in store.units if not unit.isheader()}
    assert fuzzy == {"Static Files": False, "%d byte copied": False, "Syndication": True}
