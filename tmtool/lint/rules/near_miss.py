"""near-miss: a name spelled close to, but not as, an approved glossary name.

What it flags: a capitalised word sequence that no glossary form matches but whose
romanization skeleton (q→k, y/j→i, kh→h, zh→j, ts/ch→c, sh→s, c→k, doubled letters and -off
folded) equals that of an approved name, or (mid-sentence, six letters or more) lies one edit
away from it (two from ten letters).
Why: Kazakh and Ukrainian names have many romanizations; a variant the glossary does not list
yet (Qaysenoff, Shevchenco, Kamyanske) is almost always a slip.
Example: "Kazakh hero Qasim Qaysenoff fought in Ukraine."
Instead: "Kazakh hero Qasim Qaysenov fought in Ukraine."
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tmtool.findings import Severity
from tmtool.glossary.skeleton import NearTarget
from tmtool.lang.tokens import has_latin
from tmtool.lint.analysis import AnalysedUnit, Hit, SideView

RULE_ID = "near-miss"
DEFAULT_SEVERITY = Severity.WARNING
_JOIN = re.compile(r"[ \t]+|[ \t]*-[ \t]*")
_CACHE_KEY = "near-miss"


@dataclass(frozen=True, slots=True)
class NearMiss:
    start: int
    end: int
    target: NearTarget


def _candidate_runs(view: SideView) -> Iterator[list[int]]:
    covered = [False] * len(view.tokens)
    for match in view.all_matches:
        for index in range(match.first_token, match.last_token + 1):
            covered[index] = True
    run: list[int] = []
    text = view.normal.text
    for index, token in enumerate(view.tokens):
        word = text[token.start:token.end]
        usable = not covered[index] and token.capital and has_latin(word)
        if usable and run and _JOIN.fullmatch(text, view.tokens[run[-1]].end, token.start) is None:
            yield run
            run = []
        if usable:
            run.append(index)
        elif run:
            yield run
            run = []
    if run:
        yield run


def find_near_misses(analysed: AnalysedUnit) -> list[NearMiss]:
    """Near misses on the English side, computed once per unit."""
    cached = analysed.notes.get(_CACHE_KEY)
    if isinstance(cached, list):
        return cached
    found: list[NearMiss] = []
    view = analysed.english
    near = analysed.compiled.near
    if view is not None and near.max_words:
        text = view.normal.text
        known = analysed.compiled.known_en
        for run in _candidate_runs(view):
            position = 0
            while position < len(run):
                hit = None
                for size in range(min(near.max_words, len(run) - position), 0, -1):
                    first, last = view.tokens[run[position]], view.tokens[run[position + size - 1]]
                    window = [view.tokens[i].key for i in run[position:position + size]]
                    if all(key in known for key in window):
                        continue  # words of glossary forms ("President"), not a variant
                    keys = " ".join(window)
                    surface = text[first.start:last.end]
                    fuzzy = not view.is_sentence_initial(first.start) and not surface.isupper()
                    target = near.lookup(keys, fuzzy=fuzzy)
                    if target is not None:
                        hit = NearMiss(first.start, last.end, target)
                        position += size
                        break
                if hit is None:
                    position += 1
                else:
                    found.append(hit)
    analysed.notes[_CACHE_KEY] = found
    return found


def check(analysed: AnalysedUnit) -> Iterator[Hit]:
    view = analysed.english
    if view is None:
        return
    for miss in find_near_misses(analysed):
        found = view.surface(miss.start, miss.end)
        target = miss.target
        yield view.hit(
            analysed.unit, miss.start, miss.end,
            f"'{found}' looks like a variant spelling of '{target.form}' "
            f"({target.entry.term_id}); use the glossary's spelling",
            term_id=target.entry.term_id, found=found, expected=target.form,
        )
