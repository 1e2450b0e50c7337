"""Plural-Forms for a catalogue being written: the original header's when the memory carries
it, else the language's standard rule, and never fewer forms than the messages have.

A message can hold more forms than the rule allows: Django-style Ukrainian catalogues have
a fourth form for fractions (`nplurals=4`) where gettext's rule has three. Dropping that
form would lose a translation, and writing it under `nplurals=3` fails `msgfmt --check`; so
`nplurals` is raised to the number of forms present and the formula kept. gettext counts in
whole numbers and the formula never selects the extra form, so programs behave exactly as
under the standard rule, and the writer says so in a warning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tmtool.errors import OutputError
from tmtool.locales import primary_language
from tmtool.model import same_language

# Plural-Forms headers as the gettext manual gives them; other languages must be named
# explicitly (a wrong formula silently breaks a program's plurals).
_EAST_SLAVIC = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                "(n%100<10 || n%100>=20) ? 1 : 2);")
PLURAL_FORMS = {
    "uk": _EAST_SLAVIC,
    "ru": _EAST_SLAVIC,
    "be": _EAST_SLAVIC,
    "en": "nplurals=2; plural=(n != 1);",
    "de": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "kk": "nplurals=2; plural=(n != 1);",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) "
          "? 1 : 2);",
}

_NPLURALS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;(.*)$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class PluralRule:
    """A Plural-Forms value split into its count and the rest (`plural=...;`)."""

    nplurals: int
    formula: str

    @property
    def header(self) -> str:
        return f"nplurals={self.nplurals};{self.formula}"


def parse_plural_forms(value: str) -> PluralRule | None:
    """`nplurals=N; plural=...;` as a rule, or None when it does not have that shape."""
    match = _NPLURALS.match(value)
    if not match or int(match.group(1)) < 1 or "plural=" not in match.group(2):
        return None
    return PluralRule(int(match.group(1)), match.group(2))


def standard_plural_forms(locale: str) -> str | None:
    """The gettext manual's Plural-Forms for a language, or None when tmtool knows none."""
    return PLURAL_FORMS.get(primary_language(locale))


def choose_plural_rule(
    tgt_lang: str, forms_present: int, *, carried: str | None, carried_language: str | None,
) -> tuple[PluralRule | None, str | None]:
    """The rule to write for a catalogue in `tgt_lang` whose plural messages have up to
    `forms_present` forms (0: no plural message), and a warning when `nplurals` had to be
    raised above the rule's.

    `carried` is the original catalogue's Plural-Forms; it is used when its language (if
    known) is the target's.
    """
    rule = None
    if carried and (carried_language is None or same_language(carried_language, tgt_lang)):
        rule = parse_plural_forms(carried)
    if rule is None:
        standard = standard_plural_forms(tgt_lang)
        rule = parse_plural_forms(standard) if standard else None
    if rule is None:
        if forms_present:
            raise OutputError(f"no Plural-Forms known for {tgt_lang}; plural messages cannot be "
                              "written to PO for it")
        return None, None
    if forms_present <= rule.nplurals:
        return rule, None
    warning = (f"some messages have {forms_present} plural forms, more than the {rule.nplurals} "
               f"of the Plural-Forms rule for {tgt_lang}: wrote nplurals={forms_present} with "
               "the same formula, which never selects the extra forms (no form was dropped)")
    return PluralRule(forms_present, rule.formula), warning
