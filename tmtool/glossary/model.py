"""The glossary as the linter sees it: one `GlossaryEntry` per concept (a person, place,
organization, title or term) with its Ukrainian forms and its English renderings by status.

Defaults a reader must know: names (person, place, organization) are `case=proper` and
titles/terms `case=any`; person and place names are of Ukrainian origin unless `origin` says
otherwise, so only they are held to the KMU-55 transliteration standard.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

TYPES = ("person", "place", "organization", "title", "term")
TYPE_ALIASES = {"org": "organization", "organisation": "organization"}
CASES = ("proper", "common", "exact", "any")
ORIGINS = ("uk", "kk", "ru", "other")
UK_INFLECT = ("auto", "none", "manual")
UK_GENDERS = ("m", "f", "n", "pl")
NAME_TYPES = ("person", "place", "organization")


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One concept. `uk[0]` is the preferred Ukrainian form, the rest admitted short forms;
    `en` is the one approved English rendering."""

    term_id: str
    type: str
    uk: tuple[str, ...]
    en: str
    en_allowed: tuple[str, ...] = ()
    en_forbidden: tuple[str, ...] = ()
    en_historical: tuple[str, ...] = ()
    note: str = ""
    uk_forms: tuple[str, ...] = ()
    uk_inflect: str = "auto"
    uk_gender: str | None = None
    case: str | None = None
    origin: str | None = None
    kk: tuple[str, ...] = ()
    ru: tuple[str, ...] = ()
    source: str = ""
    path: str = ""
    line: int = 0

    @property
    def approved(self) -> tuple[str, ...]:
        """`en` followed by the allowed renderings."""
        return (self.en, *self.en_allowed)

    @property
    def effective_case(self) -> str:
        if self.case:
            return self.case
        return "proper" if self.type in NAME_TYPES else "any"

    @property
    def effective_origin(self) -> str | None:
        if self.origin:
            return self.origin
        return "uk" if self.type in ("person", "place") else None

    @property
    def is_name(self) -> bool:
        return self.type in NAME_TYPES

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Glossary:
    """All entries of one run, in file order; ids are unique."""

    entries: tuple[GlossaryEntry, ...]
    sources: tuple[str, ...] = ()
    by_id: dict[str, GlossaryEntry] = field(init=False, repr=False, compare=False)
    fingerprint: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {entry.term_id: entry for entry in self.entries})
        digest = hashlib.sha256()
        for entry in self.entries:
            digest.update(repr(_content(entry)).encode("utf-8"))
            digest.update(b"\x00")
        object.__setattr__(self, "fingerprint", digest.hexdigest())

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, term_id: str) -> GlossaryEntry | None:
        return self.by_id.get(term_id)


def _content(entry: GlossaryEntry) -> tuple[object, ...]:
    """The fields that change matching (not the file position)."""
    return (
        entry.term_id, entry.type, entry.uk, entry.en, entry.en_allowed, entry.en_forbidden,
        entry.en_historical, entry.uk_forms, entry.uk_inflect, entry.uk_gender, entry.case,
        entry.origin,
    )
