"""Inflection-aware Ukrainian matching, with pymorphy3 and with the built-in suffix rules,
measured on an annotated set with distractors (tests/data/glossary/uk_annotated.tsv)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tmtool.glossary import load_glossary
from tmtool.glossary.matcher import compile_glossary
from tmtool.glossary.model import Glossary
from tmtool.glossary.uk_matcher import UkMatcher
from tmtool.lang import morphology

DATA = Path(__file__).parent / "data" / "glossary"
needs_morphology = pytest.mark.skipif(
    morphology.analyzer() is None, reason="pymorphy3 with pymorphy3-dicts-uk is not installed"
)
MODES = [pytest.param(True, marks=needs_morphology, id="pymorphy3"),
         pytest.param(False, id="suffix-rules")]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary([DATA / "annotated.csv"])


def annotated() -> list[tuple[str, set[str]]]:
    rows = []
    for line in (DATA / "uk_annotated.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        sentence, _, ids = line.partition("\t")
        rows.append((sentence, set(filter(None, ids.split(",")))))
    return rows


def precision_recall(matcher: UkMatcher) -> tuple[float, float]:
    tp = fp = fn = 0
    for sentence, expected in annotated():
        found = {match.entry.term_id for match in matcher.find(sentence)}
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
    return tp / (tp + fp), tp / (tp + fn)


@needs_morphology
def test_pymorphy3_generation_is_exact_on_the_annotated_set(glossary: Glossary) -> None:
    assert precision_recall(UkMatcher(glossary, True)) == (1.0, 1.0)


def test_suffix_rules_keep_precision_and_most_recall(glossary: Glossary) -> None:
    precision, recall = precision_recall(UkMatcher(glossary, False))
    assert precision == 1.0
    assert recall >= 0.95


def test_exact_base_forms_alone_miss_most_mentions(glossary: Glossary) -> None:
    from dataclasses import replace

    exact = Glossary(tuple(replace(e, uk_inflect="none") for e in glossary.entries))
    assert precision_recall(UkMatcher(exact, False))[1] < 0.5


@pytest.mark.parametrize("use_morphology", MODES)
@pytest.mark.parametrize(("text", "found"), [
    ("з Касимом Кайсеновим", "Касимом Кайсеновим"),
    ("у Кам’янському", "Кам’янському"),
    ("у Камʼянському", "Камʼянському"),
    ("у Кам`янському", "Кам`янському"),
    ("Кам'ян\u00adському", "Кам'ян\u00adському"),
    ("Президента Касима-Жомарта Токаєва", "Касима-Жомарта Токаєва"),
    ("Надзвичайному і Повноважному Послу", "Надзвичайному і Повноважному Послу"),
    ("у місті Актау", "Актау"),
])
def test_matches_inflected_forms_and_reports_original_span(
    glossary: Glossary, use_morphology: bool, text: str, found: str
) -> None:
    matcher = UkMatcher(glossary, use_morphology)
    from tmtool.lang.tokens import normalize_text

    normal = normalize_text(text)
    matches = matcher.find(text)
    assert len(matches) == 1
    match = matches[0]
    assert text[normal.origin(match.start):normal.origin(match.end)] == found


@pytest.mark.parametrize("use_morphology", MODES)
@pytest.mark.parametrize("text", ["взяв кий", "Кий, Щек і Хорив", "Миколай прийшов", "Олена Зеленська",
                                  "надзвичайний стан", "Київська область", "Тарасов"])
def test_distractors_do_not_match(glossary: Glossary, use_morphology: bool, text: str) -> None:
    assert UkMatcher(glossary, use_morphology).find(text) == []


def test_indeclinable_term_matches_only_its_form(glossary: Glossary) -> None:
    matcher = UkMatcher(glossary, False)
    assert matcher.find("в Актау") and not matcher.find("в Актауа")


def test_explicit_uk_forms_are_matched(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("id,type,uk,en,uk_forms,uk_inflect\n"
                    "t.day,term,День Незалежності,Independence Day,Дня Незалежності | Днем Незалежності,manual\n",
                    encoding="utf-8")
    matcher = UkMatcher(load_glossary([path]), False)
    assert [m.pattern.form for m in matcher.find("з Днем Незалежності")] == ["Днем Незалежності"]
    assert matcher.find("у Дню Незалежності") == []


def test_longest_match_wins(glossary: Glossary) -> None:
    matches = UkMatcher(glossary, False).find("Касима Кайсенова")
    assert [(m.entry.term_id, m.pattern.form) for m in matches] == [("person.qaysenov", "Касим Кайсенов")]


def test_compile_is_cached_by_fingerprint(glossary: Glossary) -> None:
    first = compile_glossary(glossary, use_morphology=False)
    again = compile_glossary(load_glossary([DATA / "annotated.csv"]), use_morphology=False)
    assert first is again


def test_notice_when_morphology_is_unavailable(
    glossary: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tmtool.glossary.matcher as matcher_module

    monkeypatch.setattr(matcher_module.morphology, "analyzer", lambda: None)
    monkeypatch.setattr(matcher_module, "_CACHE", {})
    compiled = compile_glossary(glossary)
    assert compiled.notices == (morphology.UNAVAILABLE_NOTICE,)
    assert not compiled.uses_morphology
    assert compiled.uk.find("з Кайсеновим")


@pytest.fixture(scope="module")
def place_glossary(tmp_path_factory: pytest.TempPathFactory) -> Glossary:
    path = tmp_path_factory.mktemp("glossary") / "places.csv"
    path.write_text(
        "id,type,uk,en,en_allowed,en_forbidden,en_historical,note\n"
        "place.bila_tserkva,place,Біла Церква,Bila Tserkva,,,,\n"
        "place.bilyi_kamin,place,Білий Камінь,Bilyi Kamin,,,,\n"
        "place.verkhnia_khortytsia,place,Верхня Хортиця,Verkhnia Khortytsia,,,,\n"
        "place.vinnytsia,place,Вінниця,Vinnytsia,,,,\n"
        "person.mykhailo,person,Михайло,Mykhailo,,,,\n"
        "person.oleh,person,Олег,Oleh,,,,\n"
        "person.mariia,person,Марія,Mariia,,,,\n"
        "person.franko,person,Франко,Franko,,,,\n"
        "term.ministry,term,міністерство,ministry,,,,\n"
        "place.kamianets,place,Кам'янець-Подільський,Kamianets-Podilskyi,,,,\n"
        "person.kravets,person,Кравець,Kravets,,,,\n"
        "term.community,term,територіальна громада,territorial community,,,,\n"
        "term.hryvnia,term,гривня,hryvnia,,,,\n",
        encoding="utf-8",
    )
    return load_glossary([path])


@pytest.mark.parametrize("use_morphology", MODES)
@pytest.mark.parametrize(("text", "term_id"), [
    ("зустріч у Білій Церкві", "place.bila_tserkva"),     # adjective before the noun
    ("над Білою Церквою", "place.bila_tserkva"),
    ("до Білого Каменя", "place.bilyi_kamin"),           # -лий adjective, і/е alternation
    ("на Верхній Хортиці", "place.verkhnia_khortytsia"),  # soft -ня adjective
    ("Віннице моя!", "place.vinnytsia"),                 # vocatives
    ("Пане Михайле, дякуємо!", "person.mykhailo"),
    ("Олеже, зачекай!", "person.oleh"),
    ("Маріє, ходи сюди.", "person.mariia"),
    ("у трьох міністерствах", "term.ministry"),           # plural
    ("до Кам'янця-Подільського", "place.kamianets"),      # fleeting е in -ець
    ("з паном Кравцем", "person.kravets"),
    ("бюджети територіальних громад", "term.community"),  # plural adjective + bare plural
    ("сто гривень", "term.hryvnia"),                      # -ня → -ень
])
def test_suffix_rules_cover_adjectives_vocatives_and_plurals(
    place_glossary: Glossary, use_morphology: bool, text: str, term_id: str
) -> None:
    assert [m.entry.term_id for m in UkMatcher(place_glossary, use_morphology).find(text)] == [
        term_id]


@pytest.mark.parametrize("use_morphology", MODES)
def test_a_name_in_o_does_not_match_its_bare_stem(place_glossary: Glossary, use_morphology: bool) -> None:
    assert UkMatcher(place_glossary, use_morphology).find("щоденник Анни Франк") == []
