"""Letters by script, to tell Ukrainian from English input: the aligner compares the
Cyrillic share of both documents to catch swapped or same-language pairs."""
from __future__ import annotations

import unicodedata
from collections import Counter


def script_counts(text: str) -> tuple[int, int]:
    """(Cyrillic letters, Latin letters) in `text`."""
    cyrillic = latin = 0
    for char, count in Counter(text).items():  # each distinct character is judged once
        if not char.isalpha():
            continue
        if "\u0400" <= char <= "\u04ff" or "\u0500" <= char <= "\u052f":
            cyrillic += count
        elif char.isascii() or unicodedata.name(char, "").startswith("LATIN"):
            latin += count
    return cyrillic, latin

