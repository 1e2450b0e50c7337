"""Fingerprints and the one-to-one assignment of `tmtool pair`."""
from __future__ import annotations

from array import array

import pytest

from tmtool.align.fingerprints import (
    Fingerprint,
    fingerprint,
    key_digest,
    sound_key,
    text_keys,
    word_stems,
)
from tmtool.align.inputs import side_from_text
from tmtool.align.lexicon import learn_links, with_links
from tmtool.align.pairing import Candidate, KeyIndex, assign, profile_similarity
from tmtool.lang.translit import transliterate


@pytest.mark.parametrize(("english", "ukrainian"), [
    ("Shevchenko", "Шевченка"), ("Shevchenko", "Шевченком"), ("Kyiv", "Києві"), ("Kiev", "Київ"),
    ("Zelensky", "Зеленського"), ("Kharkiv", "Харкові"), ("Tokayev", "Токаєва"),
    ("Jerusalem", "Єрусалим"), ("Pharisees", "Фарисеї"), ("Christ", "Христос"),
])
def test_a_name_and_its_ukrainian_forms_share_a_sound_key(english: str, ukrainian: str) -> None:
    assert sound_key(english) == sound_key(transliterate(ukrainian))


def test_different_names_get_different_keys() -> None:
    keys = {sound_key(name) for name in ("Shevchenko", "Kyiv", "Zelensky", "Kharkiv", "Odesa")}
    assert len(keys) == 5


def test_sentence_keys_are_numbers_dated_months_and_names_in_order() -> None:
    uk = text_keys("Зустріч відбулася 12 березня 2024 р. у Києві з Тарасом Шевченком.", cyrillic=True)
    en = text_keys("They met in Kyiv on 12 March 2024 with Taras Shevchenko.", cyrillic=False)
    assert uk == ["n12", "m3", "n2024", "wkp", "wtrsn", "wtrs", "wspkn", "wspk"]
    assert set(uk) & set(en) == {"n12", "m3", "n2024", "wkp", "wtrs", "wspkn", "wspk"}


def test_a_month_counts_only_next_to_a_number() -> None:
    assert "m5" not in text_keys("You may go, and May comes.", cyrillic=False)
    assert "m5" in text_keys("It was signed on May 5.", cyrillic=False)
    assert text_keys("Версія 007 від 2024 року", cyrillic=True)[:2] == ["n7", "n2024"]


def test_latin_words_in_cyrillic_text_are_kept_as_written() -> None:
    assert "lgroup" in text_keys("Компанія BI Group будує.", cyrillic=True)
    assert "lgroup" in text_keys("The company BI Group builds.", cyrillic=False)


def test_profiles_alike_in_the_same_places_and_apart_elsewhere() -> None:
    assert profile_similarity(bytes([50, 120, 200]), bytes([50, 120, 200])) == 1.0
    assert profile_similarity(bytes([50, 120, 200]), bytes([52, 118, 203])) > 0.9
    assert profile_similarity(bytes([50, 120, 200]), bytes([10, 240])) < 0.3
    assert profile_similarity(b"", b"") == 1.0 and profile_similarity(b"", bytes([9])) == 0.5


def test_each_document_is_paired_at_most_once_best_score_first() -> None:
    candidates = [Candidate(0, 0, 0.9, 0.9, 0.9), Candidate(1, 0, 0.8, 0.8, 0.8),
                  Candidate(1, 1, 0.7, 0.7, 0.7), Candidate(2, 1, 0.5, 0.5, 0.5)]
    pairing = assign(candidates, 0.3, ["a", "b", "c"], ["x", "y"])
    assert [(c.src, c.tgt) for c in pairing.pairs] == [(0, 0), (1, 1)]


def test_a_document_whose_best_candidate_is_below_min_score_stays_unpaired() -> None:
    candidates = [Candidate(0, 0, 0.9, 0.9, 0.9), Candidate(1, 1, 0.29, 0.2, 0.4)]
    assert [(c.src, c.tgt) for c in assign(candidates, 0.3, ["a", "b"], ["x", "y"]).pairs] == [(0, 0)]


def test_a_weak_pair_that_is_not_the_best_of_both_documents_is_not_taken() -> None:
    """a pairs x (0.9); b-y (0.40) is weak and y has a better candidate (a-y, 0.42), so b stays
    unpaired; the same pair scoring 0.6 (sure) is taken."""
    candidates = [Candidate(0, 0, 0.9, 0.9, 0.9), Candidate(0, 1, 0.42, 0.4, 0.4),
                  Candidate(1, 1, 0.40, 0.4, 0.4)]
    assert [(c.src, c.tgt) for c in assign(candidates, 0.3, ["a", "b"], ["x", "y"]).pairs] == [(0, 0)]
    sure = [Candidate(0, 0, 0.9, 0.9, 0.9), Candidate(0, 1, 0.62, 0.6, 0.6), Candidate(1, 1, 0.6, 0.6, 0.6)]
    assert [(c.src, c.tgt) for c in assign(sure, 0.3, ["a", "b"], ["x", "y"]).pairs] == [(0, 0), (1, 1)]


def test_ties_are_broken_by_file_names_not_by_reading_order() -> None:
    """Two identical copies of one document: the pair goes to the first name, whatever order
    the candidates come in, and the copy stays unpaired."""
    tied = [Candidate(1, 0, 0.8, 0.8, 0.8), Candidate(0, 0, 0.8, 0.8, 0.8)]
    for candidates in (tied, tied[::-1]):
        pairing = assign(candidates, 0.3, ["b-copy.md", "a.md"], ["x.md"])
        assert [(c.src, c.tgt) for c in pairing.pairs] == [(1, 0)]


def words_fp(path: str, words: list[int]) -> Fingerprint:
    ordered = sorted(words)
    return Fingerprint(path, array("q", [7]), bytes([0]), bytes([1]), 100, 1, 0, 1, b"", b"", b"",
                       b"", array("q", ordered), bytes(range(len(ordered))), bytes([2] * len(ordered)))


def test_words_met_in_the_same_sure_pairs_are_learned_as_translations() -> None:
    """Stem 1 and stem 100 occur in the same three pairs: linked. Stem 3 and 300 meet in two
    pairs only (too few); stem 4 is in every pair (too common to tell documents apart)."""
    uk = [[1, 3, 4], [1, 3, 4], [1, 4], [4, 5], [4, 5]] + [[4]] * 25
    en = [[100, 300], [100, 300], [100], [500], [500]] + [[9]] * 25
    pairs = [(words_fp(f"u{n}", u), words_fp(f"e{n}", e)) for n, (u, e) in enumerate(zip(uk, en))]
    assert learn_links(pairs) == {1: 100}


def test_linked_words_become_keys_of_both_sides() -> None:
    source, target = words_fp("u", [1, 3]), words_fp("e", [100, 300])
    (linked_source,), (linked_target,) = with_links([source], [target], {1: 100})
    assert list(linked_source.keys) == [7, 100] and list(linked_target.keys) == [7, 100]
    assert linked_source.places == bytes([0, 0]) and linked_source.counts == bytes([1, 2])


def keys_fp(path: str, keys: list[int], letters: int = 100) -> Fingerprint:
    ordered = sorted(keys)
    return Fingerprint(path, array("q", ordered), bytes(len(ordered)), bytes([1] * len(ordered)), letters,
                       1, 0, 1, b"", b"", b"", b"")


def test_a_document_sharing_only_common_keys_still_finds_its_translation_among_candidates() -> None:
    """Key 1 is in 30 of 400 targets (7.5 %), more than a rare-key index would hold, and more
    than the 20 candidates taken: a short source whose only shared key it is still meets the
    target that holds little else before the long ones that hold it among many others."""
    long_keys = [list(range(1000 + 50 * n, 1040 + 50 * n)) for n in range(29)]
    targets = [keys_fp(f"t{n}", [1, *keys]) for n, keys in enumerate(long_keys)]
    targets.append(keys_fp("translation", [1]))
    targets += [keys_fp(f"u{n}", [5000 + n]) for n in range(370)]
    sources = [keys_fp("source", [1, 2])] + [keys_fp(f"s{n}", keys) for n, keys in enumerate(long_keys)]
    sources += [keys_fp(f"v{n}", [5000 + n]) for n in range(370)]
    assert 29 in KeyIndex(sources, targets).candidates(sources[0])


def test_fingerprints_keep_each_segments_terms_and_block_starts() -> None:
    side = side_from_text("# Київ\n\nТарас Шевченко жив у Києві. Учні пішли 1840 року.\n\nДруге.\n",
                          name="x.md", lang="uk-UA", presegmented=False)
    fp = fingerprint(side, "x.md")
    assert list(fp.segment_letters) == [len("Київ"), len("ТарасШевченкоживуКиєві"), len("Учніпішлироку"),
                                        len("Друге")]
    assert fp.block_starts == bytes([1, 1, 0, 1])
    expected = [{key_digest(k) for k in text_keys(text, cyrillic=True) + word_stems(text)} for text in side.texts]
    assert [set(digests) for digests in fp.segment_digests()] == expected


def test_linked_copies_keep_no_segments_whose_positions_would_mislead() -> None:
    side = side_from_text("Тарас Шевченко жив у Києві.\n", name="x.md", lang="uk-UA", presegmented=False)
    fp = fingerprint(side, "x.md")
    (linked,), _ = with_links([fp], [words_fp("e", [1])], {fp.words[0]: 99})
    assert fp.segment_digests() and linked.segment_digests() == [] and linked.block_starts == b""
