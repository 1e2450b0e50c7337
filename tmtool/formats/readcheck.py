"""Checks every interchange reader applies to what it read: locale codes taken from a file,
and characters that XML 1.0 forbids.

A locale in a file is repaired when the intent is clear (`en_US` -> `en-US`, `UK-ua` ->
`uk-UA`, the ISO 639-2 `ukr-UA` some tools write -> `uk-UA`) and refused with the file and
line otherwise (`ua` is a country), because CAT tools silently drop units in such codes. Text formats (PO, TSV) are refused on a forbidden control
character, since the TMX written from them would be rejected whole by OmegaT.
"""
from __future__ import annotations

import re

from tmtool.errors import ConfigError, InputError
from tmtool.locales import canonical_locale

# XML 1.0 Char production: everything below U+0020 except TAB, LF and CR, plus U+FFFE/U+FFFF
# and lone surrogates.
# ISO 639-2 codes seen in tool exports, for the languages tmtool users meet most.
_THREE_LETTER = {"ukr": "uk", "eng": "en", "rus": "ru", "kaz": "kk", "deu": "de", "ger": "de",
                 "fra": "fr", "fre": "fr", "pol": "pl"}
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def file_locale(code: str, *, name: str, line: int | None, what: str = "language") -> str:
    """A locale code read from a file, in canonical form, or an `InputError` naming the spot."""
    language, sep, rest = code.strip().replace("_", "-").partition("-")
    language = _THREE_LETTER.get(language.lower(), language)
    try:
        return canonical_locale(language + sep + rest)
    except ConfigError as exc:
        raise InputError(name, line, f"{what}: {exc}") from None


def forbidden_char(text: str) -> int | None:
    """The offset of the first character XML 1.0 cannot carry, or None."""
    match = _FORBIDDEN.search(text)
    return match.start() if match else None


def check_chars(text: str, *, name: str, line: int | None) -> None:
    """Refuse text holding a character a TMX cannot carry; the line is that of the character
    when `line` is where `text` starts."""
    offset = forbidden_char(text)
    if offset is None:
        return
    char_line = line + text.count("\n", 0, offset) if line else None
    raise InputError(
        name, char_line,
        f"control character U+{ord(text[offset]):04X} is not allowed in XML/TMX text; remove it",
    )
