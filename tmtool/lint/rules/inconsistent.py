"""inconsistent: one glossary term spelled in different ways across a run.

What it flags: a glossary entry whose approved or allowed renderings appear in the units and
files of one run in spellings that differ only in hyphens, spaces or joined words
("Kassym-Jomart" / "Kassym Jomart", "agro-industrial" / "agroindustrial") or are two
romanizations of one name, even when the glossary allows both ("Lesya" / "Lesia",
"Skoropadskyi" / "Skoropadsky", "Qasim" / "Kasym"). The minority
spelling is reported; the most frequent (then the first seen) is taken as the house choice.
Different wordings the glossary allows ("President of Ukraine" / "Ukraine's President"),
plurals, case and short forms are not inconsistencies.
Why: a reader who meets two spellings of one name cannot tell they are one; a publication
picks one spelling and keeps it.
Example: unit 1 "President Kassym-Jomart Tokayev"; unit 2 "President Kassym Jomart Tokayev"
Instead: "Kassym-Jomart Tokayev" in both.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from tmtool.findings import Severity
from tmtool.glossary.skeleton import skeleton
from tmtool.lint.analysis import AnalysedUnit, Hit
from tmtool.lint.units import LintUnit, TextSide

RULE_ID = "inconsistent"
DEFAULT_SEVERITY = Severity.WARNING
PER_UNIT = False  # every finding comes from the Tracker; `check` yields nothing
_BROKEN = re.compile(r"-[ \t]*\r?\n[ \t]*")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"'s\b|'(?=\s|$)")


def check(analysed: AnalysedUnit) -> Iterator[Hit]:
    return iter(())


def spelling(surface: str) -> str:
    """The spelling of a rendering with case, line breaks and possessives normalised."""
    text = _BROKEN.sub("", surface.replace("\u2019", "'")).lower()
    return _SPACES.sub(" ", _POSSESSIVE.sub("", text)).strip()


def variant_key(spelled: str) -> str:
    """One key for the romanizations of one name: the near-miss skeleton (y/i, q/k, kh/h,
    doubled letters...) with a final -yi/-iy/-y folded, hyphens and spaces dropped."""
    words = skeleton(spelled.replace("\u2010", "-").replace("\u2011", "-")).split()
    return "".join(word[:-1] if word.endswith("ii") else word for word in words)


@functools.lru_cache(maxsize=16_384)
def _spelling_and_key(found: str) -> tuple[str, str]:
    spelled = spelling(found)
    return spelled, variant_key(spelled)


# Where a rendering was seen, kept until the run ends (no texts: a long run must not keep
# them): path, unit id, ignored rules, language, line, column, the rendering as written.
_Seen = tuple[str, "str | None", frozenset[str], str, int, int, str]


class Tracker:
    """Spellings per (entry, compact spelling) over the run, in order of appearance."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], dict[str, list[_Seen]]] = {}

    def observe(self, analysed: AnalysedUnit) -> None:
        view = analysed.english
        if view is None:
            return
        unit, side, origin = analysed.unit, view.side, view.normal.origin
        for match, found in view.approved_renderings():
            spelled, key = _spelling_and_key(found)
            term_id = match.entry.term_id
            group = self._seen.setdefault((term_id, key), {})
            line, column = side.position(origin(match.start))
            group.setdefault(spelled, []).append(
                (unit.path, unit.unit_id, unit.ignored, side.lang, line, column, found))

    def finish(self) -> Iterator[Hit]:
        for (term_id, _), spellings in self._seen.items():
            if len(spellings) < 2:
                continue
            house = max(spellings, key=lambda s: len(spellings[s]))  # ties: first seen
            house_text = spellings[house][0][-1] or house
            for spelled, seen in spellings.items():
                if spelled == house:
                    continue
                for path, unit_id, ignored, lang, line, column, found in seen:
                    yield Hit(
                        LintUnit(path, None, None, unit_id, ignored),
                        TextSide("", line, column, lang, exact=False), 0, 0,
                        f"'{found}' spells {term_id} differently from the rest of the run "
                        f"('{house_text}', {len(spellings[house])} times)",
                        term_id=term_id, found=found, expected=house_text,
                    )
