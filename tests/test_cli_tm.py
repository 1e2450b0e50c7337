"""`tmtool tm import|export|stats|lookup|concordance` through click: exit codes, exact output,
golden JSON, and stores refused untouched."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.golden import assert_golden
from tmtool import __version__
from tmtool.cli import cli
from tmtool.tm.direction import resolve_direction

DATA = Path(__file__).parent / "data" / "tm"
GOLDEN = Path(__file__).parent / "golden" / "tm"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("memory.tmx", "memory.uk.po"):
        shutil.copy(DATA / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def memory(workdir: Path) -> str:
    result = run("tm", "import", "memory.tmx", "--db", "memory.db", "-q")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    return "memory.db"


def test_import_reports_what_it_added_and_a_second_import_adds_nothing(workdir: Path) -> None:
    first = run("tm", "import", "memory.tmx", "--db", "memory.db")
    second = run("tm", "import", "memory.tmx", "--db", "memory.db")
    assert (first.exit_code, first.stdout, first.stderr) == (0, "", (
        "memory.tmx: 15 units read, 14 added, 0 already stored, 1 skipped\n"
        "memory.db: 14 units\n"))
    assert (second.exit_code, second.stdout, second.stderr) == (0, "", (
        "memory.tmx: 15 units read, 0 added, 14 already stored, 1 skipped\n"
        "memory.db: 14 units\n"))


def test_import_of_a_catalogue_takes_english_msgids_as_the_source(workdir: Path) -> None:
    result = run("tm", "import", "memory.uk.po", "--db", "po.db")
    assert result.exit_code == 0, result.stderr
    lookup = run("tm", "lookup", "Save", "--from", "en", "--to", "uk", "--db", "po.db")
    assert (lookup.exit_code, lookup.stdout) == (0, "100%  Save\n  ->  Зберегти\n")


def test_a_bad_file_stops_the_import_before_anything_is_written(workdir: Path) -> None:
    (workdir / "bad.tmx").write_text("<tmx><body><tu>", encoding="utf-8")
    result = run("tm", "import", "memory.tmx", "bad.tmx", "--db", "memory.db")
    assert result.exit_code == 2
    assert result.stderr.startswith("tmtool: error: bad.tmx:1: not well-formed XML: ")
    assert result.stderr.count("\n") == 1
    assert not (workdir / "memory.db").exists()


def test_stats_in_text_and_json(memory: str) -> None:
    text = run("tm", "stats", "--db", memory)
    assert (text.exit_code, text.stdout, text.stderr) == (
        0, "memory.db: 14 units (sqlite, schema 1)\n  languages: en 14, uk 14\n", "")
    data = run("tm", "stats", "--db", memory, "--format", "json")
    assert json.loads(data.stdout) == {"db": "memory.db", "units": 14,
                                       "languages": {"en": 14, "uk": 14},
                                       "backend": "sqlite", "schema": 1}


def test_lookup_shows_exact_matches_first_then_fuzzy_ones(memory: str) -> None:
    result = run("tm", "lookup", "Посол зустрівся з міністром у Києві.", "--db", memory)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "100%  Посол зустрівся з міністром у Києві.\n"
        "  ->  The Ambassador met the minister in Kyiv.\n"
        "100%  Посол зустрівся з міністром у Києві.\n"
        "  ->  The ambassador met the minister in Kyiv.\n"
        " 83%  Посол зустрівся з міністром у Львові.\n"
        "  ->  The Ambassador met the minister in Lviv.\n")


def test_lookup_json_matches_the_golden_file(memory: str, update_golden: bool) -> None:
    result = run("tm", "lookup", "Вірш Кайсенову прочитали вголос.", "--db", memory,
                 "--min", "50", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["tool"] == {"name": "tmtool", "version": __version__}
    document["tool"]["version"] = "VERSION"
    assert_golden(GOLDEN / "lookup.json",
                  json.dumps(document, ensure_ascii=False, indent=2) + "\n", update_golden)


def test_lookup_in_the_other_direction(memory: str) -> None:
    result = run("tm", "lookup", "the ambassador met the minister in Lviv", "--from", "en-GB",
                 "--to", "uk-UA", "--limit", "1", "--db", memory)
    assert (result.exit_code, result.stdout) == (
        0, (" 97%  The Ambassador met the minister in Lviv.\n"
           "  ->  Посол зустрівся з міністром у Львові.\n"))


def test_lookup_without_a_match_says_so_on_stderr(memory: str) -> None:
    result = run("tm", "lookup", "Зовсім інше речення.", "--db", memory)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no match >= 70%\n")


def test_concordance_without_a_hit_says_so_on_stderr(memory: str) -> None:
    """It printed nothing at all, so an empty answer looked like a broken command."""
    result = run("tm", "concordance", "Зовсімнеіснуюче", "--db", memory)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "", "no uk source holds 'Зовсімнеіснуюче'\n")
    result = run("tm", "concordance", "xyzzy", "--target", "--db", memory)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "", "no en translation holds 'xyzzy'\n")


def test_concordance_finds_every_case_form_of_a_ukrainian_name(memory: str) -> None:
    result = run("tm", "concordance", "Кайсенов", "--db", memory)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Вірш Кайсенова прочитали вголос.\n  ->  Kaisenov's poem was read aloud.\n"
        "Касим Кайсенов народився 1918 року.\n  ->  Qasim Qaysenov was born in 1918.\n"
        "Зустріч із Касимом Кайсеновим відбулася в Алмати.\n"
        "  ->  The meeting with Qasim Qaysenov took place in Almaty.\n")


def test_concordance_of_a_phrase_in_the_translations(memory: str) -> None:
    result = run("tm", "concordance", "the minister", "--target", "--db", memory,
                 "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["settings"] == {"from": "uk", "to": "en", "target": True, "limit": 20}
    # English words match any form with their stem: "The ministers discussed ..." too
    assert [unit["tuid"] for unit in document["units"]] == ["kyiv", "kyiv-lower", "lviv",
                                                           "ministers"]


def test_export_writes_the_memory_as_tmx(memory: str, workdir: Path) -> None:
    result = run("tm", "export", "--db", memory, "-o", "out.tmx")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "", "14 units written to out.tmx\n")
    check = run("tmx", "validate", "out.tmx")
    assert check.exit_code == 0, check.stdout
    again = run("tm", "import", "out.tmx", "--db", memory)
    assert again.stderr.startswith("out.tmx: 14 units read, 0 added, 14 already stored")


def test_a_file_that_is_not_a_database_is_one_line_exit_2_and_unchanged(workdir: Path) -> None:
    before = (workdir / "memory.tmx").read_bytes()
    for args in (("tm", "lookup", "Так", "--db", "memory.tmx"),
                 ("tm", "import", "memory.uk.po", "--db", "memory.tmx")):
        result = run(*args)
        assert (result.exit_code, result.stdout, result.stderr) == (
            2, "", "tmtool: error: memory.tmx: not an SQLite database, so not a tmtool memory\n")
    assert (workdir / "memory.tmx").read_bytes() == before
    assert sorted(p.name for p in workdir.iterdir()) == ["memory.tmx", "memory.uk.po"]


def test_a_store_of_another_schema_version_is_one_line_exit_2_and_unchanged(memory: str,
                                                                              workdir: Path) -> None:
    connection = sqlite3.connect(memory)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("UPDATE tm_meta SET value = '2' WHERE key = 'version'")
    connection.commit()
    connection.close()
    before = (workdir / memory).read_bytes()
    result = run("tm", "import", "memory.tmx", "--db", memory)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", (
        "tmtool: error: memory.db: memory schema version 2; this tmtool reads version 1 "
        "(use the tmtool that made it, or export and re-import)\n"))
    assert (workdir / memory).read_bytes() == before


def test_a_missing_memory_is_one_line_exit_2(workdir: Path) -> None:
    result = run("tm", "stats", "--db", "none.db")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", "tmtool: error: none.db: no such memory (create it with tmtool tm import)\n")


def test_an_unreachable_server_is_one_line_exit_2(workdir: Path) -> None:
    pytest.importorskip("psycopg")
    url = "postgresql://tm:secret@127.0.0.1:1/memory"
    result = run("tm", "import", "memory.tmx", "--db", url)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(
        "tmtool: error: postgresql://tm:***@127.0.0.1:1/memory: cannot connect to the server (")
    assert result.stderr.count("\n") == 1
    assert "secret" not in result.stderr


def test_export_to_stdout(memory: str) -> None:
    result = run("tm", "export", "--db", memory, "-o", "-", "-q")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert result.stdout.count("<tu ") == 14


def _damage_table(path: str, table: str) -> None:
    """Overwrite the root page of `table`, leaving the schema and tm_meta readable, as a disk
    or copy error does: SQLite finds the damage only when a query reaches that page."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = DELETE")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    connection.close()
    with open(path, "r+b") as handle:
        handle.seek(page_size * (root - 1))
        handle.write(b"\xff" * page_size)


@pytest.mark.parametrize("args", [
    ("tm", "export", "--db", "memory.db", "-o", "out.tmx"),
    ("pretranslate", "todo.uk.po", "--tm", "memory.db", "-o", "out.po"),
])
def test_a_memory_damaged_past_its_header_is_one_line_exit_2_and_nothing_written(
        workdir: Path, args: tuple[str, ...]) -> None:
    assert run("tm", "import", "memory.uk.po", "--db", "memory.db", "-q").exit_code == 0
    (workdir / "todo.uk.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Save"\nmsgstr ""\n', encoding="utf-8")
    _damage_table("memory.db", "tm_units")
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", (
        "tmtool: error: memory.db: not a usable SQLite database "
        "(database disk image is malformed)\n"))
    assert not (workdir / args[-1]).exists()


def test_lookup_and_concordance_go_the_way_the_text_is_written(workdir: Path) -> None:
    """A memory of a gettext catalogue has English sources; an English query without --from
    searched its Ukrainian side and said "no match" (exit 0), as if the memory had nothing."""
    assert run("tm", "import", "memory.uk.po", "--db", "po.db", "-q").exit_code == 0
    lookup = run("tm", "lookup", "Save", "--db", "po.db")
    assert (lookup.exit_code, lookup.stdout, lookup.stderr) == (
        0, "100%  Save\n  ->  Зберегти\n", "")
    back = run("tm", "lookup", "Зберегти", "--db", "po.db", "--format", "json")
    assert json.loads(back.stdout)["settings"] == {"from": "uk", "to": "en", "min": 70, "limit": 5}
    assert [m["target"] for m in json.loads(back.stdout)["matches"]] == ["Save"]
    found = run("tm", "concordance", "Зберегти", "--target", "--db", "po.db")
    assert (found.exit_code, found.stdout) == (0, (
        "Save\n  ->  Зберегти\nThe file could not be saved.\n  ->  Не вдалося зберегти файл.\n"))


@pytest.mark.parametrize(("text", "given", "target", "expected"), [
    ("Save draft", (None, None), False, ("en", "uk")),
    ("Зберегти draft", (None, None), False, ("uk", "en")),
    ("Зберегти", (None, None), True, ("en", "uk")),
    ("Save", ("uk-UA", None), False, ("uk-UA", "en")),
    ("Save", (None, "en-GB"), False, ("uk", "en-GB")),
    ("Save", ("de", "en"), False, ("de", "en")),
])
def test_the_direction_not_given_follows_the_letters(
        text: str, given: tuple[str | None, str | None], target: bool,
        expected: tuple[str, str]) -> None:
    assert resolve_direction(text, *given, text_is_target=target) == expected


def test_lookup_shows_a_source_with_the_same_translation_once(workdir: Path) -> None:
    """Catalogues repeat their messages ("Delete", "Cancel" in every app, other contexts):
    the same pair filled the --limit rows three times over and hid the other matches."""
    header = 'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    (workdir / "apps.uk.po").write_text(header + "".join(
        f'\nmsgctxt "{context}"\nmsgid "Delete this page"\nmsgstr "Видалити цю сторінку"\n'
        for context in ("admin", "menu", "toolbar")) +
        '\nmsgid "Delete this image"\nmsgstr "Видалити це зображення"\n', encoding="utf-8")
    assert run("tm", "import", "apps.uk.po", "--db", "apps.db", "-q").exit_code == 0
    result = run("tm", "lookup", "Delete this page", "--db", "apps.db", "--limit", "2",
                 "--min", "50")
    assert (result.exit_code, result.stdout, result.stderr) == (0, (
        "100%  Delete this page\n  ->  Видалити цю сторінку\n"
        " 66%  Delete this image\n  ->  Видалити це зображення\n"), "")


def test_importing_a_catalogue_says_how_many_fuzzy_messages_it_left_out(workdir: Path) -> None:
    """Fuzzy messages were dropped by the PO reader before the import could count them as
    drafts: the summary said nothing of them, as if the catalogue had none."""
    (workdir / "fuzzy.uk.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Save"\nmsgstr "Зберегти"\n\n#, fuzzy\nmsgid "Save draft"\nmsgstr "Зберегти"\n',
        encoding="utf-8")
    result = run("tm", "import", "fuzzy.uk.po", "--db", "f.db")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", (
        "fuzzy.uk.po: 2 units read, 1 added, 0 already stored, 0 skipped, 1 drafts left out\n"
        "f.db: 1 units\n"))
