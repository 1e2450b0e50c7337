"""Helpers for the rule tables: lint an English text or a uk/en pair with one rule (or all)
against tests/data/glossary/rules.csv."""
from __future__ import annotations

from pathlib import Path

from tmtool.findings import Finding
from tmtool.glossary import load_glossary
from tmtool.lint.engine import LintOptions, lint_units
from tmtool.lint.units import LintUnit, TextSide

DATA = Path(__file__).resolve().parents[1] / "data" / "glossary"
GLOSSARY = load_glossary([DATA / "rules.csv"])


def options(rule: str | None, use_morphology: bool | None = False) -> LintOptions:
    return LintOptions(
        enabled=None if rule is None else frozenset({rule}), use_morphology=use_morphology
    )


def lint_en(text: str, rule: str | None = None, *, use_morphology: bool | None = False) -> list[Finding]:
    """A monolingual English text starting at line 1, column 1 of doc.md."""
    unit = LintUnit("doc.md", TextSide(text, 1, 1, "en"))
    return lint_units([unit], GLOSSARY, options(rule, use_morphology))


def pair(uk: str, en: str, unit_id: str = "1", line: int = 10) -> LintUnit:
    """A bilingual unit whose uk text stands at line `line`, column 5, and en one line below."""
    return LintUnit("mem.tmx", TextSide(en, line + 1, 5, "en-GB"), TextSide(uk, line, 5, "uk-UA"), unit_id)


def lint_pair(uk: str, en: str, rule: str | None = None, *,
              use_morphology: bool | None = False) -> list[Finding]:
    return lint_units([pair(uk, en)], GLOSSARY, options(rule, use_morphology))


def where(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column) for f in findings]
