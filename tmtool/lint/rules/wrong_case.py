"""wrong-case: a glossary name written with the wrong capitals.

What it flags: an approved or allowed rendering of a name (`case=proper`, the default for
people, places and organizations) whose words do not begin with the glossary's capitals, or an
`case=exact` form (acronyms such as "BI Group") not written exactly. ALL CAPS is accepted for
proper names (headings).
Why: names are matched case-insensitively so that a lower-case "kyiv" is still found; it is
still a typo.
Example: "We met in kyiv."
Instead: "We met in Kyiv."
"""
from __future__ import annotations

from collections.abc import Iterator

from tmtool.findings import Severity
from tmtool.glossary.en_matcher import case_problem
from tmtool.lint.analysis import AnalysedUnit, Hit

RULE_ID = "wrong-case"
DEFAULT_SEVERITY = Severity.WARNING


def check(analysed: AnalysedUnit) -> Iterator[Hit]:
    view = analysed.english
    if view is None:
        return
    for match, found in view.approved_renderings():
        if not case_problem(found, match):
            continue
        form = match.pattern.form
        yield view.hit(
            analysed.unit, match.start, match.end,
            f"'{found}' is {match.entry.term_id} in the wrong case; write '{form}'",
            term_id=match.entry.term_id, found=found, expected=form,
        )
