"""Filtering and splitting memories for a client."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tmtool.errors import ConfigError, InputError
from tmtool.formats.tmx import read_tmx
from tmtool.model import Prop, TranslationUnit
from tmtool.tm.filters import (
    FilterCounts,
    FilterOptions,
    filter_tmx,
    filter_units,
    output_name,
    parse_when,
    split_tmx,
)

CLIENT = Path(__file__).parent / "data" / "convert" / "client.tmx"


def _units() -> list[TranslationUnit]:
    with open(CLIENT, "rb") as stream:
        return list(read_tmx(stream, name="client.tmx"))


def _kept(options: FilterOptions) -> tuple[list[str | None], dict[str, int]]:
    counts = FilterCounts()
    kept = [u.tuid for u in filter_units(_units(), options, counts)]
    assert counts.read == 4 and counts.kept == len(kept)
    return kept, counts.dropped


def test_no_options_keep_everything() -> None:
    assert _kept(FilterOptions()) == (["old", "new", "undated", "variant-dated"], {})


def test_locale_filter_drops_other_variants_and_units_left_with_one() -> None:
    counts = FilterCounts()
    units = list(filter_units(_units(), FilterOptions(locales=("uk-UA", "de")), counts))
    assert [u.tuid for u in units] == ["old", "undated"]
    assert [v.lang for v in units[0].variants] == ["uk-UA", "de-DE"]
    assert counts.dropped == {"locale": 2}


def test_language_without_region_matches_every_region() -> None:
    assert _kept(FilterOptions(locales=("uk", "en")))[0] == [
        "old", "new", "undated", "variant-dated"]
    assert _kept(FilterOptions(locales=("uk", "en-US")))[0] == ["undated"]


def test_date_range_uses_unit_then_variant_dates_and_drops_undated() -> None:
    since = parse_when("2025-01-01")
    assert _kept(FilterOptions(since=since)) == (["new", "variant-dated"], {"date": 2})
    until = parse_when("2025-03-31T00:00:00")
    assert _kept(FilterOptions(since=since, until=until))[0] == ["variant-dated"]
    assert _kept(FilterOptions(until=parse_when("2025-02-28", end_of_day=True)))[0] == ["old"]
    assert parse_when("2025-03-01", end_of_day=True) == datetime(
        2025, 3, 1, 23, 59, 59, tzinfo=timezone.utc)


def test_prop_and_min_score() -> None:
    assert _kept(FilterOptions(props=(("x-document", "press.md"),)))[0] == ["new"]
    assert _kept(FilterOptions(min_score=0.9)) == (["old"], {"score": 3})


def test_confirmed_only_keeps_units_a_reviewer_confirmed() -> None:
    units = _units()
    units[1] = replace(units[1], props=(*units[1].props, Prop("x-tmtool-status", "confirmed")))
    units[2] = replace(units[2], props=(Prop("x-tmtool-status", "rejected"),))
    counts = FilterCounts()
    kept = [u.tuid for u in filter_units(units, FilterOptions(confirmed_only=True), counts)]
    assert (kept, counts.dropped) == (["new"], {"status": 3})


def test_length_ratio_drops_lopsided_pairs() -> None:
    assert _kept(FilterOptions(max_length_ratio=2.0)) == (
        ["old", "undated", "variant-dated"], {"length-ratio": 1})


def test_dates_parse_in_three_forms_and_refuse_others() -> None:
    expected = datetime(2025, 1, 2, tzinfo=timezone.utc)
    assert parse_when("2025-01-02") == parse_when("20250102T000000Z") == expected
    with pytest.raises(ConfigError, match="date '02.01.2025' is not"):
        parse_when("02.01.2025")


def test_output_names_fill_locale_and_number() -> None:
    assert output_name("out/tm-{locale}.tmx", locale="en-GB") == "out/tm-en-GB.tmx"
    assert output_name("part-{n:03d}.tmx", number=7) == "part-007.tmx"
    with pytest.raises(ConfigError):
        output_name("part-{m}.tmx", number=1)


def test_split_by_locale_writes_one_bilingual_file_per_target(tmp_path: Path) -> None:
    written = split_tmx(str(CLIENT), str(tmp_path / "tm-{locale}.tmx"), by_locale=True)
    assert [(Path(p).name, n) for p, n in written] == [
        ("tm-en-GB.tmx", 3), ("tm-de-DE.tmx", 2), ("tm-en-US.tmx", 1)]
    with open(tmp_path / "tm-de-DE.tmx", "rb") as stream:
        units = list(read_tmx(stream, name="de"))
    assert [[v.lang for v in u.variants] for u in units] == [["uk-UA", "de-DE"]] * 2


def test_split_by_size_numbers_the_files(tmp_path: Path) -> None:
    written = split_tmx(str(CLIENT), str(tmp_path / "sub" / "part-{n}.tmx"), chunk_size=3)
    assert [(Path(p).name, n) for p, n in written] == [("part-1.tmx", 3), ("part-2.tmx", 1)]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({}, "choose one of --by-locale or --units N"),
    ({"by_locale": True, "chunk_size": 2}, "choose one of --by-locale or --units N"),
    ({"chunk_size": 0}, "--units must be at least 1"),
])
def test_split_needs_exactly_one_way(tmp_path: Path, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        split_tmx(str(CLIENT), str(tmp_path / "x-{n}.tmx"), **kwargs)  # type: ignore[arg-type]


def test_split_pattern_needs_its_placeholder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"needs \{locale\}"):
        split_tmx(str(CLIENT), str(tmp_path / "x.tmx"), by_locale=True)
    assert list(tmp_path.iterdir()) == []


def test_split_of_a_broken_file_leaves_no_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tmx"
    text = CLIENT.read_text(encoding="utf-8")
    broken.write_text(text[: text.index('<tu tuid="undated">')], encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(InputError) as caught:
        split_tmx(str(broken), str(out / "part-{n}.tmx"), chunk_size=1)
    assert "not well-formed XML" in str(caught.value)
    assert not out.exists() or list(out.iterdir()) == []


def _all_srclang_copy(tmp_path: Path) -> Path:
    text = CLIENT.read_text(encoding="utf-8")
    assert 'srclang="uk-UA"' in text
    path = tmp_path / "all.tmx"
    path.write_text(text.replace('srclang="uk-UA"', 'srclang="*all*"'), encoding="utf-8")
    return path


@pytest.mark.parametrize("kwargs", [{"by_locale": True}, {"chunk_size": 3}])
def test_split_of_an_all_srclang_memory_asks_for_the_source_locale(
    tmp_path: Path, kwargs: dict[str, object]
) -> None:
    path = _all_srclang_copy(tmp_path)
    pattern = str(tmp_path / "out-{locale}-{n}.tmx")
    with pytest.raises(ConfigError) as caught:
        split_tmx(str(path), pattern, **kwargs)  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"{path}: header srclang is '*all*'; name the source locale with --src-lang"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.tmx"]
    written = split_tmx(str(path), pattern, src_lang="uk-UA", **kwargs)  # type: ignore[arg-type]
    assert sum(n for _, n in written) == (6 if "by_locale" in kwargs else 4)


def test_filter_of_an_all_srclang_memory_says_what_to_do(tmp_path: Path) -> None:
    path = _all_srclang_copy(tmp_path)
    with pytest.raises(ConfigError, match=r"all.tmx: header srclang is '\*all\*'; give the memory"):
        filter_tmx(str(path), str(tmp_path / "out.tmx"), FilterOptions())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.tmx"]
