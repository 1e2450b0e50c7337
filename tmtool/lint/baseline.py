"""Finding fingerprints and the baseline file that lets a team adopt the linter on an old
corpus and fail only on new findings.

Decision: a fingerprint hashes rule, term id, found text, path and the unit id (bilingual
files) or the whitespace-normalised text of the finding's line (text files), never line
numbers, so it survives edits elsewhere in the file. The baseline counts fingerprints: a
finding is new only when it occurs more often than the baseline recorded. The same
fingerprint is SARIF's `partialFingerprints` value.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import IO, Any

from tmtool.errors import InputError
from tmtool.findings import Finding
from tmtool.lint.units import LintUnit, TextSide

FINGERPRINT_KEY = "tmtool/v1"
BASELINE_VERSION = 1


def normalise_line(text: str) -> str:
    return " ".join(text.split())


class LineIndex:
    """The normalised text of every line the run read, by (path, line), for fingerprints."""

    def __init__(self) -> None:
        self._lines: dict[tuple[str, int], str] = {}

    def record(self, unit: LintUnit) -> None:
        if unit.unit_id is not None:
            return  # its findings are anchored by the unit id (see `context`)
        for side in (unit.source, unit.target):
            if side is not None:
                self._record_side(unit.path, side)

    def _record_side(self, path: str, side: TextSide) -> None:
        lines = side.text.split("\n") if side.exact else [side.text]
        for offset, text in enumerate(lines):
            self._lines.setdefault((path, side.line + offset), normalise_line(text))

    def watch(self, units: Iterable[LintUnit]) -> Iterator[LintUnit]:
        """Pass `units` through, recording each on the way (so reading stays streamed)."""
        for unit in units:
            self.record(unit)
            yield unit

    def context(self, finding: Finding) -> str:
        """What anchors a finding besides its rule and term: its unit id, else its line text."""
        if finding.unit is not None:
            return "unit:" + finding.unit
        return "line:" + self._lines.get((finding.path, finding.line), "")


def fingerprint(finding: Finding, context: str) -> str:
    """A stable hex digest for a finding (see the module docstring)."""
    fields = (finding.rule, finding.term_id or "", finding.found or "", finding.path, context)
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()[:32]


def fingerprints(findings: Iterable[Finding], index: LineIndex) -> dict[Finding, str]:
    return {f: fingerprint(f, index.context(f)) for f in findings}


def write_baseline(findings: Iterable[Finding], prints: dict[Finding, str], stream: IO[str]) -> int:
    """Write a reviewable baseline (no line numbers, sorted); returns the entry count."""
    entries = sorted(
        (
            {"fingerprint": prints[f], "path": f.path, "rule": f.rule,
             "term_id": f.term_id, "found": f.found}
            for f in findings
        ),
        key=lambda e: (e["path"] or "", e["rule"] or "", e["found"] or "", e["fingerprint"] or ""),
    )
    document = {"tool": "tmtool", "version": BASELINE_VERSION, "findings": entries}
    stream.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return len(entries)


def load_baseline(text: str, *, name: str) -> Counter[str]:
    """Fingerprint counts from a baseline file's text; a malformed file is an `InputError`."""
    try:
        document: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(name, exc.lineno, f"not a tmtool baseline (invalid JSON: {exc.msg})") from None
    if not isinstance(document, dict) or document.get("tool") != "tmtool":
        raise InputError(name, None, "not a tmtool baseline (write one with --write-baseline)")
    if document.get("version") != BASELINE_VERSION:
        raise InputError(name, None, f"baseline version {document.get('version')!r} is not supported")
    entries = document.get("findings")
    if not isinstance(entries, list):
        raise InputError(name, None, "not a tmtool baseline ('findings' must be a list)")
    counts: Counter[str] = Counter()
    for entry in entries:
        value = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(value, str):
            raise InputError(name, None, "not a tmtool baseline (an entry has no 'fingerprint')")
        counts[value] += 1
    return counts


def new_findings(
    findings: Iterable[Finding], prints: dict[Finding, str], baseline: Counter[str]
) -> tuple[list[Finding], int]:
    """(findings not covered by the baseline, how many were covered). Findings are taken in
    sorted order so which of several equal ones counts as new does not depend on reading order."""
    remaining = Counter(baseline)
    fresh: list[Finding] = []
    covered = 0
    for finding in sorted(findings, key=Finding.sort_key):
        key = prints[finding]
        if remaining[key] > 0:
            remaining[key] -= 1
            covered += 1
        else:
            fresh.append(finding)
    return fresh, covered
