"""The models verification judges by, fitted to an archive's sure pairs: lengths, word partners
learned from aligned sentences, block starts; what is kept when there is nothing to learn from;
counting in passes gives what one pass gives."""
from __future__ import annotations

import pytest

from tests.test_verification import EN, LEARNED_FROM, UK, document
from tmtool.align import verification_models
from tmtool.align.fingerprints import Fingerprint, key_digest
from tmtool.align.pairing import Candidate
from tmtool.align.verification import boundary_table
from tmtool.align.verification_models import (
    MIN_SURE,
    PUBLISHED_VARIANCE,
    START_ALONE,
    START_TOGETHER,
    fit_lengths,
    fit_verifier,
)


def interview_archive() -> tuple[list[Candidate], list[Fingerprint], list[Fingerprint]]:
    sources = [document(UK[a:b], "uk-UA") for a, b in LEARNED_FROM]
    targets = [document(EN[a:b], "en-GB") for a, b in LEARNED_FROM]
    return [Candidate(k, k, 0.9, 0.9, 0.9) for k in range(len(LEARNED_FROM))], sources, targets


def test_word_partners_are_learned_from_the_sure_pairs_aligned_sentences() -> None:
    """Nothing is given in advance: незалежність/independence, міністр/minister and
    історичний/historical are found because they keep meeting in aligned sentences (stems are a
    word's first five letters)."""
    sure, sources, targets = interview_archive()
    verifier = fit_verifier(sure, sources, targets, {})
    forward, backward = verifier.forward, verifier.backward
    for uk_stem, en_stem in (("sнезал", "sindep"), ("sмініс", "sminis"), ("sістор", "shisto")):
        assert forward.partner[key_digest(uk_stem)] == key_digest(en_stem)
        assert forward.gain[key_digest(uk_stem)] > 0 > forward.miss[key_digest(uk_stem)]
    assert backward.partner[key_digest("sindep")] == key_digest("sнезал")
    assert forward.partner[key_digest("n1994")] == key_digest("n1994")  # a number is its own partner


def test_without_sure_pairs_names_and_numbers_stay_partners_and_starting_values_hold() -> None:
    """A small archive whose fingerprints settle nothing still verifies by its shared names and
    numbers, with the starting block-start probabilities."""
    _, sources, targets = interview_archive()
    verifier = fit_verifier([], sources, targets, {})
    assert verifier.forward.partner[key_digest("n1994")] == key_digest("n1994")
    assert key_digest("sнезал") not in verifier.forward.partner
    share = sum(sum(fp.block_starts) for fp in targets) / sum(len(fp.block_starts) for fp in targets)
    expected = boundary_table(START_TOGETHER, START_ALONE, share)
    assert [pytest.approx(row) for row in expected] == list(verifier.boundaries)
    assert verifier.lengths.variance == PUBLISHED_VARIANCE


def test_lengths_come_from_the_sure_pairs_and_else_from_the_folders_medians() -> None:
    """A long document without a counterpart does not move the ratio."""
    sources = [document(["Слово " * n], "uk-UA") for n in range(10, 10 + MIN_SURE)]
    targets = [document(["Word " * (2 * n)], "en-GB") for n in range(10, 10 + MIN_SURE)]
    sure = [Candidate(k, k, 0.9, 0.9, 0.9) for k in range(MIN_SURE)]
    assert fit_lengths(sure, sources, targets).ratio == pytest.approx(targets[0].letters / sources[0].letters, rel=0.05)
    extra = [*sources, document(["Слово " * 5000], "uk-UA")]
    ratio = fit_lengths([], extra, targets).ratio
    assert ratio == pytest.approx(targets[0].letters / sources[0].letters, rel=0.1)


def test_counting_in_passes_learns_what_one_pass_learns(monkeypatch: pytest.MonkeyPatch) -> None:
    sure, sources, targets = interview_archive()
    one_pass = fit_verifier(sure, sources, targets, {})
    monkeypatch.setattr(verification_models, "MEETINGS_PER_PASS", 500)
    in_passes = fit_verifier(sure, sources, targets, {})
    assert in_passes == one_pass
