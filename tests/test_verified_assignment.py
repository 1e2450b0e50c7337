"""The final assignment of `tmtool pair`: which pairs are settled without verification, which
candidates are verified, the greedy choice by evidence, and the swaps of near-identical pairs."""
from __future__ import annotations

from tmtool.align.pairing import Candidate
from tmtool.align.verified_assignment import (
    VERIFY_TOP,
    _assigned,
    _exchanged,
    _greedy,
    _to_verify,
    is_settled,
    ranked,
)


def verified(src: int, tgt: int, evidence: float) -> Candidate:
    return Candidate(src, tgt, 0.3, 0.3, 0.3, verified=0.99, evidence=evidence, coverage=1.0)


def test_a_pair_is_settled_when_high_and_clear_of_every_rival() -> None:
    clear = [Candidate(0, 0, 0.7, 0.7, 0.7), Candidate(0, 1, 0.5, 0.5, 0.5), Candidate(1, 1, 0.65, 0.6, 0.6)]
    by_src, by_tgt = ranked(clear)
    assert [is_settled(c, by_src, by_tgt) for c in clear] == [True, False, True]
    close = [Candidate(0, 0, 0.7, 0.7, 0.7), Candidate(2, 0, 0.65, 0.6, 0.6)]  # a twin's draft
    by_src, by_tgt = ranked(close)
    assert not any(is_settled(c, by_src, by_tgt) for c in close)
    low = [Candidate(0, 0, 0.44, 0.4, 0.4)]
    assert not is_settled(low[0], *ranked(low))


def test_each_unsettled_document_has_its_best_candidates_among_unsettled_ones_verified() -> None:
    """Source 1's best targets but the settled one; targets 1-9 each have five better sources
    (tied, so none settled), which are verified with them rather than source 1."""
    settled = Candidate(0, 0, 0.9, 0.9, 0.9)
    source_1 = [Candidate(1, t, 0.5 - t / 100, 0.5, 0.5) for t in range(10)]
    rivals = [Candidate(100 + 10 * t + k, t, 0.8, 0.8, 0.8) for t in range(1, 10) for k in range(VERIFY_TOP)]
    chosen = _to_verify(*ranked([settled, *source_1, *rivals]), [settled])
    assert sorted(chosen[1]) == list(range(1, 1 + VERIFY_TOP))
    assert 0 not in chosen and all(sorted(chosen[100 + 10 * t]) == [t] for t in range(1, 10))


def test_pairs_are_chosen_by_evidence_each_document_once_and_never_a_settled_one() -> None:
    settled = Candidate(5, 5, 0.9, 0.9, 0.9)
    eligible = [verified(0, 0, 90.0), verified(1, 0, 80.0), verified(1, 1, 70.0), verified(2, 5, 60.0)]
    assert [(c.src, c.tgt) for c in _greedy(eligible, [settled])] == [(0, 0), (1, 1)]


def test_two_chosen_pairs_swap_partners_when_that_holds_more_evidence() -> None:
    """Greedy takes 0-0 (100) first and leaves 1-1 (20); 0-1 (95) with 1-0 (90) hold more."""
    eligible = [verified(0, 0, 100.0), verified(0, 1, 95.0), verified(1, 0, 90.0), verified(1, 1, 20.0)]
    chosen = _greedy(eligible, [])
    assert [(c.src, c.tgt) for c in chosen] == [(0, 0), (1, 1)]
    assert sorted((c.src, c.tgt) for c in _exchanged(chosen, eligible)) == [(0, 1), (1, 0)]


def test_no_swap_without_both_crossed_pairs_eligible_or_more_evidence() -> None:
    crossed_missing = [verified(0, 0, 100.0), verified(0, 1, 95.0), verified(1, 1, 20.0)]
    chosen = _greedy(crossed_missing, [])
    assert sorted((c.src, c.tgt) for c in _exchanged(chosen, crossed_missing)) == [(0, 0), (1, 1)]
    no_gain = [verified(0, 0, 100.0), verified(0, 1, 50.0), verified(1, 0, 50.0), verified(1, 1, 20.0)]
    chosen = _greedy(no_gain, [])
    assert sorted((c.src, c.tgt) for c in _exchanged(chosen, no_gain)) == [(0, 0), (1, 1)]


def test_a_pair_verification_finds_likelier_unrelated_is_never_chosen() -> None:
    """One-sentence documents (captions) give verification little to go on: a pair at -0.7
    nats (probability 0.33) was chosen because the default --min-score 0.3 allowed it; in an
    archive of single-sentence documents, a third of the pairs written were wrong."""
    coin_flip = Candidate(0, 0, 0.48, 0.0, 0.96, verified=0.33, evidence=-0.7, coverage=1.0)
    sure = Candidate(1, 1, 0.48, 0.0, 0.96, verified=0.97, evidence=3.6, coverage=1.0)
    checked = {(0, 0): (coin_flip, True), (1, 1): (sure, True)}
    names = (["uk/a.txt", "uk/b.txt"], ["en/a.md", "en/b.md"])
    pairing = _assigned([coin_flip, sure], checked, [], 0.3, names)
    assert [(c.src, c.tgt) for c in pairing.pairs] == [(1, 1)]
    assert pairing.best_src[0] == coin_flip  # still reported as the best candidate
