"""Each rule fires on its seeded defect and stays silent on the correct form, in every input
format: the same sentence pair is written as Markdown, text, TMX, PO, XLIFF 1.2 and 2.0."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

from tmtool.cli import cli

GLOSSARY = Path(__file__).parent / "data" / "lint" / "glossary.csv"

# rule -> (Ukrainian source, English with the defect, English done right)
CASES: dict[str, tuple[str, str, str]] = {
    "forbidden-variant": ("Він жив у Києві.", "He lived in Kiev.", "He lived in Kyiv."),
    "near-miss": ("Кайсенов написав книжку.", "Qaysenoff wrote a book.", "Qaysenov wrote a book."),
    "historical-name": ("Він працював у Кам'янському.", "He worked in Dniprodzerzhynsk.",
                        "He worked in Dniprodzerzhynsk (now Kamianske)."),
    "wrong-case": ("Він жив у Києві.", "He lived in kyiv.", "He lived in Kyiv."),
    "missing-term": ("Він жив у Києві.", "He lived in the capital.", "He lived in Kyiv."),
    "mixed-script": ("Він жив у Києві.", "He lived in Ky\u0456v.", "He lived in Kyiv."),
    "translit": ("Марія Приймаченко малювала звірів.", "Maria Prymachenko painted animals.",
                 "Mariia Pryimachenko painted animals."),
}
MONOLINGUAL_RULES = ("forbidden-variant", "near-miss", "historical-name", "wrong-case", "mixed-script")


def as_text(uk: str, en: str) -> str:
    return f"Intro line.\n\n{en}\n"


def as_tmx(uk: str, en: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" '
        'adminlang="en" srclang="uk-UA" datatype="plaintext"/>\n<body>\n'
        f'<tu tuid="a"><tuv xml:lang="uk-UA"><seg>{escape(uk)}</seg></tuv>\n'
        f'<tuv xml:lang="en-GB"><seg>{escape(en)}</seg></tuv></tu>\n</body>\n</tmx>\n'
    )


def as_po(uk: str, en: str) -> str:
    return (f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            f'"Language: en_GB\\n"\n\nmsgid "{uk}"\nmsgstr "{en}"\n')


def as_xliff12(uk: str, en: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="a" source-language="uk-UA" target-language="en-GB" datatype="plaintext"><body>\n'
        f'<trans-unit id="a"><source>{escape(uk)}</source>\n<target>{escape(en)}</target></trans-unit>\n'
        '</body></file></xliff>\n'
    )


def as_xliff2(uk: str, en: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="uk-UA" trgLang="en-GB">\n'
        f'<file id="f"><unit id="a"><segment><source>{escape(uk)}</source>\n'
        f'<target>{escape(en)}</target></segment></unit></file></xliff>\n'
    )


WRITERS: dict[str, tuple[Callable[[str, str], str], bool]] = {
    "md": (as_text, False), "txt": (as_text, False), "tmx": (as_tmx, True), "po": (as_po, True),
    "xlf": (as_xliff12, True), "xliff": (as_xliff2, True),
}
MATRIX = [(rule, suffix) for rule in CASES for suffix, (_, bilingual) in WRITERS.items()
          if bilingual or rule in MONOLINGUAL_RULES]


def rules_found(tmp_path: Path, suffix: str, uk: str, en: str) -> list[str]:
    path = tmp_path / f"case.{suffix}"
    path.write_text(WRITERS[suffix][0](uk, en), encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", str(path), "--glossary", str(GLOSSARY),
                                      "--format", "json", "--fail-on", "info"])
    assert result.exit_code in (0, 1), result.output
    return [f["rule"] for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize(("rule", "suffix"), MATRIX)
def test_rule_fires_on_seeded_defect(tmp_path: Path, rule: str, suffix: str) -> None:
    uk, wrong, _ = CASES[rule]
    assert rule in rules_found(tmp_path, suffix, uk, wrong)


@pytest.mark.parametrize(("rule", "suffix"), MATRIX)
def test_rule_is_silent_on_the_correct_form(tmp_path: Path, rule: str, suffix: str) -> None:
    uk, _, right = CASES[rule]
    assert rules_found(tmp_path, suffix, uk, right) == []
