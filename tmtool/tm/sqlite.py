"""The embedded memory: one SQLite file in WAL mode, so lookups run while an import writes.

Before SQLite opens a path, the file's first bytes are checked, so a file that is not an
SQLite database is refused untouched; a database of another schema version (or another
program's database) is refused before anything is written. Each import batch is one
`BEGIN IMMEDIATE` transaction: a second importer waits for it (busy timeout), readers never.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from tmtool.errors import InputError
from tmtool.model import TranslationUnit
from tmtool.tm.indexing import PreparedUnit, batch_rows
from tmtool.tm.packing import gather_postings
from tmtool.tm.store import META_ROWS, MemoryStore, StoreStats, check_schema
from tmtool.tm.unitcodec import decode_unit

T = TypeVar("T")
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 120_000
_CHUNK = 500  # host parameters per IN (...) list
SCHEMA = (
    "CREATE TABLE tm_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE tm_units (id INTEGER PRIMARY KEY, key BLOB NOT NULL UNIQUE, body TEXT NOT NULL)",
    ("CREATE TABLE tm_segments (lang TEXT NOT NULL, unit_id INTEGER NOT NULL,"
     " key BLOB NOT NULL, sketch BLOB NOT NULL, PRIMARY KEY (lang, unit_id)) WITHOUT ROWID"),
    "CREATE INDEX tm_segments_key ON tm_segments (lang, key)",
    ("CREATE TABLE tm_postings (lang TEXT NOT NULL, term TEXT NOT NULL, batch INTEGER NOT NULL,"
     " n INTEGER NOT NULL, ids BLOB NOT NULL, PRIMARY KEY (lang, term, batch)) WITHOUT ROWID"),
)


def _chunks(values: list[T]) -> Iterator[list[T]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def _marks(count: int) -> str:
    return ",".join("?" * count)


def _unusable(error: sqlite3.DatabaseError) -> str:
    return f"not a usable SQLite database ({error})"


def check_sqlite_file(path: str, *, create: bool) -> None:
    """Refuse, without opening it, a path that is not (and may not become) a memory."""
    target = Path(path)
    if target.is_dir():
        raise InputError(path, None, "is a directory, not a memory file")
    if not target.exists():
        if not create:
            raise InputError(path, None, "no such memory (create it with tmtool tm import)")
        if not target.parent.is_dir():
            raise InputError(path, None, f"folder {target.parent} does not exist")
        return
    try:
        with open(target, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise InputError(path, None, f"cannot read ({exc.strerror})") from None
    if not head and create:
        return
    if head != SQLITE_MAGIC:
        raise InputError(path, None, "not an SQLite database, so not a tmtool memory")


class SqliteStore(MemoryStore):
    """A memory in one SQLite file."""

    backend = "sqlite"

    def __init__(self, path: str | os.PathLike[str], *, create: bool = False) -> None:
        super().__init__(str(path))
        check_sqlite_file(self.location, create=create)
        self.conn = sqlite3.connect(self.location, timeout=BUSY_TIMEOUT_MS / 1000,
                                    isolation_level=None, check_same_thread=False)
        try:
            self._open(create)
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise InputError(self.location, None, _unusable(exc)) from None
        except BaseException:
            self.conn.close()
            raise

    def storage_problem(self, error: BaseException) -> str | None:
        """Damage SQLite finds only when a query reaches the broken pages."""
        return _unusable(error) if isinstance(error, sqlite3.DatabaseError) else None

    def _open(self, create: bool) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        tables = {row[0] for row in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "tm_meta" not in tables:
            if tables:
                raise InputError(self.location, None,
                                 "is an SQLite database of another program, not a tmtool memory")
            if not create:
                raise InputError(self.location, None,
                                 "is an empty database, not a tmtool memory yet (tm import fills it)")
            self._create()
        else:
            self._check_version()
        self.conn.execute("PRAGMA synchronous = NORMAL")

    def _create(self) -> None:
        self.conn.execute("PRAGMA journal_mode = WAL")
        with self._transaction():
            for statement in SCHEMA:
                self.conn.execute(statement)
            self.conn.executemany("INSERT INTO tm_meta VALUES (?, ?)",
                                  META_ROWS)

    def _check_version(self) -> None:
        check_schema(self.location, dict(self.conn.execute("SELECT key, value FROM tm_meta")))

    @contextlib.contextmanager
    def _transaction(self, mode: str = "IMMEDIATE") -> Iterator[None]:
        self.conn.execute(f"BEGIN {mode}")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """One snapshot for several reads (a lookup sees one state of a running import)."""
        with self._transaction("DEFERRED"):
            yield

    def add_prepared(self, batch: list[PreparedUnit]) -> int:
        with self._transaction():
            stored: set[bytes] = set()
            for keys in _chunks([unit.key for unit in batch]):
                stored.update(row[0] for row in self.conn.execute(
                    f"SELECT key FROM tm_units WHERE key IN ({_marks(len(keys))})", keys))
            new = [unit for unit in batch if unit.key not in stored]
            first = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM tm_units").fetchone()[0]
            rows = batch_rows(list(enumerate(new, start=first)))
            self.conn.executemany("INSERT INTO tm_units VALUES (?, ?, ?)", rows.units)
            self.conn.executemany("INSERT INTO tm_segments VALUES (?, ?, ?, ?)", rows.segments)
            self.conn.executemany("INSERT INTO tm_postings VALUES (?, ?, ?, ?, ?)", rows.postings)
        return len(new)

    def unit_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM tm_units").fetchone()[0])

    def term_counts(self, lang: str, terms: Iterable[str]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for chunk in _chunks(sorted(set(terms))):
            counts.update(self.conn.execute(
                "SELECT term, sum(n) FROM tm_postings WHERE lang = ? AND term IN "
                f"({_marks(len(chunk))}) GROUP BY term", [lang, *chunk]))
        return counts

    def postings(self, lang: str, terms: Iterable[str]) -> dict[str, array[int]]:
        found: dict[str, array[int]] = {}
        for chunk in _chunks(sorted(set(terms))):
            gather_postings(self.conn.execute(
                "SELECT term, ids FROM tm_postings WHERE lang = ? AND term IN "
                f"({_marks(len(chunk))}) ORDER BY term, batch", [lang, *chunk]), found)
        return found

    def sketches(self, lang: str, unit_ids: Iterable[int]) -> dict[int, bytes]:
        found: dict[int, bytes] = {}
        for chunk in _chunks(sorted(set(unit_ids))):
            found.update(self.conn.execute(
                f"SELECT unit_id, sketch FROM tm_segments WHERE lang = ? AND unit_id IN "
                f"({_marks(len(chunk))})", [lang, *chunk]))
        return found

    def exact_units(self, lang: str, key: bytes, limit: int) -> list[int]:
        return [row[0] for row in self.conn.execute(
            "SELECT unit_id FROM tm_segments WHERE lang = ? AND key = ? ORDER BY unit_id LIMIT ?",
            (lang, key, limit))]

    def units(self, unit_ids: Iterable[int]) -> dict[int, tuple[bytes, TranslationUnit]]:
        found: dict[int, tuple[bytes, TranslationUnit]] = {}
        for chunk in _chunks(sorted(set(unit_ids))):
            for unit_id, key, body in self.conn.execute(
                f"SELECT id, key, body FROM tm_units WHERE id IN ({_marks(len(chunk))})", chunk
            ):
                found[unit_id] = (bytes(key), decode_unit(body))
        return found

    def iter_units(self) -> Iterator[TranslationUnit]:
        for (body,) in self.conn.execute("SELECT body FROM tm_units ORDER BY id"):
            yield decode_unit(body)

    def stats(self) -> StoreStats:
        with self.reading():
            languages = dict(self.conn.execute(
                "SELECT lang, count(*) FROM tm_segments GROUP BY lang").fetchall())
            return StoreStats(self.unit_count(), languages, self.backend)

    def close(self) -> None:
        self.conn.close()
