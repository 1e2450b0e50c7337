"""PO in and out: one unit per message and plural form, contexts and comments kept, fuzzy
and obsolete entries left out, a valid header written."""
from __future__ import annotations

import io
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import polib
import pytest

from tests.components import msgfmt_check
from tmtool.errors import InputError, OutputError
from tmtool.formats.po import PLURAL_FORMS, PoReader, read_po, write_po
from tmtool.model import Prop, Segment, TranslationUnit, Variant

DATA = Path(__file__).parent / "data" / "po"
APP = DATA / "app.uk.po"


def _pairs(units: list[TranslationUnit]) -> list[tuple[str, str]]:
    return [(u.variants[0].text, u.variants[1].text) for u in units]


def test_reader_yields_translated_messages_and_every_plural_form() -> None:
    units = list(read_po(APP, src_lang="en-GB"))
    assert _pairs(units) == [
        ("News", "Новини"),
        ("Embassy", "Посольство"),
        ("Embassy", "Посольство Казахстану"),
        ("%(count)d visit", "%(count)d візит"),
        ("%(count)d visits", "%(count)d візити"),
        ("%(count)d visits", "%(count)d візитів"),
        ("One comment", "Один коментар"),
        ("%d comments", "%d коментарі"),
        ("%d comments", "%d коментарів"),
        ("A long message that gettext wraps over several lines because it does not fit into one.",
         "Довге повідомлення, яке gettext переносить на кілька рядків, бо воно не вміщується в один."),
    ]


def test_reader_labels_msgids_english_and_msgstrs_by_the_header_with_the_region() -> None:
    unit = next(read_po(APP))
    assert [v.lang for v in unit.variants] == ["en-GB", "uk-UA"]
    assert unit.src_lang == "en-GB"


def test_reader_takes_languages_given_before_the_header() -> None:
    unit = next(read_po(APP, src_lang="en-US", tgt_lang="uk-UA"))
    assert [v.lang for v in unit.variants] == ["en-US", "uk-UA"]


def test_reader_keeps_context_plural_marks_comments_and_references() -> None:
    units = {u.tuid: u for u in read_po(APP, src_lang="en-GB")}
    menu = next(u for u in units.values() if u.prop("x-context") == "menu")
    assert menu.notes == ('Translator: "посольство" with a capital letter only in names.',)
    assert menu.prop("x-po-reference") == "templates/base.html:14"
    forms = [u for u in units.values() if u.prop("x-context") == "news"]
    assert [u.prop("x-plural-form") for u in forms] == ["0", "1", "2"]
    assert forms[0].prop("x-msgid-plural") == "%d comments"
    assert forms[2].prop("x-msgid") == "One comment"
    assert len(units) == 10, "tuids must be unique (context and plural form are part of them)"


def test_reader_sets_lines_of_unit_msgid_and_msgstr() -> None:
    units = list(read_po(APP, src_lang="en-GB"))
    plural = units[3]
    assert (plural.line, plural.variants[0].line, plural.variants[1].line) == (34, 34, 36)
    assert units[5].variants[1].line == 38
    assert units[-1].variants[1].line == 59


def test_reader_skips_fuzzy_unless_asked_and_never_reads_obsolete() -> None:
    plain = _pairs(list(read_po(APP, src_lang="en-GB")))
    fuzzy = list(read_po(APP, src_lang="en-GB", include_fuzzy=True))
    assert ("Consular department", "Консульський відділ") not in plain
    assert ("Consular department", "Консульський відділ") in _pairs(fuzzy)
    assert next(u for u in fuzzy if u.variants[0].text == "Consular department").prop(
        "x-po-flags") == "fuzzy"
    assert all("Old slogan" not in u.variants[0].text for u in fuzzy)


@pytest.mark.parametrize(("name", "line", "problem"), [
    ("broken-quote.po", 6, "PO syntax error: unterminated or badly quoted string"),
    ("broken-keyword.po", 7, "PO syntax error: unexpected line"),
])
def test_reader_reports_syntax_errors_with_line(name: str, line: int, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        list(read_po(DATA / name))
    assert (caught.value.line, caught.value.problem) == (line, problem)


def test_reader_reports_a_truncated_entry() -> None:
    data = b'msgid ""\nmsgstr ""\n"Language: uk\\n"\n\nmsgid "News"\n'
    with pytest.raises(InputError, match=r"^x.po:5: PO syntax error: msgid without msgstr"):
        list(read_po(io.BytesIO(data), name="x.po"))


def test_reader_keeps_line_separators_inside_a_message() -> None:
    data = 'msgid "a\u2028b"\nmsgstr "в\u0085г"\n'.encode()
    unit = next(read_po(io.BytesIO(data), name="x.po", tgt_lang="uk-UA"))
    assert (unit.variants[0].text, unit.variants[1].text) == ("a\u2028b", "в\u0085г")


def _write(units: list[TranslationUnit], src: str = "en-GB", tgt: str = "uk-UA") -> str:
    out = io.BytesIO()
    write_po(units, out, src_lang=src, tgt_lang=tgt,
             revision_date=datetime(2025, 1, 2, 3, 4, tzinfo=timezone.utc))
    return out.getvalue().decode("utf-8")


def test_writer_reassembles_plurals_and_writes_the_ukrainian_plural_header() -> None:
    text = _write(list(read_po(APP, src_lang="en-GB")))
    assert '"Language: uk_UA\\n"' in text
    assert ('"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && '
            'n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"') in text
    assert ('msgctxt "news"\nmsgid "One comment"\nmsgid_plural "%d comments"\n'
            'msgstr[0] "Один коментар"\nmsgstr[1] "%d коментарі"\nmsgstr[2] "%d коментарів"\n') in text


def test_writer_writes_the_english_plural_header() -> None:
    unit = TranslationUnit((Variant("uk-UA", Segment.from_text("файл")),
                            Variant("en-GB", Segment.from_text("file"))))
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in _write([unit], "uk-UA", "en-GB")


def test_writer_refuses_plurals_for_a_language_without_known_plural_forms() -> None:
    unit = TranslationUnit((Variant("en", Segment.from_text("file")),
                            Variant("ja", Segment.from_text("ファイル"))),
                           props=(Prop("x-plural-form", "0"), Prop("x-msgid-plural", "files")))
    with pytest.raises(OutputError, match="no Plural-Forms known for ja"):
        _write([unit], "en", "ja")


def test_writer_output_reads_back_to_the_same_units() -> None:
    units = list(read_po(APP, src_lang="en-GB", include_fuzzy=True))
    again = list(read_po(io.BytesIO(_write(units, "en-GB", "uk").encode()), name="again.po",
                         src_lang="en-GB", include_fuzzy=True))
    assert again == units


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext msgfmt is not installed")
def test_writer_output_passes_msgfmt_check(tmp_path: Path) -> None:
    path = tmp_path / "out.po"
    path.write_text(_write(list(read_po(APP, src_lang="en-GB"))), encoding="utf-8")
    result = subprocess.run(["msgfmt", "--check-format", "--check-header", "-o", "/dev/null",
                             str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_white_space_at_message_ends_survives_trimming_writers() -> None:
    data = 'msgid "Usage: tmtool\\n"\nmsgstr "Використання: tmtool\\n"\n'.encode()
    unit = next(read_po(io.BytesIO(data), name="x.po", src_lang="en-GB", tgt_lang="uk-UA"))
    assert unit.prop("x-po-edges") == '["", "\\n", "", "\\n"]'
    trimmed = TranslationUnit(
        tuple(Variant(v.lang, Segment.from_text(v.text.strip())) for v in unit.variants),
        props=unit.props)
    assert 'msgid "Usage: tmtool\\n"\nmsgstr "Використання: tmtool\\n"\n' in _write([trimmed])


DJANGO = DATA / "django-style.uk.po"
LAUNCHPAD = DATA / "launchpad" / "uk.po"


def _msgfmt_check(tmp_path: Path, text: str) -> None:
    path = tmp_path / "check.po"
    path.write_text(text, encoding="utf-8")
    msgfmt_check(path)


def test_reader_counts_what_it_leaves_out() -> None:
    reader = PoReader(DJANGO)
    units = list(reader)
    assert (len(units), reader.messages) == (15, 9)
    assert dict(reader.left_out) == {"obsolete": 2, "fuzzy": 3, "untranslated": 1}
    fuzzy = PoReader(DJANGO, include_fuzzy=True)
    assert (len(list(fuzzy)), fuzzy.messages, fuzzy.left_out["fuzzy"]) == (21, 12, 0)


def test_reader_keeps_previous_msgids_and_every_flag_of_fuzzy_entries() -> None:
    units = {u.tuid: u for u in read_po(DJANGO, include_fuzzy=True)}
    button = next(u for u in units.values() if u.prop("x-context") == "button")
    assert (button.prop("x-po-previous-msgctxt"), button.prop("x-po-previous-msgid")) == (
        "button", "Send form")
    days = [u for u in units.values() if u.prop("x-msgid") == "%d working day"
            or u.variants[0].text == "%d working day"]
    assert [u.prop("x-po-previous-msgid-plural") for u in days] == ["%d days"] * 4
    visa = next(u for u in units.values() if "Visa" in u.variants[0].text)
    assert visa.prop("x-po-flags") == "fuzzy, python-format"


def test_reader_carries_an_empty_msgid_with_context_as_one_placeholder() -> None:
    unit = next(u for u in read_po(DJANGO) if (u.prop("x-context") or "").startswith("month"))
    source = unit.variants[0].segment
    assert source.native_text() == "" and source.codes[0].type == "x-po-blank"


def test_reader_header_says_language_and_plural_forms_as_written() -> None:
    header = PoReader(DJANGO).header
    assert header.language == "uk"
    assert header.plural_forms is not None and header.plural_forms.startswith("nplurals=4;")


def _round_trip(path: Path, **options: object) -> tuple[str, list[str]]:
    reader = PoReader(path, include_fuzzy=True)
    warnings: list[str] = []
    out = io.BytesIO()
    write_po(list(reader), out, src_lang="en-GB", tgt_lang="uk-UA", header=reader.header,
             on_warning=warnings.append, **options)  # type: ignore[arg-type]
    return out.getvalue().decode("utf-8"), warnings


def test_writer_keeps_long_comments_line_for_line(tmp_path: Path) -> None:
    text, _ = _round_trip(DJANGO)
    assert ("#. Translators: the name of the service in the site header; keep it short, "
            "because the header has room for about thirty characters only.\n") in text
    assert ('# Капітал "Посольство" only in names.\n# Second line of the translator comment.\n'
            "#: portal/templates/base.html:14 portal/templates/menu.html:3\n") in text
    _msgfmt_check(tmp_path, text)


def test_writer_uses_the_carried_plural_forms_and_language(tmp_path: Path) -> None:
    text, warnings = _round_trip(DJANGO)
    catalog = polib.pofile(text)
    assert catalog.metadata["Language"] == "uk"
    assert catalog.metadata["Plural-Forms"] == PoReader(DJANGO).header.plural_forms
    assert warnings == []
    plural = catalog.find("%(count)d application")
    assert plural is not None and len(plural.msgstr_plural) == 4
    _msgfmt_check(tmp_path, text)


def test_writer_without_a_carried_header_uses_the_standard_rule(tmp_path: Path) -> None:
    reader = PoReader(LAUNCHPAD)
    out = io.BytesIO()
    write_po(list(reader), out, src_lang="en-GB", tgt_lang="uk-UA", header=reader.header)
    text = out.getvalue().decode("utf-8")
    assert polib.pofile(text).metadata["Plural-Forms"] == PLURAL_FORMS["uk"]
    _msgfmt_check(tmp_path, text)


def test_a_fourth_form_raises_nplurals_of_the_standard_rule_and_is_reported(
        tmp_path: Path) -> None:
    units = list(read_po(DJANGO))
    warnings: list[str] = []
    out = io.BytesIO()
    write_po(units, out, src_lang="en-GB", tgt_lang="uk-UA", on_warning=warnings.append)
    text = out.getvalue().decode("utf-8")
    catalog = polib.pofile(text)
    assert catalog.metadata["Plural-Forms"] == PLURAL_FORMS["uk"].replace(
        "nplurals=3;", "nplurals=4;")
    entry = catalog.find("%(count)d application")
    assert entry is not None and entry.msgstr_plural[3] == "%(count)d заяви"
    assert warnings == [(
        "some messages have 4 plural forms, more than the 3 of the Plural-Forms rule for "
        "uk-UA: wrote nplurals=4 with the same formula, which never selects the extra forms "
        "(no form was dropped)")]
    _msgfmt_check(tmp_path, text)


def test_writer_counts_a_conflicting_translation_and_keeps_the_first() -> None:
    def unit(target: str) -> TranslationUnit:
        return TranslationUnit((Variant("en-GB", Segment.from_text("Embassy")),
                                Variant("uk-UA", Segment.from_text(target))))

    out = io.BytesIO()
    result = write_po([unit("Посольство"), unit("Посольство"), unit("Амбасада")], out,
                      src_lang="en-GB", tgt_lang="uk-UA")
    assert (result.messages, result.units, result.left_out) == (1, 3, (("conflicting", 1),))
    assert polib.pofile(out.getvalue().decode()).find("Embassy").msgstr == "Посольство"
