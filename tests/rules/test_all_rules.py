"""The rule registry and engine options, and the whole rule set on the shipped sample:
clean as published, and finding seeded defects."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.rules import GLOSSARY, lint_en, where
from tmtool.errors import ConfigError
from tmtool.findings import Severity
from tmtool.glossary import load_glossary
from tmtool.glossary.model import Glossary
from tmtool.lint import engine
from tmtool.lint.engine import Linter, LintOptions, lint_units
from tmtool.lint.units import LintUnit, TextSide


def test_every_rule_has_documentation_and_a_default_severity() -> None:
    assert engine.rule_ids() == ("forbidden-variant", "historical-name", "inconsistent",
                                 "missing-term", "mixed-script", "near-miss", "translit",
                                 "wrong-case")
    for rule_id in engine.rule_ids():
        text = engine.explain(rule_id)
        assert text.startswith(f"{rule_id}: ")
        for part in ("What it flags:", "Why:", "Example:", "Instead:"):
            assert part in text
    assert engine.default_severities()["forbidden-variant"] is Severity.ERROR
    assert engine.default_severities()["translit"] is Severity.INFO


def test_unknown_rule_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule 'no-such-rule'"):
        engine.explain("no-such-rule")
    with pytest.raises(ConfigError):
        LintOptions(disabled=frozenset({"no-such-rule"})).active_rules()


def test_severity_override_and_disabled_rules() -> None:
    unit = LintUnit("a.md", TextSide("Kiev and kyiv", 1))
    options = LintOptions(disabled=frozenset({"wrong-case"}),
                          severities={"forbidden-variant": Severity.WARNING}, use_morphology=False)
    [finding] = lint_units([unit], GLOSSARY, options)
    assert (finding.rule, finding.severity) == ("forbidden-variant", Severity.WARNING)


def test_inline_ignore_suppresses_a_rule_or_all() -> None:
    text = TextSide("Kiev and kyiv", 1)
    one = LintUnit("a.md", text, ignored=frozenset({"forbidden-variant"}))
    every = LintUnit("a.md", text, ignored=frozenset({"*"}))
    assert [f.rule for f in lint_units([one], GLOSSARY, LintOptions(use_morphology=False))] == ["wrong-case"]
    assert lint_units([every], GLOSSARY, LintOptions(use_morphology=False)) == []


def test_findings_are_sorted_and_positions_follow_lines() -> None:
    findings = lint_en("First line.\nThen Kiev and Shevchenco.\n\nKiev")
    assert where(findings) == [("forbidden-variant", 2, 6), ("near-miss", 2, 15),
                               ("forbidden-variant", 4, 1)]


def test_linter_reports_the_missing_morphology_notice_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import tmtool.glossary.matcher as matcher_module

    monkeypatch.setattr(matcher_module.morphology, "analyzer", lambda: None)
    monkeypatch.setattr(matcher_module, "_CACHE", {})
    linter = Linter(GLOSSARY, LintOptions())
    assert len(linter.notices) == 1 and "tmtool[uk]" in linter.notices[0]
    assert Linter(GLOSSARY, LintOptions(use_morphology=False)).notices == ()


# The shipped sample: sources/interview.{uk,en}.md, paired paragraph by paragraph.

def shipped(project_dir: Path) -> tuple[Glossary, list[str], list[str]]:
    folder, sources = project_dir / "glossaries", project_dir / "sources"
    uk_path, en_path = sources / "interview.uk.md", sources / "interview.en.md"
    if not any(folder.glob("*.csv")) or not uk_path.exists() or not en_path.exists():
        pytest.skip("shipped glossaries or sample not present")
    split = re.compile(r"\n\s*\n")
    uk = [p for p in split.split(uk_path.read_text(encoding="utf-8")) if p.strip()]
    en = [p for p in split.split(en_path.read_text(encoding="utf-8")) if p.strip()]
    if len(uk) != len(en):
        pytest.skip("sample paragraphs do not pair one to one")
    return load_glossary([folder]), uk, en


def pairs(uk: list[str], en: list[str]) -> list[LintUnit]:
    return [LintUnit("sample", TextSide(e, i, 1, "en"), TextSide(u, i, 1, "uk"), str(i))
            for i, (u, e) in enumerate(zip(uk, en), 1)]


@pytest.mark.parametrize("use_morphology", [None, False])
def test_shipped_sample_lints_clean(project_dir: Path, use_morphology: bool | None) -> None:
    glossary, uk, en = shipped(project_dir)
    options = LintOptions(use_morphology=use_morphology)
    assert lint_units(pairs(uk, en), glossary, options) == []
    english = LintUnit("en.md", TextSide("\n\n".join(en), 1))
    assert lint_units([english], glossary, options) == []


def test_seeded_forbidden_and_missing_renderings_are_found(project_dir: Path) -> None:
    from tmtool.glossary.matcher import compile_glossary

    glossary, uk, en = shipped(project_dir)
    uk_matcher = compile_glossary(glossary).uk
    seeded = found = 0
    for entry in glossary.entries:
        for uk_text, en_text in zip(uk, en):
            mentioned = any(m.entry.term_id == entry.term_id for m in uk_matcher.find(uk_text))
            pattern = re.compile(rf"\b{re.escape(entry.en)}\b")
            if not mentioned or not pattern.search(en_text):
                continue
            seeds = [("missing-term", "the person in question")]
            if entry.en_forbidden:
                seeds.append(("forbidden-variant", entry.en_forbidden[0]))
            for rule, replacement in seeds:
                changed = pattern.sub(replacement, en_text)
                findings = lint_units(pairs([uk_text], [changed]), glossary, LintOptions())
                seeded += 1
                found += any(f.rule == rule and f.term_id == entry.term_id for f in findings)
            break
    assert seeded >= 10
    assert found / seeded >= 0.9
