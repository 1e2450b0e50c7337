"""TSV/CSV memories: header detection, TSV escapes and CSV quoting, errors with lines."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tmtool.errors import ConfigError, InputError, OutputError
from tmtool.formats.tabular import escape_tsv_cell, read_tabular, unescape_tsv_cell, write_tabular
from tmtool.model import Prop, Segment, TranslationUnit, Variant

DATA = Path(__file__).parent / "data" / "tabular"


def test_tsv_header_names_the_languages_and_escaped_cells_keep_tabs() -> None:
    units = list(read_tabular(DATA / "memory.tsv", src_lang="en-US", tgt_lang="de-DE"))
    assert [(u.variants[0].lang, u.variants[1].lang) for u in units] == [("uk-UA", "en-GB")] * 3
    assert [u.variants[1].text for u in units] == [
        "The Ambassador arrived in Kyiv.", 'A line with "quotes" and\ta tab', "Price: UAH 100."]
    assert [u.line for u in units] == [2, 3, 5]


def test_csv_without_header_uses_the_given_languages_and_keeps_line_breaks() -> None:
    units = list(read_tabular(DATA / "memory.csv", fmt="csv", src_lang="uk-UA", tgt_lang="en-US"))
    assert [v.lang for v in units[0].variants] == ["uk-UA", "en-US"]
    assert units[1].variants[0].text == "Перший рядок\nдругий рядок"
    assert [u.line for u in units] == [1, 2, 5]
    assert units[2].variants[1].text == "Comma, inside"


def test_row_with_three_cells_is_an_error_naming_its_line() -> None:
    with pytest.raises(InputError, match=r"three-columns.tsv:3: expected 2 columns "
                                         r"\(uk, en\), found 3; name every extra column"):
        list(read_tabular(DATA / "three-columns.tsv"))


def test_unterminated_quote_is_an_error() -> None:
    with pytest.raises(InputError, match=r"^m.csv:2: CSV syntax error: unexpected end of data$"):
        list(read_tabular(io.BytesIO(b'a,b\n"open,x\n'), name="m.csv", fmt="csv"))


def test_unknown_dialect_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        list(read_tabular(io.BytesIO(b""), name="m.txt", fmt="xlsx"))


def test_writer_round_trips_awkward_cells() -> None:
    units = [TranslationUnit((Variant("uk-UA", Segment.from_text(uk)),
                              Variant("en-GB", Segment.from_text(en))))
             for uk, en in [("а\tб", 'a "b"'), ("рядок\nдругий", "line\r\nsecond"), ("uk", "en")]]
    for fmt in ("tsv", "csv"):
        out = io.BytesIO()
        assert write_tabular(units, out, src_lang="uk-UA", tgt_lang="en-GB", fmt=fmt) == 3
        back = list(read_tabular(io.BytesIO(out.getvalue()), name="x", fmt=fmt))
        assert [(u.variants[0].text, u.variants[1].text) for u in back] == \
            [(u.variants[0].text, u.variants[1].text) for u in units]


def test_writer_refuses_a_unit_without_the_target_language() -> None:
    unit = TranslationUnit((Variant("uk-UA", Segment.from_text("а")),
                            Variant("de-DE", Segment.from_text("a"))), tuid="7")
    with pytest.raises(OutputError, match="unit 7 has no en-GB text"):
        write_tabular([unit], io.BytesIO(), src_lang="uk-UA", tgt_lang="en-GB")


# --- tmtool's TSV dialect: no quoting, escapes, named extra columns --------------------

SPEECH = DATA / "speech-110.tsv"
_CELL_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff") \
    | st.sampled_from(["\t", "\n", "\r", "\\", '"', "'", "\u2028", "\u0085", "t", "n"])


def _pairs(data: bytes, name: str = "m.tsv") -> list[tuple[str, str]]:
    return [(u.variants[0].text, u.variants[1].text)
            for u in read_tabular(io.BytesIO(data), name=name)]


def test_a_quote_at_the_start_of_a_segment_is_just_a_character() -> None:
    data = 'Він сказав: «Так».\t"Yes," he said.\n'.encode()
    assert _pairs(data) == [("Він сказав: «Так».", '"Yes," he said.')]


def test_an_opening_quote_never_swallows_the_following_lines() -> None:
    data = ('uk-UA\ten-GB\n«Ми вистоїмо.\t"We will endure.\nМи відбудуємо.\t"We will rebuild.\n'
            'Дякую.\tThank you.\n').encode()
    assert _pairs(data) == [("«Ми вистоїмо.", '"We will endure.'),
                            ("Ми відбудуємо.", '"We will rebuild.'), ("Дякую.", "Thank you.")]


def test_a_speech_of_110_lines_gives_110_units_each_from_its_own_line() -> None:
    lines = SPEECH.read_text(encoding="utf-8").splitlines()[1:]
    units = list(read_tabular(SPEECH))
    assert len(lines) == len(units) == 110
    assert [(u.variants[0].text, u.variants[1].text) for u in units] == \
        [tuple(line.split("\t")) for line in lines]
    assert [u.line for u in units] == list(range(2, 112))


@pytest.mark.parametrize(("field", "text"), [
    ("a\\tb", "a\tb"), ("рядок\\nдругий", "рядок\nдругий"), ("cr\\r", "cr\r"),
    ("back\\\\slash", "back\\slash"), ("C:\\Users\\olena", "C:\\Users\\olena"),
    (r"\d+ and \w", r"\d+ and \w"), ("ends with \\", "ends with \\"), ("\\\\n", "\\n"),
])
def test_escapes_and_other_backslashes(field: str, text: str) -> None:
    assert unescape_tsv_cell(field) == text
    assert unescape_tsv_cell(escape_tsv_cell(text)) == text


def test_windows_line_ends_and_unicode_line_separators() -> None:
    data = "uk-UA\ten-GB\r\nПерший\u2028рядок\tFirst\u0085line\r\nДругий\tSecond\r\n".encode()
    assert _pairs(data) == [("Перший\u2028рядок", "First\u0085line"), ("Другий", "Second")]


@given(st.lists(st.tuples(st.text(_CELL_CHARS, max_size=20), st.text(_CELL_CHARS, max_size=20))
                .filter(lambda p: p[0].strip() or p[1].strip()), max_size=8))
@settings(max_examples=60, deadline=None)
def test_every_text_survives_write_and_read_one_line_a_unit(pairs: list[tuple[str, str]]) -> None:
    units = [TranslationUnit((Variant("uk-UA", Segment.from_text(uk)),
                              Variant("en-GB", Segment.from_text(en)))) for uk, en in pairs]
    out = io.BytesIO()
    write_tabular(units, out, src_lang="uk-UA", tgt_lang="en-GB")
    assert out.getvalue().count(b"\n") == 1 + len(pairs)
    assert _pairs(out.getvalue()) == pairs


def test_a_named_score_column_becomes_the_score_prop_and_others_column_props() -> None:
    data = "uk-UA\ten-GB\tscore\tnote\nТак.\tYes.\t0.9712\tchecked\nНі.\tNo.\t\t\n".encode()
    units = list(read_tabular(io.BytesIO(data), name="m.tsv"))
    assert [u.props for u in units] == [
        (Prop("x-tmtool-score", "0.9712"), Prop("x-column-note", "checked")), ()]


@pytest.mark.parametrize(("data", "message"), [
    ("Так.\tYes.\t0.9712\n",
     ("m.tsv:1: expected 2 columns (uk-UA, en-GB), found 3; name every extra column in a first "
     "row (e.g. uk-UA<TAB>en-GB<TAB>score)")),
    ("uk-UA\ten-GB\tscore\nТак.\tYes.\thigh\n", "m.tsv:2: score 'high' is not a number from 0 to 1"),
    ("uk-UA\ten-GB\tscore\nТак.\tYes.\n", "m.tsv:2: expected 3 columns (uk-UA, en-GB, score), found 2"),
    ("uk-UA\ten-GB\t\nТак.\tYes.\t1\n",
     "m.tsv:1: column 3 of the header has no name; name every extra column (e.g. score)"),
    ("uk-UA\ten-GB\tde-DE\nТак.\tYes.\tJa.\n",
     ("m.tsv:1: column 3 of the header is the locale de-DE; a file holds two languages, source "
     "and target")),
    ("uk-UA\ten-GB\tnote\tnote\n", "m.tsv:1: the header names an extra column twice"),
    ("Так.\n", "m.tsv:1: expected 2 columns (uk-UA, en-GB), found 1"),
])
def test_columns_nobody_named_or_bad_values_are_errors_with_the_line(data: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        list(read_tabular(io.BytesIO(data.encode()), name="m.tsv"))
    assert str(caught.value) == message


def test_csv_stays_csv_with_quoting_and_named_columns() -> None:
    data = 'uk-UA,en-GB,score\n"Він сказав: «Так».","""Yes,"" he said.",0.5\n'.encode()
    [unit] = list(read_tabular(io.BytesIO(data), name="m.csv", fmt="csv"))
    assert unit.variants[1].text == '"Yes," he said.'
    assert unit.props == (Prop("x-tmtool-score", "0.5"),)
    out = io.BytesIO()
    write_tabular([unit], out, src_lang="uk-UA", tgt_lang="en-GB", fmt="csv")
    assert out.getvalue().decode() == 'uk-UA,en-GB\nВін сказав: «Так».,"""Yes,"" he said."\n'
