"""XLIFF 1.2 (plain and Trados `seg-source`) and 2.0 in, XLIFF 1.2 out."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from tmtool.errors import InputError
from tmtool.formats.xliff import read_xliff
from tmtool.formats.xliff_write import write_xliff
from tmtool.model import CodeKind, InlineCode, Segment, TranslationUnit, Variant

DATA = Path(__file__).parent / "data" / "xliff"


def _read(name: str) -> list[TranslationUnit]:
    return list(read_xliff(DATA / name))


def test_trados_seg_source_gives_one_unit_per_segment_paired_by_mid() -> None:
    units = _read("trados-seg-source.sdlxliff")
    assert [u.tuid for u in units] == ["a1b2c3#1", "a1b2c3#2", "g7h8"]
    assert [(u.variants[0].text, u.variants[1].text) for u in units] == [
        ("Посол прибув до Києва.", "The Ambassador arrived in Kyiv."),
        ("Він зустрівся з міністром.", "He met the Minister."),
        ("Сторони підписали меморандум.", "The parties signed a memorandum."),
    ]


def test_trados_file_skips_empty_targets_and_locked_groups_and_keeps_status() -> None:
    units = _read("trados-seg-source.sdlxliff")
    assert all("Переговори" not in u.variants[0].text for u in units)   # empty target
    assert all("Ромашка" not in u.variants[0].text for u in units)      # translate="no"
    assert units[0].prop("x-sdl-conf") == "ApprovedTranslation"
    assert units[2].notes == ("Check the term «меморандум».",)
    assert units[0].prop("x-document") == r"C:\Projects\Embassy\press-release.docx"


def test_languages_and_lines_come_from_the_file() -> None:
    unit = _read("trados-seg-source.sdlxliff")[1]
    assert [v.lang for v in unit.variants] == ["uk-UA", "en-GB"]
    assert (unit.line, unit.variants[0].line, unit.variants[1].line) == (12, 14, 15)


def test_12_inline_codes_map_to_inline_codes() -> None:
    units = {u.tuid: u for u in _read("inline-codes-12.xlf")}
    save = units["save"].variants[1].segment
    assert save.parts == (
        "Click ", InlineCode(CodeKind.OPEN, 1, "<b>", "bold"), "Save",
        InlineCode(CodeKind.CLOSE, 1, "</b>", "bold"), ",",
        InlineCode(CodeKind.STANDALONE, None, "<br/>"),
        " to continue.")
    link = units["link"].variants[0].segment
    assert [(c.kind, c.pair) for c in link.codes] == [
        (CodeKind.OPEN, 1), (CodeKind.CLOSE, 1), (CodeKind.STANDALONE, None)]
    isolated = units["split"].variants[0].segment.codes
    assert isolated == (InlineCode(CodeKind.OPEN, None, "<i>"),)


def test_12_state_approval_and_language_repair() -> None:
    units = {u.tuid: u for u in _read("inline-codes-12.xlf")}
    assert "untranslated" not in units
    assert units["save"].prop("x-xliff-state") == "final"
    assert units["save"].prop("x-xliff-approved") == "yes"
    assert [v.lang for v in units["save"].variants] == ["uk", "en-US"]   # en_US repaired


def test_20_units_segments_states_and_notes() -> None:
    units = _read("sample-20.xlf")
    assert [u.tuid for u in units] == ["u1#s1", "u1#s2", "u2", "u4"]
    assert [u.prop("x-xliff-state") for u in units] == ["final", "translated", None, "initial"]
    assert units[1].prop("x-xliff-substate") == "acme:checked"
    assert units[0].notes == ("Headline",)
    assert units[3].variants[1].text == "Start and sign\u00a0here"


def test_20_inline_codes_take_native_markup_from_original_data() -> None:
    unit = _read("sample-20.xlf")[2]
    assert unit.variants[1].segment.native_text() == \
        "Ambassador <strong>Tolezhan Barlybayev</strong><br/>replied."
    assert [(c.kind, c.pair) for c in unit.variants[1].segment.codes] == [
        (CodeKind.OPEN, 1), (CodeKind.CLOSE, 1), (CodeKind.STANDALONE, None)]


@pytest.mark.parametrize(("content", "message"), [
    (b"<xliff version='1.2'><file>", r"^bad.xlf:1: not well-formed XML: "),
    (b"<tmx version='1.4'/>", r"^bad.xlf:1: not an XLIFF file: the root element is <tmx>$"),
    (b"<xliff version='3.0'/>", r"^bad.xlf:1: unsupported XLIFF version '3.0'$"),
    ((b"<xliff xmlns='urn:oasis:names:tc:xliff:document:1.2' version='1.2'>\n<file "
      b"source-language='ua' target-language='en'><body/></file></xliff>"),
     r"^bad.xlf:2: source-language: locale 'ua': 'ua' is not a language code; use 'uk'$"),
])
def test_reader_reports_bad_files_with_line(content: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        list(read_xliff(io.BytesIO(content), name="bad.xlf"))


def test_reader_needs_a_target_language_from_file_or_caller() -> None:
    content = (b"<xliff version='1.2'><file source-language='uk'><body><trans-unit id='1'>"
               b"<source>a</source><target>b</target></trans-unit></body></file></xliff>")
    with pytest.raises(InputError, match="no target language"):
        list(read_xliff(io.BytesIO(content), name="x.xlf"))
    unit = next(read_xliff(io.BytesIO(content), name="x.xlf", tgt_lang="en-GB"))
    assert unit.variants[1].lang == "en-GB"


def _unit(tuid: str, uk: Segment, en: Segment) -> TranslationUnit:
    return TranslationUnit((Variant("uk-UA", uk), Variant("en-GB", en)), tuid=tuid)


def test_writer_output_reads_back_with_the_same_segments_and_codes() -> None:
    bold = (InlineCode(CodeKind.OPEN, 1, "<b>", "bold"), InlineCode(CodeKind.CLOSE, 1, "</b>", "bold"))
    units = [
        _unit("a", Segment.from_text("Ціна & умови <оновлено>"), Segment.from_text("Price & terms")),
        _unit("b", Segment(("Натисніть ", bold[0], "Зберегти", bold[1], ".")),
              Segment(("Click ", bold[0], "Save", bold[1], "."))),
        _unit("c", Segment((InlineCode(CodeKind.CLOSE, None, "</i>"), "кінець",
                            InlineCode(CodeKind.STANDALONE, None, "<br/>"))),
              Segment((InlineCode(CodeKind.CLOSE, None, "</i>"), "end",
                       InlineCode(CodeKind.STANDALONE, None, "<br/>")))),
    ]
    out = io.BytesIO()
    assert write_xliff(units, out, src_lang="uk-UA", tgt_lang="en-GB") == 3
    out.seek(0)
    back = list(read_xliff(out, name="out.xlf"))
    assert [u.tuid for u in back] == ["a", "b", "c"]
    assert [(u.variants[0].segment, u.variants[1].segment) for u in back] == \
        [(u.variants[0].segment, u.variants[1].segment) for u in units]


def test_writer_numbers_repeated_or_missing_ids_and_keeps_state_and_notes() -> None:
    units = [
        TranslationUnit((Variant("uk-UA", Segment.from_text("а")),
                         Variant("en-GB", Segment.from_text("a"))), tuid="1",
                        notes=("check",)),
        _unit("1", Segment.from_text("б"), Segment.from_text("b")),
        TranslationUnit((Variant("uk-UA", Segment.from_text("в")),
                         Variant("en-GB", Segment.from_text("c")))),
    ]
    out = io.BytesIO()
    write_xliff(units, out, src_lang="uk-UA", tgt_lang="en-GB")
    out.seek(0)
    back = list(read_xliff(out, name="out.xlf"))
    assert [u.tuid for u in back] == ["1", "2", "3"]
    assert back[0].notes == ("check",)


def test_memoq_file_with_three_letter_codes_and_unsegmented_target() -> None:
    (unit,) = _read("memoq-style.mqxliff")
    assert [v.lang for v in unit.variants] == ["uk-UA", "en-GB"]
    assert unit.variants[1].text == "The Ambassador presented his credentials."
    assert unit.prop("x-mq-status") == "ManuallyConfirmed"
