"""Which script a text is written in, to tell Ukrainian from English input (and to catch
swapped or same-language document pairs before aligning)."""
from __future__ import annotations

import unicodedata


def script_counts(text: str) -> tuple[int, int]:
    """(Cyrillic letters, Latin letters) in `text`."""
    cyrillic = latin = 0
    for char in text:
        if not char.isalpha():
            continue
        if "\u0400" <= char <= "\u04ff" or "\u0500" <= char <= "\u052f":
            cyrillic += 1
        elif char.isascii() or unicodedata.name(char, "").startswith("LATIN"):
            latin += 1
    return cyrillic, latin


def dominant_script(text: str) -> str | None:
    """'cyrillic', 'latin', or None when the text has too few letters to tell."""
    cyrillic, latin = script_counts(text)
    if cyrillic + latin < 10:
        return None
    return "cyrillic" if cyrillic >= latin else "latin"
