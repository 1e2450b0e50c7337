"""Pre-translation from a memory, shared by the PO, XLIFF and document fillers: the best
match of a segment, whether it fills the target, and the CAT-style analysis of a file.

A 100 % match fills a target as translated; a match at or above `min_score` fills it as
fuzzy (PO `#, fuzzy`, XLIFF `needs-review-translation`) with its score in a note; anything
lower leaves the target empty. The analysis counts the segments to translate and their words
per band (100 %, 95-99, 85-94, 75-84, 50-74, no match), like a CAT tool's report, whether or
not `min_score` let the match in.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tmtool.errors import ConfigError
from tmtool.formats.po_props import message_text, unit_edges
from tmtool.model import InlineCode, Segment, TranslationUnit
from tmtool.tm.lookup import LookupOptions, Match, lookup, query_tokens
from tmtool.tm.store import MemoryStore

BANDS = ("100", "95-99", "85-94", "75-84", "50-74", "no match")
_BAND_FLOORS = ((100, "100"), (95, "95-99"), (85, "85-94"), (75, "75-84"), (50, "50-74"))
ANALYSIS_FLOOR = 50
DEFAULT_MIN = 75
EXACT = 100


def band_of(score: int | None) -> str:
    for floor, band in _BAND_FLOORS:
        if score is not None and score >= floor:
            return band
    return "no match"


def score_note(score: int) -> str:
    """The note a fuzzy fill carries (PO translator comment, XLIFF note)."""
    return f"tmtool: {score}% match from the translation memory"


@dataclass
class Analysis:
    """Segments and words to translate per band, and what was filled."""

    segments: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BANDS, 0))
    words: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BANDS, 0))
    translated: int = 0       # filled from a 100 % match
    fuzzy: int = 0            # filled from a match >= min_score, marked for review
    already_translated: int = 0
    not_filled: dict[str, int] = field(default_factory=dict)   # reason -> segments

    def count(self, score: int | None, words: int) -> None:
        band = band_of(score)
        self.segments[band] += 1
        self.words[band] += words

    def filled(self, score: int) -> None:
        if score >= EXACT:
            self.translated += 1
        else:
            self.fuzzy += 1

    def skipped(self, reason: str) -> None:
        self.not_filled[reason] = self.not_filled.get(reason, 0) + 1

    def as_dict(self) -> dict[str, object]:
        return {
            "bands": [{"band": band, "segments": self.segments[band], "words": self.words[band]}
                      for band in BANDS],
            "total": {"segments": sum(self.segments.values()), "words": sum(self.words.values())},
            "filled": {"translated": self.translated, "fuzzy": self.fuzzy},
            "already_translated": self.already_translated,
            "not_filled": dict(sorted(self.not_filled.items())),
        }


@dataclass(frozen=True)
class PretranslateOptions:
    """`src_lang`/`tgt_lang` override what the file says; `min_score` is the lowest fuzzy
    match that fills a target."""

    min_score: int = DEFAULT_MIN
    src_lang: str | None = None
    tgt_lang: str | None = None

    def __post_init__(self) -> None:
        if not ANALYSIS_FLOOR <= self.min_score <= EXACT:
            raise ConfigError(f"--min {self.min_score}: give a percentage from 50 to 100")


@dataclass
class PretranslateResult:
    """The pre-translated file's bytes, its analysis, and the direction that was used."""

    data: bytes
    analysis: Analysis
    src_lang: str
    tgt_lang: str
    kind: str   # "po", "xliff" or "document"


UnitFilter = Callable[[TranslationUnit], bool]


class MatchFinder:
    """Best matches of one file's segments in one direction of the memory."""

    def __init__(self, store: MemoryStore, src_lang: str, tgt_lang: str) -> None:
        self.store = store
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang

    def matches(self, query: Segment | str, *, floor: int = ANALYSIS_FLOOR,
                limit: int = 10) -> list[Match]:
        return lookup(self.store, query,
                      LookupOptions(self.src_lang, self.tgt_lang, floor, limit))

    def best(self, query: Segment | str, *, context: str | None = None,
             accept: UnitFilter | None = None,
             source_text: Callable[[Match], str] | None = None) -> Match | None:
        """The best match; among equal scores a unit with the same `x-context`, then one
        whose source is the query to the last space (" (core dumped)" and "(core dumped) "
        are both 100 %, but only one keeps the translator's own spacing); `source_text`
        gives a match's source as its file had it (PO: with the white space TMX trims)."""
        found = [m for m in self.matches(query) if accept is None or accept(m.unit)]
        if not found:
            return None
        raw = query if isinstance(query, str) else query.native_text()
        original = source_text or (lambda match: match.source.native_text())
        top = [m for m in found if m.score == found[0].score]
        return max(top, key=lambda m: (m.unit.prop("x-context") == context, original(m) == raw))


def adapt_codes(translation: Segment, memory_source: Segment, query: Segment) -> Segment:
    """The memory's translation with its inline codes replaced by the query's own, when the
    memory's source and the query hold codes of the same kinds in the same order (a bold
    written `<b>` in the memory and `**` in the document): the k-th code of the memory's
    source stands for the k-th of the query. Otherwise the translation as it is."""
    memory_codes, query_codes = memory_source.codes, query.codes
    if not translation.codes or len(memory_codes) != len(query_codes) or any(
            a.kind is not b.kind for a, b in zip(memory_codes, query_codes)):
        return translation
    used: set[int] = set()
    parts: list[str | InlineCode] = []
    for part in translation.parts:
        if isinstance(part, str):
            parts.append(part)
            continue
        index = next((i for i, code in enumerate(memory_codes) if i not in used
                      and code.kind is part.kind and code.native == part.native), None)
        if index is None:
            return translation
        used.add(index)
        parts.append(query_codes[index])
    return Segment(tuple(parts))


def _edge(segment: Segment, end: int) -> str:
    """The white space at the start (`end` 0) or the end (-1) of a segment; '' at a code."""
    text = segment.parts[end] if segment.parts else ""
    if not isinstance(text, str):
        return ""
    trimmed = text.lstrip() if end == 0 else text.rstrip()
    return text[: len(text) - len(trimmed)] if end == 0 else text[len(trimmed):]


def fit_edges(translation: Segment, memory_source: Segment, query: Segment) -> Segment:
    """The translation with the query's white space at an end where the memory's source had
    other white space there (a TMX writer trims it; a gettext message "\n  Usage: %s\n" in
    XLIFF keeps it, and msgfmt --check refuses a msgstr that does not begin and end as its
    msgid does); where the two sources agree, the translation keeps its own ends."""
    parts = list(translation.parts)
    if not parts or not query.text.strip():
        return translation
    for end in (0, -1):
        wanted = _edge(query, end)
        if wanted == _edge(memory_source, end) or not isinstance(parts[end], str):
            continue
        text = str(parts[end])
        parts[end] = wanted + text.lstrip() if end == 0 else text.rstrip() + wanted
    return Segment(tuple(parts))


def fit_translation(match: Match, query: Segment) -> Segment:
    """The match's translation as it fills `query`: the query's codes, the query's ends
    (a gettext message's ends compared as its catalogue had them, from `x-po-edges`)."""
    edges = unit_edges(match.unit)
    if edges is not None and not match.source.codes and not match.target.codes:
        source = Segment.from_text(message_text(match.source, edges, 0))
        return fit_edges(Segment.from_text(message_text(match.target, edges, 2)), source, query)
    return fit_edges(adapt_codes(match.target, match.source, query), match.source, query)


def word_count(query: Segment | str) -> int:
    return query_tokens(query).word_count
