"""missing-term: a glossary term in the Ukrainian text with no rendering in the English.

What it flags: in a bilingual unit, a glossary term found on the Ukrainian side in any
inflection («Касима Кайсенова», «у Кам'янському») when the English side holds none of the
entry's renderings. Forbidden, historical and near-miss spellings count as present (their own
rules report them), so one slip gives one finding.
Why: a dropped or paraphrased name is the translation error a reviewer misses most easily.
Example: uk «Зустріч із Касимом Кайсеновим», en "A meeting with the hero"
Instead: en "A meeting with Qasim Qaysenov"
"""
from __future__ import annotations

from collections.abc import Iterator

from tmtool.findings import Severity
from tmtool.lint.analysis import AnalysedUnit, Hit
from tmtool.lint.rules.near_miss import find_near_misses

RULE_ID = "missing-term"
DEFAULT_SEVERITY = Severity.ERROR


def check(analysed: AnalysedUnit) -> Iterator[Hit]:
    source, target = analysed.ukrainian, analysed.english
    if source is None or target is None:
        return
    present = {match.entry.term_id for match in target.all_matches}
    present.update(miss.target.entry.term_id for miss in find_near_misses(analysed))
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
