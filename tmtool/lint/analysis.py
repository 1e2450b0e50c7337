"""What every rule needs to know about one unit, computed once: each side normalised,
tokenised and matched against the compiled glossary, plus sentence boundaries.

Rules return `Hit`s (original offsets into a side's text); the engine turns them into
`Finding`s with the severity in force. Which side is which comes from `TextSide.lang`: the
Ukrainian side is matched inflection-aware, the English side for renderings.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from tmtool.glossary.en_matcher import en_tokens
from tmtool.glossary.index import Match, Tokens, make_tokens, resolve_overlaps
from tmtool.glossary.matcher import CompiledGlossary
from tmtool.lang.tokens import NormalText, normalize_text
from tmtool.lint.units import LintUnit, TextSide

_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”)\]]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*[#*>|-])")
_OPENING = re.compile(r"[\s\"'«“„(\[*_#>—–-]*")


@dataclass(frozen=True, slots=True)
class Hit:
    """A problem found by a rule, in original offsets of `side.text`."""

    unit: LintUnit
    side: TextSide
    start: int
    end: int
    message: str
    term_id: str | None = None
    found: str | None = None
    expected: str | None = None


def detach(hit: Hit) -> Hit:
    """The hit with its position resolved and the unit's texts dropped, for rules that hold
    hits until the run ends (a long run must not keep every text in memory)."""
    line, column = hit.side.position(hit.start)
    unit = hit.unit
    side = TextSide("", line, column, hit.side.lang, exact=False)
    return Hit(LintUnit(unit.path, None, None, unit.unit_id, unit.ignored), side, 0, 0,
               hit.message, hit.term_id, hit.found, hit.expected)


class SideView:
    """One side of a unit as the rules see it; `matches` and `sentence_starts` are computed
    on first use (plain attributes, not `cached_property`: this is the per-unit hot path)."""

    __slots__ = ("_matches", "_sentence_starts", "all_matches", "normal", "side", "tokens")

    def __init__(self, side: TextSide, normal: NormalText, tokens: Tokens,
                 all_matches: list[Match]) -> None:
        self.side = side
        self.normal = normal
        self.tokens = tokens
        self.all_matches = all_matches
        self._matches: list[Match] | None = None
        self._sentence_starts: list[int] | None = None

    @property
    def matches(self) -> list[Match]:
        """Non-overlapping matches in text order."""
        if self._matches is None:
            self._matches = resolve_overlaps(list(self.all_matches))
        return self._matches

    @property
    def sentence_starts(self) -> list[int]:
        if self._sentence_starts is None:
            starts = [0]
            starts.extend(end.end() for end in _SENTENCE_END.finditer(self.normal.text))
            self._sentence_starts = starts
        return self._sentence_starts

    def sentence_of(self, offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts, offset) - 1

    def is_sentence_initial(self, offset: int) -> bool:
        """True when only punctuation and markup stand between the sentence start and `offset`."""
        text = self.normal.text
        # Only opening characters since the text's start: true whatever sentence starts
        # lie in between, so the sentence split is not needed (the usual case: offset 0).
        if _OPENING.fullmatch(text, 0, offset) is not None:
            return True
        start = self.sentence_starts[self.sentence_of(offset)]
        return _OPENING.fullmatch(text, start, offset) is not None

    def surface(self, start: int, end: int) -> str:
        """The original text behind normalised offsets."""
        return self.side.text[self.normal.origin(start):self.normal.origin(end)]

    def approved_renderings(self) -> Iterator[tuple[Match, str]]:
        """Matches of an approved or allowed rendering, with the text as written."""
        for match in self.matches:
            if match.kind in ("en", "allowed"):
                yield match, self.surface(match.start, match.end)

    def hit(self, unit: LintUnit, start: int, end: int, message: str, **details: str | None) -> Hit:
        return Hit(unit, self.side, self.normal.origin(start), self.normal.origin(end), message,
                   **details)


def _view(side: TextSide, compiled: CompiledGlossary, *, ukrainian: bool) -> SideView:
    normal = normalize_text(side.text)
    if ukrainian:
        tokens = make_tokens(normal.text)
        return SideView(side, normal, tokens, compiled.uk.find_all(tokens))
    tokens = en_tokens(normal.text)
    return SideView(side, normal, tokens, compiled.en.find_all(tokens))


def _is_ukrainian(side: TextSide) -> bool:
    return side.lang.lower().startswith("uk")


@dataclass
class AnalysedUnit:
    unit: LintUnit
    compiled: CompiledGlossary
    english: SideView | None = None
    ukrainian: SideView | None = None
    notes: dict[str, object] = field(default_factory=dict)

    @property
    def is_bilingual(self) -> bool:
        return self.english is not None and self.ukrainian is not None


def analyse_unit(unit: LintUnit, compiled: CompiledGlossary) -> AnalysedUnit:
    analysed = AnalysedUnit(unit, compiled)
    for side in (unit.source, unit.target):
        if side is None or not side.text:
            continue
        if _is_ukrainian(side):
            if analysed.ukrainian is None:
                analysed.ukrainian = _view(side, compiled, ukrainian=True)
        elif analysed.english is None:
            analysed.english = _view(side, compiled, ukrainian=False)
    return analysed
