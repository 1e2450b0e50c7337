"""Dependency-free Ukrainian declension by suffix rules: the fallback when pymorphy3 is not
installed, and the generator for names the dictionary does not know (Кайсенов, Жамбил).

The rules over-generate a little (both noun and adjective endings where a word could be
either) because a glossary term is matched only with its other tokens and its capital, so a
spare form costs little; a missing form is a missed term. Vowel alternations that names are
full of (Харків/Харкова, Київ/Києва, Тернопіль/Тернополя, Ріг/Розі) have their own rules.
"""
from __future__ import annotations

import functools

VOWELS = set("аеєиіїоуюя")
HUSHING = set("жчшщ")
_SOFTENING = {"к": "ц", "г": "з", "х": "с"}
_VOCATIVE = {"г": "же", "к": "че", "х": "ше"}
_HARD_NOUN = ("а", "у", "ові", "ом", "і", "е", "и", "ів", "ам", "ами", "ах")
_SURNAME = ("а", "у", "ові", "им", "і", "е", "и", "их", "ими")
_ADJ_MASC = ("ий", "ого", "ому", "им", "ім", "і", "их", "ими")
_ADJ_FEM = ("а", "ої", "ій", "у", "ою")
_ADJ_NEUT = ("е", "ого", "ому", "им", "ім")
_ADJ_PLURAL = ("і", "их", "им", "ими")
_SURNAME_ENDINGS = ("ов", "ев", "єв", "ів", "їв", "ін", "їн", "ин")


def _with(stem: str, endings: tuple[str, ...]) -> set[str]:
    return {stem + ending for ending in endings}


def _alternated_stems(stem: str) -> set[str]:
    """Харків→харков, Тернопіль→тернопол, Київ→києв, Миколаїв→миколаєв, Ріг→рог."""
    if len(stem) < 2 or stem[-1] in VOWELS:
        return set()
    vowel = stem[-2]
    before = stem[:-2]
    if vowel == "і":
        return {before + "о" + stem[-1], before + "е" + stem[-1]}
    if vowel == "ї":
        return {before + "є" + stem[-1]}
    return set()


def _soft_locative(stem: str) -> set[str]:
    """Мангишлак→Мангишлаці, Рига→Ризі: к/г/х soften before the locative/dative і."""
    if stem and stem[-1] in _SOFTENING:
        return {stem[:-1] + _SOFTENING[stem[-1]] + "і"}
    return set()


def _noun_in_a(word: str) -> set[str]:
    stem = word[:-1]
    forms = _with(stem, ("и", "і", "у", "ою", "о", "ам", "ами", "ах"))
    if stem and stem[-1] in HUSHING:
        forms |= _with(stem, ("ею", "е"))
    forms |= _soft_locative(stem)
    if len(stem) >= 4:
        forms.add(stem)  # genitive plural: громад, служб
    return forms


def _noun_in_ya(word: str) -> set[str]:
    stem = word[:-1]
    if stem.endswith("і") or (stem and stem[-1] in VOWELS):
        # Наталії, Наталією, vocative Наталіє, plural академій, академіях
        return _with(stem, ("ї", "ю", "єю", "я", "є", "й", "ям", "ями", "ях"))
    forms = _with(stem, ("і", "ю", "ею", "ям", "ями", "ях"))
    if stem.endswith("н") and len(stem) >= 3 and stem[-2] not in VOWELS:
        forms.add(stem[:-1] + "ень")  # genitive plural: гривня → гривень, пісня → пісень
    if stem[-1:] in HUSHING or stem.endswith("ц"):
        forms.add(stem + "е")  # vocative: Вінниця → Віннице
    return forms


def _masculine(word: str) -> set[str]:
    forms: set[str] = set()
    if word.endswith("ій"):
        stem = word[:-1]
        return forms | _with(stem, ("я", "ю", "єві", "єм", "ї", "ям", "ями", "ях", "їв"))
    if word.endswith("й"):
        stem = word[:-1]
        return forms | _with(stem, ("я", "ю", "єві", "єм", "ї", "ях"))
    if word.endswith("ь"):
        stem = word[:-1]
        forms |= _with(stem, ("я", "ю", "еві", "ем", "і", "ів", "ям", "ями", "ях", "е"))
        if len(stem) >= 2 and stem[-1] not in VOWELS:
            forms.add(stem + stem[-1] + "ю")  # feminine instrumental: Умань → Уманню
        for alt in _alternated_stems(stem):
            forms |= _with(alt, ("я", "ю", "еві", "ем", "і"))
        return forms
    if word.endswith(_SURNAME_ENDINGS):
        forms |= _with(word, _SURNAME)
    forms |= _with(word, _HARD_NOUN)
    if word[-1] in HUSHING:
        forms |= _with(word, ("ем", "еві"))
    forms |= _soft_locative(word)
    if word[-1] in _VOCATIVE:
        forms.add(word[:-1] + _VOCATIVE[word[-1]])  # Олег → Олеже, козак → козаче
    for alt in _alternated_stems(word):
        forms |= _with(alt, _HARD_NOUN[:6]) | _soft_locative(alt)
    return forms


@functools.lru_cache(maxsize=20_000)
def decline(word: str, gender: str | None = None) -> frozenset[str]:
    """Lower-case forms of the lower-case Ukrainian `word` (the word itself included)."""
    forms = {word}
    if len(word) < 3 or not any(char in VOWELS for char in word):
        return frozenset(forms)
    if word.endswith("ий") and len(word) > 4 and word[-3] not in VOWELS:
        forms |= _with(word[:-2], _ADJ_MASC)
        if gender == "f":
            forms |= _with(word[:-2], _ADJ_FEM)
        return frozenset(forms)
    if word.endswith(("ній", "тій")) and len(word) > 4:
        forms |= _with(word[:-2], ("ього", "ьому", "ім", "і", "іх", "іми"))
    if word.endswith(("ська", "цька", "зька", "на", "ва")) or (gender == "f" and word.endswith("а")):
        forms |= _with(word[:-1], _ADJ_FEM[1:] + _ADJ_PLURAL)
    if word.endswith(("ське", "цьке", "зьке", "не", "ве", "че")):
        forms |= _with(word[:-1], _ADJ_NEUT + _ADJ_PLURAL)
    last = word[-1]
    if last == "а":
        forms |= _noun_in_a(word)
    elif last == "я":
        forms |= _noun_in_ya(word)
    elif last == "о":
        # vocative Петре, plural Ющенки / міністерствах; the bare genitive plural only for
        # -тво nouns (міністерств), since Франко's stem is the name Франк
        forms |= _with(word[:-1], ("а", "ові", "у", "ом", "і", "ів", "е", "и", "ам", "ами", "ах"))
        if word.endswith("тво"):
            forms.add(word[:-1])
    elif last == "и":
        forms |= _with(word[:-1], ("", "ам", "ами", "ах", "ів"))
    elif last == "е" and not word.endswith(("ське", "цьке", "зьке")):
        forms |= _with(word[:-1], ("я", "ю", "ем", "і"))
    elif last not in VOWELS:
        forms |= _masculine(word)
        if word.endswith("ець") and len(word) >= 6 and word[-4] not in VOWELS:
            # fleeting vowel: Кравець/Кравця, Кам'янець/Кам'янця
            forms |= _with(word[:-3] + "ц", ("я", "ю", "еві", "ем", "і", "ів", "ям", "ями", "ях"))
        elif len(word) >= 5 and word[-2] in "оеє" and word[-3] not in VOWELS:
            # fleeting vowel: посол/посла
            forms |= _with(word[:-2] + word[-1], ("а", "у", "ові", "ом", "і", "и", "ів"))
    return frozenset(forms)


@functools.lru_cache(maxsize=20_000)
def attributive_forms(word: str) -> frozenset[str]:
    """Adjective endings for a word that stands before another in a multi-word term
    (Біла Церква → у Білій Церкві, Нова Каховка, Жовті Води, Верхня Хортиця): the noun rules
    cannot tell «біла» from «школа», but a word before the head noun is almost always an
    adjective, and a spare form on a first name (Ліна → «Ліній») is harmless because the
    next word must match too."""
    if len(word) < 4 or word[-2] in VOWELS:
        return frozenset()
    stem = word[:-1]
    if word.endswith("ня"):
        return frozenset(_with(stem, ("ьої", "ій", "ю", "ьою")))
    endings = {"а": _ADJ_FEM + _ADJ_PLURAL, "е": _ADJ_NEUT + _ADJ_PLURAL,
               "і": _ADJ_PLURAL}.get(word[-1])
    return frozenset(_with(stem, endings)) if endings else frozenset()


def base_candidates(word: str) -> frozenset[str]:
    """Possible nominative forms of an inflected lower-case word (for the `translit` rule
    without a dictionary): the word itself and the word with a case ending replaced."""
    candidates = {word}
    for ending, replacements in _REVERSE:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: len(word) - len(ending)]
            candidates.update(stem + replacement for replacement in replacements)
    return frozenset(candidates)


_REVERSE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ового", ("ов",)), ("ого", ("ий", "е", "ій")), ("ому", ("ий", "е", "ій")),
    ("ові", ("", "о")), ("ом", ("", "о")), ("им", ("ий", "")), ("ім", ("ий",)),
    ("ою", ("а",)), ("ею", ("а", "я")), ("єю", ("я",)), ("ої", ("а",)), ("ій", ("а",)),
    ("а", ("", "о")), ("у", ("", "а", "о")), ("і", ("", "а", "о")), ("и", ("а",)),
    ("я", ("ь", "й")), ("ю", ("ь", "й", "я")), ("ієві", ("ій",)), ("ієм", ("ій",)),
    ("ія", ("ій",)), ("ію", ("ій",)), ("єві", ("й",)), ("єм", ("й",)), ("ем", ("ь",)),
)
