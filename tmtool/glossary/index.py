"""The one-pass token index both matchers share: every glossary pattern is filed under the
forms of its rarest token, so a text is scanned with one dict lookup per token and the cost
per token does not grow with the glossary (terminology-notes §4.4).

A pattern is a sequence of slots (the lower-case forms allowed at each position). Candidates
found through the anchor are verified against their neighbours; overlapping matches are
resolved longest first, then leftmost, then by the kind's priority (an approved form beats a
forbidden one on the same span).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

from tmtool.glossary.model import GlossaryEntry
from tmtool.lang.tokens import WORD

# Kinds, in priority order for ties on the same span.
KINDS = ("uk", "en", "allowed", "historical", "forbidden")
_PRIORITY = {kind: rank for rank, kind in enumerate(KINDS)}
# What may stand between two tokens of one term: spaces, a hyphen (or the . & / of
# "St. Petersburg", "R&D"), a line break.
_GAP = re.compile(r"[ \t\u00a0]*(?:[-\u2010\u2011\u2012\u2013.&/][ \t]*)?(?:\r?\n[ \t]*)?")


@dataclass(frozen=True, slots=True)
class Pattern:
    slots: tuple[frozenset[str], ...]
    capitals: tuple[bool, ...]
    entry: GlossaryEntry
    kind: str
    form: str
    form_index: int


class Tokens:
    """The word tokens of a normalised text as parallel lists (built in C-speed passes, as
    the hot path of a lint run): `keys[i]` is the lookup key, `spans[i]` the offsets."""

    __slots__ = ("keys", "spans", "text")

    def __init__(self, text: str, keys: list[str], spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.keys = keys
        self.spans = spans

    def __len__(self) -> int:
        return len(self.keys)

    def capital(self, index: int) -> bool:
        return self.text[self.spans[index][0]].isupper()

    def word(self, index: int) -> str:
        start, end = self.spans[index]
        return self.text[start:end]


def make_tokens(text: str) -> Tokens:
    """Tokens of a normalised text keyed by lower case."""
    spans = [match.span() for match in WORD.finditer(text)]
    lowered = text.lower()
    keys: list[str] = WORD.findall(lowered) if len(lowered) == len(text) else []
    if len(keys) != len(spans):
        keys = [text[start:end].lower() for start, end in spans]
    return Tokens(text, keys, spans)


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    pattern: Pattern
    first_token: int
    last_token: int

    @property
    def entry(self) -> GlossaryEntry:
        return self.pattern.entry

    @property
    def kind(self) -> str:
        return self.pattern.kind


class PatternIndex:
    """Patterns filed under the forms of their rarest slot.

    The index holds pattern numbers (tuples of ints) rather than pattern objects: a large
    glossary would otherwise add hundreds of thousands of containers that every full
    garbage collection of a lint run walks through."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        pattern_list = list(patterns)
        frequency: Counter[str] = Counter()
        for pattern in pattern_list:
            for slot in pattern.slots:
                frequency.update(slot)
        filed: dict[str, list[int]] = {}
        anchors: list[int] = []
        for number, pattern in enumerate(pattern_list):
            anchor = min(
                range(len(pattern.slots)),
                key=lambda i: (max(frequency[f] for f in pattern.slots[i]),
                               -min(len(f) for f in pattern.slots[i])),
            )
            anchors.append(anchor)
            for form in pattern.slots[anchor]:
                filed.setdefault(form, []).append(number)
        self._patterns = pattern_list
        self._anchors = anchors
        self._by_form: dict[str, tuple[int, ...]] = {
            form: tuple(numbers) for form, numbers in filed.items()
        }
        self.size = len(pattern_list)

    def __contains__(self, key: str) -> bool:
        return key in self._by_form

    def find(self, tokens: Tokens) -> list[Match]:
        """All matches (overlapping), unordered."""
        found: list[Match] = []
        get = self._by_form.get
        patterns, anchors = self._patterns, self._anchors
        keys = tokens.keys
        count = len(keys)
        spans, text = tokens.spans, tokens.text
        for position, key in enumerate(keys):
            filed = get(key)
            if filed is None:
                continue
            for number in filed:
                pattern = patterns[number]
                size = len(pattern.slots)
                if size == 1:  # filed under its own forms: only the capital is left to check
                    if not pattern.capitals[0] or text[spans[position][0]].isupper():
                        found.append(Match(spans[position][0], spans[position][1], pattern,
                                           position, position))
                    continue
                first = position - anchors[number]
                last = first + size - 1
                if first < 0 or last >= count:
                    continue
                if _verify(tokens, first, pattern):
                    found.append(Match(spans[first][0], spans[last][1], pattern, first, last))
        return found


def _verify(tokens: Tokens, first: int, pattern: Pattern) -> bool:
    keys, spans, text = tokens.keys, tokens.spans, tokens.text
    for offset, slot in enumerate(pattern.slots):
        index = first + offset
        if keys[index] not in slot:
            return False
        if pattern.capitals[offset] and not text[spans[index][0]].isupper():
            return False
        if offset:
            gap_start, gap_end = spans[index - 1][1], spans[index][0]
            if gap_start == gap_end or _GAP.fullmatch(text, gap_start, gap_end) is None:
                return False
    return True


def resolve_overlaps(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, longest first, then leftmost, then by kind priority; the
    result is in text order."""
    if len(matches) < 2:
        return matches
    ordered = sorted(matches, key=_overlap_rank)
    taken: list[Match] = []
    for match in ordered:
        start, end = match.start, match.end
        for other in taken:
            if end > other.start and start < other.end:
                break
        else:
            taken.append(match)
    taken.sort(key=_START)
    return taken


_START = attrgetter("start")


def _overlap_rank(match: Match) -> tuple[int, int, int, str]:
    pattern = match.pattern
    return (match.start - match.end, match.start, _PRIORITY[pattern.kind], pattern.entry.term_id)
