"""Two-column TSV/CSV memories: header detection, spreadsheet quoting, errors with lines."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from tmtool.errors import ConfigError, InputError, OutputError
from tmtool.formats.tabular import read_tabular, write_tabular
from tmtool.model import Segment, TranslationUnit, Variant

DATA = Path(__file__).parent / "data" / "tabular"


def test_tsv_header_names_the_languages_and_quoted_cells_keep_tabs() -> None:
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
                                         r"\(source, target\), found 3$"):
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
