"""When two units of a memory are the same pair, and when they conflict: one key function
for `tmx merge` and `tmx stats`, and how locales spelt differently are written as one.

A unit is a message, not only a source text: a PO context (`x-context`), a plural form
(`x-plural-form`), the other msgid of a plural (`x-msgid`, `x-msgid-plural`) and the white
space at a message's ends (`x-po-edges`: TMX segments are trimmed) are part of its identity.
"Open" as a menu item and "Open" as a state are two messages; the forms 1 and 2 of a
Ukrainian plural share their msgid_plural and are two messages too, as are "Valid arguments
are:" and "Valid arguments are:\n" in one catalogue (GNU coreutils has both). So units that
differ in these props are never duplicates nor conflicts. Locales are part of the key as
well, after `LocaleSpelling` has unified how the inputs spell them: `uk` beside `uk-UA` is
one locale, while `en-GB` and `en-US` are two and their units are kept apart.
"""
from __future__ import annotations

import functools
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from tmtool.errors import ConfigError
from tmtool.formats.po import CONTEXT, EDGES, MSGID, MSGID_PLURAL, PLURAL_FORM
from tmtool.locales import canonical_locale, primary_language
from tmtool.model import TranslationUnit, Variant, segment_key

IDENTITY_PROPS = (CONTEXT, PLURAL_FORM, MSGID, MSGID_PLURAL, EDGES)
LocaleKey = Callable[[str], str]


@functools.lru_cache(maxsize=1024)
def canonical_case(code: str) -> str:
    """`uk_ua` / `UK-UA` -> `uk-UA`; a code that is no locale is kept as it is (cached: a
    memory holds few codes, asked for millions of times)."""
    try:
        return canonical_locale(code.strip().replace("_", "-"))
    except ConfigError:
        return code


@dataclass(frozen=True, slots=True)
class UnitKeys:
    """16-byte digests: `pair` is equal for duplicates; `source` for units that share the
    source and the target locales (a conflict when `pair` differs); None without a source."""

    pair: bytes
    source: bytes | None


def unit_keys(unit: TranslationUnit, source: Variant | None,
              locale: LocaleKey = canonical_case) -> UnitKeys:
    """The keys of `unit` whose source variant is `source` (None: every variant counts
    alike and there is no conflict key); `locale` gives the spelling locales compare in."""
    pair = hashlib.blake2b(digest_size=16)
    if unit.props:  # most units have none: no identity prop to look up
        for name in IDENTITY_PROPS:
            value = unit.prop(name)
            if value is not None:  # absent adds nothing, whatever other props there are
                pair.update(f"\x1c{name}\x1d{value}".encode("utf-8", "surrogatepass"))
    others = sorted((b"\x1e" + locale(v.lang).lower().encode("utf-8"), segment_key(v.segment))
                    for v in unit.variants if v is not source)
    if source is None:
        for lang, text in others:
            pair.update(lang + text)
        return UnitKeys(pair.digest(), None)
    pair.update(b"\x1f\x1e" + locale(source.lang).lower().encode("utf-8")
                + segment_key(source.segment))
    conflict = pair.copy()
    for lang, text in others:
        pair.update(lang + text)
        conflict.update(lang)
    return UnitKeys(pair.digest(), conflict.digest())


class LocaleSpelling:
    """How each locale spelling found in the inputs is written in one merged memory.

    Every code gets its canonical case (`EN-GB` -> `en-GB`). A bare language (`uk`) is
    written as the one regional locale of that language the inputs (or the source locale)
    use (`uk-UA`); when they use two or more (`en-GB`, `en-US`), those stay apart and the
    bare code stays bare, since either could be meant. `notes` says what was decided.
    """

    def __init__(self, counts: Mapping[str, int], source: str) -> None:
        spelt: Counter[str] = Counter()
        for code, count in counts.items():
            spelt[canonical_case(code)] += count
        spelt[canonical_case(source)] += 0
        regional: dict[str, set[str]] = defaultdict(set)
        for code in spelt:
            if "-" in code:
                regional[primary_language(code)].add(code)
        self._map: dict[str, str] = {}
        self._written: dict[str, str] = {}  # by the code as found, for the per-unit path
        self.notes: list[str] = []
        ambiguous: list[str] = []
        for code in sorted(spelt):
            regions = sorted(regional.get(code, ()))
            if "-" not in code and len(regions) == 1:
                self._map[code] = regions[0]
            elif "-" not in code and regions:
                ambiguous.append(f"{code} could be any of {', '.join(regions)}; left as it is")
        respelt = sorted((code, self(code)) for code in counts if self(code) != code)
        if respelt:
            self.notes.append("locales written as one spelling: " + ", ".join(
                f"{old} -> {new} ({counts[old]:,} variants)" for old, new in respelt))
        for language, codes in sorted(regional.items()):
            if len(codes) > 1:
                self.notes.append(f"{language} appears as {', '.join(sorted(codes))}: different "
                                  "locales, whose units are kept apart, never merged")
        self.notes.extend(ambiguous)

    def __call__(self, code: str) -> str:
        try:
            return self._written[code]
        except KeyError:
            spelt = canonical_case(code)
            written = self._written[code] = self._map.get(spelt, spelt)
            return written

