"""The one data model every format reads into and writes from.

A segment keeps inline markup as `InlineCode` objects beside its text, never flattened into
the words, so TMX, XLIFF and the aligner can each decide how markup is shown. Units are
immutable: readers build them, writers and checks only look.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any


class CodeKind(enum.Enum):
    """Where an inline code stands: opening, closing, or alone (a placeholder)."""

    OPEN = "open"
    CLOSE = "close"
    STANDALONE = "standalone"


@dataclass(frozen=True, slots=True)
class InlineCode:
    """Markup inside a segment, kept apart from the words.

    `pair` links an OPEN to its CLOSE within the segment; an OPEN or CLOSE whose partner
    lies outside the segment (TMX `<it>`) has no partner with the same `pair` there.
    `native` is the markup as it stood in the source, e.g. "<b>" or "**".
    `type` is a TMX/XLIFF code type such as "bold", "link" or "x-md-emphasis".
    """

    kind: CodeKind
    pair: int | None = None
    native: str = ""
    type: str | None = None


def _canonical_parts(parts: Iterable[str | InlineCode]) -> tuple[str | InlineCode, ...]:
    """Merge neighbouring strings and drop empty ones so equal segments compare equal."""
    out: list[str | InlineCode] = []
    for part in parts:
        if isinstance(part, str):
            if not part:
                continue
            if out and isinstance(out[-1], str):
                out[-1] = out[-1] + part
                continue
        out.append(part)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Segment:
    """Segment text as a sequence of strings and inline codes (canonical: no empty or
    neighbouring strings)."""

    parts: tuple[str | InlineCode, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "parts", _canonical_parts(self.parts))

    @classmethod
    def from_text(cls, text: str) -> Segment:
        """A segment of plain text; built directly, since readers call this once per
        segment and a single string is already canonical."""
        segment = object.__new__(cls)
        _set_segment_parts(segment, (text,) if text else ())
        return segment

    @property
    def text(self) -> str:
        """The words only, inline codes left out."""
        return "".join(p for p in self.parts if isinstance(p, str))

    @property
    def codes(self) -> tuple[InlineCode, ...]:
        return tuple(p for p in self.parts if isinstance(p, InlineCode))

    def native_text(self) -> str:
        """The text with each inline code's native markup put back in place."""
        return "".join(p if isinstance(p, str) else p.native for p in self.parts)

    def is_empty(self) -> bool:
        return not self.text.strip()

    def __str__(self) -> str:
        return self.text


def segment_key(segment: Segment) -> bytes:
    """The segment as bytes for hashing (tuids, duplicate and conflict keys): every part,
    text or inline code with its kind, pair, native markup and type, ended by 0x1F."""
    chunks = []
    for part in segment.parts:
        if not isinstance(part, str):
            part = f"\x1d{part.kind.value}\x1d{part.pair}\x1d{part.native}\x1d{part.type}"
        chunks.append(part.encode("utf-8", "surrogatepass") + b"\x1f")
    return b"".join(chunks)


def field_setters(cls: type, names: tuple[str, ...]) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of a frozen slotted dataclass, one per field, for readers that build
    millions of objects: `object.__new__(cls)` and one setter per field costs about half
    the generated frozen `__init__` (which goes through `object.__setattr__` by name).

    `names` must be every field of `cls` in order, so that a field added to the model fails
    here, at import time, instead of leaving a slot unset. The caller must pass values the
    constructor would keep as they are: `__post_init__` does not run.
    """
    actual = tuple(f.name for f in fields(cls))
    if actual != names:
        raise TypeError(f"{cls.__name__} has fields {actual}, not {names}")
    return tuple(cls.__dict__[name].__set__ for name in names)


(_set_segment_parts,) = field_setters(Segment, ("parts",))


@dataclass(frozen=True, slots=True)
class Prop:
    """TMX `<prop type=...>`: custom metadata (tmtool writes only `x-` types, opt-in)."""

    type: str
    value: str
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Variant:
    """One language's version of a unit (TMX `<tuv>`); `line` is where its segment starts
    in the file it was read from (messages only, not compared)."""

    lang: str
    segment: Segment
    props: tuple[Prop, ...] = ()
    notes: tuple[str, ...] = ()
    creation_date: datetime | None = None
    change_date: datetime | None = None
    line: int | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        return self.segment.text


def same_language(a: str, b: str) -> bool:
    """True when two locale codes name the same language (`uk-UA` ~ `uk`, case-insensitive)."""
    return a.replace("_", "-").split("-")[0].lower() == b.replace("_", "-").split("-")[0].lower()


@dataclass(frozen=True, slots=True)
class TranslationUnit:
    """A translation unit (TMX `<tu>`): one variant per locale plus its metadata.

    `line` is where the unit starts in the file it was read from (1-based); it is for
    messages only and takes no part in equality.
    """

    variants: tuple[Variant, ...]
    tuid: str | None = None
    props: tuple[Prop, ...] = ()
    notes: tuple[str, ...] = ()
    creation_date: datetime | None = None
    change_date: datetime | None = None
    creation_id: str | None = None
    change_id: str | None = None
    src_lang: str | None = None
    line: int | None = field(default=None, compare=False)

    def variant(self, lang: str) -> Variant | None:
        """The variant for `lang`: an exact (case-insensitive) locale match first, then
        the first variant of the same language."""
        wanted = lang.lower().replace("_", "-")
        for variant in self.variants:
            if variant.lang.lower().replace("_", "-") == wanted:
                return variant
        for variant in self.variants:
            if same_language(variant.lang, lang):
                return variant
        return None

    def langs(self) -> Iterator[str]:
        return (v.lang for v in self.variants)

    def prop(self, type_: str) -> str | None:
        """The value of the first unit-level prop of this type."""
        return next((p.value for p in self.props if p.type == type_), None)
