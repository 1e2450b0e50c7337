"""Hand-made findings and context shared by the report tests (no engine needed)."""
from __future__ import annotations

from tmtool.findings import Finding, Severity
from tmtool.lint.baseline import fingerprint
from tmtool.report.context import ReportContext, RuleInfo, summarise

RULES = (
    RuleInfo("forbidden-variant", "A forbidden or deprecated rendering of a glossary term",
             Severity.ERROR, "forbidden-variant: ...\n\nWhat it flags: Kiev."),
    RuleInfo("near-miss", "A spelling close to an approved name", Severity.WARNING),
    RuleInfo("translit", "A name that differs from the national transliteration", Severity.INFO),
)

FINDINGS = [
    Finding("sources/interview.en.md", 12, 18, "forbidden-variant", Severity.ERROR,
            "'Kiev' is a forbidden rendering of place.kyiv; use 'Kyiv'",
            term_id="place.kyiv", found="Kiev", expected="Kyiv", end_column=22),
    Finding("sources/interview.en.md", 3, 1, "near-miss", Severity.WARNING,
            "'Qaysenoff' is close to 'Qaysenov' (person.qaysenov): 100% sure, check, fix",
            term_id="person.qaysenov", found="Qaysenoff", expected="Qaysenov", end_column=10),
    Finding("memory/uk-en.tmx", 40, 1, "translit", Severity.INFO,
            "'Shevchenco' | line\nbreak: KMU-55 gives 'Shevchenko'", unit="tu,57",
            term_id=None, found="Shevchenco", expected="Shevchenko"),
    Finding("memory/uk-en.tmx", 40, 1, "translit", Severity.INFO,
            "'Shevchenco' | line\nbreak: KMU-55 gives 'Shevchenko'", unit="tu,58",
            term_id=None, found="Shevchenco", expected="Shevchenko"),
    Finding("dir with space/файл.po", 7, 1, "custom-rule", Severity.WARNING,
            "a rule the registry does not describe <&>", unit="Київ"),
]
FILES = ("dir with space/файл.po", "memory/uk-en.tmx", "sources/clean.md", "sources/interview.en.md")


def context() -> ReportContext:
    prints = {f: fingerprint(f, f"unit:{f.unit}" if f.unit else "line:x") for f in FINDINGS}
    return ReportContext(
        rules=RULES, files=FILES, fingerprints=prints,
        summary=summarise(FINDINGS, files=len(FILES), units=9, suppressed=1, baselined=0),
        settings={"fail_on": "error", "glossaries": ["glossaries"]},
    )
