"""One `tmtool lint` run as a library call: collect the files, stream their units through
the rule engine, then drop inline-suppressed and baselined findings.

Decision: suppressions and the baseline are applied after the engine, on findings, so they
work the same for every rule and every input format; the engine also sees `LintUnit.ignored`
and may skip work early. The engine is injected as a callable, which keeps this module
testable without a glossary.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from tmtool.findings import Finding
from tmtool.lint.baseline import LineIndex, fingerprints, new_findings
from tmtool.lint.inputs import collect_inputs, read_all_units
from tmtool.lint.suppress import Suppressions
from tmtool.lint.units import LintUnit

Linter = Callable[[Iterable[LintUnit]], list[Finding]]


@dataclass(frozen=True, slots=True)
class LintRequest:
    """What to read and what to drop afterwards (rule settings live in the linter)."""

    paths: tuple[str, ...]
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    pattern_root: str | None = None
    stdin_format: str | None = None
    stdin_name: str | None = None
    baseline: Counter[str] | None = None


@dataclass
class LintRun:
    """A finished run: `findings` are the ones to report (sorted); `kept` also holds the
    baselined ones (what `--write-baseline` records)."""

    findings: list[Finding]
    kept: list[Finding]
    files: tuple[str, ...]
    units: int
    suppressed: int
    baselined: int
    fingerprints: dict[Finding, str]
    notices: list[str] = field(default_factory=list)


class _Counter:
    def __init__(self) -> None:
        self.units = 0

    def count(self, units: Iterable[LintUnit]) -> Iterator[LintUnit]:
        for unit in units:
            self.units += 1
            yield unit


def run_lint(request: LintRequest, linter: Linter) -> LintRun:
    """Lint every file the request names; input problems raise `InputError`."""
    sources = collect_inputs(
        request.paths, include=request.include, exclude=request.exclude,
        pattern_root=request.pattern_root, stdin_format=request.stdin_format,
        stdin_name=request.stdin_name,
    )
    suppressions, index, counter = Suppressions(), LineIndex(), _Counter()
    notices: list[str] = []
    units = read_all_units(sources, suppressions=suppressions, notice=notices.append)
    raw = linter(index.watch(counter.count(units)))
    kept, suppressed = suppressions.split(raw)
    kept.sort(key=Finding.sort_key)
    prints = fingerprints(kept, index)
    reported, baselined = kept, 0
    if request.baseline is not None:
        reported, baselined = new_findings(kept, prints, request.baseline)
    return LintRun(
        findings=reported, kept=kept, files=tuple(s.name for s in sources), units=counter.units,
        suppressed=suppressed, baselined=baselined, fingerprints=prints, notices=notices,
    )
