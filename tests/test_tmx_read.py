"""The streaming TMX reader: versions, encodings, inline codes, metadata, errors."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tmtool.errors import InputError
from tmtool.formats.tmx import TmxReader, parse_tmx_date, read_tmx, read_tmx_header
from tmtool.model import CodeKind, InlineCode, Prop, Segment

DATA = Path(__file__).parent / "data" / "tmx"
UTC = timezone.utc


def _read(name: str) -> list:  # type: ignore[type-arg]
    with open(DATA / name, "rb") as stream:
        return list(read_tmx(stream, name=name))


def _tmx(body: str, header: str = 'srclang="uk-UA"') -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        f'<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" '
        f'adminlang="en-US" datatype="plaintext" {header}/>\n<body>\n{body}\n</body>\n</tmx>\n'
    ).encode()


def test_reader_yields_units_with_text_metadata_and_lines() -> None:
    first, second, third = _read("basic.tmx")
    assert first.tuid == "t1"
    assert first.line == 11
    assert [v.lang for v in first.variants] == ["uk-UA", "en-GB"]
    assert first.variant("uk-UA").text == "Ціна & умови «оплати» — 100 грн."  # type: ignore[union-attr]
    assert first.variant("en").text == 'Price & "payment" terms — UAH 100.'  # type: ignore[union-attr]
    assert first.variants[0].line == 14
    assert first.props == (Prop("x-document", "interview.md"),)
    assert first.notes == ("First sentence.",)
    assert first.creation_date == datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    assert first.creation_id == "olena"
    assert first.variants[1].props == (Prop("x-score", "0.93"),)
    assert first.variants[1].change_date == datetime(2025, 1, 2, tzinfo=UTC)
    assert second.tuid == "t2" and third.tuid == "t3"


def test_reader_parses_dates_leniently() -> None:
    (first, *_rest) = _read("basic.tmx")
    assert first.change_date == datetime(2025, 2, 3, 4, 5, 6, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20250101T120000Z", datetime(2025, 1, 1, 12, tzinfo=UTC)),
        ("2025-01-01T12:00:00Z", datetime(2025, 1, 1, 12, tzinfo=UTC)),
        ("2025-01-01 12:00:00 UTC", datetime(2025, 1, 1, 12, tzinfo=UTC)),
        ("20250101T140000+0200", datetime(2025, 1, 1, 12, tzinfo=UTC)),
        ("20250101", datetime(2025, 1, 1, tzinfo=UTC)),
        ("20251301T000000Z", None),
        ("yesterday", None),
    ],
)
def test_parse_tmx_date_accepts_common_variants(text: str, expected: datetime | None) -> None:
    assert parse_tmx_date(text) == expected


def test_reader_turns_bpt_ept_into_a_pair_and_ph_into_a_standalone_code() -> None:
    unit = _read("basic.tmx")[1]
    bold_open = InlineCode(CodeKind.OPEN, 1, "<b>", "bold")
    bold_close = InlineCode(CodeKind.CLOSE, 1, "</b>", "bold")
    line_break = InlineCode(CodeKind.STANDALONE, None, "<br/>", "lb")
    assert unit.variants[0].segment == Segment(
        ("Натисніть ", bold_open, "Зберегти", bold_close, ",", line_break, " щоб продовжити.")
    )
    assert unit.variants[0].text == "Натисніть Зберегти, щоб продовжити."


def test_reader_keeps_it_unpaired_and_hi_as_an_empty_pair_around_its_text() -> None:
    unit = _read("basic.tmx")[2]
    parts = unit.variants[1].segment.parts
    assert parts[0] == InlineCode(CodeKind.OPEN, None, "<i>", "italic")
    assert parts[1] == "The start of a "
    hi_open, word, hi_close = parts[2], parts[3], parts[4]
    assert isinstance(hi_open, InlineCode) and isinstance(hi_close, InlineCode)
    assert (hi_open.kind, hi_close.kind) == (CodeKind.OPEN, CodeKind.CLOSE)
    assert hi_open.pair == hi_close.pair and hi_open.type == "emphasis"
    assert word == "very"
    assert unit.variants[1].text == "The start of a very long"


def test_reader_gives_non_numeric_i_values_distinct_pairs() -> None:
    data = _tmx(
        '<tu><tuv xml:lang="uk-UA"><seg><bpt i="a">[</bpt>x<ept i="a">]</ept>'
        '<bpt i="b">(</bpt>y<ept i="b">)</ept></seg></tuv></tu>'
    )
    (unit,) = read_tmx(io.BytesIO(data), name="x.tmx")
    codes = unit.variants[0].segment.codes
    assert codes[0].pair == codes[1].pair != codes[2].pair == codes[3].pair


def test_reader_accepts_ut_as_a_standalone_code() -> None:
    data = _tmx('<tu><tuv xml:lang="uk-UA"><seg>a<ut>{\\b}</ut>b</seg></tuv></tu>')
    (unit,) = read_tmx(io.BytesIO(data), name="x.tmx")
    assert unit.variants[0].segment.parts == (
        "a",
        InlineCode(CodeKind.STANDALONE, None, "{\\b}"),
        "b",
    )


def test_reader_reads_tmx_1_1_with_lang_attribute() -> None:
    (unit,) = _read("tmx11-lang.tmx")
    assert [v.lang for v in unit.variants] == ["UK-UA", "EN-US"]
    assert unit.variant("uk-UA").text == "Сторони погодили такі умови."  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "name", ["utf16-bom.tmx", "utf16le-no-bom.tmx", "utf16be-no-bom.tmx", "utf8-bom.tmx"]
)
def test_reader_accepts_utf16_and_bom_variants(name: str) -> None:
    assert _read(name) == _read("basic.tmx")


def test_reader_exposes_the_header_once_read() -> None:
    with open(DATA / "basic.tmx", "rb") as stream:
        reader = TmxReader(stream, name="basic.tmx")
        assert reader.header is None
        next(iter(reader))
        header = reader.header
    assert header is not None
    assert (header.srclang, header.segtype, header.datatype, header.o_tmf) == (
        "uk-UA",
        "sentence",
        "html",
        "none",
    )
    assert header.creationdate == datetime(2025, 1, 1, 12, tzinfo=UTC)
    assert header.props == (Prop("x-project", "interview"),)
    assert header.notes == ("Hand-written test fixture.",)
    assert header.version == "1.4"


def test_read_tmx_header_reads_only_the_header() -> None:
    with open(DATA / "tmx11-lang.tmx", "rb") as stream:
        header = read_tmx_header(stream, name="tmx11-lang.tmx")
    assert (header.srclang, header.creationtool, header.version) == ("UK-UA", "OmegaT", "1.1")


def test_reader_keeps_segment_text_exactly_including_spaces() -> None:
    data = _tmx('<tu><tuv xml:lang="uk-UA"><seg>  два  пробіли\u00a0NBSP’ \n</seg></tuv></tu>')
    (unit,) = read_tmx(io.BytesIO(data), name="x.tmx")
    assert unit.variants[0].text == "  два  пробіли\u00a0NBSP’ \n"


def test_reader_clears_units_as_it_goes() -> None:
    body = "\n".join(
        f'<tu tuid="{n}"><tuv xml:lang="uk-UA"><seg>т {n}</seg></tuv></tu>' for n in range(50)
    )
    reader = read_tmx(io.BytesIO(_tmx(body)), name="x.tmx")
    first = next(reader)
    assert first.tuid == "0"
    units = list(reader)
    assert [u.tuid for u in units] == [str(n) for n in range(1, 50)]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not-xml.tmx", "not-xml.tmx:1: not well-formed XML: Start tag expected, '<' not found"),
        (
            "truncated.tmx",
            "truncated.tmx:17: not well-formed XML: Premature end of data in tag body line 10",
        ),
        ("wrong-root.tmx", "wrong-root.tmx:2: root element is <html>, not <tmx>"),
        ("missing-seg.tmx", 'missing-seg.tmx:7: <tuv xml:lang="en-GB"> has no <seg>'),
        (
            "unknown-encoding.tmx",
            "unknown-encoding.tmx:1: not well-formed XML: Unsupported encoding: x-klingon",
        ),
        (
            "external-entity.tmx",
            "external-entity.tmx:1: the DOCTYPE declares entities, which tmtool refuses to expand",
        ),
        (
            "billion-laughs.tmx",
            "billion-laughs.tmx:1: the DOCTYPE declares entities, which tmtool refuses to expand",
        ),
        (
            "forbidden-char.tmx",
            "forbidden-char.tmx:14: not well-formed XML: PCDATA invalid Char value 1",
        ),
    ],
)
def test_reader_reports_unreadable_files_with_file_and_line(name: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        _read(name)
    assert str(caught.value) == message


def test_reader_refuses_a_tuv_without_language() -> None:
    data = _tmx("<tu>\n<tuv><seg>x</seg></tuv></tu>")
    with pytest.raises(InputError, match=r"^x\.tmx:6: <tuv> has no xml:lang$"):
        list(read_tmx(io.BytesIO(data), name="x.tmx"))


def test_reader_refuses_a_wrong_root_even_without_units() -> None:
    with pytest.raises(InputError, match="root element is <foo>"):
        list(read_tmx(io.BytesIO(b"<foo/>"), name="x.tmx"))


def test_reader_skips_comments_but_keeps_the_text_around_them() -> None:
    data = _tmx('<tu><!-- c --><tuv xml:lang="uk-UA"><seg>а<!-- x -->б<ph/>в</seg></tuv></tu>')
    (unit,) = read_tmx(io.BytesIO(data), name="x.tmx")
    assert unit.variants[0].segment.parts == ("аб", InlineCode(CodeKind.STANDALONE, None, ""), "в")


def test_format_registry_finds_the_tmx_module_by_extension() -> None:
    from tmtool.formats import format_module, format_module_name

    assert format_module_name("memory.TMX") == "tmtool.formats.tmx"
    assert format_module("memory.tmx").read_tmx is read_tmx  # type: ignore[union-attr]
    assert format_module_name("notes.docx") is None


def test_reader_keeps_every_unit_when_a_parser_chunk_holds_thousands() -> None:
    body = "".join(f'<tu tuid="{n}"/>' for n in range(3000))
    units = list(read_tmx(io.BytesIO(_tmx(body)), name="many.tmx"))
    assert [u.tuid for u in units] == [str(n) for n in range(3000)]


def test_reader_refuses_an_empty_language_on_a_plain_tuv() -> None:
    data = _tmx('<tu><tuv xml:lang=""><seg>x</seg></tuv></tu>')
    with pytest.raises(InputError, match=r"^x\.tmx:\d+: <tuv> has no xml:lang$"):
        list(read_tmx(io.BytesIO(data), name="x.tmx"))
