"""Concordance: the units whose source (or target) holds a phrase, Ukrainian words in every
case form.

Each word of the phrase becomes a slot of allowed forms: a Ukrainian word, typed in any case,
is taken back to its possible nominatives and their inflected forms generated as the
terminology linter does (pymorphy3 when installed, else the suffix rules of
`glossary.declension`); an English word any word with its stem (minister, ministers,
minister's), a number itself. Candidates are the units whose index holds a stem of every
form-slot (rarest slots intersected first); each is verified by finding the slots as
consecutive words of its text. Results come in the order units were stored.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tmtool.errors import ConfigError
from tmtool.glossary.declension import base_candidates
from tmtool.glossary.uk_matcher import token_forms
from tmtool.lang import morphology
from tmtool.lang.stemming import stem
from tmtool.lang.tokens import has_cyrillic
from tmtool.locales import primary_language
from tmtool.model import Segment, TranslationUnit
from tmtool.tm.indexing import MAX_TERM_CHARS
from tmtool.tm.store import MemoryStore
from tmtool.tm.tokens import word_sequence

MAX_INTERSECT_POSTINGS = 300_000   # a slot this frequent is verified, not intersected
MAX_VERIFIED = 50_000              # candidates read at most per phrase
_FETCH = 200


@dataclass(frozen=True)
class ConcordanceOptions:
    src_lang: str = "uk"
    tgt_lang: str = "en"
    search_target: bool = False
    limit: int = 20

    def __post_init__(self) -> None:
        if self.limit < 1:
            raise ConfigError(f"--limit {self.limit}: give at least 1")


@dataclass(frozen=True, slots=True)
class Slot:
    """One word of the phrase: the forms it matches and their index terms (none for a
    number, which the index does not hold)."""

    word: str
    forms: frozenset[str]
    terms: frozenset[str]

    def accepts(self, word: str) -> bool:
        return word in self.forms or (not has_cyrillic(self.word) and stem(word) == stem(self.word))


@dataclass(frozen=True, slots=True)
class ConcordanceHit:
    source: Segment
    target: Segment
    unit: TranslationUnit


def _lemmas(word: str) -> set[str]:
    """The word and the nominatives it may be a form of (a phrase may be typed in any
    case: «Касимом Кайсеновим»): the dictionary's lemmas when pymorphy3 is installed, and
    the suffix rules' guesses."""
    lemmas = {word} | base_candidates(word)
    for found in (morphology.noun_lemmas(word), morphology.name_lemmas(word)):
        lemmas.update(found or ())
    return lemmas


def phrase_slots(phrase: str) -> list[Slot]:
    slots = []
    for word in word_sequence(phrase):
        if word.isdigit():
            slots.append(Slot(word, frozenset({word}), frozenset()))
            continue
        forms = {word}
        if has_cyrillic(word):
            for lemma in _lemmas(word):
                forms |= token_forms(lemma, None, use_morphology=True)
        slots.append(Slot(word, frozenset(forms),
                          frozenset(stem(form)[:MAX_TERM_CHARS] for form in forms)))
    if not any(slot.terms for slot in slots):
        raise ConfigError(f"phrase {phrase!r} has no words to look for")
    return slots


def holds_phrase(words: list[str], slots: list[Slot]) -> bool:
    width = len(slots)
    return any(all(slot.accepts(words[start + i]) for i, slot in enumerate(slots))
               for start in range(len(words) - width + 1))


def _candidate_ids(store: MemoryStore, lang: str, slots: list[Slot]) -> list[int]:
    """Units holding some stem of each slot, intersecting rarest slots first."""
    counts = store.term_counts(lang, {term for slot in slots for term in slot.terms})
    frequency = [(sum(counts.get(term, 0) for term in slot.terms), index)
                 for index, slot in enumerate(slots) if slot.terms]
    frequency.sort()
    found: set[int] | None = None
    for total, index in frequency:
        if total == 0:
            return []
        if found is not None and total > MAX_INTERSECT_POSTINGS:
            break
        ids: set[int] = set()
        for values in store.postings(lang, slots[index].terms).values():
            ids.update(value >> 8 for value in values)
        found = ids if found is None else found & ids
    return sorted(found or ())


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, min(len(ids), MAX_VERIFIED), _FETCH):
        yield ids[start:min(start + _FETCH, MAX_VERIFIED)]


def concordance(store: MemoryStore, phrase: str,
                options: ConcordanceOptions) -> list[ConcordanceHit]:
    """Up to `options.limit` units holding the phrase, in the order they were stored."""
    slots = phrase_slots(phrase)
    src, tgt = primary_language(options.src_lang), primary_language(options.tgt_lang)
    side = tgt if options.search_target else src
    hits: list[ConcordanceHit] = []
    with store.reading():
        for chunk in _chunks(_candidate_ids(store, side, slots)):
            units = store.units(chunk)
            for unit_id in chunk:
                unit = units[unit_id][1] if unit_id in units else None
                source = unit.variant(src) if unit else None
                target = unit.variant(tgt) if unit else None
                if unit is None or source is None or target is None:
                    continue
                searched = target if options.search_target else source
                if holds_phrase(word_sequence(searched.segment.text), slots):
                    hits.append(ConcordanceHit(source.segment, target.segment, unit))
                    if len(hits) >= options.limit:
                        return hits
    return hits
