"""The lint engine: runs the registered rules over `LintUnit`s against a compiled glossary
and returns sorted `Finding`s with the severities in force.

Rules are found by id in `RULES` (id -> module) and imported lazily; a rule module's
docstring is its documentation. Cross-unit rules (`inconsistent`) report when the run
finishes, so `Linter.finish()` must be called after the last unit (`lint_units` does it).
"""
from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from tmtool.errors import ConfigError
from tmtool.findings import Finding, Severity
from tmtool.glossary.matcher import CompiledGlossary, compile_glossary
from tmtool.glossary.model import Glossary
from tmtool.lint.analysis import Hit, analyse_unit
from tmtool.lint.units import LintUnit

RULES: dict[str, str] = {
    "forbidden-variant": "tmtool.lint.rules.forbidden_variant",
    "near-miss": "tmtool.lint.rules.near_miss",
    "historical-name": "tmtool.lint.rules.historical_name",
    "wrong-case": "tmtool.lint.rules.wrong_case",
    "missing-term": "tmtool.lint.rules.missing_term",
    "mixed-script": "tmtool.lint.rules.mixed_script",
    "inconsistent": "tmtool.lint.rules.inconsistent",
    "translit": "tmtool.lint.rules.translit",
}


def rule_ids() -> tuple[str, ...]:
    """Every rule id, sorted."""
    return tuple(sorted(RULES))


def _module(rule_id: str) -> ModuleType:
    if rule_id not in RULES:
        raise ConfigError(f"unknown rule {rule_id!r} (rules: {', '.join(rule_ids())})")
    return importlib.import_module(RULES[rule_id])


def explain(rule_id: str) -> str:
    """The rule's documentation (What / Why / Example / Instead)."""
    return (_module(rule_id).__doc__ or rule_id).strip() + "\n"


def default_severity(rule_id: str) -> Severity:
    severity: Severity = _module(rule_id).DEFAULT_SEVERITY
    return severity


def default_severities() -> dict[str, Severity]:
    return {rule_id: default_severity(rule_id) for rule_id in rule_ids()}


@dataclass(frozen=True)
class LintOptions:
    """What a lint run checks. `enabled=None` means every rule; `disabled` wins over it;
    `severities` overrides default severities by rule id; `use_morphology=None` uses
    pymorphy3 when installed. `fail_on` is carried for the CLI's exit code."""

    enabled: frozenset[str] | None = None
    disabled: frozenset[str] = frozenset()
    severities: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    use_morphology: bool | None = None

    def active_rules(self) -> tuple[str, ...]:
        for rule_id in (*(self.enabled or ()), *self.disabled, *self.severities):
            _module(rule_id)  # unknown ids are a configuration error
        chosen = self.enabled if self.enabled is not None else frozenset(RULES)
        return tuple(r for r in rule_ids() if r in chosen and r not in self.disabled)

    def severity(self, rule_id: str) -> Severity:
        return self.severities.get(rule_id) or default_severity(rule_id)


class Linter:
    """One lint run: `check` each unit, then `finish` once for the cross-unit rules."""

    def __init__(self, glossary: Glossary | CompiledGlossary, options: LintOptions) -> None:
        self.compiled = (
            glossary if isinstance(glossary, CompiledGlossary)
            else compile_glossary(glossary, use_morphology=options.use_morphology)
        )
        self.options = options
        self._rules = [(rule_id, _module(rule_id)) for rule_id in options.active_rules()]
        self._trackers: list[tuple[str, Any]] = [
            (rule_id, module.Tracker()) for rule_id, module in self._rules
            if hasattr(module, "Tracker")
        ]
        self._severity = {rule_id: options.severity(rule_id) for rule_id, _ in self._rules}
        # Rules whose findings all come from their Tracker declare `PER_UNIT = False`.
        self._checks = [(rule_id, module.check) for rule_id, module in self._rules
                        if getattr(module, "PER_UNIT", True)]

    @property
    def notices(self) -> tuple[str, ...]:
        """Things the user should hear once (e.g. pymorphy3 missing); the CLI prints them."""
        return self.compiled.notices

    def check(self, unit: LintUnit) -> list[Finding]:
        if "*" in unit.ignored:
            return []
        analysed = analyse_unit(unit, self.compiled)
        findings: list[Finding] = []
        ignored = unit.ignored
        for rule_id, check in self._checks:
            if ignored and rule_id in ignored:
                continue
            for hit in check(analysed):
                findings.append(self._finding(rule_id, hit))
        for rule_id, tracker in self._trackers:
            if not (ignored and rule_id in ignored):
                tracker.observe(analysed)
        return findings

    def finish(self) -> list[Finding]:
        findings: list[Finding] = []
        for rule_id, tracker in self._trackers:
            hits: Iterator[Hit] = tracker.finish()
            findings.extend(self._finding(rule_id, hit) for hit in hits)
        return findings

    def _finding(self, rule_id: str, hit: Hit) -> Finding:
        line, column = hit.side.position(hit.start)
        end_line, end_column = hit.side.position(hit.end)
        return Finding(
            path=hit.unit.path, line=line, column=column, rule=rule_id,
            severity=self._severity[rule_id], message=hit.message, unit=hit.unit.unit_id,
            term_id=hit.term_id, found=hit.found, expected=hit.expected,
            end_column=end_column if end_line == line and end_column > column else None,
        )


def lint_units(
    units: Iterable[LintUnit], glossary: Glossary | CompiledGlossary, options: LintOptions
) -> list[Finding]:
    """All findings of a run, sorted by path, line, column and rule."""
    linter = Linter(glossary, options)
    findings: list[Finding] = []
    for unit in units:
        findings.extend(linter.check(unit))
    findings.extend(linter.finish())
    return sorted(findings, key=Finding.sort_key)
