"""Ukrainian morphology through pymorphy3, loaded lazily and only if installed (the extra
`tmtool[uk]`: its dictionary is GPLv3 data, so it is never a core dependency).

Used at glossary-compile time to generate the inflected forms of a term (terminology-notes
§4.4: forms of the parses whose lemma is the word itself, adjectives filtered by gender), and
by the `translit` rule to tell names. Callers must cope with `analyzer()` being None.
"""
from __future__ import annotations

import functools
from typing import Any

UNAVAILABLE_NOTICE = (
    "pymorphy3 with its Ukrainian dictionary is not installed: Ukrainian terms are matched "
    "with built-in suffix rules and the glossary's uk_forms (install tmtool[uk] for "
    "dictionary-based inflection)"
)
_GENDERS = {"m": "masc", "f": "femn", "n": "neut"}
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


@functools.lru_cache(maxsize=1)
def analyzer() -> Any | None:
    """The shared `pymorphy3.MorphAnalyzer(lang="uk")`, or None when not installed."""
    try:
        import pymorphy3
    except ImportError:
        return None
    try:
        return pymorphy3.MorphAnalyzer(lang="uk")
    except (ValueError, OSError, LookupError):
        return None


def version() -> str:
    """Identifies the analyser and dictionary for compile caches ('' when absent)."""
    morph = analyzer()
    if morph is None:
        return ""
    meta = getattr(morph.dictionary, "meta", {})
    return f"pymorphy3:{meta.get('source_revision', '')}:{meta.get('compiled_at', '')}"


@functools.lru_cache(maxsize=50_000)
def inflect(word: str, gender: str | None = None) -> frozenset[str] | None:
    """Lower-case forms of `word` (lower case) from its self-lemma parses; just the word when
    the dictionary knows it only as a form of another lemma (a dependent genitive such as
    «закордонних справ»); None when the analyser is missing or the word is unknown."""
    morph = analyzer()
    if morph is None:
        return None
    return _inflect(morph, word, _GENDERS.get(gender or ""))


def _inflect(morph: Any, word: str, grammeme: str | None) -> frozenset[str] | None:
    if not morph.word_is_known(word):
        return None  # the paradigm guesser is slow and often wrong on names; rules do better
    parses = [parse for parse in morph.parse(word) if parse.is_known]
    # Self-lemma parses first (drops «київ» read as the genitive plural of «кий»); failing
    # those, nominative parses of another lemma («верховна», «грамоти»): keep their number.
    selected = [p for p in parses if p.normal_form == word] or [
        p for p in parses if p.tag.case == "nomn"
    ]
    if not selected:
        return frozenset({word}) if parses else None
    forms: set[str] = {word}
    for parse in selected:
        is_adjective = "ADJF" in parse.tag
        plural_only = parse.normal_form != word and parse.tag.number == "plur"
        wanted = grammeme or (parse.tag.gender if is_adjective else None)
        for form in parse.lexeme:
            tag = form.tag
            if plural_only and tag.number != "plur":
                continue
            if is_adjective and wanted and tag.gender != wanted and tag.number != "plur":
                continue
            forms.add(form.word)
    return frozenset(forms)


def is_known(word: str) -> bool | None:
    """Whether the dictionary knows `word`; None without the analyser."""
    morph = analyzer()
    if morph is None:
        return None
    return bool(morph.word_is_known(word.lower()))


@functools.lru_cache(maxsize=50_000)
def noun_lemmas(word: str) -> tuple[str, ...] | None:
    """Dictionary lemmas (lower case) of `word` read as a noun (place names are untagged
    nouns); None without the analyser."""
    morph = analyzer()
    if morph is None:
        return None
    lemmas: list[str] = []
    for parse in morph.parse(word.lower()):
        if parse.is_known and parse.tag.POS == "NOUN" and parse.normal_form not in lemmas:
            lemmas.append(parse.normal_form)
    return tuple(lemmas)


@functools.lru_cache(maxsize=50_000)
def name_lemmas(word: str) -> tuple[str, ...] | None:
    """Dictionary lemmas (lower case) of `word` read as a first name, surname or patronymic;
    () when it is not a known name, None without the analyser."""
    morph = analyzer()
    if morph is None:
        return None
    lemmas: list[str] = []
    for parse in morph.parse(word.lower()):
        known_name = parse.is_known and NAME_GRAMMEMES & parse.tag.grammemes
        if known_name and parse.normal_form not in lemmas:
            lemmas.append(parse.normal_form)
    return tuple(lemmas)
