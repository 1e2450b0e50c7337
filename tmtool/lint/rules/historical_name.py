"""historical-name: a former name without the current one in the same sentence.

What it flags: an `en_historical` form of a glossary entry when no approved or allowed
rendering of the same entry stands in the same sentence. A former city name followed by
"region", "oblast" or "province" is the region's name, which often outlived the city's
(Dnipropetrovsk region, Kirovohrad Oblast, Akmola Region), and is not flagged.
Why: Dniprodzerzhynsk has been Kamianske since 2016; the old name alone misleads readers, while
the old name beside the new one is a useful historical note.
Example: "He studied in Dniprodzerzhynsk."
Instead: "He studied in Dniprodzerzhynsk [modern name: Kamianske]."
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from tmtool.findings import Severity
from tmtool.lint.analysis import AnalysedUnit, Hit

RULE_ID = "historical-name"
_REGION = regex.compile(r"[ \t\u00a0]+(?:region|oblast|province)\b", regex.IGNORECASE)
DEFAULT_SEVERITY = Severity.WARNING


def check(analysed: AnalysedUnit) -> Iterator[Hit]:
    view = analysed.english
    if view is None:
        return
    for match in view.matches:
        if match.kind != "historical" or _REGION.match(view.normal.text, match.end):
            continue
        entry = match.entry
        sentence = view.sentence_of(match.start)
        if any(
            other.entry is entry and other.kind in ("en", "allowed")
            and view.sentence_of(other.start) == sentence
            for other in view.all_matches
        ):
            continue
        found = view.surface(match.start, match.end)
        yield view.hit(
            analysed.unit, match.start, match.end,
            f"'{found}' is a former name of {entry.term_id}; give the current name "
            f"'{entry.en}' in the same sentence",
            term_id=entry.term_id, found=found, expected=entry.en,
        )
