"""translit rule table: Ukrainian names outside the glossary, romanized off-standard."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules import lint_en, lint_pair, options, pair, where
from tmtool.findings import Severity
from tmtool.glossary import load_glossary
from tmtool.lang import morphology
from tmtool.lint.engine import lint_units

RULE = "translit"
MODES = [pytest.param(True, id="pymorphy3", marks=pytest.mark.skipif(
    morphology.analyzer() is None, reason="pymorphy3 not installed")),
    pytest.param(False, id="suffix-rules")]


@pytest.mark.parametrize("use_morphology", MODES)
@pytest.mark.parametrize(("uk", "en", "expected"), [
    ("Міністр Борис Тарасюк прибув.", "Minister Borys Tarasiuk arrived.", []),
    ("Міністр Борис Тарасюк прибув.", "Minister Borys Tarasyuk arrived.", [(RULE, 11, 20)]),
    ("Ми зустріли Андрія Коваленка.", "We met Andrii Kovalenko.", []),
    ("Ми зустріли Андрія Коваленка.", "We met Andriy Kovalenko.", [(RULE, 11, 12)]),
    ("Вірш Тараса Шевченка", "A poem by Taras Shevchenko", []),      # in the glossary
    ("Зустріч із Володимиром Зеленським", "Meeting Volodymyr Zelenskyy", []),  # glossary wins
    ("Ми зустріли Андрія Коваленка.", "We met the mayor.", []),        # no rendering to judge
])
def test_bilingual(use_morphology: bool, uk: str, en: str, expected: list[tuple[str, int, int]]) -> None:
    assert where(lint_pair(uk, en, RULE, use_morphology=use_morphology)) == expected


def test_suggestion_is_the_standard_form() -> None:
    [finding] = lint_pair("Міністр Борис Тарасюк прибув.", "Minister Borys Tarasyuk arrived.", RULE)
    assert (finding.found, finding.expected) == ("Tarasyuk", "Tarasiuk")
    assert finding.message == (
        "'Tarasyuk' romanizes «Тарасюк» by another system than KMU-55, which gives 'Tarasiuk' "
        "(KMU-55 is for Ukrainian names: if this one is Kazakh or otherwise foreign, or "
        "'Tarasyuk' is its own or established English spelling, add it to the glossary)")


def test_monolingual_text_is_never_checked() -> None:
    assert lint_en("Minister Borys Tarasyuk arrived.", RULE) == []


@pytest.mark.parametrize("use_morphology", MODES)
def test_place_names_are_checked_too(use_morphology: bool) -> None:
    findings = lint_pair("Ми приїхали до Запоріжжя.", "We came to Zaporizhzhya.", RULE,
                         use_morphology=use_morphology)
    assert [(f.found, f.expected) for f in findings] == [("Zaporizhzhya", "Zaporizhzhia")]
    assert lint_pair("Ми приїхали до Запоріжжя.", "We came to Zaporizhzhia.", RULE,
                     use_morphology=use_morphology) == []


# --- where it must fire, and where it must not (issue 8 item 9) --------------------------
# Each row: Ukrainian, its English, the (found, suggested) pairs. Real names and real
# renderings: official English of speeches and catalogues, news usage.
ROMANIZED_OTHERWISE = [
    # BGN/PCGN 1965 glides and endings, passport habits: romanizations of the Ukrainian
    # spelling, so the KMU-55 form is suggested.
    ("Ми зустріли Сергія Марченка.", "We met Serhiy Marchenko.", [("Serhiy", "Serhii")]),
    ("Доповідала Юлія Свириденко.", "The speaker was Yuliya Svyrydenko.",
     [("Yuliya", "Yuliia")]),
    ("Виступила депутатка Наталія Ковальчук.", "MP Nataliya Kovalchuk spoke.",
     [("Nataliya", "Nataliia")]),
    ("Картину намалювала Марія Приймаченко.", "The picture was painted by Maria Prymachenko.",
     [("Prymachenko", "Pryimachenko")]),
    ("Зустріч відбулася в Хмельницькому.", "The meeting took place in Khmelnytskiy.",
     [("Khmelnytskiy", "Khmelnytskyi")]),
    ("Ми приїхали до Запоріжжя.", "We came to Zaporizhzhya.",
     [("Zaporizhzhya", "Zaporizhzhia")]),
    # A Kazakh name romanized from its Ukrainian spelling: flagged while no glossary entry
    # says that Nazarbayev is the established spelling (the shipped one does, see below).
    ("Президент Казахстану Нурсултан Назарбаєв приїхав.",
     "Kazakhstan's President Nursultan Nazarbayev arrived.", [("Nazarbayev", "Nazarbaiev")]),
    # An established English name: at most a note (the rule is info only).
    ("Літак «Мрія» знищили у 2022 році.", "The Mriya aircraft was destroyed in 2022.",
     [("Mriya", "Mriia")]),
]
NOT_ROMANIZATIONS = [
    # Foreign names and exonyms written back from their Ukrainian form.
    ("Стала Больцмана описує це.", "The Boltzmann constant describes it."),
    ("Це столиця Канади.", "This is the capital of Canada."),
    ("Він виступив у Кнесеті.", "He spoke in the Knesset."),
    ("Прем'єр-міністр Ізраїлю Нафталі Беннет сказав це.",
     "Israeli Prime Minister Naftali Bennett said it."),
    ("Президент Франції Емманюель Макрон прибув.", "French President Emmanuel Macron arrived."),
    ("Канцлер Німеччини Олаф Шольц прибув.", "German Chancellor Olaf Scholz arrived."),
    ("Саміт відбувся в Мадриді.", "The summit was held in Madrid."),
    ("Зустріч з Ангелою Меркель тривала годину.", "The meeting with Angela Merkel lasted an hour."),
    ("Президент Туреччини Реджеп Ердоган заявив це.", "Turkish President Recep Erdogan said it."),
    ("Делегація була в Ризі.", "The delegation was in Riga."),
    ("Голова партії Ярослав Качинський заявив це.", "Party leader Jarosław Kaczyński said it."),
    ("Президент Польщі Кароль Навроцький прибув.", "Polish President Karol Nawrocki arrived."),
    ("Звучав Йоганн Себастьян Бах.", "The music was by Johann Sebastian Bach."),
    # Russian-derived forms: other names, not other romanizations (glossary en_forbidden).
    ("Ми жили в Харкові.", "We lived in Kharkov."),
    ("Ми приїхали до Житомира.", "We came to Zhitomir."),
    ("Ми говорили з Олегом і Ігорем.", "We talked to Oleg and Igor."),
    # The standard itself, and spellings the glossary approves (Zelenskyy, Tokayev).
    ("Ми говорили з Олегом і Ігорем.", "We talked to Oleh and Ihor."),
    ("Він народився в Тернополі.", "He was born in Ternopil."),
    ("Зустріч із Володимиром Зеленським", "Meeting Volodymyr Zelenskyy"),
    ("Зустріч із Касимом-Жомартом Токаєвим", "Meeting Kassym-Jomart Tokayev"),
]


@pytest.mark.parametrize("use_morphology", MODES)
@pytest.mark.parametrize(("uk", "en", "expected"), ROMANIZED_OTHERWISE)
def test_a_romanization_by_another_system_gets_the_standard_as_a_note(
        use_morphology: bool, uk: str, en: str, expected: list[tuple[str, str]]) -> None:
    findings = lint_pair(uk, en, RULE, use_morphology=use_morphology)
    assert [(f.found, f.expected) for f in findings] == expected
    assert all(f.severity is Severity.INFO for f in findings)


@pytest.mark.parametrize("use_morphology", MODES)
@pytest.mark.parametrize(("uk", "en"), NOT_ROMANIZATIONS)
def test_foreign_names_exonyms_and_russian_forms_are_never_flagged(
        use_morphology: bool, uk: str, en: str) -> None:
    assert lint_pair(uk, en, RULE, use_morphology=use_morphology) == []


def test_the_shipped_glossary_keeps_established_spellings_unflagged(project_dir: Path) -> None:
    glossary = load_glossary([project_dir / "glossaries"])
    unit = pair("Президент Казахстану Нурсултан Назарбаєв приїхав.",
                "Kazakhstan's President Nursultan Nazarbayev arrived.")
    assert lint_units([unit], glossary, options(RULE)) == []


@pytest.mark.skipif(morphology.analyzer() is None, reason="pymorphy3 not installed")
@pytest.mark.parametrize(("uk", "en", "expected"), [
    # A Ukrainian sentence (and its English) often opens with the name: the dictionary says
    # "Андрій" is a first name, so the capital opening the sentence is no reason to skip it.
    ("Андрій Шевченко забив гол у фіналі.", "Andriy Shevchenko scored a goal in the final.",
     [("Andriy", "Andrii")]),
    ("Віталій Кличко є мером міста.", "Vitali Klitschko is the mayor of the city.", [("Vitali", "Vitalii")]),
    ("Вчора виступив Андрій Коваленко.", "Andriy Kovalenko spoke yesterday.", [("Andriy", "Andrii")]),
    ("Андрій Коваленко виступив.", "Andrii Kovalenko spoke.", []),
    # Common nouns opening a sentence are still skipped, whatever the English says.
    ("Компонент Suspense показує запасний інтерфейс.", "The Suspense component shows a fallback.", []),
    ("Формула Больцмана описує ентропію.", "The Boltzmann formula describes entropy.", []),
])
def test_names_opening_a_sentence_are_checked_when_the_dictionary_knows_them(
    uk: str, en: str, expected: list[tuple[str, str]],
) -> None:
    findings = lint_pair(uk, en, RULE, use_morphology=True)
    assert [(f.found, f.expected) for f in findings] == expected


def test_without_the_dictionary_a_sentence_opening_word_is_not_taken_for_a_name() -> None:
    assert lint_pair("Андрій Шевченко забив гол.", "Andriy Shevchenko scored a goal.", RULE,
                     use_morphology=False) == []
