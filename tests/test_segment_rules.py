"""tmtool's own SRX rules: one table of Ukrainian and one of English segmentation cases."""
from __future__ import annotations

import pytest

from tmtool.segment import split_sentences

UK_CASES: list[tuple[str, list[str]]] = [
    # initials, years, villages, references, units, titles, quotes (the interop-notes paragraph)
    (
        ("Т. Г. Шевченко народився 1814 р. у с. Моринці. Див. табл. 2 на с. 15. "
        "Ціна зросла до 5 тис. грн. за тонну. Проф. Іваненко, акад. НАН України, "
        "виступив на конференції. Він сказав: «Це важливо!» Потім пішов."),
        [
            "Т. Г. Шевченко народився 1814 р. у с. Моринці.",
            "Див. табл. 2 на с. 15.",
            "Ціна зросла до 5 тис. грн. за тонну.",
            "Проф. Іваненко, акад. НАН України, виступив на конференції.",
            "Він сказав: «Це важливо!»",
            "Потім пішов.",
        ],
    ),
    ("Т.Г. Шевченко жив у м. Київ. Потім переїхав.", ["Т.Г. Шевченко жив у м. Київ.", "Потім переїхав."]),
    ("Університет ім. Т. Шевченка розташований на вул. Володимирській.", None),
    ("Офіс у Київській обл. Доц. Петренко приймає щодня.", None),
    ("Адреса: вул. Хрещатик, буд. 5, кв. 12. Телефон: тел. 044 123 45 67. Далі.",
     ["Адреса: вул. Хрещатик, буд. 5, кв. 12.", "Телефон: тел. 044 123 45 67.", "Далі."]),
    ("Див. стор. 15 і вип. 3. Також арк. 7.", ["Див. стор. 15 і вип. 3.", "Також арк. 7."]),
    ("Це т. зв. Київська Русь. Вона велика.", ["Це т. зв. Київська Русь.", "Вона велика."]),
    ("Яблука, груші і т. д. Потім прийшла зима.", ["Яблука, груші і т. д.", "Потім прийшла зима."]),
    ("Яблука, груші і т. п. та інше.", None),
    ("Столи, стільці та ін. Усе продано.", ["Столи, стільці та ін.", "Усе продано."]),
    ("Напр. Київ або Львів.", None),
    ("У 24 серпня 1991 р. Верховна Рада ухвалила Акт.", None),
    ("Це сталося у 988 р. н. е. Тоді Русь прийняла хрещення.",
     ["Це сталося у 988 р. н. е.", "Тоді Русь прийняла хрещення."]),
    ("Будівля XVI ст. Добре збережена.", None),
    # the price of keeping dates whole: a sentence ending in "р." runs into the next one
    ("Він народився 1814 р. Його батько був кріпаком.", None),
    ("Пливли по р. Дніпро.", None),
    ("У 1941–1945 рр. Україна зазнала втрат.", None),
    ("Населення — 3,5 млн осіб. Площа — 839 км².", ["Населення — 3,5 млн осіб.", "Площа — 839 км²."]),
    ("Обсяг — 2 млрд грн. Це рекорд.", ["Обсяг — 2 млрд грн.", "Це рекорд."]),
    ("Договір підписано 23.07.2025 у Києві. Він чинний.", ["Договір підписано 23.07.2025 у Києві.", "Він чинний."]),
    ("Курс зріс на 3.5 відсотка. Це багато.", ["Курс зріс на 3.5 відсотка.", "Це багато."]),
    ("Він чекав... і дочекався.", None),
    ("Він чекав… і дочекався.", None),
    ("Він чекав... Ніхто не прийшов.", ["Він чекав...", "Ніхто не прийшов."]),
    ("Він чекав… Ніхто не прийшов.", ["Він чекав…", "Ніхто не прийшов."]),
    ("Невже?! Так, це правда.", ["Невже?!", "Так, це правда."]),
    ("«Чому?» — запитав він.", None),
    ("— Так, — сказав він. — Ходімо.", ["— Так, — сказав він.", "— Ходімо."]),
    ("Він сказав: „Добре.“ Потім пішов.", ["Він сказав: „Добре.“", "Потім пішов."]),
    ("Він пішов (і не повернувся). Ми чекали.", ["Він пішов (і не повернувся).", "Ми чекали."]),
    ("Він пішов. (Ми чекали.) Потім знову.", ["Він пішов.", "(Ми чекали.)", "Потім знову."]),
    ("Він (о диво!) прийшов.", None),
    ("1. Загальні положення", None),
    ("У 2014 р. 15 людей прийшли.", None),
    ("Ми зустрілися о. Хортиця гарна.", None),
    # numbered labels open what they label (headings of steps, parts)
    ("Крок 1. Встановіть бібліотеку перевірки", None),
    ("Частина IV. Висновки", None),
    ("Готово. Крок 2. Запустіть сервер. Далі.", ["Готово.", "Крок 2. Запустіть сервер.", "Далі."]),
    # brackets opened mid-sentence: ! ? . inside end the bracket, not the sentence
    ("Перезапустіть (якщо потрібно!) VS Code і спробуйте знову.", None),
    ("Бібліотека (вона безкоштовна! Спробуйте її) працює швидко.", None),
    ("Запустіть її ще раз (якщо потрібно!) перед комітом. Готово.",
     ["Запустіть її ще раз (якщо потрібно!) перед комітом.", "Готово."]),
    # places, editors, translators, dates of a life
    ("Ми піднялися на г. Говерла. Потім на оз. Несамовите.", ["Ми піднялися на г. Говерла.", "Потім на оз. Несамовите."]),
    ("Мітинг на майд. Незалежності. Потім на наб. Дніпровській.",
     ["Мітинг на майд. Незалежності.", "Потім на наб. Дніпровській."]),
    ("Збірник за ред. І. Франка вийшов у Львові.", None),
    ("Іван Франко (нар. 1856 р.) писав вірші.", None),
    ("Лист Франка, нар. 1856 р. у Нагуєвичах, зберігся.", None),
]

EN_CASES: list[tuple[str, list[str]]] = [
    (
        ("Dr. Smith met Mr. J. R. Brown at 5 p.m. on Jan. 3. See Fig. 2, e.g. the U.S. results. "
        "The price is approx. 10 USD. He left."),
        [
            "Dr. Smith met Mr. J. R. Brown at 5 p.m. on Jan. 3.",
            "See Fig. 2, e.g. the U.S. results.",
            "The price is approx. 10 USD.",
            "He left.",
        ],
    ),
    ("J. R. R. Tolkien wrote it. Mrs. Dalloway did not.", ["J. R. R. Tolkien wrote it.", "Mrs. Dalloway did not."]),
    ("Ms. Lee and Prof. Adams met at St. Paul's. Mt. Everest is high.",
     ["Ms. Lee and Prof. Adams met at St. Paul's.", "Mt. Everest is high."]),
    ("We bought apples, pears, etc. Then we left.", ["We bought apples, pears, etc.", "Then we left."]),
    ("We bought apples, pears, etc. and went home.", None),
    ("Fruit, i.e. Apples, is good.", None),
    ("Team A vs. Team B ended 2:1.", None),
    ("It is in the U.S. The U.K. agrees.", ["It is in the U.S. The U.K. agrees."]),
    ("So did I. Then we left.", ["So did I.", "Then we left."]),
    ("See No. 5 on p. 10 and pp. 12-14.", None),
    ("It cost $3.50 on 23.07.2025. Prices rose.", ["It cost $3.50 on 23.07.2025.", "Prices rose."]),
    ("He was born in 1814. His father was a serf.", ["He was born in 1814.", "His father was a serf."]),
    ("He waited... and waited.", None),
    ("He waited... Nobody came.", ["He waited...", "Nobody came."]),
    ('He said, "It matters!" Then he left.', ['He said, "It matters!"', "Then he left."]),
    ("He said, “Stop.” She stopped.", ["He said, “Stop.”", "She stopped."]),
    ("‘Really?’ she asked.", None),
    ('"Why?" he asked.', None),
    ("Really?! Yes.", ["Really?!", "Yes."]),
    ("He left (quietly). We stayed.", ["He left (quietly).", "We stayed."]),
    ("He left. (We stayed.) Then rain.", ["He left.", "(We stayed.)", "Then rain."]),
    ("Smith et al. found it.", None),
    ("It rained. 2025 was wet.", ["It rained.", "2025 was wet."]),
    ("Version 2.0 is out. Try it.", ["Version 2.0 is out.", "Try it."]),
    ("Visit example.com. It is free.", ["Visit example.com.", "It is free."]),
    ("The meeting is at 10 a.m. Bring coffee.", ["The meeting is at 10 a.m.", "Bring coffee."]),
    # numbered labels open what they label (headings of steps, parts)
    ("Step 1. Install the validation library", None),
    ("Part IV. Conclusions", None),
    ("Done. Step 2. Describe the rules. Next.", ["Done.", "Step 2. Describe the rules.", "Next."]),
    # brackets opened mid-sentence: ! ? . inside end the bracket, not the sentence
    ("Restart (if needed!) VS Code and run it again.", None),
    ("The tool (it is free! Try it) works well.", None),
    ("Run it again (if needed!) before you commit. Done.", ["Run it again (if needed!) before you commit.", "Done."]),
    ("Robert Zimmerman, a.k.a. Bob Dylan, sang.", None),
    ("The book, eds. J. Smith and K. Lee, is new.", None),
]


@pytest.mark.parametrize(("text", "expected"), UK_CASES)
def test_ukrainian_rules_split_sentences_as_a_reader_would(text: str, expected: list[str] | None) -> None:
    assert split_sentences(text, "uk") == (expected if expected is not None else [text])


@pytest.mark.parametrize(("text", "expected"), EN_CASES)
def test_english_rules_split_sentences_as_a_reader_would(text: str, expected: list[str] | None) -> None:
    assert split_sentences(text, "en") == (expected if expected is not None else [text])


def test_region_subtag_selects_the_language_rules() -> None:
    text = "Dr. Watson arrived."
    assert split_sentences(text, "en-GB") == split_sentences(text, "en") == [text]
    assert split_sentences("Ст. 5. Далі.", "uk-UA") == split_sentences("Ст. 5. Далі.", "uk")


def test_other_languages_get_only_the_common_rules() -> None:
    assert split_sentences("Dr. Watson arrived. He sat.", "de") == ["Dr.", "Watson arrived.", "He sat."]


def test_a_lower_case_word_after_a_full_stop_never_starts_a_sentence() -> None:
    assert split_sentences("Abbrev. continues here. Next one.", "de") == ["Abbrev. continues here.", "Next one."]
