"""A light, dependency-free stemmer for Ukrainian and English words: the index term of a
word in the translation memory and the "same word, other form" test of the match score.

Decision: rules, not a dictionary. The stem must be the same on every installation (with or
without pymorphy3), for every back-end, at import and at lookup, so it may only depend on
the word. It strips one inflectional ending (Ukrainian case, number and verb endings; English
plural, possessive, -ed, -ing), folds the і/о/е alternation of a last closed syllable
(Київ/Києва, Харків/Харкова, Кайсенов/Кайсенова), ґ to г, Latin look-alike letters inside a
Cyrillic word to Cyrillic, and drops apostrophes. It over-conflates a little (мала/мали),
which costs only a slightly larger candidate list and half a word in a score.
"""
from __future__ import annotations

import functools

_UK_VOWELS = frozenset("аеєиіїоуюя")
# Inflectional endings, longest first; a stem keeps at least three letters.
_UK_ENDINGS = tuple(sorted({
    # adjectives and pronoun-like endings
    "ового", "евого", "ього", "ьому", "ого", "ому", "ими", "ій", "ої", "ою", "ею", "єю",
    "их", "им", "ім", "ий", "ая", "еє",
    # nouns
    "ами", "ями", "ові", "еві", "єві", "ах", "ях", "ам", "ям", "ом", "ем", "єм", "ей",
    # verbs (reflexive -ся/-сь are removed first)
    "ють", "ять", "ать", "уть", "ить", "єте", "ете", "ите", "ємо", "емо", "имо", "ла", "ло",
    "ли", "ти", "ть", "еш", "иш", "єш",
    # one letter
    "а", "я", "у", "ю", "і", "ї", "е", "є", "о", "и", "й", "ь",
}, key=lambda ending: (-len(ending), ending)))
_UK_REFLEXIVE = ("ся", "сь")
_PLURAL_GENITIVE = ("ів", "їв")
_ALTERNATING = frozenset("іїоеє")
# Latin letters that look like Cyrillic ones, for words typed with a mixed keyboard.
_LOOKALIKES = str.maketrans("aceiopxykmthb", "асеіорхукмтнв")
_APOSTROPHES = str.maketrans("", "", "'\u2019\u02bc\u2018`")


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= char <= "\u052f" for char in word)


def _uk_stem(word: str) -> str:
    for reflexive in _UK_REFLEXIVE:
        if word.endswith(reflexive) and len(word) - 2 >= 4:
            word = word[:-2]
            break
    if word.endswith(_PLURAL_GENITIVE) and len(word) >= 7:
        word = word[:-2]  # студентів; but Харків, Львів, Київ are names, not plurals
    else:
        for ending in _UK_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[: -len(ending)]
                break
    # Київ/Києва, Харків/Харкова, кіт/кота: the vowel of a last closed syllable alternates.
    if len(word) >= 3 and word[-1] not in _UK_VOWELS and word[-2] in _ALTERNATING:
        word = word[:-2] + "*" + word[-1]
    return word.replace("ґ", "г")


def _en_stem(word: str) -> str:
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and any(c in "aeiouy" for c in stem):
            if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]  # stopped -> stop
            return stem
    return word


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index term of one word token (any case): lower case, one ending removed."""
    folded = word.casefold().translate(_APOSTROPHES)
    if _is_cyrillic(folded):
        return _uk_stem(folded.translate(_LOOKALIKES))
    return _en_stem(folded)
