"""Checks of a TMX's language labels that `tmx validate` runs beside the DTD's: variants
of one unit in one language, and a file whose labels look swapped.

A unit pairs two languages; two variants in one language (`uk` and `uk-UA`) mean one side
is mislabelled, as PO converters that took msgids for Ukrainian produced. Two regions of
one language (`en-GB`, `en-US`) can be deliberate, so that is a warning. Swapped labels
show in the scripts: a Cyrillic-script language whose segments hold no Cyrillic at all
while another language's are mostly Cyrillic.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tmtool.findings import Finding, Severity
from tmtool.lang.script import script_counts
from tmtool.locales import primary_language

# Languages written in Cyrillic (Serbian is left out: it is written in both scripts).
CYRILLIC_LANGUAGES = frozenset({"uk", "ru", "be", "bg", "kk", "mk", "ky", "tg", "mn"})


def same_language_findings(name: str, line: int, unit: str | None,
                           langs: list[str]) -> list[Finding]:
    """A finding for each pair of a unit's variant locales that name one language."""
    findings = []
    seen: dict[str, str] = {}
    for lang in langs:
        primary = primary_language(lang)
        other = seen.get(primary)
        if other is None:
            seen[primary] = lang
            continue
        if other.lower() == lang.lower():
            continue   # the same locale twice: tmx-duplicate-lang says so
        both_regional = "-" in other.replace("_", "-") and "-" in lang.replace("_", "-")
        severity = Severity.WARNING if both_regional else Severity.ERROR
        hint = ("two regions of one language" if both_regional
                else "one language twice, so one side is mislabelled")
        findings.append(Finding(name, line, 1, "tmx-same-language", severity,
                                f"<tuv> {other} and {lang} in one tu: {hint}", unit=unit))
    return findings


@dataclass
class ScriptTally:
    """Per language: segments with letters, and of those how many hold Cyrillic and how
    many are mostly Cyrillic."""

    segments: Counter[str] = field(default_factory=Counter)
    with_cyrillic: Counter[str] = field(default_factory=Counter)
    mostly_cyrillic: Counter[str] = field(default_factory=Counter)
    first_line: dict[str, int] = field(default_factory=dict)

    def add(self, lang: str, text: str, line: int) -> None:
        cyrillic, latin = script_counts(text)
        if not cyrillic and not latin:
            return
        self.segments[lang] += 1
        self.first_line.setdefault(lang, line)
        if cyrillic:
            self.with_cyrillic[lang] += 1
        if cyrillic > latin:
            self.mostly_cyrillic[lang] += 1

    def swapped(self, name: str) -> list[Finding]:
        """A warning when a Cyrillic-script language has no Cyrillic while another
        language is mostly Cyrillic: the labels look swapped."""
        findings = []
        for lang, count in sorted(self.segments.items()):
            if primary_language(lang) not in CYRILLIC_LANGUAGES or self.with_cyrillic[lang]:
                continue
            for other, other_count in sorted(self.segments.items()):
                if primary_language(other) in CYRILLIC_LANGUAGES:
                    continue
                if self.mostly_cyrillic[other] * 2 > other_count:
                    findings.append(Finding(
                        name, self.first_line[lang], 1, "tmx-swapped-labels", Severity.WARNING,
                        f"labels look swapped: the {count:,} {lang} segments hold no Cyrillic "
                        f"while {self.mostly_cyrillic[other]:,} of {other_count:,} {other} "
                        "segments are Cyrillic"))
        return findings
