"""The shared memory on a real PostgreSQL 15 server (started by tests/pgserver.py): the same
matches as SQLite, concurrent importers that lose nothing, bad stores refused."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.pgserver import pg_server, pg_url  # noqa: F401 (fixtures)
from tests.test_tm_store import numbered, write_tmx
from tmtool.cli import cli
from tmtool.errors import InputError
from tmtool.tm.concordance import ConcordanceOptions, concordance
from tmtool.tm.lookup import LookupOptions, lookup
from tmtool.tm.sources import read_memory_file
from tmtool.tm.store import MemoryStore, open_store

DATA = Path(__file__).parent / "data" / "tm"
QUERIES = [
    ("Посол зустрівся з міністром у Києві.", "uk", "en", 50),
    ("Посол зустрівся з міністром у Харкові!", "uk", "en", 50),
    ("Вірш Кайсенову прочитали вголос.", "uk", "en", 70),
    ("Натисніть <b>Зберегти</b>, щоб продовжити.", "uk", "en", 70),
    ("Ціна квитка 30 гривень.", "uk", "en", 70),
    ("Так", "uk", "en", 50),
    ("The ambassador met the minister", "en", "uk", 50),
    ("Kamianske is a town on the Dnipro.", "en", "uk", 50),
]


def _answers(store: MemoryStore) -> list[list[tuple[int, str | None, str, str]]]:
    answers = []
    for text, src, tgt, floor in QUERIES:
        matches = lookup(store, text, LookupOptions(src, tgt, floor, 5))
        answers.append([(m.score, m.tuid, m.source.text, m.target.text) for m in matches])
    for phrase, target in (("Кайсенов", False), ("minister", True), ("Кам'янське", False)):
        hits = concordance(store, phrase, ConcordanceOptions(search_target=target))
        answers.append([(0, hit.unit.tuid, hit.source.text, hit.target.text) for hit in hits])
    return answers


def test_both_back_ends_give_the_same_matches(pg_url: str, tmp_path: Path) -> None:  # noqa: F811
    memory = str(DATA / "memory.tmx")
    with open_store(str(tmp_path / "m.db"), create=True) as sqlite_store:
        sqlite_store.import_units(read_memory_file(memory))
        expected = _answers(sqlite_store)
    with open_store(pg_url, create=True) as server_store:
        report = server_store.import_units(read_memory_file(memory))
        assert (report.added, report.skipped) == (14, 1)
        assert _answers(server_store) == expected
    assert sum(len(answer) for answer in expected) > 20


def test_importing_twice_adds_nothing_on_the_server(pg_url: str) -> None:  # noqa: F811
    with open_store(pg_url, create=True) as store:
        store.import_units(read_memory_file(str(DATA / "memory.tmx")))
        again = store.import_units(read_memory_file(str(DATA / "memory.tmx")))
        assert (again.added, again.duplicates) == (0, 14)
        assert store.stats().as_dict() == {"units": 14, "languages": {"en": 14, "uk": 14},
                                           "backend": "postgresql", "schema": 1}


def test_two_concurrent_importers_lose_nothing(pg_url: str, tmp_path: Path) -> None:  # noqa: F811
    write_tmx(tmp_path / "a.tmx", numbered(0, 3000))
    write_tmx(tmp_path / "b.tmx", numbered(1500, 4500))   # half of it is in a.tmx too
    commands = [[sys.executable, "-m", "tmtool", "tm", "import", str(tmp_path / name),
                 "--db", pg_url, "--batch-size", "200", "-q"] for name in ("a.tmx", "b.tmx")]
    with subprocess.Popen(commands[0]) as first, subprocess.Popen(commands[1]) as second:
        assert (first.wait(), second.wait()) == (0, 0)
    with open_store(pg_url) as store:
        tuids = [unit.tuid for unit in store.iter_units()]
        assert len(tuids) == 4500
        assert sorted(tuids) == sorted(f"n{n}" for n in range(4500))
        assert store.stats().languages == {"en": 4500, "uk": 4500}
        for n in (0, 2000, 4499):
            found = lookup(store, f"Речення номер {n} про посольство у місті {n % 97}.",
                           LookupOptions())
            assert [(m.score, m.tuid) for m in found][:1] == [(100, f"n{n}")]


def test_a_server_store_of_another_schema_version_is_refused_untouched(
        pg_url: str) -> None:  # noqa: F811
    with open_store(pg_url, create=True) as store:
        store.import_units(read_memory_file(str(DATA / "memory.tmx")))
        store.conn.execute("UPDATE tm_meta SET value = '7' WHERE key = 'version'")  # type: ignore[attr-defined]
    with pytest.raises(InputError, match="memory schema version 7; this tmtool reads version 1"):
        open_store(pg_url, create=True)
    import psycopg

    with psycopg.connect(pg_url) as connection:
        assert connection.execute("SELECT count(*) FROM tm_units").fetchone() == (14,)


def test_a_database_without_a_memory_is_an_error_for_lookups(pg_url: str) -> None:  # noqa: F811
    result = CliRunner().invoke(cli, ["tm", "lookup", "Так", "--db", pg_url])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(": holds no tmtool memory yet (tm import creates one)\n")


def test_the_commands_work_on_the_server(pg_url: str, tmp_path: Path) -> None:  # noqa: F811
    runner = CliRunner()
    imported = runner.invoke(cli, ["tm", "import", str(DATA / "memory.tmx"), "--db", pg_url, "-q"])
    assert imported.exit_code == 0, imported.stderr
    stats = runner.invoke(cli, ["tm", "stats", "--db", pg_url])
    assert stats.stdout.endswith(": 14 units (postgresql, schema 1)\n  languages: en 14, uk 14\n")
    exported = runner.invoke(cli, ["tm", "export", "--db", pg_url, "-o", str(tmp_path / "o.tmx")])
    assert (exported.exit_code, exported.stderr) == (0, f"14 units written to {tmp_path / 'o.tmx'}\n")


def test_a_server_lost_mid_command_is_an_input_error(pg_url: str) -> None:  # noqa: F811
    import psycopg

    with open_store(pg_url, create=True) as store:
        store.import_units(read_memory_file(str(DATA / "memory.tmx")))
    lost = pytest.raises(InputError, match=r": lost the connection to the server \(")
    with lost, open_store(pg_url) as store:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE pid <> pg_backend_pid() AND datname = current_database()")
        store.unit_count()
