"""A memory shared on a PostgreSQL server (`--db postgresql://USER@HOST/DB`), through
psycopg 3 (the extra `tmtool[postgres]`), with the same tables, rows and candidate logic as
the SQLite file, so both give the same matches.

Several importers may write at once: each batch is one transaction that inserts its units
in content-key order with `ON CONFLICT (key) DO NOTHING` (a unit another importer just
stored is skipped, and the fixed order means two importers never deadlock), then only adds
exact-key and postings rows, which nobody updates. Unit ids come from a sequence. Lookups
read one snapshot (REPEATABLE READ, READ ONLY), so an import committing meanwhile is seen
whole or not at all.
"""
from __future__ import annotations

import contextlib
import re
from array import array
from collections.abc import Iterable, Iterator
from typing import Any

from tmtool.errors import ConfigError, InputError
from tmtool.model import TranslationUnit
from tmtool.tm.indexing import PreparedUnit, batch_rows
from tmtool.tm.packing import gather_postings
from tmtool.tm.store import META_ROWS, MemoryStore, StoreStats, check_schema
from tmtool.tm.unitcodec import decode_unit

SCHEMA = (
    "CREATE TABLE tm_meta (key text PRIMARY KEY, value text NOT NULL)",
    "CREATE SEQUENCE tm_units_id_seq",
    "CREATE TABLE tm_units (id bigint PRIMARY KEY, key bytea NOT NULL UNIQUE, body text NOT NULL)",
    ("CREATE TABLE tm_segments (lang text NOT NULL, unit_id bigint NOT NULL,"
     " key bytea NOT NULL, sketch bytea NOT NULL, PRIMARY KEY (lang, unit_id))"),
    "CREATE INDEX tm_segments_key ON tm_segments (lang, key, unit_id)",
    ("CREATE TABLE tm_postings (lang text NOT NULL, term text NOT NULL, batch bigint NOT NULL,"
     " n integer NOT NULL, ids bytea NOT NULL)"),
    "CREATE INDEX tm_postings_term ON tm_postings (lang, term, batch) INCLUDE (n)",
)
_SCHEMA_LOCK = 0x746D746F6F6C  # pg_advisory_xact_lock key: "tmtool", so two creators wait
_PASSWORD = re.compile(r"(://[^:/@]*):[^@/]*@")


def redact(url: str) -> str:
    """The URL as messages show it: a password replaced by ***."""
    return _PASSWORD.sub(r"\1:***@", url)


def _connect(url: str) -> Any:
    try:
        import psycopg
    except ImportError:
        raise ConfigError(f"{redact(url)}: a PostgreSQL memory needs psycopg; "
                          "install tmtool[postgres]") from None
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(redact(url), None, f"cannot connect to the server ({reason})") from None


class PostgresStore(MemoryStore):
    """A memory in a PostgreSQL database."""

    backend = "postgresql"

    def __init__(self, url: str, *, create: bool = False) -> None:
        super().__init__(redact(url))
        self.conn = _connect(url)
        try:
            self._open(create)
        except BaseException:
            self.conn.close()
            raise

    def _open(self, create: bool) -> None:
        if not self._has_table("tm_meta"):
            if not create:
                raise InputError(self.location, None, "holds no tmtool memory yet "
                                 "(tm import creates one)")
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
                if not self._has_table("tm_meta"):
                    self._create()
        self._check_version()

    def _has_table(self, name: str) -> bool:
        # A query on the catalogue, not to_regclass(): the latter answers from a cache that
        # an advisory lock does not refresh, so a second creator would miss the first's table.
        row = self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE tablename = %s "
            "AND schemaname = current_schema())", (name,)).fetchone()
        return bool(row[0])

    def _create(self) -> None:
        if self._has_table("tm_units"):
            raise InputError(self.location, None, "has a tm_units table that tmtool did not "
                             "make; use another database")
        for statement in SCHEMA:
            self.conn.execute(statement)
        self.conn.cursor().executemany("INSERT INTO tm_meta VALUES (%s, %s)",
                                       META_ROWS)

    def _check_version(self) -> None:
        check_schema(self.location, dict(self.conn.execute("SELECT key, value FROM tm_meta")))

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        with self.conn.transaction():
            self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield

    def add_prepared(self, batch: list[PreparedUnit]) -> int:
        with self.conn.transaction():
            keys = [unit.key for unit in batch]
            stored = {bytes(row[0]) for row in self.conn.execute(
                "SELECT key FROM tm_units WHERE key = ANY(%s)", (keys,))}
            new = [unit for unit in batch if unit.key not in stored]
            if not new:
                return 0
            ids = sorted(row[0] for row in self.conn.execute(
                "SELECT nextval('tm_units_id_seq') FROM generate_series(1, %s)", (len(new),)))
            by_key = sorted(zip(ids, new), key=lambda pair: pair[1].key)  # the lock order
            inserted = {row[0] for row in self.conn.execute(
                "INSERT INTO tm_units (id, key, body) SELECT * FROM "
                "unnest(%s::bigint[], %s::bytea[], %s::text[]) ON CONFLICT (key) DO NOTHING "
                "RETURNING id", ([i for i, _ in by_key], [u.key for _, u in by_key],
                                 [u.body for _, u in by_key]))}
            rows = batch_rows([(unit_id, unit) for unit_id, unit in zip(ids, new)
                               if unit_id in inserted])
            with self.conn.cursor() as cursor:
                with cursor.copy("COPY tm_segments (lang, unit_id, key, sketch) "
                                 "FROM STDIN") as copy:
                    for segment in rows.segments:
                        copy.write_row(segment)
                with cursor.copy("COPY tm_postings (lang, term, batch, n, ids) "
                                 "FROM STDIN") as copy:
                    for posting in rows.postings:
                        copy.write_row(posting)
        return len(inserted)

    def unit_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM tm_units").fetchone()[0])

    def term_counts(self, lang: str, terms: Iterable[str]) -> dict[str, int]:
        rows = self.conn.execute(
            "SELECT term, sum(n)::bigint FROM tm_postings WHERE lang = %s AND term = ANY(%s) "
            "GROUP BY term", (lang, sorted(set(terms))))
        return {term: int(count) for term, count in rows}

    def postings(self, lang: str, terms: Iterable[str]) -> dict[str, array[int]]:
        return gather_postings(self.conn.execute(
            "SELECT term, ids FROM tm_postings WHERE lang = %s AND term = ANY(%s) "
            "ORDER BY term, batch", (lang, sorted(set(terms)))))

    def sketches(self, lang: str, unit_ids: Iterable[int]) -> dict[int, bytes]:
        rows = self.conn.execute(
            "SELECT unit_id, sketch FROM tm_segments WHERE lang = %s AND unit_id = ANY(%s)",
            (lang, sorted(set(unit_ids))))
        return {unit_id: bytes(sketch) for unit_id, sketch in rows}

    def exact_units(self, lang: str, key: bytes, limit: int) -> list[int]:
        return [row[0] for row in self.conn.execute(
            "SELECT unit_id FROM tm_segments WHERE lang = %s AND key = %s ORDER BY unit_id "
            "LIMIT %s",
            (lang, key, limit))]

    def units(self, unit_ids: Iterable[int]) -> dict[int, tuple[bytes, TranslationUnit]]:
        rows = self.conn.execute("SELECT id, key, body FROM tm_units WHERE id = ANY(%s)",
                                 (sorted(set(unit_ids)),))
        return {unit_id: (bytes(key), decode_unit(body)) for unit_id, key, body in rows}

    def iter_units(self) -> Iterator[TranslationUnit]:
        with self.conn.transaction(), self.conn.cursor(name="tm_export") as cursor:
            cursor.itersize = 2_000
            cursor.execute("SELECT body FROM tm_units ORDER BY id")
            for (body,) in cursor:
                yield decode_unit(body)

    def stats(self) -> StoreStats:
        with self.reading():
            languages = {lang: int(count) for lang, count in self.conn.execute(
                "SELECT lang, count(*) FROM tm_segments GROUP BY lang")}
            return StoreStats(self.unit_count(), languages, self.backend)

    def storage_problem(self, error: BaseException) -> str | None:
        """A server that went away (shut down, connection terminated) mid-command."""
        import psycopg

        if isinstance(error, psycopg.OperationalError):
            reason = " ".join(str(error).split()) or type(error).__name__
            return f"lost the connection to the server ({reason})"
        return None

    def close(self) -> None:
        self.conn.close()
