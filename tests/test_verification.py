"""Verification of document pairs (`tmtool pair`): a translation against a near-duplicate and an
unrelated document, on sections of the sample interview; the length, term and boundary models;
the path's deletions, coverage and open end."""
from __future__ import annotations

import math
from array import array
from pathlib import Path

import pytest

from tmtool.align.fingerprints import Fingerprint, fingerprint
from tmtool.align.inputs import side_from_text
from tmtool.align.pairing import Candidate
from tmtool.align.verification import (
    OUTLIER_SHARE,
    LengthModel,
    TermModel,
    Verdict,
    Verifier,
    best_path,
    boundary_table,
    verify,
)
from tmtool.align.verification_models import fit_verifier

PROJECT = Path(__file__).resolve().parents[1]
LEARNED_FROM = [(0, 4), (4, 7), (7, 12), (17, 22), (22, 28)]  # sections the verifier learns from


def paragraphs(lang: str) -> list[str]:
    text = (PROJECT / "sources" / f"interview.{lang}.md").read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


UK, EN = paragraphs("uk"), paragraphs("en")


def document(paras: list[str], lang: str, name: str = "doc.md") -> Fingerprint:
    return fingerprint(side_from_text("\n\n".join(paras) + "\n", name=name, lang=lang, presegmented=False), name)


@pytest.fixture(scope="module")
def verifier() -> Verifier:
    """Fitted to five other sections of the interview, as if they were an archive's sure pairs."""
    sources = [document(UK[a:b], "uk-UA") for a, b in LEARNED_FROM]
    targets = [document(EN[a:b], "en-GB") for a, b in LEARNED_FROM]
    sure = [Candidate(k, k, 0.9, 0.9, 0.9) for k in range(len(LEARNED_FROM))]
    return fit_verifier(sure, sources, targets, {})


def judged(verifier: Verifier, src: Fingerprint, tgt: Fingerprint) -> Verdict:
    return verify(verifier.source_view(src), verifier.target_view(tgt), verifier)


def test_a_translation_has_more_evidence_than_a_near_duplicate_or_a_different_document(verifier: Verifier) -> None:
    """Section 12-17 against its translation, the translation of a draft one paragraph short,
    and the translation of another section of the same length."""
    section = document(UK[12:17], "uk-UA")
    translation = judged(verifier, section, document(EN[12:17], "en-GB"))
    near_duplicate = judged(verifier, section, document(EN[12:16], "en-GB"))
    different = judged(verifier, section, document(EN[22:27], "en-GB"))
    assert translation.is_whole and translation.unpaired == 0 and translation.coverage == 1.0
    assert translation.evidence > 50 and translation.score > 0.999
    # one paragraph the near-duplicate lacks: at least a deletion's price and its words' evidence
    assert near_duplicate.evidence < translation.evidence - 20
    assert near_duplicate.unpaired > 0 and near_duplicate.coverage < 1.0
    assert different.evidence < 0 and different.score < 0.01 and not different.is_whole


def test_the_section_beats_its_draft_for_the_same_translation(verifier: Verifier) -> None:
    translation = document(EN[12:17], "en-GB")
    whole = judged(verifier, document(UK[12:17], "uk-UA"), translation)
    draft = judged(verifier, document(UK[12:16], "uk-UA"), translation)
    assert whole.evidence > draft.evidence + 20


def test_a_dropped_paragraph_becomes_unpaired_segments_of_the_path(verifier: Verifier) -> None:
    """The translation lacks the section's fourth paragraph: the path leaves exactly that
    paragraph's sentences unpaired and pairs everything else."""
    src = verifier.source_view(document(UK[12:17], "uk-UA"))
    tgt = verifier.target_view(document(EN[12:15] + EN[16:17], "en-GB"))
    before = len(document(UK[12:15], "uk-UA").segment_letters)
    dropped = set(range(before, before + len(document(UK[15:16], "uk-UA").segment_letters)))
    _, path = best_path(src, tgt, verifier)
    unpaired = {i for i0, i1, j0, j1 in path if j0 == j1 for i in range(i0, i1)}
    assert unpaired == dropped
    assert all(i0 < i1 for i0, i1, j0, j1 in path if j0 < j1)  # no target sentence left over
    assert path[-1][1] == len(src.letters) and path[-1][3] == len(tgt.letters)


def test_verification_of_an_empty_view_is_no_evidence(verifier: Verifier) -> None:
    empty = Fingerprint("x.md", array("q"), b"", b"", 0, 1, 0, 0, b"", b"", b"", b"")
    verdict = judged(verifier, empty, document(EN[12:17], "en-GB"))
    assert verdict.evidence == -math.inf and verdict.score < 1e-20 and not verdict.is_whole


def test_a_truncated_document_may_end_anywhere() -> None:
    """Only the first kept segments of a long document are verified: its path ends where the
    other document's kept segments do, not at the far end."""
    lengths = LengthModel(1.0, 6.8, math.log(100), 0.5)
    none = TermModel({}, {}, {})
    verifier = Verifier(lengths, none, none, boundary_table(0.8, 0.05, 0.3))
    long_src = document(["Перше речення тут. Друге речення тут. Третє речення тут."] * 100, "uk-UA")
    short_tgt = document(["First sentence here. Second sentence here. Third one here."] * 2, "en-GB")
    src = verifier.source_view(long_src)
    assert src.truncated and len(src.letters) == len(long_src.segment_letters) < long_src.segments
    evidence, path = best_path(src, verifier.target_view(short_tgt), verifier)
    assert evidence > -math.inf and path[-1][3] == len(short_tgt.segment_letters)


@pytest.mark.parametrize(("src", "tgt", "low", "high"), [
    (100, 100, 0.5, 5.0),  # the usual ratio
    (100, 125, 0.0, 5.0),  # within the spread
    (100, 40, math.log(OUTLIER_SHARE), -0.5),  # against
    (100, 400, math.log(OUTLIER_SHARE), math.log(OUTLIER_SHARE) + 0.01),  # at most an outlier's price
    (100, 10, -0.2, 0.2),  # a segment this short is as unlikely either way
])
def test_length_evidence(src: int, tgt: int, low: float, high: float) -> None:
    lengths = LengthModel(1.0, 6.8, math.log(100), 0.6)
    assert low <= lengths.evidence(src, tgt, 1, lengths.log_null(tgt)) <= high


def test_a_bead_of_several_target_segments_pays_for_where_they_end() -> None:
    lengths = LengthModel(1.0, 6.8, math.log(100), 0.6)
    one = lengths.evidence(200, 200, 1, lengths.log_null(200))
    two = lengths.evidence(200, 200, 2, 2 * lengths.log_null(100))
    assert two != one and two > math.log(OUTLIER_SHARE)


def test_a_partner_found_as_often_by_chance_is_no_evidence() -> None:
    model = TermModel.fit({1: 10, 2: 20, 3: 30}, {1: 0.8, 2: 0.1, 3: 1.0}, {10: 5, 20: 40, 30: 1}, 100)
    assert set(model.partner) == {1}  # 2: found 10 % of the time, in 40 % of segments anyway; 3: certain
    assert model.gain[1] > 0 > model.miss[1]
    assert model.gain[1] + model.miss[1] == pytest.approx(math.log(0.8 / (5.5 / 101)))


def test_block_starts_together_are_evidence_and_apart_against() -> None:
    table = boundary_table(0.8, 0.05, 0.3)
    assert table[1][1] > 0 and table[0][0] > 0
    assert table[1][0] < 0 and table[0][1] < 0
