"""pymorphy3 form generation (skipped without the extra) and the suffix-rule fallback."""
from __future__ import annotations

import pytest

from tmtool.glossary.declension import base_candidates, decline
from tmtool.lang import morphology

needs_morphology = pytest.mark.skipif(
    morphology.analyzer() is None, reason="pymorphy3 with pymorphy3-dicts-uk is not installed"
)


@needs_morphology
def test_self_lemma_forms_exclude_homonym_lexemes() -> None:
    forms = morphology.inflect("київ")
    assert forms is not None and "києві" in forms and "кий" not in forms


@needs_morphology
def test_adjectival_surname_keeps_its_gender() -> None:
    forms = morphology.inflect("зеленський")
    assert forms is not None and "зеленському" in forms and "зеленська" not in forms


@needs_morphology
def test_feminine_adjective_and_plural_noun_inflect_in_their_own_gender_and_number() -> None:
    verkhovna = morphology.inflect("верховна", "f")
    assert verkhovna is not None and "верховної" in verkhovna and "верховного" not in verkhovna
    hramoty = morphology.inflect("грамоти")
    assert hramoty is not None and "грамот" in hramoty and "грамота" not in hramoty


@needs_morphology
def test_unknown_name_is_left_to_the_rules() -> None:
    assert morphology.inflect("кайсенов") is None


@needs_morphology
def test_dependent_genitive_is_kept_as_is() -> None:
    assert morphology.inflect("закордонних") == frozenset({"закордонних"})


@needs_morphology
def test_name_lemmas() -> None:
    assert morphology.name_lemmas("Шевченка") == ("шевченко",)
    assert morphology.name_lemmas("Києві") == ("кий",)
    assert morphology.name_lemmas("столом") == ()


def test_inflect_without_analyzer_returns_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(morphology, "analyzer", lambda: None)
    morphology.inflect.cache_clear()
    assert morphology.inflect("київ") is None
    assert morphology.version() == ""
    morphology.inflect.cache_clear()


@pytest.mark.parametrize(("word", "forms"), [
    ("кайсенов", {"кайсенова", "кайсенову", "кайсеновим", "кайсенові"}),
    ("київ", {"києва", "києві", "києвом"}),
    ("харків", {"харкова", "харкові"}),
    ("тернопіль", {"тернополя", "тернополі"}),
    ("миколаїв", {"миколаєва", "миколаєві"}),
    ("зеленський", {"зеленського", "зеленському", "зеленським"}),
    ("кам'янське", {"кам'янського", "кам'янському"}),
    ("шевченко", {"шевченка", "шевченкові", "шевченком"}),
    ("астана", {"астани", "астані", "астану", "астаною"}),
    ("наталія", {"наталії", "наталію", "наталією"}),
    ("андрій", {"андрія", "андрієві", "андрієм"}),
    ("мангишлак", {"мангишлаку", "мангишлаці"}),
    ("посол", {"посла", "послу", "послом"}),
    ("черкаси", {"черкас", "черкасах"}),
])
def test_suffix_rules_generate_case_forms(word: str, forms: set[str]) -> None:
    assert forms <= decline(word)


def test_suffix_rules_respect_gender_of_adjectives() -> None:
    assert "зеленська" not in decline("зеленський")
    assert "білої" in decline("біла", "f")


@pytest.mark.parametrize(("inflected", "base"), [
    ("шевченка", "шевченко"), ("тарасюка", "тарасюк"), ("зеленського", "зеленський"),
    ("андрієві", "андрій"), ("наталією", "наталія"),
])
def test_base_candidates_include_the_nominative(inflected: str, base: str) -> None:
    assert base in base_candidates(inflected)
