"""Aligning around a reviewer's decisions: confirmed beads are kept exactly (score 1.0),
rejected beads never come back, segments confirmed as unpaired stay unpaired, and with no
decisions the result is the ordinary alignment."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.review_docs import ALIGNED, GOLD_FIX, write_pair
from tests.test_align_beads import make_pair
from tmtool.align.anchors import AnchorConflictError, BeadKey, Decisions, align_anchored
from tmtool.align.inputs import AlignSide, read_side, side_from_text
from tmtool.align.levels import DocumentAlignment, align_sides
from tmtool.align.pipeline import AlignOptions

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[AlignSide, AlignSide]:
    src, tgt = write_pair(tmp_path_factory.mktemp("pair"))
    return (read_side(str(src), lang="uk-UA", presegmented=True),
            read_side(str(tgt), lang="en-GB", presegmented=True))


@pytest.fixture(scope="module")
def interview() -> tuple[AlignSide, AlignSide]:
    return (read_side(str(PROJECT / "sources/interview.uk.md"), lang="uk-UA", presegmented=False),
            read_side(str(PROJECT / "sources/interview.en.md"), lang="en-GB", presegmented=False))


def keys(doc: DocumentAlignment) -> list[BeadKey]:
    return [(b.src, b.tgt) for b in doc.beads]


def key(src: list[int], tgt: list[int]) -> BeadKey:
    return tuple(src), tuple(tgt)


def assert_tiles(doc: DocumentAlignment) -> None:
    assert [i for b in doc.beads for i in b.src] == list(range(len(doc.src.segments)))
    assert [j for b in doc.beads for j in b.tgt] == list(range(len(doc.tgt.segments)))


def test_no_decisions_give_the_ordinary_alignment(pair: tuple[AlignSide, AlignSide],
                                                  interview: tuple[AlignSide, AlignSide]) -> None:
    for src, tgt in (pair, interview):
        assert align_anchored(src, tgt, AlignOptions(), Decisions()) == align_sides(src, tgt, AlignOptions())
    assert keys(align_sides(*pair, AlignOptions())) == [key(s, t) for s, t in ALIGNED]


def test_confirmed_beads_are_kept_with_score_one(pair: tuple[AlignSide, AlignSide]) -> None:
    fix = tuple(key(s, t) for s, t in GOLD_FIX)
    doc = align_anchored(*pair, AlignOptions(), Decisions(confirmed=fix))
    assert keys(doc) == [key(s, t) for s, t in ALIGNED[:7]] + list(fix) + [((11,), (9,)), ((12,), (10,)),
                                                                          ((13,), (11,))]
    assert [b.score for b in doc.beads if (b.src, b.tgt) in fix] == [1.0, 1.0, 1.0]
    assert all(b.score < 1.0 for b in doc.beads if (b.src, b.tgt) not in fix and b.is_pair())


def test_a_confirmed_bead_the_aligner_would_never_choose_is_kept(pair: tuple[AlignSide, AlignSide]) -> None:
    odd = key([2, 3, 4, 5], [2, 3])  # a 4-2 bead: no search shape makes it
    doc = align_anchored(*pair, AlignOptions(), Decisions(confirmed=(odd,)))
    assert odd in keys(doc)
    assert_tiles(doc)


@pytest.mark.parametrize("index", range(len(ALIGNED)))
def test_a_rejected_bead_never_reappears(pair: tuple[AlignSide, AlignSide], index: int) -> None:
    bad = key(*ALIGNED[index])
    doc = align_anchored(*pair, AlignOptions(), Decisions(rejected=(bad,)))
    assert bad not in keys(doc)
    assert_tiles(doc)


def test_rejections_and_confirmations_together(pair: tuple[AlignSide, AlignSide]) -> None:
    decisions = Decisions(confirmed=(key([8], [7]),), rejected=(key([9], [8]), key([10], [8])))
    doc = align_anchored(*pair, AlignOptions(), decisions)
    assert key([8], [7]) in keys(doc)
    assert not {key([9], [8]), key([10], [8])} & set(keys(doc))
    assert_tiles(doc)


def test_a_segment_confirmed_unpaired_stays_unpaired(pair: tuple[AlignSide, AlignSide]) -> None:
    doc = align_anchored(*pair, AlignOptions(), Decisions(confirmed=(key([10], []),)))
    assert [(b.src, b.tgt, b.score) for b in doc.beads if 10 in b.src] == [((10,), (), 1.0)]
    assert keys(doc)[7:12] == [key([8], [7]), key([9], [8]), key([10], []), key([11], [9]), key([12], [10])]


def test_rejecting_the_only_possible_bead_is_a_conflict(pair: tuple[AlignSide, AlignSide]) -> None:
    decisions = Decisions(confirmed=(key([9], [8]), key([11], [9])), rejected=(key([10], []),))
    with pytest.raises(AnchorConflictError) as caught:
        align_anchored(*pair, AlignOptions(), decisions)
    assert caught.value.span == (10, 11, 9, 9)
    assert str(caught.value) == ("the decisions leave no way to align source segment 10 with no target "
                                 "segment; drop a rejection there")


def test_anchors_in_a_document_with_blocks(interview: tuple[AlignSide, AlignSide]) -> None:
    plain = align_sides(*interview, AlignOptions())
    assert key([7, 8], [7]) in keys(plain)
    decisions = Decisions(confirmed=(key([7], [7]),), rejected=(key([22, 23], [21]),))
    doc = align_anchored(*interview, AlignOptions(), decisions)
    assert key([7], [7]) in keys(doc) and key([22, 23], [21]) not in keys(doc)
    assert_tiles(doc)
    # beads away from the decisions are those of the ordinary alignment
    assert [k for k in keys(doc) if k[0] and k[0][0] >= 30] == [k for k in keys(plain) if k[0] and k[0][0] >= 30]
    assert [k for k in keys(doc) if k[0] and k[0][0] < 7] == [k for k in keys(plain) if k[0] and k[0][0] < 7]


def test_confirmed_beads_that_cross_are_a_value_error(pair: tuple[AlignSide, AlignSide]) -> None:
    with pytest.raises(ValueError, match="overlaps or crosses"):
        align_anchored(*pair, AlignOptions(), Decisions(confirmed=(key([5], [1]), key([1], [5]))))


def test_a_rejection_changes_only_the_beads_near_it() -> None:
    src_texts, tgt_texts = make_pair(11, 120)
    src, tgt = (side_from_text("\n".join(texts), name=name, lang=lang, presegmented=True)
                for texts, name, lang in ((src_texts, "s.txt", "uk-UA"), (tgt_texts, "t.txt", "en-GB")))
    plain = keys(align_sides(src, tgt, AlignOptions()))
    assert plain[60] == key([60], [60])
    doc = align_anchored(src, tgt, AlignOptions(), Decisions(rejected=(plain[60],)))
    assert plain[60] not in keys(doc)
    assert keys(doc)[:49] == plain[:49] and keys(doc)[-48:] == plain[-48:]
    assert_tiles(doc)


def test_a_confirmed_unpaired_bead_of_two_sentences_stays_whole(pair: tuple[AlignSide, AlignSide]) -> None:
    lone = key([9, 10], [])
    doc = align_anchored(*pair, AlignOptions(), Decisions(confirmed=(lone,)))
    assert [(b.src, b.tgt, b.score) for b in doc.beads if 9 in b.src or 10 in b.src] == [((9, 10), (), 1.0)]
    assert_tiles(doc)


@st.composite
def decisions_for_pair(draw: st.DrawFn) -> Decisions:
    """Monotone confirmed beads of any shape (pairs and unpaired runs) over the 14 x 12 pair,
    and rejections of some of the aligner's own beads."""
    confirmed: list[BeadKey] = []
    i = j = 0
    for _ in range(draw(st.integers(0, 4))):
        i += draw(st.integers(0, 3))
        j += draw(st.integers(0, 3))
        di, dj = draw(st.integers(0, 3)), draw(st.integers(0, 3))
        if di + dj == 0 or i + di > 14 or j + dj > 12:
            break
        confirmed.append((tuple(range(i, i + di)), tuple(range(j, j + dj))))
        i, j = i + di, j + dj
    picked = draw(st.lists(st.integers(0, len(ALIGNED) - 1), max_size=3, unique=True))
    rejected = [key(*ALIGNED[k]) for k in picked]
    return Decisions(tuple(confirmed), tuple(r for r in rejected if r not in confirmed))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(decisions=decisions_for_pair())
def test_any_decisions_are_kept_or_refused(pair: tuple[AlignSide, AlignSide], decisions: Decisions) -> None:
    try:
        doc = align_anchored(*pair, AlignOptions(), decisions)
    except AnchorConflictError:
        return
    assert_tiles(doc)
    assert set(decisions.confirmed) <= set(keys(doc))
    assert not set(decisions.rejected) & set(keys(doc))
    assert all(b.score == 1.0 for b in doc.beads if (b.src, b.tgt) in decisions.confirmed)
