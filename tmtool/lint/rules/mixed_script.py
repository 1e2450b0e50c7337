"""mixed-script: a word that mixes Latin and Cyrillic letters.

What it flags: a word on either side with letters of both scripts, usually a homoglyph typed
on the wrong keyboard layout (Київ with a Latin "i", Kyiv with a Cyrillic "К"); the
suggestion is the word in its majority script.
Why: such a word looks right but matches nothing: the glossary checks silently miss it, and
search, spell-checking and hyphenation fail on it.
Example: "Kиїв" (Latin K) in Ukrainian text, or "Kуiv" (Cyrillic у) in English.
Instead: the same word typed in one script.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from tmtool.findings import Severity
from tmtool.lang.placeholders import blank_placeholders
from tmtool.lint.analysis import AnalysedUnit, Hit

RULE_ID = "mixed-script"
DEFAULT_SEVERITY = Severity.WARNING
_MIXED = re.compile(
    r"[^\W\d_]*(?:[\u0400-\u04ff][A-Za-z]|[A-Za-z][\u0400-\u04ff])[^\W\d_]*"
)
_ADJACENT = re.compile(r"[\u0400-\u04ff][A-Za-z]|[A-Za-z][\u0400-\u04ff]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_LATIN_TO_CYRILLIC = dict(zip("aceiopxyABCEHIKMOPTX", "асеіорхуАВСЕНІКМОРТХ"))
_CYRILLIC_TO_LATIN = {cyrillic: latin for latin, cyrillic in _LATIN_TO_CYRILLIC.items()}


def in_one_script(word: str) -> str | None:
    """`word` with lookalike letters moved to its majority script, or None if some letter
    has no lookalike."""
    cyrillic = sum("\u0400" <= char <= "\u04ff" for char in word)
    latin = sum(char.isascii() and char.isalpha() for char in word)
    table = _LATIN_TO_CYRILLIC if cyrillic >= latin else _CYRILLIC_TO_LATIN
    converted = "".join(table.get(char, char) for char in word)
    if cyrillic >= latin:
        return None if any(c.isascii() and c.isalpha() for c in converted) else converted
    return None if any("\u0400" <= c <= "\u04ff" for c in converted) else converted


def _may_mix(text: str) -> bool:
    """True when `text` has a Cyrillic letter next to a Latin one (cheap tests first: most
    English texts are ASCII, most Ukrainian ones have no Latin letter)."""
    if text.isascii() or _ASCII_LETTER.search(text) is None:
        return False
    return _ADJACENT.search(text) is not None


def check(analysed: AnalysedUnit) -> Iterator[Hit]:
    for view in (analysed.ukrainian, analysed.english):
        if view is None or not _may_mix(view.normal.text):
            continue
        for match in _MIXED.finditer(blank_placeholders(view.normal.text)):
            word = match.group()
            fixed = in_one_script(word)
            advice = f"; type it as '{fixed}'" if fixed else ""
            yield view.hit(
                analysed.unit, match.start(), match.end(),
                f"'{word}' mixes Latin and Cyrillic letters{advice}",
                found=word, expected=fixed,
            )
