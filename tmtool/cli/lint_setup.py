"""The work behind `tmtool lint`: merge the config file with the options, wire the rule
engine, run, render the report, write the baseline and decide the exit status.

Decisions: options override the config file (`--glossary` replaces the config's list;
`--disable`/`--enable`/`--severity` are applied on top of it, `--enable` re-enabling a rule
the config turned off); every rule name is checked against the engine's rules, so a typo is
an error, not a silent no-op.
"""
from __future__ import annotations

import importlib.util
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from tmtool.errors import ConfigError, OutputError
from tmtool.fileio import atomic_text_output, read_text
from tmtool.findings import Finding, Severity
from tmtool.lint.baseline import load_baseline, write_baseline
from tmtool.lint.config import LintConfig, discover_config
from tmtool.lint.session import LintRequest, LintRun, run_lint
from tmtool.lint.units import LintUnit
from tmtool.report import MACHINE_FORMATS, get_renderer
from tmtool.report.context import ReportContext, RuleInfo, describe_counts, summarise

ENGINE = "tmtool.lint.engine"


@dataclass(frozen=True, slots=True)
class LintChoices:
    """The command line, typed."""

    paths: tuple[str, ...]
    glossaries: tuple[str, ...]
    report_format: str
    output: str
    fail_on: str | None
    exit_zero: bool
    disable: tuple[str, ...]
    enable: tuple[str, ...]
    severities: tuple[str, ...]
    baseline: str | None
    write_baseline: str | None
    explain: str | None
    config_path: str | None
    stdin_format: str | None
    stdin_name: str | None
    step_summary: str | None
    quiet: bool

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> LintChoices:
        return cls(**{name: options[name] for name in cls.__slots__})


@dataclass(frozen=True, slots=True)
class LintPlan:
    """Everything decided before reading a file."""

    choices: LintChoices
    config: LintConfig
    glossaries: tuple[str, ...]
    disabled: frozenset[str]
    enabled: frozenset[str]
    severities: Mapping[str, Severity]
    fail_on: Severity
    baseline: str | None
    linter: EngineLinter


def _engine() -> Any:
    if importlib.util.find_spec(ENGINE) is None:
        raise ConfigError("the lint rule engine (tmtool.lint.engine) is not installed")
    return importlib.import_module(ENGINE)


def known_rules() -> tuple[str, ...]:
    return tuple(_engine().rule_ids())


def _check_rule(rule: str, where: str) -> str:
    rules = known_rules()
    if rule not in rules:
        raise ConfigError(f"{where}: unknown rule {rule!r} (rules: {', '.join(rules)})")
    return rule


def explain_rule(rule: str) -> str:
    """A rule's documentation, ending in a newline."""
    text = str(_engine().explain(_check_rule(rule, "--explain"))).rstrip("\n")
    return text + "\n"


def rule_infos() -> tuple[RuleInfo, ...]:
    engine = _engine()
    infos = []
    for rule in engine.rule_ids():
        doc = str(engine.explain(rule)).strip()
        summary = doc.split("\n", 1)[0]
        if ":" in summary and summary.split(":", 1)[0].strip() == rule:
            summary = summary.split(":", 1)[1].strip()
        summary = summary[:1].upper() + summary[1:]
        infos.append(RuleInfo(rule, summary, engine.default_severity(rule), doc))
    return tuple(infos)


def _parse_severity(text: str) -> tuple[str, Severity]:
    rule, sep, level = text.partition("=")
    if not sep:
        raise ConfigError(f"--severity {text!r}: write RULE=LEVEL, e.g. near-miss=error")
    try:
        return _check_rule(rule.strip(), "--severity"), Severity.parse(level)
    except ValueError as exc:
        raise ConfigError(f"--severity {text!r}: {exc}") from None


def prepare(choices: LintChoices) -> LintPlan:
    """Read the config, merge the options into it, and check every rule name."""
    if not choices.paths:
        raise click.UsageError("give at least one PATH to lint ('-' for stdin)")
    config = discover_config(explicit=Path(choices.config_path) if choices.config_path else None)
    where = str(config.path) if config.path else "config"
    for rule in (*config.disable, *config.enable, *(r for r, _ in config.severities)):
        _check_rule(rule, where)
    for rule in (*choices.disable, *choices.enable):
        _check_rule(rule, "--disable/--enable")
    severities = dict(config.severities)
    severities.update(_parse_severity(text) for text in choices.severities)
    disabled = (frozenset(config.disable) - frozenset(choices.enable)) | frozenset(choices.disable)
    enabled = (frozenset(config.enable) - frozenset(choices.disable)) | frozenset(choices.enable)
    glossaries = choices.glossaries or config.glossaries
    if not glossaries:
        raise ConfigError("no glossary: give --glossary DIR|FILE or set 'glossary' in "
                          "[tool.tmtool.lint]")
    fail_on = Severity.parse(choices.fail_on) if choices.fail_on else (config.fail_on or Severity.ERROR)
    linter = EngineLinter(tuple(glossaries), disabled, severities, fail_on)
    return LintPlan(choices, config, tuple(glossaries), disabled, enabled, severities, fail_on,
                    choices.baseline or config.baseline, linter)


class EngineLinter:
    """The rule engine bound to one glossary and rule settings; keeps the engine's notices
    (such as a missing morphology package) for the CLI to print."""

    def __init__(self, glossaries: tuple[str, ...], disabled: frozenset[str],
                 severities: Mapping[str, Severity], fail_on: Severity) -> None:
        from tmtool.glossary import load_glossary

        engine = _engine()
        options = engine.LintOptions(
            enabled=None, disabled=disabled, severities=dict(severities), fail_on=fail_on,
        )
        glossary = load_glossary(glossaries)
        self.glossary_fingerprint: str = glossary.fingerprint
        self.glossary_entries = len(glossary)
        self._linter = engine.Linter(glossary, options)
        self.notices: tuple[str, ...] = ()

    def __call__(self, units: Iterable[LintUnit]) -> list[Finding]:
        findings: list[Finding] = []
        for unit in units:
            findings.extend(self._linter.check(unit))
        findings.extend(self._linter.finish())
        self.notices = tuple(self._linter.notices)
        return findings


def run(plan: LintPlan) -> LintRun:
    baseline: Counter[str] | None = None
    if plan.baseline and not plan.choices.write_baseline:
        baseline = load_baseline(read_text(plan.baseline), name=plan.baseline)
    choices = plan.choices
    request = LintRequest(
        paths=choices.paths, include=plan.config.include, exclude=plan.config.exclude,
        pattern_root=str(plan.config.root) if plan.config.root else None,
        stdin_format=choices.stdin_format, stdin_name=choices.stdin_name, baseline=baseline,
    )
    outcome = run_lint(request, plan.linter)
    outcome.notices[:0] = plan.linter.notices
    return outcome


def settings_record(plan: LintPlan) -> dict[str, Any]:
    """The result-changing settings, for JSON output."""
    return {
        "glossaries": list(plan.glossaries),
        "glossary_entries": plan.linter.glossary_entries,
        "glossary_sha256": plan.linter.glossary_fingerprint,
        "fail_on": plan.fail_on.label,
        "disabled": sorted(plan.disabled),
        "enabled": sorted(plan.enabled),
        "severity": {rule: level.label for rule, level in sorted(plan.severities.items())},
        "baseline": plan.baseline,
    }


def report(plan: LintPlan, outcome: LintRun) -> bool:
    """Write the report (and the baseline); True when a finding reaches `--fail-on`."""
    choices = plan.choices
    context = ReportContext(
        rules=rule_infos(), files=outcome.files, fingerprints=outcome.fingerprints,
        summary=summarise(outcome.findings, files=len(outcome.files), units=outcome.units,
                          suppressed=outcome.suppressed, baselined=outcome.baselined),
        settings=settings_record(plan),
    )
    inputs = [p for p in choices.paths if p != "-"]
    if choices.write_baseline:
        with atomic_text_output(choices.write_baseline, inputs=inputs) as stream:
            count = write_baseline(outcome.kept, outcome.fingerprints, stream)
    text = get_renderer(choices.report_format)(outcome.findings, context)
    with atomic_text_output(choices.output, inputs=inputs) as stream:
        stream.write(text)
    _write_diagnostics(choices, outcome, context)
    if choices.write_baseline:
        if not choices.quiet:
            click.echo(f"tmtool: wrote {count} findings to the baseline {choices.write_baseline}", err=True)
        return False
    return any(f.severity >= plan.fail_on for f in outcome.findings)


def _write_diagnostics(choices: LintChoices, outcome: LintRun, context: ReportContext) -> None:
    if choices.report_format == "github" and choices.step_summary:
        from tmtool.report.github import render_summary

        try:
            with open(choices.step_summary, "a", encoding="utf-8") as summary_file:
                summary_file.write(render_summary(outcome.findings, context))
        except OSError as exc:
            raise OutputError(f"{choices.step_summary}: cannot write the step summary "
                              f"({exc.strerror})") from None
    if choices.quiet:
        return
    for notice in outcome.notices:
        click.echo(f"tmtool: {notice}", err=True)
    if not outcome.files:
        click.echo("tmtool: warning: no files to lint (tmtool lint reads .md, .markdown, .txt, "
                   ".tmx, .po, .pot, .xlf and .xliff files)", err=True)
    if choices.report_format in MACHINE_FORMATS or choices.report_format == "github":
        return
    extra = []
    if outcome.suppressed:
        extra.append(f"{outcome.suppressed} suppressed inline")
    if outcome.baselined:
        extra.append(f"{outcome.baselined} in the baseline")
    tail = f"; {', '.join(extra)}" if extra else ""
    click.echo(describe_counts(outcome.findings, files=len(outcome.files)) + tail, err=True)
