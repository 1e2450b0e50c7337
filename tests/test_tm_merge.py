"""Merging memories: duplicates dropped, conflicts settled by policy, order kept."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from tmtool.errors import ConfigError, OutputError
from tmtool.formats.tmx import TmxHeader, read_tmx, read_tmx_header, write_tmx
from tmtool.model import Segment, TranslationUnit, Variant
from tmtool.tm.merge import ConflictPolicy, MergeReport, merge_tmx_files, merge_units
from tmtool.tm.stats import MemoryStats, tmx_file_stats


def _unit(
    uk: str, en: str, tuid: str, changed: int | None = None, en_lang: str = "en-GB"
) -> TranslationUnit:
    date = datetime(2025, 1, changed, tzinfo=timezone.utc) if changed else None
    return TranslationUnit(
        (Variant("uk-UA", Segment.from_text(uk)), Variant(en_lang, Segment.from_text(en))),
        tuid=tuid,
        change_date=date,
    )


FILE_A = [
    _unit("Так.", "Yes.", "a1", 5),
    _unit("Ні.", "No.", "a2", 9),
    _unit("Добре.", "Fine.", "a3"),
]
FILE_B = [
    _unit("Так.", "Yes.", "b1", 6),
    _unit("Ні.", "Nope.", "b2", 7),
    _unit("Добре.", "Good.", "b3"),
    _unit("Ні.", "No.", "b4", 1),
]


def _merge(policy: ConflictPolicy, report: MergeReport | None = None) -> list[str | None]:
    sources = [lambda: iter(FILE_A), lambda: iter(FILE_B)]
    return [
        u.tuid for u in merge_units(sources, src_lang="uk-UA", on_conflict=policy, report=report)
    ]


def test_keep_first_keeps_the_first_unit_for_each_source() -> None:
    assert _merge(ConflictPolicy.KEEP_FIRST) == ["a1", "a2", "a3"]


def test_keep_all_drops_only_identical_pairs() -> None:
    report = MergeReport()
    assert _merge(ConflictPolicy.KEEP_ALL, report) == ["a1", "a2", "a3", "b2", "b3"]
    assert (report.units_in, report.written, report.duplicates, report.conflicts) == (7, 5, 2, 2)


def test_keep_newest_uses_change_date_then_the_later_file() -> None:
    report = MergeReport()
    # Так.: b1 (6) newer than a1 (5); Ні.: a2 (9) beats b2 (7) and b4 (1);
    # Добре.: no dates, so the later file wins (b3).
    assert _merge(ConflictPolicy.KEEP_NEWEST, report) == ["a2", "b1", "b3"]
    assert (report.units_in, report.written, report.duplicates, report.conflicts) == (7, 3, 2, 2)


def test_units_without_the_source_language_are_left_out_and_counted() -> None:
    report = MergeReport()
    english_only = TranslationUnit((Variant("en-GB", Segment.from_text("Hi")),), tuid="e")
    merged = list(
        merge_units(
            [lambda: [english_only]],
            src_lang="uk-UA",
            on_conflict=ConflictPolicy.KEEP_ALL,
            report=report,
        )
    )
    assert merged == [] and report.without_source == 1


@pytest.mark.parametrize("policy", list(ConflictPolicy))
def test_a_unit_with_an_empty_target_never_displaces_a_usable_one(policy: ConflictPolicy) -> None:
    report = MergeReport()
    warnings: list[str] = []
    empty_first = [_unit("Так.", "  ", "empty", 9), _unit("Так.", "Yes.", "good", 1)]
    merged = merge_units(
        [lambda: empty_first], src_lang="uk-UA", on_conflict=policy, report=report,
        on_unit_warning=warnings.append, names=["a.tmx"],
    )
    assert [u.tuid for u in merged] == ["good"]
    assert (report.units_in, report.written, report.empty, report.conflicts) == (2, 1, 1, 0)
    assert warnings == ["a.tmx: unit empty: skipped, it has an empty segment"]


def test_merge_tmx_files_counts_only_the_units_written(tmp_path: Path) -> None:
    path = tmp_path / "a.tmx"
    path.write_text(
        '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" '
        'o-tmf="t" adminlang="en-US" srclang="uk-UA" datatype="plaintext"/><body>'
        '<tu tuid="e"><tuv xml:lang="uk-UA"><seg>Так.</seg></tuv><tuv xml:lang="en-GB"><seg/></tuv></tu>'
        '<tu tuid="g"><tuv xml:lang="uk-UA"><seg>Так.</seg></tuv><tuv xml:lang="en-GB"><seg>Yes.</seg></tuv></tu>'
        "</body></tmx>",
        encoding="utf-8",
    )
    out = tmp_path / "out.tmx"
    report = merge_tmx_files([str(path)], str(out), on_conflict=ConflictPolicy.KEEP_FIRST)
    with open(out, "rb") as stream:
        assert [u.tuid for u in read_tmx(stream, name="out.tmx")] == ["g"]
    assert (report.written, report.empty) == (1, 1)


def test_merge_tmx_files_warns_about_a_file_in_the_other_direction(tmp_path: Path) -> None:
    a = _write_file(tmp_path / "a.tmx", FILE_A)
    b = tmp_path / "b.tmx"
    with open(b, "wb") as stream:
        write_tmx(FILE_B, stream, header=TmxHeader(srclang="en-GB"))
    warnings: list[str] = []
    report = merge_tmx_files(
        [str(a), str(b)], str(tmp_path / "out.tmx"), on_warning=warnings.append
    )
    assert warnings == [f"{b}: header srclang is en-GB; its units are merged with uk-UA as the source"]
    assert report.written == 3  # the Ukrainian side is still the source of every unit


def test_same_source_in_another_target_locale_is_not_a_conflict() -> None:
    units = [_unit("Так.", "Yes.", "gb"), _unit("Так.", "Yes.", "us", en_lang="en-US")]
    merged = list(
        merge_units([lambda: units], src_lang="uk-UA", on_conflict=ConflictPolicy.KEEP_FIRST)
    )
    assert [u.tuid for u in merged] == ["gb", "us"]


def _write_file(path: Path, units: list[TranslationUnit], segtype: str = "sentence") -> Path:
    with open(path, "wb") as stream:
        write_tmx(units, stream, header=TmxHeader(srclang="uk-UA", segtype=segtype))
    return path


def test_merge_tmx_files_writes_one_memory_with_a_real_header(tmp_path: Path) -> None:
    a = _write_file(tmp_path / "a.tmx", FILE_A)
    b = _write_file(tmp_path / "b.tmx", FILE_B, segtype="paragraph")
    out = tmp_path / "out.tmx"
    moment = datetime(2025, 3, 1, tzinfo=timezone.utc)
    report = merge_tmx_files([str(a), str(b)], str(out), moment=moment)
    assert report.written == 3
    with open(out, "rb") as stream:
        header = read_tmx_header(stream, name="out.tmx")
    assert (header.srclang, header.segtype, header.creationdate) == ("uk-UA", "paragraph", moment)
    with open(out, "rb") as stream:
        assert [u.tuid for u in read_tmx(stream, name="out.tmx")] == ["a2", "b1", "b3"]


def test_merge_tmx_files_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    a = _write_file(tmp_path / "a.tmx", FILE_A)
    before = a.read_bytes()
    with pytest.raises(OutputError, match="refusing to overwrite an input"):
        merge_tmx_files([str(a)], str(a))
    assert a.read_bytes() == before


def test_merge_tmx_files_needs_a_source_locale_when_the_header_says_all(tmp_path: Path) -> None:
    path = tmp_path / "all.tmx"
    path.write_text(
        '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" '
        'o-tmf="t" adminlang="en-US" srclang="*all*" datatype="plaintext"/><body/></tmx>',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="--src-lang"):
        merge_tmx_files([str(path)], str(tmp_path / "out.tmx"))
    assert not (tmp_path / "out.tmx").exists()
    assert merge_tmx_files([str(path)], str(tmp_path / "out.tmx"), src_lang="uk-UA").written == 0


def test_stats_count_units_locales_duplicates_conflicts_and_problem_segments() -> None:
    stats = MemoryStats(src_lang="uk-UA").add_all(
        [
            *FILE_A,
            *FILE_B,
            _unit("Довге.", "x" * 2001, "long"),
            TranslationUnit(
                (
                    Variant("uk-UA", Segment.from_text(" ")),
                    Variant("en-GB", Segment.from_text("e")),
                ),
                tuid="empty",
            ),
        ]
    )
    assert stats.as_dict() == {
        "src_lang": "uk-UA",
        "units": 9,
        "locales": {"en-GB": 9, "uk-UA": 9},
        "duplicates": 2,
        "conflicts": 2,
        "empty_segments": 1,
        "long_segments": 1,
    }


def test_tmx_file_stats_takes_the_source_locale_from_the_header(tmp_path: Path) -> None:
    path = _write_file(tmp_path / "b.tmx", FILE_B)
    stats = tmx_file_stats(str(path))
    assert (stats.src_lang, stats.units, stats.duplicates, stats.conflicts) == ("uk-UA", 4, 0, 1)
