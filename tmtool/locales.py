"""Locale codes as CAT tools accept them: BCP 47 language-REGION with a hyphen (`uk-UA`).

OmegaT silently skips units in `uk_UA`, `ua` or `ukr`; Trados drops units whose region
differs from the TM's. So codes are checked strictly and written in canonical case.
"""
from __future__ import annotations

import re

from tmtool.errors import ConfigError

DEFAULT_SRC_LANG = "uk-UA"
DEFAULT_TGT_LANG = "en-GB"

# language (2-3 letters), optional script (4), optional region (2 letters or 3 digits)
_BCP47 = re.compile(r"^([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}|[0-9]{3}))?$")

# Codes that look plausible but that CAT tools do not understand, with what was meant.
_COMMON_MISTAKES = {"ua": "uk", "ukr": "uk", "eng": "en", "rus": "ru", "kaz": "kk"}


def locale_problem(code: str) -> str | None:
    """Why `code` is not a usable TMX locale, or None when it is fine."""
    if "_" in code:
        return f"locale {code!r} uses '_'; write {code.replace('_', '-')!r}"
    match = _BCP47.match(code)
    if not match:
        return f"locale {code!r} is not a BCP 47 language[-REGION] code"
    language = match.group(1).lower()
    if language in _COMMON_MISTAKES:
        return f"locale {code!r}: {language!r} is not a language code; use {_COMMON_MISTAKES[language]!r}"
    return None


def canonical_locale(code: str) -> str:
    """`uk-ua` -> `uk-UA`; raises ConfigError for a code CAT tools would reject."""
    problem = locale_problem(code)
    if problem:
        raise ConfigError(problem)
    match = _BCP47.match(code)
    assert match is not None
    language, script, region = match.groups()
    parts = [language.lower()]
    if script:
        parts.append(script.title())
    if region:
        parts.append(region.upper())
    return "-".join(parts)


def primary_language(code: str) -> str:
    """`uk-UA` -> `uk`."""
    return code.replace("_", "-").split("-")[0].lower()


# The project's own languages, each with the region its memories use (`uk` -> `uk-UA`).
_PROJECT_LOCALES = {primary_language(code): code for code in (DEFAULT_SRC_LANG, DEFAULT_TGT_LANG)}


def regional_locale(code: str) -> str:
    """A bare language of the project's pair with its region (`uk` -> `uk-UA`, `en` ->
    `en-GB`), so that memories from PO headers (`Language: uk`) and from the aligner spell a
    language alike; any other code in canonical case as it is. Raises ConfigError for a code
    CAT tools would reject."""
    canonical = canonical_locale(code)
    if "-" in canonical:
        return canonical
    return _PROJECT_LOCALES.get(canonical, canonical)
