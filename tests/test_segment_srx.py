"""SRX 2.0 reading and the rule engine: order, exceptions, cascade, language maps, errors."""
from __future__ import annotations

from pathlib import Path

import pytest

from tmtool.errors import InputError
from tmtool.segment import load_rules, shipped_srx, split_sentences
from tmtool.segment.breaks import java_to_python
from tmtool.segment.srx import read_srx

DATA = Path(__file__).parent / "data" / "segment"


def srx(body: str, *, cascade: str = "yes", maps: str = "") -> bytes:
    maps = maps or '<languagemap languagepattern=".*" languagerulename="all"/>'
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="{cascade}"/>
  <body>
    <languagerules>
{body}
    </languagerules>
    <maprules>{maps}</maprules>
  </body>
</srx>""".encode()


BREAK_AFTER_STOP = """<rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>"""
NO_BREAK_AFTER_DR = """<rule break="no"><beforebreak>\\bDr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>"""


def test_exception_before_the_break_rule_wins() -> None:
    rules = read_srx(srx(f'<languagerule languagerulename="all">{NO_BREAK_AFTER_DR}{BREAK_AFTER_STOP}</languagerule>'), name="x.srx")
    assert split_sentences("Dr. Who. Yes.", "en", rules) == ["Dr. Who.", "Yes."]


def test_exception_after_the_break_rule_is_too_late() -> None:
    rules = read_srx(srx(f'<languagerule languagerulename="all">{BREAK_AFTER_STOP}{NO_BREAK_AFTER_DR}</languagerule>'), name="x.srx")
    assert split_sentences("Dr. Who. Yes.", "en", rules) == ["Dr.", "Who.", "Yes."]


def test_empty_afterbreak_matches_anywhere() -> None:
    rules = read_srx(srx('<languagerule languagerulename="all"><rule><beforebreak>;</beforebreak></rule></languagerule>'), name="x.srx")
    assert split_sentences("a;b;c", "en", rules) == ["a;", "b;", "c"]


CASCADE_BODY = f"""
<languagerule languagerulename="english">{NO_BREAK_AFTER_DR}</languagerule>
<languagerule languagerulename="all">{BREAK_AFTER_STOP}</languagerule>"""
CASCADE_MAPS = """<languagemap languagepattern="en.*" languagerulename="english"/>
<languagemap languagepattern=".*" languagerulename="all"/>"""


def test_cascade_applies_every_matching_map_in_order() -> None:
    rules = read_srx(srx(CASCADE_BODY, maps=CASCADE_MAPS), name="x.srx")
    assert rules.cascade
    assert split_sentences("Dr. Who. Yes.", "en-GB", rules) == ["Dr. Who.", "Yes."]
    assert split_sentences("Dr. Who. Yes.", "uk", rules) == ["Dr.", "Who.", "Yes."]


def test_without_cascade_only_the_first_matching_map_applies() -> None:
    rules = read_srx(srx(CASCADE_BODY, maps=CASCADE_MAPS, cascade="no"), name="x.srx")
    assert split_sentences("Dr. Who. Yes.", "en", rules) == ["Dr. Who. Yes."]
    assert split_sentences("Dr. Who. Yes.", "uk", rules) == ["Dr.", "Who.", "Yes."]


def test_language_without_a_map_is_not_split() -> None:
    maps = '<languagemap languagepattern="EN.*" languagerulename="all"/>'
    rules = read_srx(srx(f'<languagerule languagerulename="all">{BREAK_AFTER_STOP}</languagerule>', maps=maps), name="x.srx")
    assert split_sentences("A. B.", "en", rules) == ["A.", "B."]  # patterns ignore case
    assert split_sentences("A. B.", "uk", rules) == ["A. B."]


@pytest.mark.parametrize(
    ("java", "python"),
    [
        (r"\Qe.g.\E", r"e\.g\."),
        (r"\p{javaLowerCase}+", r"\p{Ll}+"),
        (r"(?i)dr\.", r"(?i:dr\.)"),
        (r"(?iu)dr\.", r"(?i:dr\.)"),
        (r"\p{Lu}", r"\p{Lu}"),
    ],
)
def test_java_regex_features_are_translated(java: str, python: str) -> None:
    assert java_to_python(java) == python


def test_java_case_insensitive_flag_works_inside_a_rule() -> None:
    rule = '<rule break="no"><beforebreak>(?i)\\bdr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>'
    rules = read_srx(srx(f'<languagerule languagerulename="all">{rule}{BREAK_AFTER_STOP}</languagerule>'), name="x.srx")
    assert split_sentences("DR. Who. Yes.", "en", rules) == ["DR. Who.", "Yes."]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<srx><body>", "x.srx:1: not well-formed XML: "),
        (b"<tmx/>", "x.srx:1: not an SRX file (root element <tmx>)"),
        (b"<srx><header/></srx>", "x.srx:1: SRX file has no <body>"),
        (srx('<languagerule languagerulename="all"><rule break="maybe"/></languagerule>'),
         'x.srx:6: <rule break="maybe">: must be "yes" or "no"'),
        (srx("<languagerule><rule/></languagerule>"), "x.srx:6: <languagerule> without languagerulename"),
        (srx('<languagerule languagerulename="all"/>', maps='<languagemap languagepattern=".*" languagerulename="none"/>'),
         "x.srx:8: <languagemap> names unknown rule set 'none'"),
    ],
)
def test_bad_srx_is_an_input_error_with_file_and_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_srx(data, name="x.srx")
    assert str(caught.value).startswith(message)


def test_bad_rule_regex_names_the_rule_line() -> None:
    with pytest.raises(InputError) as caught:
        load_rules(str(DATA / "bad-regex.srx"))
    assert str(caught.value).startswith(f"{DATA / 'bad-regex.srx'}:9: bad rule regex: ")


def test_missing_rule_file_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no such file"):
        load_rules(str(DATA / "absent.srx"))


def test_shipped_rules_are_valid_srx_2_with_a_map_for_each_language(tmp_path: Path) -> None:
    path = tmp_path / "tmtool.srx"
    path.write_bytes(shipped_srx())
    rules = load_rules(str(path))
    assert rules.cascade
    names = [entry.rule_name for entry in rules.maps]
    assert names == ["tmtool Ukrainian", "tmtool English", "tmtool common"]
    assert b'xmlns="http://www.lisa.org/srx20"' in shipped_srx()


def test_reloaded_shipped_rules_segment_like_the_built_in_ones(tmp_path: Path) -> None:
    from tests.test_segment_rules import EN_CASES, UK_CASES

    path = tmp_path / "tmtool.srx"
    path.write_bytes(shipped_srx())
    reloaded = load_rules(str(path))
    for lang, cases in (("uk", UK_CASES), ("en", EN_CASES)):
        for text, _ in cases:
            assert split_sentences(text, lang, reloaded) == split_sentences(text, lang)


def test_rules_with_back_references_keep_their_meaning_beside_other_rules() -> None:
    double_letter = '<rule break="no"><beforebreak>(\\w)\\1\\.</beforebreak><afterbreak>\\s</afterbreak></rule>'
    body = f'<languagerule languagerulename="all">{NO_BREAK_AFTER_DR}{double_letter}{BREAK_AFTER_STOP}</languagerule>'
    rules = read_srx(srx(body), name="x.srx")
    assert split_sentences("Dr. Who. Mee. Yes. Ok.", "en", rules) == ["Dr. Who.", "Mee. Yes.", "Ok."]


def test_exported_rules_segment_the_same_in_java_regex(tmp_path: Path) -> None:
    """Oracle: java.util.regex (OmegaT's and Okapi's engine) applies the shipped rules to
    the rule-table cases and must split them exactly as tmtool does."""
    import shutil
    import subprocess

    from tests.test_segment_rules import EN_CASES, UK_CASES

    if shutil.which("java") is None or shutil.which("javac") is None:
        pytest.skip("a JDK (java and javac) is not installed")
    rules = load_rules()
    args: list[str] = []
    expected: list[str] = []
    for lang, cases in (("uk", UK_CASES), ("en", EN_CASES)):
        rule_file, text_file = tmp_path / f"{lang}.rules", tmp_path / f"{lang}.txt"
        rule_file.write_text(
            "".join(f"{'yes' if r.is_break else 'no'}\t{r.before}\t{r.after}\n" for r in rules.rules_for(lang)),
            encoding="utf-8",
        )
        text_file.write_text("".join(text + "\n" for text, _ in cases), encoding="utf-8")
        args += [str(rule_file), str(text_file)]
        expected += [" | ".join(split_sentences(text, lang)) for text, _ in cases]
    completed = subprocess.run(
        ["java", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", str(DATA / "SrxCheck.java"), *args],
        capture_output=True, check=False, timeout=120,
    )
    assert completed.returncode == 0, completed.stderr.decode("utf-8", "replace")[-2000:]
    assert completed.stdout.decode("utf-8").splitlines() == expected
