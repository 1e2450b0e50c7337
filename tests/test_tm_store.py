"""The SQLite memory: idempotent imports, lossless export, lookups during an import, bad
stores refused untouched."""
from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tmtool.errors import InputError
from tmtool.formats.tmx import read_tmx
from tmtool.model import Segment, TranslationUnit, Variant
from tmtool.tm.lookup import LookupOptions, lookup
from tmtool.tm.sources import read_memory_file
from tmtool.tm.store import open_store

DATA = Path(__file__).parent / "data" / "tm"
MEMORY = DATA / "memory.tmx"


def pair(uk: str, en: str, tuid: str | None = None) -> TranslationUnit:
    return TranslationUnit((Variant("uk-UA", Segment.from_text(uk)),
                            Variant("en-GB", Segment.from_text(en))), tuid=tuid)


def numbered(start: int, stop: int) -> Iterator[TranslationUnit]:
    for n in range(start, stop):
        yield pair(f"Речення номер {n} про посольство у місті {n % 97}.",
                   f"Sentence number {n} about the embassy in town {n % 97}.", f"n{n}")


def write_tmx(path: Path, units: Iterator[TranslationUnit]) -> None:
    tus = "".join(
        f'<tu tuid="{u.tuid}"><tuv xml:lang="uk-UA"><seg>{u.variants[0].text}</seg></tuv>'
        f'<tuv xml:lang="en-GB"><seg>{u.variants[1].text}</seg></tuv></tu>\n' for u in units)
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
        'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en-US" srclang="uk-UA" '
        f'datatype="plaintext"/><body>\n{tus}</body></tmx>\n', encoding="utf-8")


def test_importing_the_same_tmx_twice_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "memory.db"
    with open_store(str(db), create=True) as store:
        first = store.import_units(read_memory_file(str(MEMORY)))
        second = store.import_units(read_memory_file(str(MEMORY)))
        assert store.unit_count() == 14
    assert first.as_dict() == {"read": 15, "added": 14, "duplicates": 0, "skipped": 1,
                                "drafts": 0}
    assert second.as_dict() == {"read": 15, "added": 0, "duplicates": 14, "skipped": 1,
                                 "drafts": 0}


def test_a_unit_repeated_inside_one_file_is_stored_once(tmp_path: Path) -> None:
    units = [pair("Так.", "Yes."), pair("Так.", "Yes."), pair("Так.", "Yes, sure.")]
    with open_store(str(tmp_path / "m.db"), create=True) as store:
        report = store.import_units(units, batch_size=2)
        assert (report.added, report.duplicates, store.unit_count()) == (2, 1, 2)


def test_export_gives_back_every_unit_as_imported(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "m.db"), create=True) as store:
        store.import_units(read_memory_file(str(MEMORY)))
        exported = list(store.iter_units())
    with open(MEMORY, "rb") as stream:
        original = [u for u in read_tmx(stream, name="memory.tmx") if len(u.variants) == 2]
    assert exported == original


def test_stats_count_units_and_languages(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "m.db"), create=True) as store:
        store.import_units(read_memory_file(str(MEMORY)))
        assert store.stats().as_dict() == {"units": 14, "languages": {"en": 14, "uk": 14},
                                           "backend": "sqlite", "schema": 1}


def test_lookups_run_between_the_batches_of_an_import(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    with open_store(db, create=True) as store:
        store.import_units(numbered(0, 10))
    between, resume = threading.Event(), threading.Event()

    def units() -> Iterator[TranslationUnit]:
        yield from numbered(10, 60)       # exactly one batch: committed before the pause
        between.set()
        resume.wait(30)
        yield from numbered(60, 110)

    def run_import() -> None:
        with open_store(db, create=True) as writer:
            writer.import_units(units(), batch_size=50)

    thread = threading.Thread(target=run_import)
    thread.start()
    assert between.wait(30)
    with open_store(db) as reader:
        assert reader.unit_count() == 60
        found = lookup(reader, "Речення номер 42 про посольство у місті 42.", LookupOptions())
        assert [m.tuid for m in found][:1] == ["n42"]
        resume.set()
        thread.join(30)
        assert reader.unit_count() == 110


def test_a_lookup_is_not_blocked_by_an_open_write_transaction(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    with open_store(db, create=True) as store:
        store.import_units(read_memory_file(str(MEMORY)))
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM tm_units")      # uncommitted
    try:
        with open_store(db) as reader:
            found = lookup(reader, "Так, звичайно.", LookupOptions())
            assert [(m.score, m.tuid) for m in found] == [(100, "yes")]
            assert reader.unit_count() == 14
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_lookups_succeed_throughout_a_concurrent_cli_import(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    source = tmp_path / "big.tmx"
    write_tmx(source, numbered(0, 6000))
    with open_store(str(db), create=True) as store:
        store.import_units(numbered(0, 1))
    seen: list[int] = []
    command = [sys.executable, "-m", "tmtool", "tm", "import", str(source), "--db", str(db),
               "--batch-size", "50", "-q"]
    with subprocess.Popen(command) as importer, open_store(str(db)) as reader:
        while importer.poll() is None:
            seen.append(reader.unit_count())
            lookup(reader, "Речення номер 7 про посольство у місті 7.", LookupOptions())
        assert importer.wait() == 0
        assert reader.unit_count() == 6000
        assert [m.tuid for m in lookup(reader, "Речення номер 5999 про посольство у місті 82.",
                                       LookupOptions())][:1] == ["n5999"]
    assert seen == sorted(seen)
    assert any(1 < count < 6000 for count in seen), seen[-5:]


def _fingerprint(path: Path) -> tuple[str, float, list[str]]:
    return (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime,
            sorted(p.name for p in path.parent.iterdir()))


@pytest.mark.parametrize("content", [b"not a database\n", b"<tmx/>", b"SQLite format 2\x00" * 4])
def test_a_file_that_is_not_an_sqlite_database_is_refused_untouched(
        tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "memory.db"
    db.write_bytes(content)
    before = _fingerprint(db)
    for create in (False, True):
        with pytest.raises(InputError) as error:
            open_store(str(db), create=create)
        assert str(error.value) == f"{db}: not an SQLite database, so not a tmtool memory"
    assert _fingerprint(db) == before


def _make_store_of_version(path: Path, version: str) -> None:
    with open_store(str(path), create=True) as store:
        store.import_units(read_memory_file(str(MEMORY)))
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("UPDATE tm_meta SET value = ? WHERE key = 'version'", (version,))
    connection.commit()
    connection.close()


def test_a_store_of_another_schema_version_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "memory.db"
    _make_store_of_version(db, "99")
    before = _fingerprint(db)
    with pytest.raises(InputError) as error:
        open_store(str(db), create=True)
    assert str(error.value) == (f"{db}: memory schema version 99; this tmtool reads version 1 "
                                "(use the tmtool that made it, or export and re-import)")
    assert _fingerprint(db) == before


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.commit()
    connection.close()
    with pytest.raises(InputError, match="an SQLite database of another program"):
        open_store(str(db), create=True)


def test_a_missing_memory_is_an_error_unless_importing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such memory"):
        open_store(str(tmp_path / "none.db"))
    assert not (tmp_path / "none.db").exists()
