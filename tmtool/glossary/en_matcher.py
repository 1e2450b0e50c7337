"""Matching of the English renderings of glossary terms (approved, allowed, forbidden,
historical) in one pass over the text.

Whole words, case-insensitive (the case is judged afterwards by `case_problem`), possessive
's / ’s / s' ignored, hyphen and space interchangeable, a word broken at a line end
("Kamian-\\nske") joined, and plurals of titles and common-noun terms (the head noun of
"Ambassadors Extraordinary and Plenipotentiary" is the first word, so both ends get one).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from tmtool.glossary.index import Match, Pattern, PatternIndex, Token
from tmtool.glossary.model import Glossary, GlossaryEntry
from tmtool.lang.tokens import NormalText, iter_words, normalize_text

_LINE_BREAK_HYPHEN = re.compile(r"-[ \t]*\r?\n[ \t]*")
_KIND_FIELDS = (("en", "en"), ("allowed", "en_allowed"), ("forbidden", "en_forbidden"),
                ("historical", "en_historical"))


def plural(word: str) -> str:
    """English plural of a lower-case noun, regular rules only."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _words(form: str) -> list[str]:
    return [word for _, _, word in iter_words(normalize_text(form).text)]


def entry_patterns(entry: GlossaryEntry) -> Iterator[Pattern]:
    pluralise = entry.type in ("title", "term") or entry.case == "common"
    for kind, field in _KIND_FIELDS:
        values = (entry.en,) if field == "en" else getattr(entry, field)
        for index, form in enumerate(values):
            words = [_key(w) for w in _words(form)]
            if not words:
                continue
            slots = [{w} for w in words]
            if pluralise:
                slots[0].add(plural(words[0]))
                slots[-1].add(plural(words[-1]))
            yield Pattern(
                tuple(frozenset(s) for s in slots), (False,) * len(words), entry, kind, form,
                index,
            )


def _key(word: str) -> str:
    key = word.lower()
    if key.endswith("'s") and len(key) > 2:
        return key[:-2]
    return key


def en_tokens(text: str) -> list[Token]:
    """Tokens of a normalised English text, keyed by lower case without a possessive 's."""
    return [Token(start, end, _key(word), word[0].isupper()) for start, end, word in iter_words(text)]


def joined_tokens(text: str, tokens: list[Token]) -> list[Token] | None:
    """The tokens with words hyphenated across a line break joined; None if there are none."""
    if "-\n" not in text and "-\r\n" not in text and not _LINE_BREAK_HYPHEN.search(text):
        return None
    joined: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if index + 1 < len(tokens) and _LINE_BREAK_HYPHEN.fullmatch(
            text, token.end, tokens[index + 1].start
        ):
            after = tokens[index + 1]
            joined.append(Token(token.start, after.end, token.key + after.key, token.capital))
            index += 2
            continue
        joined.append(token)
        index += 1
    return joined


class EnMatcher:
    """Finds every English rendering listed in the glossary."""

    def __init__(self, glossary: Glossary) -> None:
        self.index = PatternIndex(
            pattern for entry in glossary.entries for pattern in entry_patterns(entry)
        )

    def find_all(self, normal: NormalText, tokens: list[Token] | None = None) -> list[Match]:
        """Every match, overlapping ones included (offsets into `normal.text`)."""
        text = normal.text
        if tokens is None:
            tokens = en_tokens(text)
        found = self.index.find(text, tokens)
        joined = joined_tokens(text, tokens)
        if joined is not None:
            seen = {(m.start, m.end, m.pattern.form) for m in found}
            found.extend(
                m for m in self.index.find(text, joined)
                if (m.start, m.end, m.pattern.form) not in seen
            )
        return found

    def find(self, text: str) -> list[Match]:
        from tmtool.glossary.index import resolve_overlaps

        return resolve_overlaps(self.find_all(normalize_text(text)))


def case_problem(surface: str, match: Match) -> bool:
    """True when a matched English name is written in the wrong case: for `case=proper`
    each word must begin as in the glossary (ALL CAPS is fine, e.g. in headings); for
    `case=exact` the words must be as written (acronyms)."""
    entry = match.entry
    policy = entry.effective_case
    if policy in ("any", "common"):
        return False
    form_words = _words(match.pattern.form)
    surface_words = _words(surface)
    if len(form_words) != len(surface_words):
        return False  # a line-break join; the words still matched case-insensitively
    if policy == "proper" and all(w.isupper() for w in surface_words if len(w) > 1):
        return False
    if policy == "proper" and surface.islower() and len(surface) <= 3:
        return False  # too short to tell a name from an ordinary word
    for form_word, word in zip(form_words, surface_words):
        if policy == "exact":
            if not word.startswith(form_word):
                return True
        elif word[:1] != form_word[:1] or (form_word[1:].islower() and word[1:] != word[1:].lower()):
            return True
    return False
