"""Which language a catalogue's msgids and msgstrs are in.

A PO header names only the translation's language (`Language:`); the msgids are the
program's own text, in practice English. So: msgid language from the caller (`--src-lang`),
else an `X-Source-Language` header, else English (en-GB, the English every tmtool memory
uses, so catalogue memories merge with aligned ones); msgstr language from the caller
(`--tgt-lang`), else `Language:`, else the file name (`uk.po`, `messages.uk_UA.po`,
`uk/LC_MESSAGES/django.po`), else a refusal that names the option. A bare language of the
project's pair gets its region (`uk` -> `uk-UA`). Guessing never yields one language on both
sides: that is refused with the way out.
"""
from __future__ import annotations

import locale
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import NoReturn

from tmtool.errors import ConfigError, InputError
from tmtool.formats.readcheck import file_locale
from tmtool.locales import regional_locale
from tmtool.model import same_language

# The English msgids are taken to be in when nothing says otherwise.
MSGID_LANG = regional_locale("en")

# A file or folder name that is a locale: `uk`, `uk_UA`, `pt-BR`, `sr_Latn` (no `@modifier`).
_LOCALE_NAME = re.compile(r"^([a-z]{2,3})(?:[_-]([A-Za-z]{4}))?(?:[_-]([A-Za-z]{2}))?$")


@dataclass(frozen=True, slots=True)
class PoLanguages:
    """The two languages of a catalogue and where each came from (for messages)."""

    source: str
    target: str
    source_from: str
    target_from: str


class NoTargetLanguage(InputError):
    """Nothing names the msgstrs' language: a caller that can tell it otherwise (lint, by
    the letters of each message) catches this one."""


def _is_language(code: str) -> bool:
    """A language gettext's locale list knows (Python's `locale.locale_alias`), so that a
    catalogue called `app.po` or `ui.po` is not taken for a language."""
    code = code.lower()
    return code in locale.locale_alias or any(
        alias.startswith(code + "_") for alias in locale.locale_alias)


def language_from_path(name: str) -> str | None:
    """The locale a catalogue's path names: the last dotted part of the file name (`uk.po`,
    `messages.uk.po`) or the folder above `LC_MESSAGES`; None when it names none. A template
    (`.pot`) is named after its domain, never a language: `wa.pot` is no Walloon catalogue."""
    path = PurePath(name)
    candidates = [] if path.suffix.lower() == ".pot" else [path.stem.rsplit(".", 1)[-1]]
    if path.parent.name == "LC_MESSAGES":
        candidates.append(path.parent.parent.name)
    for candidate in candidates:
        match = _LOCALE_NAME.match(candidate)
        if match and _is_language(match.group(1)):
            try:
                return regional_locale(candidate.replace("_", "-"))
            except ConfigError:
                continue
    return None


def resolve_po_languages(
    metadata: dict[str, str], *, name: str, header_lines: dict[str, int],
    src_lang: str | None, tgt_lang: str | None,
) -> PoLanguages:
    """The catalogue's languages as the module docstring orders the sources.

    A msgid language the caller names is taken as given, whatever the msgstrs are (convert
    refuses a pair in one language; lint reads any pair). Without it, msgids and msgstrs in
    one language are refused, since the default (or header) would mislabel a side.
    """
    def from_header(field: str) -> str | None:
        value = metadata.get(field, "").strip()
        if not value:
            return None
        code = file_locale(value, name=name, line=header_lines.get(field), what=f"header {field}")
        return regional_locale(code)

    if src_lang:
        source, source_from = src_lang, "--src-lang"
    elif (declared := from_header("X-Source-Language")) is not None:
        source, source_from = declared, "the X-Source-Language header"
    else:
        source, source_from = MSGID_LANG, "the default"
    if tgt_lang:
        target, target_from = tgt_lang, "--tgt-lang"
    elif (declared := from_header("Language")) is not None:
        target, target_from = declared, "the Language header"
    elif (named := language_from_path(name)) is not None:
        target, target_from = named, "the file name"
    else:
        raise NoTargetLanguage(name, header_lines.get("Language"),
                         "the catalogue names no language for its msgstrs (the Language header "
                         "is missing or empty and the file name names none); give it with "
                         "--tgt-lang, e.g. --tgt-lang uk-UA")
    languages = PoLanguages(source, target, source_from, target_from)
    if not src_lang and same_language(source, target):
        line = header_lines.get("Language") if target_from == "the Language header" else None
        refuse_one_language(languages, name=name, line=line)
    return languages


def refuse_one_language(languages: PoLanguages, *, name: str, line: int | None) -> NoReturn:
    """Raise the error for msgids and msgstrs in one language, saying where each came from."""
    raise InputError(name, line,
                     f"msgids ({languages.source}, from {languages.source_from}) and msgstrs "
                     f"({languages.target}, from {languages.target_from}) would be in one "
                     "language; name the msgid language with --src-lang (or an "
                     "X-Source-Language header) and the msgstr language with --tgt-lang")
