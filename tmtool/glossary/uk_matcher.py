"""Inflection-aware matching of the Ukrainian forms of glossary terms.

All morphology happens when the glossary is compiled: each token of each `uk` form gets its
inflected forms (pymorphy3 self-lemma parses when installed; the suffix rules of
`declension` for words the dictionary does not know, or for everything without it), the
explicit `uk_forms` are added as exact patterns, and `uk_inflect: none` keeps a form as is.
Name tokens written with a capital in the glossary match only capitalised text, so «кий»
is never Києві.
"""
from __future__ import annotations

from collections.abc import Iterator

from tmtool.glossary.declension import attributive_forms, decline
from tmtool.glossary.index import (
    Match,
    Pattern,
    PatternIndex,
    Tokens,
    make_tokens,
    resolve_overlaps,
)
from tmtool.glossary.model import Glossary, GlossaryEntry
from tmtool.lang import morphology
from tmtool.lang.tokens import has_cyrillic, iter_words, normalize_text


def token_forms(word: str, gender: str | None, use_morphology: bool) -> frozenset[str]:
    """Lower-case forms of one lower-case token of a term."""
    if not has_cyrillic(word):
        return frozenset({word})
    if use_morphology:
        forms = morphology.inflect(word, gender)
        if forms is not None:
            return forms
    return decline(word, gender)


def entry_patterns(entry: GlossaryEntry, use_morphology: bool) -> Iterator[Pattern]:
    """The Ukrainian patterns of one entry: its `uk` forms inflected, its `uk_forms` exact."""
    capitalise = entry.is_name
    gender = entry.uk_gender if entry.uk_gender != "pl" else None
    for index, form in enumerate(entry.uk):
        words = [word for _, _, word in iter_words(normalize_text(form).text)]
        if not words:
            continue
        if entry.uk_inflect == "auto":
            last = len(words) - 1
            slots = tuple(
                token_forms(w.lower(), gender, use_morphology)
                | (attributive_forms(w.lower()) if i < last else frozenset())
                for i, w in enumerate(words)
            )
        else:
            slots = tuple(frozenset({w.lower()}) for w in words)
        capitals = tuple(capitalise and w[:1].isupper() for w in words)
        yield Pattern(slots, capitals, entry, "uk", form, index)
    for form in entry.uk_forms:
        words = [word for _, _, word in iter_words(normalize_text(form).text)]
        if words:
            yield Pattern(
                tuple(frozenset({w.lower()}) for w in words),
                tuple(capitalise and w[:1].isupper() for w in words),
                entry, "uk", form, 0,
            )


def describe_forms(glossary: Glossary, term_ids: set[str], use_morphology: bool) -> Iterator[str]:
    """Tab-separated lines: id, Ukrainian form, the forms of each word ('/' between words,
    ' | ' between forms), for `tmtool glossary forms`."""
    for entry in glossary.entries:
        if term_ids and entry.term_id not in term_ids:
            continue
        for pattern in entry_patterns(entry, use_morphology):
            words = " / ".join(" | ".join(sorted(slot)) for slot in pattern.slots)
            yield f"{entry.term_id}\t{pattern.form}\t{words}"


class UkMatcher:
    """Finds glossary terms in Ukrainian text, in any case and number."""

    def __init__(self, glossary: Glossary, use_morphology: bool) -> None:
        self.index = PatternIndex(
            pattern
            for entry in glossary.entries
            for pattern in entry_patterns(entry, use_morphology)
        )

    def find_all(self, tokens: Tokens) -> list[Match]:
        """Every match, overlapping ones included (offsets into the normalised text)."""
        return self.index.find(tokens)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches in `text` (offsets into the normalised text)."""
        return resolve_overlaps(self.find_all(make_tokens(normalize_text(text).text)))
