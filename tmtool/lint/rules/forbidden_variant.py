"""forbidden-variant: a rendering the glossary lists as wrong or deprecated.

What it flags: any `en_forbidden` form of a glossary entry in English text, in any case, as a
whole word (possessives, hyphen/space and line-break variants included).
Why: a publication spells a name one way; "Kiev" or "Kasym Kaisenov" where the glossary says
"Kyiv" and "Qasim Qaysenov" is a known mistake, not a style choice.
Example: "He studied in Kiev."
Instead: "He studied in Kyiv."
"""
from __future__ import annotations

from collections.abc import Iterator

from tmtool.findings import Severity
from tmtool.lint.analysis import AnalysedUnit, Hit

RULE_ID = "forbidden-variant"
DEFAULT_SEVERITY = Severity.ERROR


def check(analysed: AnalysedUnit) -> Iterator[Hit]:
    view = analysed.english
    if view is None:
        return
    for match in view.matches:
        if match.kind != "forbidden":
            continue
        entry = match.entry
        found = view.surface(match.start, match.end)
        yield view.hit(
            analysed.unit, match.start, match.end,
            f"'{found}' is a forbidden rendering of {entry.term_id}; use '{entry.en}'",
            term_id=entry.term_id, found=found, expected=entry.en,
        )
