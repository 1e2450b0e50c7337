"""Matching of the English renderings of glossary terms (approved, allowed, forbidden,
historical) in one pass over the text.

Whole words, case-insensitive (the case is judged afterwards by `case_problem`), possessive
's / ’s / s' ignored, hyphen and space interchangeable, a word broken at a line end
("Kamian-\\nske") joined, and plurals of titles and common-noun terms (the head noun of
"Ambassadors Extraordinary and Plenipotentiary" is the first word, so both ends get one).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from tmtool.glossary.index import (
    Match,
    Pattern,
    PatternIndex,
    Tokens,
    make_tokens,
    resolve_overlaps,
)
from tmtool.glossary.model import Glossary, GlossaryEntry
from tmtool.lang.tokens import iter_words, normalize_text

_LINE_BREAK_HYPHEN = re.compile(r"-[ \t]*\r?\n[ \t]*")
# URLs, e-mail addresses, #hashtags and @handles, and lower-case dotted names (president.gov.ua,
# odesa.csv): their words are no prose, so a name inside one is neither misspelt nor miscased.
_ADDRESS = re.compile(
    r"(?i:[a-z][a-z0-9+.-]*://|www\.)[^\s<>\])]+"
    r"|(?i:[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?<![\w.@#])[#@][^\W_][\w-]*"
    r"|(?<![\w.@/-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}\b(?:/[^\s<>\])]*)?"
)
_ADDRESS_HINT = re.compile(r"[#@/]|\.[a-z]")
_KIND_FIELDS = (("en", "en"), ("allowed", "en_allowed"), ("forbidden", "en_forbidden"),
                ("historical", "en_historical"))


def plural(word: str) -> str:
    """English plural of a lower-case noun, regular rules only."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


@functools.lru_cache(maxsize=16_384)
def _words(form: str) -> tuple[str, ...]:
    return tuple(word for _, _, word in iter_words(normalize_text(form).text))


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
    return key[:-2] if key.endswith("'s") and len(key) > 2 else key


def en_tokens(text: str) -> Tokens:
    """Tokens of a normalised English text, keyed by lower case without a possessive 's;
    words inside URLs, e-mail addresses, hashtags, handles and dotted names such as file and
    domain names are left out (kyiv.gov.ua is no misspelt name)."""
    tokens = make_tokens(text)
    if "'" in text:
        tokens.keys = [k[:-2] if k.endswith("'s") and len(k) > 2 else k for k in tokens.keys]
    if _ADDRESS_HINT.search(text):
        _drop_addresses(tokens)
    return tokens


def _drop_addresses(tokens: Tokens) -> None:
    addresses = [m.span() for m in _ADDRESS.finditer(tokens.text)]
    if not addresses:
        return
    kept = [
        i for i, (start, end) in enumerate(tokens.spans)
        if not any(a <= start and end <= b for a, b in addresses)
    ]
    tokens.keys = [tokens.keys[i] for i in kept]
    tokens.spans = [tokens.spans[i] for i in kept]


def joined_tokens(tokens: Tokens) -> Tokens | None:
    """The tokens with words hyphenated across a line break joined; None if there are none."""
    text = tokens.text
    if "\n" not in text or not _LINE_BREAK_HYPHEN.search(text):
        return None
    keys: list[str] = []
    spans: list[tuple[int, int]] = []
    index = 0
    count = len(tokens)
    while index < count:
        start, end = tokens.spans[index]
        if index + 1 < count and _LINE_BREAK_HYPHEN.fullmatch(text, end, tokens.spans[index + 1][0]):
            keys.append(tokens.keys[index] + tokens.keys[index + 1])
            spans.append((start, tokens.spans[index + 1][1]))
            index += 2
            continue
        keys.append(tokens.keys[index])
        spans.append((start, end))
        index += 1
    return Tokens(text, keys, spans)


class EnMatcher:
    """Finds every English rendering listed in the glossary."""

    def __init__(self, glossary: Glossary) -> None:
        self.index = PatternIndex(
            pattern for entry in glossary.entries for pattern in entry_patterns(entry)
        )

    def find_all(self, tokens: Tokens) -> list[Match]:
        """Every match, overlapping ones included (offsets into the normalised text). A
        match through a line-break join reports token indexes of the unjoined tokens."""
        found = self.index.find(tokens)
        joined = joined_tokens(tokens)
        if joined is not None:
            seen = {(m.start, m.end, m.pattern.form) for m in found}
            starts = {span[0]: i for i, span in enumerate(tokens.spans)}
            ends = {span[1]: i for i, span in enumerate(tokens.spans)}
            for match in self.index.find(joined):
                if (match.start, match.end, match.pattern.form) not in seen:
                    found.append(Match(match.start, match.end, match.pattern,
                                       starts[match.start], ends[match.end]))
        return found

    def find(self, text: str) -> list[Match]:
        return resolve_overlaps(self.find_all(en_tokens(normalize_text(text).text)))


def case_problem(surface: str, match: Match) -> bool:
    """True when a matched English name is written in the wrong case: for `case=proper`
    each word must begin as in the glossary (ALL CAPS is fine, e.g. in headings); for
    `case=exact` the words must be as written (acronyms)."""
    entry = match.entry
    policy = entry.effective_case
    if policy in ("any", "common") or surface == match.pattern.form:
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
        elif form_word[:1].isupper() and not word[:1].isupper():
            return True
        elif form_word[1:].islower() and not word.isupper() and word[1:] != word[1:].lower():
            return True  # KyIV; a capital where the glossary has a small letter is title case
    return False
