"""Each bead shape is found on small synthetic document pairs built with one known edit."""
from __future__ import annotations

import random

import pytest

from tmtool.align.beads import GENERIC_PRIORS, Bead, prior_penalties
from tmtool.align.pipeline import align_texts

# A toy bilingual lexicon: sentences are random word strings translated word for word, so
# only the aligner's own learning (no dictionary is given) can connect the two sides.
LEXICON = [
    ("місто", "city"), ("річка", "river"), ("посол", "ambassador"), ("країна", "country"),
    ("народ", "people"), ("мова", "language"), ("школа", "school"), ("лікарня", "hospital"),
    ("дорога", "road"), ("пісня", "song"), ("поет", "poet"), ("степ", "steppe"),
    ("вулиця", "street"), ("дитина", "child"), ("допомога", "help"), ("завод", "plant"),
    ("зерно", "grain"), ("молоко", "milk"), ("м'ясо", "meat"), ("фонд", "fund"),
    ("громада", "community"), ("міністр", "minister"), ("візит", "visit"), ("угода", "agreement"),
    ("пам'ять", "memory"), ("історія", "history"), ("довіра", "trust"), ("праця", "work"),
    ("свято", "holiday"), ("мир", "peace"), ("хліб", "bread"), ("вода", "water"),
    ("гора", "mountain"), ("ліс", "forest"), ("море", "sea"), ("поле", "field"),
    ("книга", "book"), ("лист", "letter"), ("зустріч", "meeting"), ("рада", "council"),
]


def make_pair(seed: int, count: int = 40) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    src: list[str] = []
    tgt: list[str] = []
    for _ in range(count):
        words = rng.sample(LEXICON, rng.randint(5, 11))
        number = str(rng.randint(2, 2000)) if rng.random() < 0.3 else ""
        src.append(" ".join([w for w, _ in words] + ([number] if number else [])).capitalize() + ".")
        tgt.append(" ".join([w for _, w in words] + ([number] if number else [])).capitalize() + ".")
    return src, tgt


def pairs_of(beads: list[Bead]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(b.src, b.tgt) for b in beads}


def test_identical_structure_gives_only_one_to_one_beads() -> None:
    src, tgt = make_pair(1)
    beads = align_texts(src, tgt)
    assert [(b.src, b.tgt) for b in beads] == [((k,), (k,)) for k in range(len(src))]


@pytest.mark.parametrize(("shape", "edit"), [
    ("1-0", "drop_tgt"), ("0-1", "drop_src"), ("2-1", "join2_tgt"), ("1-2", "join2_src"),
    ("3-1", "join3_tgt"), ("1-3", "join3_src"), ("2-2", "cross"),
    ("4-1", "join4_tgt"), ("1-4", "join4_src"), ("5-1", "join5_tgt"), ("1-5", "join5_src"),
])
@pytest.mark.parametrize("seed", [2, 3])
def test_each_bead_shape_is_found(shape: str, edit: str, seed: int) -> None:
    src, tgt = make_pair(seed)
    at = 17
    if edit == "drop_tgt":
        del tgt[at]
        expected = ((at,), ())
    elif edit == "drop_src":
        del src[at]
        expected = ((), (at,))
    elif edit.startswith("join"):
        size = int(edit[4])
        side = tgt if edit.endswith("tgt") else src
        side[at:at + size] = [" ".join(side[at:at + size])]
        many = tuple(range(at, at + size))
        expected = (many, (at,)) if edit.endswith("tgt") else ((at,), many)
    else:  # cross: uk [a b][c], en [a][b c]
        src[at:at + 3] = [src[at] + " " + src[at + 1], src[at + 2]]
        tgt[at:at + 3] = [tgt[at], tgt[at + 1] + " " + tgt[at + 2]]
        expected = ((at, at + 1), (at, at + 1))
    beads = align_texts(src, tgt)
    assert expected in pairs_of(beads), f"no {shape} bead {expected}"
    assert f"{len(expected[0])}-{len(expected[1])}" == shape
    # every other bead is still 1-1 and in order
    others = [b for b in beads if (b.src, b.tgt) != expected]
    assert all(b.shape == "1-1" for b in others)


def test_beads_cover_every_segment_once_and_in_order() -> None:
    src, tgt = make_pair(4, 60)
    del src[10]
    tgt[30:32] = [tgt[30] + " " + tgt[31]]
    beads = align_texts(src, tgt)
    assert [i for b in beads for i in b.src] == list(range(len(src)))
    assert [j for b in beads for j in b.tgt] == list(range(len(tgt)))


def test_scores_lie_in_unit_interval_and_deletions_score_zero() -> None:
    src, tgt = make_pair(5, 50)
    del tgt[20]
    beads = align_texts(src, tgt)
    assert all(0.0 <= b.score <= 1.0 for b in beads)
    assert all(b.score == 0.0 for b in beads if not b.is_pair())
    assert sum(b.score > 0.9 for b in beads if b.is_pair()) > 40


def test_unrelated_pairs_score_lower_than_translations() -> None:
    src, tgt = make_pair(6, 50)
    # replace one translation by an unrelated sentence of the same length: the search still
    # pairs them (two deletions are far less likely), but with less confidence than any other
    tgt[25] = make_pair(99, 1)[1][0]
    beads = align_texts(src, tgt)
    by_src = {b.src: b for b in beads}
    assert by_src[(25,)].score < 0.99 < min(b.score for s, b in by_src.items() if s and s != (25,) and b.tgt)


def test_short_documents_get_confident_scores_not_a_neutral_half() -> None:
    src, tgt = make_pair(7, 6)
    beads = align_texts(src, tgt)
    assert [b.shape for b in beads] == ["1-1"] * 6
    assert all(b.score > 0.9 for b in beads)


def test_pairs_next_to_a_deletion_score_lower_than_pairs_away_from_it() -> None:
    src, tgt = make_pair(7, 8)
    del src[2]
    beads = align_texts(src, tgt)
    pairs = [b for b in beads if b.is_pair()]
    near = [b.score for b in pairs if set(b.src) & {1, 2}]
    far = [b.score for b in pairs if b.src and b.src[0] >= 4]
    assert max(near) < min(far)


def test_empty_segments_join_no_bead() -> None:
    src, tgt = make_pair(7, 30)
    src.insert(5, "   ")
    beads = align_texts(src, tgt)
    assert 5 not in {i for b in beads for i in b.src}
    assert ((6,), (5,)) in pairs_of(beads)


def test_one_empty_side_gives_only_deletions() -> None:
    beads = align_texts(["Один.", "Два."], [])
    assert [(b.src, b.tgt) for b in beads] == [((0,), ()), ((1,), ())]


def test_prior_penalties_are_relative_to_one_to_one() -> None:
    penalties = prior_penalties(GENERIC_PRIORS)
    assert penalties[(1, 1)] == 0.0
    assert penalties[(1, 0)] > penalties[(2, 1)] > 0.0


def test_a_long_bead_whose_lengths_cannot_add_up_is_impossible_in_both_price_forms() -> None:
    from tmtool.align.lengths import LengthModel
    from tmtool.align.scoring import BeadCost
    from tmtool.align.search import INF

    cost = BeadCost([400, 10, 10, 10, 10], [12], LengthModel(), prior_penalties(GENERIC_PRIORS), None)
    assert cost(1, 5, 0, 1) < INF  # four short sentences for one: lengths add up
    assert cost(0, 4, 0, 1) == cost.function()(0, 4, 0, 1) == INF
    assert cost(0, 3, 0, 1) == pytest.approx(cost.function()(0, 3, 0, 1))  # shorter beads keep their price
    assert cost(0, 3, 0, 1) < INF
