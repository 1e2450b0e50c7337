"""Which way a lookup or concordance goes when the command line does not say: by the letters
of the text asked about, since a memory made from gettext catalogues holds English sources
and one aligned from Ukrainian documents Ukrainian ones, and a user types either.

A text with any Cyrillic letter is Ukrainian (an English sentence hardly ever holds one,
while a Ukrainian one may be mostly Latin product names); other text is English. A language
given alone takes the other of the two as its partner.
"""
from __future__ import annotations

from tmtool.lang.script import script_counts
from tmtool.model import same_language

UKRAINIAN = "uk"
ENGLISH = "en"


def text_language(text: str) -> str:
    """`uk` for a text with Cyrillic letters, else `en`."""
    cyrillic, _latin = script_counts(text)
    return UKRAINIAN if cyrillic else ENGLISH


def partner_language(lang: str) -> str:
    """The other language of the pair: English for Ukrainian, Ukrainian for anything else."""
    return ENGLISH if same_language(lang, UKRAINIAN) else UKRAINIAN


def resolve_direction(text: str, src_lang: str | None, tgt_lang: str | None, *,
                      text_is_target: bool = False) -> tuple[str, str]:
    """(from, to) for asking about `text`: the languages given, the missing one the partner
    of the other, and with neither the text's own language on its side (the source, or the
    target when `text_is_target`, as a concordance search of the translations)."""
    if src_lang and tgt_lang:
        return src_lang, tgt_lang
    if src_lang:
        return src_lang, partner_language(src_lang)
    if tgt_lang:
        return partner_language(tgt_lang), tgt_lang
    own = text_language(text)
    return (partner_language(own), own) if text_is_target else (own, partner_language(own))
