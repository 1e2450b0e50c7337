"""Ukrainian romanization by the national standard, Cabinet of Ministers Resolution No. 55
of 27 January 2010 ("KMU-55"; also BGN/PCGN 2019 and UNGEGN).

Only the standard lives here. Editorial decisions (Zelenskyy, Qasim Qaysenov) belong to the
glossary. Decisions the resolution leaves open: a letter right after a hyphen counts as
word-initial (Ivano-Frankivsk style); a letter after an apostrophe does not (Мар'їне → Marine).
"""
from __future__ import annotations

# Lower-case letters only; (initial form, other positions) where the standard distinguishes.
_LETTERS: dict[str, str | tuple[str, str]] = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e",
    "є": ("ye", "ie"), "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": ("yi", "i"),
    "й": ("y", "i"), "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ю": ("yu", "iu"), "я": ("ya", "ia"), "ь": "",
}
APOSTROPHES = "'\u2019\u02bc\u2018`"


def _is_word_letter(char: str) -> bool:
    return char.isalpha() or char in APOSTROPHES


def _word_is_upper(text: str, index: int) -> bool:
    """True when the word around `index` is written in capitals (two or more letters)."""
    start = index
    while start > 0 and _is_word_letter(text[start - 1]):
        start -= 1
    end = index
    while end < len(text) and _is_word_letter(text[end]):
        end += 1
    letters = [c for c in text[start:end] if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


_LOWER = "".join(_LETTERS)
_ZG = "\ue000"  # stands for г after з (romanized gh) while a word is translated in one go
_INITIAL = {letter: rule[0] if isinstance(rule, tuple) else rule for letter, rule in _LETTERS.items()}
_INSIDE = str.maketrans(
    {letter: rule[1] if isinstance(rule, tuple) else rule for letter, rule in _LETTERS.items()} | {_ZG: "gh"}
)


def transliterate(text: str) -> str:
    """Romanize Ukrainian Cyrillic in `text` by KMU-55; other characters pass unchanged,
    apostrophes inside Cyrillic words are dropped."""
    if len(text) > 1 and not text[1:].strip(_LOWER):
        # one word of Ukrainian letters, lower case after the first: the rules below, at once
        first = text[0]
        lower = first.lower()
        if lower in _INITIAL and (first == lower or first.upper() == first):
            latin = _INITIAL[lower] if first == lower else _INITIAL[lower].capitalize()
            return latin + (lower + text[1:]).replace("зг", "з" + _ZG)[1:].translate(_INSIDE)
    return _transliterate_text(text)


def _transliterate_text(text: str) -> str:
    out: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        if char in APOSTROPHES:
            before = text[index - 1].lower() if index else ""
            after = text[index + 1].lower() if index + 1 < len(text) else ""
            if before in _LETTERS and after in _LETTERS:
                continue
            out.append(char)
            continue
        rule = _LETTERS.get(lower)
        if rule is None:
            out.append(char)
            continue
        previous = text[index - 1] if index else ""
        initial = not previous or not _is_word_letter(previous)
        if isinstance(rule, tuple):
            latin = rule[0] if initial else rule[1]
        elif lower == "г" and previous.lower() == "з":
            latin = "gh"
        else:
            latin = rule
        if char != lower and latin:
            latin = latin.upper() if _word_is_upper(text, index) else latin.capitalize()
        out.append(latin)
    return "".join(out)
