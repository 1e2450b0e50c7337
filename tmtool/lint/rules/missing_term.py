"""missing-term: a glossary term in the Ukrainian text with no rendering in the English.

What it flags: in a bilingual unit, a glossary term found on the Ukrainian side in any
inflection («Касима Кайсенова», «у Кам'янському») when the English side holds none of the
entry's renderings, and - if the English side holds a word that could stand for the name
(a pronoun such as he, his, it, there, this, or the article of "the poet") - neither do the
two units before or after it in the same file (a translator may write "him" or "the poet"
for a name just mentioned; without such a word the name is simply gone, however often the
neighbours mention it). Forbidden, historical and near-miss
spellings count as present (their own rules report them), so one slip gives one finding.
Why: a dropped or paraphrased name is the translation error a reviewer misses most easily.
Example: uk «Зустріч із Касимом Кайсеновим», en "A meeting with the hero"
Instead: en "A meeting with Qasim Qaysenov"
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from tmtool.findings import Severity
from tmtool.lint.analysis import AnalysedUnit, Hit, detach
from tmtool.lint.rules.near_miss import find_near_misses

RULE_ID = "missing-term"
DEFAULT_SEVERITY = Severity.ERROR
PER_UNIT = False  # every finding comes from the Tracker; `check` yields nothing
CONTEXT_UNITS = 2
# Words that can refer back (or forward) to a name given in a neighbouring unit.
ANAPHORS = frozenset({
    "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
    "they", "them", "their", "theirs", "themselves", "there", "here", "this", "that", "these",
    "those", "former", "latter", "such",
    "the",  # "the poet", "the island": a definite description is the translator's usual stand-in
})


def check(analysed: AnalysedUnit) -> Iterator[Hit]:
    return iter(())  # decided with the neighbouring units: see Tracker


def rendered_terms(analysed: AnalysedUnit) -> set[str]:
    """Ids of the entries the English side renders in any listed or near-miss spelling."""
    if analysed.english is None:
        return set()
    present = {match.entry.term_id for match in analysed.english.all_matches}
    present.update(miss.target.entry.term_id for miss in find_near_misses(analysed))
    return present


def has_anaphor(analysed: AnalysedUnit) -> bool:
    """True when the English side holds a word that may stand for a name given nearby."""
    english = analysed.english
    return english is not None and not ANAPHORS.isdisjoint(english.tokens.keys)


def missing_in(analysed: AnalysedUnit, present: set[str]) -> Iterator[Hit]:
    """One hit per entry found on the Ukrainian side and absent from `present`."""
    source = analysed.ukrainian
    if source is None or analysed.english is None:
        return
    reported: set[str] = set()
    for match in source.matches:
        entry = match.entry
        if entry.term_id in present or entry.term_id in reported:
            continue
        reported.add(entry.term_id)
        found = source.surface(match.start, match.end)
        yield source.hit(
            analysed.unit, match.start, match.end,
            f"'{found}' ({entry.term_id}) has no approved rendering in the English text; "
            f"expected '{entry.en}'",
            term_id=entry.term_id, found=found, expected=entry.en,
        )


@dataclass
class _FileContext:
    index: int = 0
    recent: deque[set[str]] = field(default_factory=lambda: deque(maxlen=CONTEXT_UNITS))
    pending: list[tuple[int, Hit]] = field(default_factory=list)


class Tracker:
    """Holds each candidate until the next units of its file are seen."""

    def __init__(self) -> None:
        self._files: dict[str, _FileContext] = {}
        self._done: list[Hit] = []

    def observe(self, analysed: AnalysedUnit) -> None:
        if not analysed.is_bilingual:
            return
        context = self._files.setdefault(analysed.unit.path, _FileContext())
        present = rendered_terms(analysed)
        still: list[tuple[int, Hit]] = []
        for index, hit in context.pending:
            if hit.term_id in present:
                continue  # rendered just after: a pronoun came first
            if context.index - index >= CONTEXT_UNITS:
                self._done.append(hit)
            else:
                still.append((index, hit))
        candidates = list(missing_in(analysed, present))
        if candidates and has_anaphor(analysed):
            nearby = present.union(*context.recent)
            still.extend((context.index, detach(hit)) for hit in candidates
                         if hit.term_id not in nearby)
        else:
            self._done.extend(detach(hit) for hit in candidates)
        context.pending = still
        context.recent.append(present)
        context.index += 1

    def finish(self) -> Iterator[Hit]:
        yield from self._done
        for context in self._files.values():
            yield from (hit for _, hit in context.pending)
