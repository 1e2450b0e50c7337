"""What makes two units the same in `tmx merge` and `tmx stats` (one key function): PO
contexts and plural forms make messages of their own, locales spelt differently are one,
en-GB and en-US are two; problems are reported once per kind.

Fixtures in tests/data/merge/: two releases of an application catalogue as PO -> TMX writes
them (English msgids, Ukrainian with three plural forms, contexts), and exports of the
same memory from CAT tools that spell the locales `uk`/`EN`, `uk-UA`/`en-GB` and `en-US`.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmtool.cli import cli
from tmtool.formats.tmx import read_tmx, read_tmx_header
from tmtool.model import Prop, Segment, TranslationUnit, Variant
from tmtool.tm.identity import LocaleSpelling, unit_keys
from tmtool.tm.merge import ConflictPolicy, MergeReport, merge_tmx_files, merge_units
from tmtool.tm.stats import MemoryStats, tmx_file_stats

DATA = Path(__file__).parent / "data" / "merge"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for path in DATA.iterdir():
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735732800")
    return tmp_path


def _units(path: Path | str) -> list[TranslationUnit]:
    with open(path, "rb") as stream:
        return list(read_tmx(stream, name=str(path)))


def _message(unit: TranslationUnit) -> tuple[str | None, str | None, str, str]:
    return (unit.prop("x-context"), unit.prop("x-plural-form"),
            unit.variants[0].text, unit.variants[1].text)


def _unit(en: str, uk: str, *props: tuple[str, str], en_lang: str = "en-GB",
          uk_lang: str = "uk-UA") -> TranslationUnit:
    return TranslationUnit((Variant(en_lang, Segment.from_text(en)),
                            Variant(uk_lang, Segment.from_text(uk))),
                           props=tuple(Prop(name, value) for name, value in props))


@pytest.mark.parametrize("policy", list(ConflictPolicy))
def test_contexts_and_plural_forms_are_messages_of_their_own(policy: ConflictPolicy) -> None:
    units = _units(DATA / "app-2023.tmx")
    report = MergeReport()
    merged = list(merge_units([lambda: units], src_lang="en-GB", on_conflict=policy,
                              report=report))
    assert [_message(u) for u in merged] == [_message(u) for u in units]
    assert (report.written, report.duplicates, report.conflicts) == (7, 0, 0)


def test_stats_count_no_conflict_among_contexts_and_plural_forms() -> None:
    stats = tmx_file_stats(str(DATA / "app-2023.tmx"))
    assert (stats.units, stats.duplicates, stats.conflicts) == (7, 0, 0)


def test_a_new_release_gives_duplicates_and_one_real_conflict_settled_by_date(work: Path) -> None:
    report = merge_tmx_files(["app-2023.tmx", "app-2024.tmx"], "all.tmx")
    assert (report.units_in, report.written, report.duplicates, report.conflicts) == (10, 7, 2, 1)
    merged = [_message(u) for u in _units(work / "all.tmx")]
    assert ("file state", None, "Open", "Відкрито") in merged       # 2024 wins
    assert ("file state", None, "Open", "Відкритий") not in merged
    assert [m for m in merged if m[1] in ("1", "2")] == [
        (None, "1", "%d files selected", "Вибрано %d файли"),
        (None, "1", "%d files selected", "Вибрано %d файли"),   # the other message's form 1
        (None, "2", "%d files selected", "Вибрано %d файлів"),
    ]


def test_the_same_message_in_two_files_is_one_duplicate() -> None:
    a = _unit("Open", "Відкрити", ("x-context", "menu"))
    b = _unit("Open", "Відкрити", ("x-context", "menu"))
    assert unit_keys(a, a.variants[0]) == unit_keys(b, b.variants[0])
    other = _unit("Open", "Відкрити", ("x-context", "toolbar"))
    assert unit_keys(other, other.variants[0]).pair != unit_keys(a, a.variants[0]).pair


def test_stats_and_merge_count_with_the_same_keys() -> None:
    units = [_unit("Open", "Відкрити", ("x-context", "menu")),
             _unit("Open", "Відчинити", ("x-context", "menu")),
             _unit("Open", "Відкрити", ("x-context", "menu")),
             _unit("Open", "Відкрито"),
             _unit("%d files", "%d файли", ("x-plural-form", "1")),
             _unit("%d files", "%d файлів", ("x-plural-form", "2")),
             _unit("%d files", "%d файлів", ("x-plural-form", "2"))]
    stats = MemoryStats(src_lang="en-GB").add_all(units)
    report = MergeReport()
    list(merge_units([lambda: units], src_lang="en-GB", on_conflict=ConflictPolicy.KEEP_ALL,
                     report=report))
    assert (stats.duplicates, stats.conflicts) == (report.duplicates, report.conflicts) == (2, 1)


def test_one_locale_spelt_two_ways_is_written_in_one_spelling(work: Path) -> None:
    warnings: list[str] = []
    report = merge_tmx_files(["memoq-bare-locales.tmx", "trados-uk-ua.tmx"], "all.tmx",
                             on_warning=warnings.append)
    assert (report.written, report.duplicates) == (3, 1)
    assert warnings == [("locales written as one spelling: EN -> en-GB (2 variants), "
                        "uk -> uk-UA (2 variants)")]
    with open(work / "all.tmx", "rb") as stream:
        assert read_tmx_header(stream, name="all.tmx").srclang == "uk-UA"
    assert {v.lang for u in _units(work / "all.tmx") for v in u.variants} == {"uk-UA", "en-GB"}


def test_en_gb_and_en_us_stay_apart_and_a_bare_en_beside_them_stays_bare(work: Path) -> None:
    warnings: list[str] = []
    report = merge_tmx_files(["trados-uk-ua.tmx", "trados-en-us.tmx", "memoq-bare-locales.tmx"],
                             "all.tmx", on_conflict=ConflictPolicy.KEEP_FIRST,
                             on_warning=warnings.append)
    assert (report.written, report.duplicates, report.conflicts) == (6, 0, 0)
    assert warnings == [
        "locales written as one spelling: EN -> en (2 variants), uk -> uk-UA (2 variants)",
        "en appears as en-GB, en-US: different locales, whose units are kept apart, never merged",
        "en could be any of en-GB, en-US; left as it is",
    ]
    assert sorted(u.variants[1].lang for u in _units(work / "all.tmx")) == \
        ["en", "en", "en-GB", "en-GB", "en-US", "en-US"]


def test_locale_spelling_rules() -> None:
    spelling = LocaleSpelling({"uk": 3, "UK-UA": 1, "en_GB": 2, "en": 1, "de": 1}, "uk-UA")
    assert [spelling(code) for code in ("uk", "UK-UA", "en_GB", "en", "de", "ua")] == \
        ["uk-UA", "uk-UA", "en-GB", "en-GB", "de", "ua"]


def _empty_units(path: Path, count: int) -> None:
    tus = "".join(f'<tu tuid="e{n}"><tuv xml:lang="uk-UA"><seg>Так {n}.</seg></tuv>'
                  f'<tuv xml:lang="en-GB"><seg> </seg></tuv></tu>\n' for n in range(count))
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header '
                    'creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" '
                    'adminlang="en-US" srclang="uk-UA" datatype="plaintext"/>\n<body>\n'
                    f"{tus}</body>\n</tmx>\n", encoding="utf-8")


def test_cli_warns_once_per_kind_of_problem_and_lists_all_with_verbose(work: Path) -> None:
    _empty_units(work / "empty.tmx", 40)
    result = CliRunner().invoke(cli, ["tmx", "merge", "empty.tmx", "trados-uk-ua.tmx",
                                      "memoq-bare-locales.tmx", "-o", "all.tmx"])
    assert result.exit_code == 0
    assert result.stderr == (
        "tmtool: warning: locales written as one spelling: EN -> en-GB (2 variants), "
        "uk -> uk-UA (2 variants)\n"
        "tmtool: warning: 40 units skipped: a segment is empty, which TMX cannot hold "
        "(first: unit e0 at empty.tmx:5; --verbose lists every one)\n"
        "merged 3 files: 44 units read, 3 written; 1 duplicate dropped, 0 conflicts "
        "(keep-newest), 0 without the source language, 40 with an empty segment\n")
    verbose = CliRunner().invoke(cli, ["tmx", "merge", "empty.tmx", "-o", "v.tmx", "--verbose"])
    lines = verbose.stderr.splitlines()
    assert lines[:2] == ["tmtool: warning: empty.tmx:5: unit e0: skipped, it has an empty segment",
                         "tmtool: warning: empty.tmx:6: unit e1: skipped, it has an empty segment"]
    assert len(lines) == 40 + 2


def test_units_naming_another_srclang_lose_the_attribute_with_one_warning(work: Path) -> None:
    text = (work / "trados-uk-ua.tmx").read_text(encoding="utf-8")
    (work / "mixed.tmx").write_text(text.replace("<tu ", '<tu srclang="en-GB" '), encoding="utf-8")
    result = CliRunner().invoke(cli, ["tmx", "merge", "mixed.tmx", "-o", "all.tmx"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "tmtool: warning: 2 units written without the tu srclang attribute, which named "
        "another locale than ours (first: unit cbec3feabf3f1e5a63e0 (en-GB) at mixed.tmx:7; "
        "--verbose lists every one)")


def test_props_that_are_no_identity_do_not_make_units_differ() -> None:
    plain = _unit("Yes.", "Так.")
    scored = _unit("Yes.", "Так.", ("x-tmtool-score", "0.97"), ("x-document", "a.md"))
    assert unit_keys(plain, plain.variants[0]) == unit_keys(scored, scored.variants[0])


def test_problems_are_counted_by_kind_with_their_first_example() -> None:
    spelling = LocaleSpelling({"uk": 1, "uk-UA": 2, "en-GB": 2, "en-US": 1}, "en-GB")
    units = [
        TranslationUnit((Variant("en-GB", Segment.from_text("Yes.")),
                         Variant("uk", Segment.from_text("Так.")),
                         Variant("uk-UA", Segment.from_text("Так!"))), tuid="twice", line=4),
        TranslationUnit((Variant("en-US", Segment.from_text("Color")),
                         Variant("uk-UA", Segment.from_text("Колір"))), tuid="us", line=9),
    ]
    report = MergeReport()
    details: list[str] = []
    merged = list(merge_units([lambda: units], src_lang="en-GB", spelling=spelling,
                              report=report, on_unit_warning=details.append, names=["a.tmx"]))
    assert [[v.lang for v in u.variants] for u in merged] == [["en-GB", "uk-UA"],
                                                              ["en-US", "uk-UA"]]
    assert merged[0].variants[1].text == "Так."
    assert report.problem_lines() == [
        ("1 unit had two variants in one locale once spellings were unified; the second was "
         "dropped (first: unit twice (uk-UA) at a.tmx:4; --verbose lists every one)"),
        ("1 unit kept as is: the source is in another locale of the source language "
         "(first: unit us (en-US) at a.tmx:9; --verbose lists every one)"),
    ]
    assert details == [
        "a.tmx:4: unit twice (uk-UA): a second variant in one locale was dropped",
        "a.tmx:9: unit us (en-US): its source is in another locale of the source language; kept",
    ]


# GNU catalogues hold messages that differ only in white space at their ends ("Valid
# arguments are:" for a prompt and "Valid arguments are:\n" before a list); TMX trims them,
# the unit keeps them in x-po-edges.
EDGE_CATALOGUE = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: uk\n"

msgid "Valid arguments are:"
msgstr "Допустимі аргументи:"

msgid "Valid arguments are:\n"
msgstr "Допустимі аргументи:\n"

msgid " (core dumped)"
msgstr " (створено дамп пам'яті)"

msgid "(core dumped) "
msgstr "(створено дамп пам'яті) "
'''


@pytest.mark.parametrize("policy", list(ConflictPolicy))
def test_messages_that_differ_only_in_end_white_space_are_kept_apart(
        tmp_path: Path, policy: ConflictPolicy) -> None:
    (tmp_path / "uk.po").write_text(EDGE_CATALOGUE, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["convert", str(tmp_path / "uk.po"), "-o",
                               str(tmp_path / "uk.tmx"), "-q"]).exit_code == 0
    assert tmx_file_stats(str(tmp_path / "uk.tmx")).duplicates == 0
    assert tmx_file_stats(str(tmp_path / "uk.tmx")).conflicts == 0
    report = merge_tmx_files([str(tmp_path / "uk.tmx")], str(tmp_path / "all.tmx"),
                             on_conflict=policy)
    assert (report.written, report.duplicates, report.conflicts) == (4, 0, 0)
    result = runner.invoke(cli, ["convert", str(tmp_path / "all.tmx"), "-o",
                                 str(tmp_path / "back.po")])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "tmx -> po: wrote 4 messages\n"
    assert "\nmsgid \"Valid arguments are:\\n\"\nmsgstr \"Допустимі аргументи:\\n\"\n" in (
        tmp_path / "back.po").read_text(encoding="utf-8")


def test_the_memory_stores_messages_that_differ_only_in_end_white_space(tmp_path: Path) -> None:
    (tmp_path / "uk.po").write_text(EDGE_CATALOGUE, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["convert", str(tmp_path / "uk.po"), "-o",
                               str(tmp_path / "uk.tmx"), "-q"]).exit_code == 0
    database = str(tmp_path / "m.db")
    result = runner.invoke(cli, ["tm", "import", str(tmp_path / "uk.tmx"), "--db", database])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"{tmp_path / 'uk.tmx'}: 4 units read, 4 added, 0 already")
