"""The streaming TMX writer: exact text, strict header, inline codes, forbidden characters."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree

from tests.golden import assert_golden
from tests.tmx_samples import DATE, HEADER, sample_units
from tmtool import safexml
from tmtool.errors import OutputError
from tmtool.formats.tmx import TmxHeader, derive_tuid, format_tmx_date, read_tmx, write_tmx
from tmtool.model import CodeKind, InlineCode, Prop, Segment, TranslationUnit, Variant

GOLDEN = Path(__file__).parent / "golden" / "tmx"


def _write(
    units: list[TranslationUnit], header: TmxHeader = HEADER, **kwargs: object
) -> tuple[str, list[str]]:
    warnings: list[str] = []
    out = io.BytesIO()
    write_tmx(units, out, header=header, on_warning=warnings.append, **kwargs)  # type: ignore[arg-type]
    return out.getvalue().decode("utf-8"), warnings


def _unit(
    *texts: str, tuid: str | None = "u", langs: tuple[str, ...] = ("uk-UA", "en-GB")
) -> TranslationUnit:
    return TranslationUnit(
        tuple(Variant(lang, Segment.from_text(text)) for lang, text in zip(langs, texts)), tuid=tuid
    )


def test_writer_output_matches_the_golden_file(update_golden: bool) -> None:
    text, warnings = _write(sample_units())
    assert warnings == []
    assert_golden(GOLDEN / "sample-units" / "expected.tmx", text, update_golden)


def test_golden_output_reads_back_to_the_same_units_trimmed() -> None:
    text, _ = _write(sample_units())
    units = list(read_tmx(io.BytesIO(text.encode()), name="golden.tmx"))
    assert units[0] == sample_units()[0]
    assert units[1] == sample_units()[1]
    assert units[2].variants[0].text == "Президенту України Володимирі Зеленському"
    assert units[2].variants[1].text == "to the President of Ukraine Volodymyr Zelenskyy"
    assert [v.lang for v in units[3].variants] == ["uk-UA", "en-GB"]


def test_written_tmx_validates_against_the_tmx14_dtd(shared_dir: Path) -> None:
    dtd_path = shared_dir / "spec" / "tmx14.dtd"
    if not dtd_path.is_file():
        pytest.skip(f"{dtd_path} is absent")
    with open(dtd_path, "rb") as handle:
        dtd = etree.DTD(handle)  # a local file object: nothing is fetched
    text, _ = _write(sample_units())
    tree = safexml.parse(text.encode("utf-8"), name="written.tmx")
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()


def test_writer_starts_with_utf8_declaration_and_doctype_and_no_bom() -> None:
    text, _ = _write([_unit("а", "a")])
    assert text.startswith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">'
    )
    without, _ = _write([_unit("а", "a")], doctype=False)
    assert "DOCTYPE" not in without


def test_writer_header_has_all_seven_required_attributes() -> None:
    text, _ = _write([])
    header = etree.fromstring(text.encode()).find("header")
    for name in (
        "creationtool",
        "creationtoolversion",
        "segtype",
        "o-tmf",
        "adminlang",
        "srclang",
        "datatype",
    ):
        assert header.get(name), name
    assert header.get("creationdate") == "20250101T120000Z"


def test_writer_fills_empty_header_fields_read_from_a_sloppy_file() -> None:
    text, _ = _write([], header=TmxHeader(srclang="uk-ua", segtype="", adminlang="", datatype=""))
    header = etree.fromstring(text.encode()).find("header")
    assert (
        header.get("srclang"),
        header.get("segtype"),
        header.get("adminlang"),
        header.get("datatype"),
    ) == ("uk-UA", "sentence", "en-US", "plaintext")


@pytest.mark.parametrize("srclang", ["*all*", "ua", "uk_UA", ""])
def test_writer_refuses_a_srclang_that_is_not_a_real_locale(srclang: str) -> None:
    with pytest.raises(OutputError):
        _write([_unit("а", "a")], header=TmxHeader(srclang=srclang))


def test_writer_refuses_an_unknown_segtype() -> None:
    with pytest.raises(OutputError, match="segtype 'word'"):
        _write([], header=TmxHeader(segtype="word"))


def test_writer_refuses_a_unit_in_a_locale_cat_tools_drop() -> None:
    with pytest.raises(OutputError, match="^unit u: locale 'ua'"):
        _write([_unit("а", "a", langs=("ua", "en-GB"))])


def test_writer_puts_locales_in_canonical_case() -> None:
    text, _ = _write([_unit("а", "a", langs=("UK-ua", "en-gb"))])
    assert '<tuv xml:lang="uk-UA">' in text and '<tuv xml:lang="en-GB">' in text


def test_writer_writes_dates_in_utc_basic_format() -> None:
    kyiv = timezone(timedelta(hours=2))
    unit = TranslationUnit(
        (Variant("uk-UA", Segment.from_text("а")),),
        tuid="d",
        creation_date=datetime(2025, 6, 1, 14, 30, 5, tzinfo=kyiv),
    )
    text, _ = _write([unit])
    assert 'creationdate="20250601T123005Z"' in text
    assert format_tmx_date(datetime(2025, 1, 2, 3, 4, 5)) == "20250102T030405Z"


def test_writer_fills_missing_unit_dates_only_when_asked() -> None:
    plain, _ = _write([_unit("а", "a")])
    assert '<tu tuid="u">' in plain
    dated, _ = _write([_unit("а", "a")], unit_date=DATE)
    assert '<tu tuid="u" creationdate="20250101T120000Z" changedate="20250101T120000Z">' in dated


def test_writer_keeps_text_exactly_and_trims_only_the_ends() -> None:
    inner = "a  b\u00a0c ’ ' \t d\r\ne"
    text, _ = _write([_unit(f" \n {inner}  \n", "x")])
    (unit,) = read_tmx(io.BytesIO(text.encode()), name="x")
    assert unit.variants[0].text == inner


def test_writer_never_indents_inside_seg() -> None:
    text, _ = _write(sample_units()[1:2])
    seg = text.split("<seg>")[1].split("</seg>")[0]
    assert "\n" not in seg


def test_writer_drops_forbidden_characters_with_a_warning_naming_the_unit() -> None:
    text, warnings = _write([_unit("a\x01b\x0bc\ud800", "x\uffffy", tuid="bad")])
    assert "\x01" not in text and "\x0b" not in text and "\uffff" not in text
    assert warnings == [
        "unit bad: dropped 4 character(s) that XML 1.0 forbids (U+0001, U+000B, U+D800, U+FFFF)"
    ]
    (unit,) = read_tmx(io.BytesIO(text.encode("utf-8")), name="x")
    assert [v.text for v in unit.variants] == ["abc", "xy"]


def test_writer_skips_units_with_an_empty_segment_and_says_so() -> None:
    warnings: list[str] = []
    count = write_tmx(
        [_unit("  ", "x", tuid="e"), _unit("а", "a")],
        io.BytesIO(),
        header=HEADER,
        on_warning=warnings.append,
    )
    assert count == 1
    assert warnings == ["unit e: skipped, it has an empty segment"]


def test_writer_keeps_one_variant_per_locale_and_says_so() -> None:
    unit = _unit("Кіт", "Cat", "Kitty", tuid="k", langs=("uk-UA", "en-GB", "en-gb"))
    text, warnings = _write([unit])
    assert warnings == ["unit k: dropped a second en-GB variant ('Kitty')"]
    (back,) = read_tmx(io.BytesIO(text.encode("utf-8")), name="x")
    assert [(v.lang, v.text) for v in back.variants] == [("uk-UA", "Кіт"), ("en-GB", "Cat")]


def test_writer_derives_a_stable_tuid_from_content() -> None:
    unit = _unit("а", "a", tuid=None)
    text, _ = _write([unit])
    again, _ = _write([_unit("а", "a", tuid=None)])
    other, _ = _write([_unit("б", "a", tuid=None)])
    assert f'tuid="{derive_tuid(unit)}"' in text
    assert text == again and text != other


def test_writer_makes_i_unique_when_pairs_repeat_in_a_segment() -> None:
    b_open, b_close = InlineCode(CodeKind.OPEN, 1, "<b>"), InlineCode(CodeKind.CLOSE, 1, "</b>")
    segment = Segment((b_open, "x", b_close, " ", b_open, "y", b_close))
    text, _ = _write([TranslationUnit((Variant("uk-UA", segment),), tuid="i")])
    seg = etree.fromstring(text.encode()).find("body/tu/tuv/seg")
    assert [(c.tag, c.get("i")) for c in seg] == [
        ("bpt", "1"),
        ("ept", "1"),
        ("bpt", "2"),
        ("ept", "2"),
    ]


def test_writer_writes_unpaired_codes_as_it_with_pos() -> None:
    segment = Segment(
        (InlineCode(CodeKind.CLOSE, 3, "</b>"), "x", InlineCode(CodeKind.OPEN, 3, "<b>"))
    )
    text, _ = _write([TranslationUnit((Variant("uk-UA", segment),), tuid="it")])
    seg = etree.fromstring(text.encode()).find("body/tu/tuv/seg")
    assert [(c.tag, c.get("pos")) for c in seg] == [("it", "end"), ("it", "begin")]


def test_writer_writes_props_only_as_given() -> None:
    text, _ = _write([_unit("а", "a")])
    assert "<prop" not in text
    unit = TranslationUnit(
        (Variant("uk-UA", Segment.from_text("а")),), tuid="p", props=(Prop("x-score", "0.9"),)
    )
    text, _ = _write([unit])
    assert '<prop type="x-score">0.9</prop>' in text


def test_writer_returns_the_number_of_units_written() -> None:
    assert write_tmx(sample_units(), io.BytesIO(), header=HEADER) == 4


def test_translate_toolkit_reads_our_output_as_the_same_units() -> None:
    ttk_tmx = pytest.importorskip(
        "translate.storage.tmx", reason="translate-toolkit (test-only oracle) is absent"
    )
    text, _ = _write(sample_units())
    store = ttk_tmx.tmxfile.parsestring(text.encode("utf-8"))
    ours = list(read_tmx(io.BytesIO(text.encode("utf-8")), name="x.tmx"))
    assert len(store.units) == len(ours) == 4
    for theirs, unit in zip(store.units, ours):
        assert theirs.getid() == unit.tuid
        assert theirs.source == unit.variants[0].segment.native_text()
        assert theirs.target == unit.variants[1].segment.native_text()


def test_writer_cleans_the_header_too_and_says_so() -> None:
    header = TmxHeader(srclang="uk-UA", notes=("a\x02b",), props=(Prop("x-p\x03", "v"),))
    text, warnings = _write([], header=header)
    assert "<note>ab</note>" in text and '<prop type="x-p">v</prop>' in text
    assert warnings == ["header: dropped 2 character(s) that XML 1.0 forbids"]
