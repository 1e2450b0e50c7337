"""Whether a Latin spelling is a romanization of a Ukrainian word: one of the spellings the
systems used for Ukrainian names in English texts give it, KMU-55 (`lang.translit`) among
them.

The systems: KMU-55 (2010, = BGN/PCGN 2019), the 1996 national table and the passport rules
before 2010, BGN/PCGN 1965 and ALA-LC without its diacritics. They differ in a few letters
only, which are all that may vary here: the glides є ї й ю я (ye/ie, yi/i, y/i, yu/iu,
ya/ia), -ий (yi, yy, y, iy) and a final -ій (ii, iy, i, y), щ (shch, sch),
зг (zgh, zg), and the soft sign and apostrophe (written or not; English text drops them).

Left out on purpose are readings by which Ukrainian also spells *foreign* names, since with
them a foreign name or exonym written back from its Ukrainian form would pass for a
romanization of a Ukrainian name: г as g (Ангела Angela, Ердоган Erdogan, Рига Riga), и as
i (Мадрид Madrid), j for й я ю (Йоганн Johann), c for к or ц (Канада Canada, Макрон Macron),
German and Polish letters (Шольц Scholz, Шмідт Schmidt, Навроцький Nawrocki), and doubled
or dropped letters (Кнесет Knesset, Беннет Bennett, Больцман Boltzmann). Russian-derived
forms (Kharkov, Oleg, Zhitomir) are not romanizations of the Ukrainian spelling either:
they are glossary matters (`en_forbidden`).
"""
from __future__ import annotations

import functools
import re

# Lower-case letters: the Latin spellings any of the systems above give each one.
_LETTERS: dict[str, tuple[str, ...]] = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("h",), "ґ": ("g",), "д": ("d",),
    "е": ("e",), "є": ("ye", "ie"), "ж": ("zh",), "з": ("z",), "и": ("y",), "і": ("i",),
    "ї": ("yi", "i"), "й": ("y", "i"), "к": ("k",), "л": ("l",), "м": ("m",), "н": ("n",),
    "о": ("o",), "п": ("p",), "р": ("r",), "с": ("s",), "т": ("t",), "у": ("u",),
    "ф": ("f",), "х": ("kh",), "ц": ("ts",), "ч": ("ch",), "ш": ("sh",),
    "щ": ("shch", "sch"), "ь": ("",), "ю": ("yu", "iu"), "я": ("ya", "ia"),
}
# Letter pairs spelt more ways than their letters are: -ий anywhere (Zelensky, Prymachenko
# for Приймаченко), -ій at the end (Andriy, Vitaly).
_GLIDES: dict[str, tuple[str, ...]] = {
    "ий": ("yi", "yy", "y", "iy"),
    "ій": ("ii", "iy", "i", "y"),
}
_APOSTROPHES = "'\u2019\u02bc\u2018`"


def _alternatives(options: tuple[str, ...]) -> str:
    if len(options) == 1:
        return re.escape(options[0])
    return "(?:" + "|".join(re.escape(option) for option in options) + ")"


@functools.lru_cache(maxsize=8192)
def romanization_pattern(word: str) -> re.Pattern[str] | None:
    """A pattern matching the romanizations of a Ukrainian word (lower-case Latin, without
    apostrophes), or None when the word holds something other than Ukrainian letters."""
    letters = [char for char in word.lower() if char not in _APOSTROPHES]
    parts: list[str] = []
    index = 0
    while index < len(letters):
        char = letters[index]
        pair = "".join(letters[index:index + 2])
        if pair == "ий" or (pair == "ій" and index + 2 == len(letters)):
            parts.append(_alternatives(_GLIDES[pair]))
            index += 2
            continue
        if pair == "зг":
            parts.append("z(?:gh|g)")
            index += 2
            continue
        if char == "-":
            parts.append("-")
        elif char in _LETTERS:
            parts.append(_alternatives(_LETTERS[char]))
        else:
            return None
        index += 1
    return re.compile("".join(parts)) if parts else None


def is_romanization(latin: str, ukrainian: str) -> bool:
    """True when `latin` is one of the spellings the covered systems give `ukrainian`
    (case, apostrophes and the soft sign's marks ignored)."""
    pattern = romanization_pattern(ukrainian)
    if pattern is None:
        return False
    key = "".join(char for char in latin.lower() if char not in _APOSTROPHES)
    return pattern.fullmatch(key) is not None
