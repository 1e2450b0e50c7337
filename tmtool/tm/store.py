"""The translation-memory store interface that lookups, concordance, pretranslation and the
`tm` commands use, whatever holds the data: an SQLite file (the default, one file beside the
project) or a PostgreSQL database shared by a team (`postgresql://...`, extra
`tmtool[postgres]`).

Decision: a back-end only stores and fetches (units by id, postings by term, exact keys);
everything that decides a result (tokens, stems, candidate choice, scores, order) lives in
`lookup`, `concordance` and `indexing`, above this interface, so both back-ends give the same
matches. Imports are batched (one transaction per batch), idempotent (a unit whose content
key is stored is skipped) and streamed (memory does not grow with the file); drafts are left
out, so a lookup answers with confirmed translations only.
"""
from __future__ import annotations

import abc
import contextlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import TypeVar

from tmtool.errors import InputError
from tmtool.formats.states import is_draft
from tmtool.model import TranslationUnit
from tmtool.tm.indexing import PreparedUnit, prepare_unit

SCHEMA_VERSION = 1
SCHEMA_NAME = "tmtool-tm"
META_ROWS = (("schema", SCHEMA_NAME), ("version", str(SCHEMA_VERSION)))
DEFAULT_BATCH_SIZE = 10_000
StoreT = TypeVar("StoreT", bound="MemoryStore")
Progress = Callable[["ImportReport"], None]


@dataclass
class ImportReport:
    """What one import did: units read, added, already stored, skipped (fewer than two
    languages with text: not a translation) and drafts left out (`formats.states`: a fuzzy
    PO message, an XLIFF target that needs translation or review)."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    skipped: int = 0
    drafts: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"read": self.read, "added": self.added, "duplicates": self.duplicates,
                "skipped": self.skipped, "drafts": self.drafts}


@dataclass(frozen=True)
class StoreStats:
    units: int
    languages: dict[str, int] = field(default_factory=dict)
    backend: str = ""
    schema: int = SCHEMA_VERSION

    def as_dict(self) -> dict[str, object]:
        return {"units": self.units, "languages": dict(sorted(self.languages.items())),
                "backend": self.backend, "schema": self.schema}


class MemoryStore(abc.ABC):
    """A translation memory. Use as a context manager; `location` names it in messages
    (a server URL without its password)."""

    backend = ""

    def __init__(self, location: str) -> None:
        self.location = location

    def __enter__(self: StoreT) -> StoreT:  # noqa: PYI019 (typing.Self needs Python 3.11)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
        problem = None if error is None else self.storage_problem(error)
        if problem is not None:  # a damaged file or a lost server is bad input, not a bug
            raise InputError(self.location, None, problem) from None

    def storage_problem(self, error: BaseException) -> str | None:
        """What `error`, raised while the memory was in use, says is wrong with the memory
        itself (damaged pages, a server gone), or None for any other error."""
        return None

    # --- writing -------------------------------------------------------------------

    @abc.abstractmethod
    def add_prepared(self, batch: list[PreparedUnit]) -> int:
        """Store the units of `batch` whose keys are new, in one transaction, with ids in
        batch order; returns how many were added (the batch holds no key twice)."""

    def import_units(self, units: Iterable[TranslationUnit], *,
                     batch_size: int = DEFAULT_BATCH_SIZE,
                     progress: Progress | None = None) -> ImportReport:
        """Add units, streaming, one transaction per `batch_size` units."""
        report = ImportReport()
        batch: dict[bytes, PreparedUnit] = {}
        for unit in units:
            report.read += 1
            if is_draft(unit):
                report.drafts += 1
                continue
            prepared = prepare_unit(unit)
            if prepared is None:
                report.skipped += 1
                continue
            if prepared.key in batch:
                report.duplicates += 1
                continue
            batch[prepared.key] = prepared
            if len(batch) >= batch_size:
                self._flush(batch, report, progress)
        if batch:
            self._flush(batch, report, progress)
        return report

    def _flush(self, batch: dict[bytes, PreparedUnit], report: ImportReport,
               progress: Progress | None) -> None:
        added = self.add_prepared(list(batch.values()))
        report.added += added
        report.duplicates += len(batch) - added
        batch.clear()
        if progress is not None:
            progress(report)

    # --- reading -------------------------------------------------------------------

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Reads inside see one state of the memory (an import may be committing)."""
        yield

    @abc.abstractmethod
    def unit_count(self) -> int:
        """How many units the memory holds."""

    @abc.abstractmethod
    def term_counts(self, lang: str, terms: Iterable[str]) -> dict[str, int]:
        """Document frequency of each term in `lang` (terms not stored are left out)."""

    @abc.abstractmethod
    def postings(self, lang: str, terms: Iterable[str]) -> dict[str, array[int]]:
        """The posting values (`unit id << 8 | word count`) of each term in `lang`, in
        batch order (terms not stored are left out)."""

    @abc.abstractmethod
    def sketches(self, lang: str, unit_ids: Iterable[int]) -> dict[int, bytes]:
        """The sketches (`packing.encode_sketch`) of the units' `lang` segments."""

    @abc.abstractmethod
    def exact_units(self, lang: str, key: bytes, limit: int) -> list[int]:
        """Ids of up to `limit` units whose `lang` segment has this exact key, ascending."""

    @abc.abstractmethod
    def units(self, unit_ids: Iterable[int]) -> dict[int, tuple[bytes, TranslationUnit]]:
        """Units (with their content keys) by id; ids not stored are left out."""

    @abc.abstractmethod
    def iter_units(self) -> Iterator[TranslationUnit]:
        """Every unit in id order, streamed."""

    @abc.abstractmethod
    def stats(self) -> StoreStats:
        """Unit and language counts."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the connection."""


def check_schema(location: str, meta: dict[str, str]) -> None:
    """Refuse a memory whose `tm_meta` is not tmtool's, or of another schema version."""
    if meta.get("schema") != SCHEMA_NAME:
        raise InputError(location, None, "not a tmtool memory (unknown tm_meta)")
    if meta.get("version") != str(SCHEMA_VERSION):
        raise InputError(
            location, None,
            f"memory schema version {meta.get('version')}; this tmtool reads version "
            f"{SCHEMA_VERSION} (use the tmtool that made it, or export and re-import)")


def is_server_url(location: str) -> bool:
    """Whether `--db` names a PostgreSQL server rather than an SQLite file."""
    return location.startswith(("postgresql://", "postgres://"))


def open_store(location: str, *, create: bool = False) -> MemoryStore:
    """The memory at `location`: a `postgresql://` URL or an SQLite file path. `create`
    makes an empty memory where there is none (imports); otherwise a missing memory is an
    error, and so is one of another schema version."""
    if is_server_url(location):
        from tmtool.tm.postgres import PostgresStore

        return PostgresStore(location, create=create)
    from tmtool.tm.sqlite import SqliteStore

    return SqliteStore(location, create=create)
