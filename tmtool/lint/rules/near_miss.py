"""near-miss: a name spelled close to, but not as, an approved glossary name.

What it flags: a capitalised word sequence that no glossary form matches but whose
romanization skeleton (q→k, y/j→i, kh→h, zh→j, ts/ch→c, sh→s, c→k, doubled letters and -off
folded) equals that of an approved name, or (mid-sentence, six letters or more) lies one edit
away from it (two from ten letters). At a sentence start a single word of fewer than eight
letters is matched by edit distance only when the Ukrainian side of the unit holds that
glossary term.
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
from tmtool.glossary.skeleton import SHORTEST, NearTarget
from tmtool.lang.tokens import has_latin
from tmtool.lint.analysis import AnalysedUnit, Hit, SideView

RULE_ID = "near-miss"
DEFAULT_SEVERITY = Severity.WARNING
_JOIN = re.compile(r"[ \t]+|[ \t]*-[ \t]*")
_CACHE_KEY = "near-miss"
LONG_WORD = 8
CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "de", "al", "el", "van", "von"})


@dataclass(frozen=True, slots=True)
class NearMiss:
    start: int
    end: int
    target: NearTarget


def _candidate_runs(view: SideView) -> Iterator[list[int]]:
    """Runs of capitalised Latin words that no forbidden/historical form covers; lower-case
    connectors ("of", "and") may stand inside a run (Ministry of Foreign Affairs)."""
    tokens = view.tokens
    text, keys, spans = tokens.text, tokens.keys, tokens.spans
    capitals = [i for i, (start, _) in enumerate(spans) if text[start].isupper()]
    if not capitals:
        return
    covered: set[int] = set()
    for match in view.all_matches:
        if match.kind not in ("en", "allowed"):  # a short form may be part of a misspelt name
            covered.update(range(match.first_token, match.last_token + 1))
    run: list[int] = []
    for index in capitals:
        start, end = spans[index]
        first = text[start]
        if index in covered or not ("A" <= first <= "Z" or has_latin(text[start:end])):
            if run:
                yield run
            run = []
            continue
        if run:
            previous = run[-1]
            between = range(previous + 1, index)
            joined = len(between) <= 2 and all(
                keys[i] in CONNECTORS and i not in covered for i in between) and all(
                _JOIN.fullmatch(text, spans[i - 1][1], spans[i][0]) for i in range(previous + 1, index + 1)
            )
            if joined:
                run.extend(between)
            else:
                yield run
                run = []
        run.append(index)
    if run:
        yield run


def _name_terms(analysed: AnalysedUnit) -> list[str]:
    """Ids of the names found on the unit's Ukrainian side, in text order."""
    source = analysed.ukrainian
    if source is None:
        return []
    return list(dict.fromkeys(m.entry.term_id for m in source.matches if m.entry.is_name))


def find_near_misses(analysed: AnalysedUnit) -> list[NearMiss]:
    """Near misses on the English side, computed once per unit."""
    cached = analysed.notes.get(_CACHE_KEY)
    if isinstance(cached, list):
        return cached
    found: list[NearMiss] = []
    view = analysed.english
    near = analysed.compiled.near
    source_terms: list[str] | None = None
    if view is not None and near.max_words:
        keys, spans, text = view.tokens.keys, view.tokens.spans, view.tokens.text
        for run in _candidate_runs(view):
            position = 0
            while position < len(run):
                step = 1
                for size in range(min(near.max_words, len(run) - position), 0, -1):
                    window = run[position:position + size]
                    words = keys[window[0]] if size == 1 else " ".join([keys[i] for i in window])
                    if words in near.approved:
                        step = size  # a correct name: skip past it
                        break
                    if keys[window[0]] in CONNECTORS or keys[window[-1]] in CONNECTORS:
                        continue
                    if len(words) < SHORTEST:
                        continue  # too short for `lookup` and `lookup_among` alike
                    start, end = spans[window[0]][0], spans[window[-1]][1]
                    # A capitalised word opening a sentence may be an ordinary word, so one
                    # short word there must match a skeleton exactly; two or more words, or
                    # one long word, are a name (of 8,400 English word types in the shared
                    # texts none of eight letters or more lies within reach of a name).
                    fuzzy = (
                        size > 1 or len(words) >= LONG_WORD
                        or not view.is_sentence_initial(start)
                    ) and not text[start:end].isupper()
                    target = near.lookup(words, fuzzy=fuzzy)
                    if target is None:
                        # The Ukrainian side names the entry: evidence enough for a fuzzy
                        # match at a sentence start (Uzhorod for «Ужгород») and for a final
                        # vowel slip (Rotary for «Ротару»).
                        if source_terms is None:
                            source_terms = _name_terms(analysed)
                        if source_terms:
                            target = near.lookup_among(words, source_terms)
                    if target is not None:
                        found.append(NearMiss(start, end, target))
                        step = size
                        break
                position += step
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
