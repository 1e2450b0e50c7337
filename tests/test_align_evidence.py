"""Evidence keys, links (identity, names, cognates, glossary, learned) and the length model."""
from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from tmtool.align.evidence import Side, _fold, cognate_links, learn_links, name_links, segment_keys
from tmtool.align.lengths import LengthModel, estimate_length_model, initial_length_model
from tmtool.align.pipeline import glossary_links


@pytest.mark.parametrize(("text", "expected"), [
    ("400,000 people", "#400000"),
    ("1 000", "#1"),
    ("$411.8 million", "#411.8"),
    ("411,8 млн", "#411.8"),
    ("In 2025.", "#2025"),
])
def test_numbers_have_one_key_whatever_their_separators(text: str, expected: str) -> None:
    assert expected in segment_keys(text)[0]


def test_keys_are_word_prefixes_marks_and_names_after_the_first_word() -> None:
    keys, names = segment_keys("Чи знав Тарас Шевченко «Пісню»?")
    assert keys == ["wчи", "wзнав", "wтарас", "wшевче", "pq", "wпісню", "pq", "p?"]
    assert names == ["Тарас", "Шевченко", "Пісню"]


def test_names_match_through_transliteration() -> None:
    links = name_links(["Зеленському", "Барлибаєв", "Києві"], ["Zelenskyy", "Barlybayev", "Kyiv", "London"])
    assert ("wзелен", "wzelen") in links
    assert ("wбарли", "wbarly") in links
    assert not any(b == "wlondo" for _, b in links)


def test_cognates_match_international_words_only() -> None:
    links = cognate_links(["політичну", "модернізацію", "культури", "країною"],
                          ["political", "modernisation", "culture", "country", "crane"])
    assert links == {("wполіт", "wpolit"), ("wмодер", "wmoder"), ("wкульт", "wcultu")}


def test_glossary_pairs_link_every_word_of_both_forms() -> None:
    links = glossary_links([(("Вірчі грамоти", "Вірчих грамот"), ("credentials",))])
    assert links == {("wвірчі", "wcrede"), ("wвірчи", "wcrede"), ("wграмо", "wcrede")}


def test_learned_links_need_repeated_co_occurrence() -> None:
    pairs = [(["wмісто", f"wx{k}"], ["wcity", f"wy{k}"]) for k in range(12)]
    pairs += [(["wріка"], ["wriver"]), (["wріка"], ["wriver"])] + [(["wліс"], ["wwood"])]
    links = learn_links(pairs)
    assert ("wмісто", "wcity") in links and ("wріка", "wriver") in links
    assert ("wліс", "wwood") not in links  # seen once
    assert not any(a.startswith("wx") for a, _ in links)


def test_length_cost_is_zero_for_the_expected_ratio_and_grows_with_distance() -> None:
    model = LengthModel(c=1.25, s2=6.8)
    assert model.cost(100, 125) == pytest.approx(0.0, abs=1e-9)
    assert 0 < model.cost(100, 140) < model.cost(100, 200) < model.cost(100, 400)


def test_length_model_comes_from_the_document_pair() -> None:
    assert initial_length_model([10, 20], [15, 30]).c == pytest.approx(1.5)
    pairs = [(100 + k, int((100 + k) * 1.3) + (k % 7) - 3) for k in range(40)]
    model = estimate_length_model(pairs, LengthModel())
    assert model.c == pytest.approx(1.3, abs=0.02)
    assert model.s2 < 6.8  # these pairs are much more regular than Gale & Church's
    assert estimate_length_model(pairs[:4], LengthModel(c=2.0)) == LengthModel(c=2.0)


def test_a_few_pairs_give_the_length_ratio_but_not_yet_the_variance() -> None:
    """An out-of-date translation: the English has a whole section more, so the total lengths
    say 2.0 while the few pairs words find say 1.3; the ratio comes from the pairs."""
    pairs = [(100 + k, int((100 + k) * 1.3)) for k in range(6)]
    model = estimate_length_model(pairs, LengthModel(c=2.0, s2=6.8))
    assert model.c == pytest.approx(1.3, abs=0.01) and model.s2 == 6.8


@given(st.text(alphabet="абвгґїйьяAbcé'’ʼ`-., 0123456789²«»?\u0301\u00ad", max_size=40))
def test_long_words_are_the_runs_of_six_letters_or_more(text: str) -> None:
    expected = {word.lower() for word in regex.findall(r"\p{L}{6,}", text)}
    assert Side.build([text]).words == expected


@given(st.text(alphabet="phtkcywvaeo", max_size=14))
def test_folding_equals_the_replacements_one_after_another(latin: str) -> None:
    expected = latin
    for old, new in (("ph", "f"), ("th", "t"), ("kh", "h"), ("c", "k"), ("y", "i"), ("w", "v")):
        expected = expected.replace(old, new)
    assert _fold(latin) == expected
