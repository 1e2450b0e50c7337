"""Two-level alignment of documents: blocks are hard boundaries, kinds and markup are evidence."""
from __future__ import annotations

from dataclasses import replace

from tests.test_align_beads import make_pair
from tmtool.align.inputs import side_from_text
from tmtool.align.levels import align_sides, block_spans
from tmtool.align.pipeline import AlignOptions, align_texts, align_with_evidence, learn_evidence
from tmtool.align.regions import Regions
from tmtool.align.views import keyed_view


def markdown(paragraphs: list[list[str]], heading: str | None = None) -> str:
    parts = [f"## {heading}"] if heading else []
    parts += [" ".join(sentences) for sentences in paragraphs]
    return "\n\n".join(parts) + "\n"


def sides(uk_text: str, en_text: str):  # type: ignore[no-untyped-def]
    src = side_from_text(uk_text, name="a.uk.md", lang="uk-UA", presegmented=False)
    tgt = side_from_text(en_text, name="a.en.md", lang="en-GB", presegmented=False)
    return src, tgt


def test_a_paragraph_missing_on_one_side_becomes_deletions_only() -> None:
    uk, en = make_pair(31, 24)
    uk_paras = [uk[k:k + 3] for k in range(0, 24, 3)]
    en_paras = [en[k:k + 3] for k in range(0, 24, 3)]
    del en_paras[4]  # the translator left out a paragraph (sentences 12-14)
    src, tgt = sides(markdown(uk_paras), markdown(en_paras))
    doc = align_sides(src, tgt, AlignOptions())
    beads = {(b.src, b.tgt) for b in doc.beads}
    assert {((12,), ()), ((13,), ()), ((14,), ())} <= beads
    assert ((15,), (12,)) in beads and ((11,), (11,)) in beads


def test_sentences_never_cross_a_block_boundary() -> None:
    uk, en = make_pair(32, 24)
    uk_paras = [uk[k:k + 4] for k in range(0, 24, 4)]
    en_paras = [en[k:k + 4] for k in range(0, 24, 4)]
    # move one sentence across a paragraph boundary on the English side only
    en_paras[1] = en_paras[1] + [en_paras[2].pop(0)]
    src, tgt = sides(markdown(uk_paras), markdown(en_paras))
    spans = block_spans(src, tgt, AlignOptions())
    doc = align_sides(src, tgt, AlignOptions())
    for bead in doc.beads:
        region = next(k for k, (i0, i1, j0, j1) in enumerate(spans)
                      if all(i0 <= i < i1 for i in bead.src) and all(j0 <= j < j1 for j in bead.tgt))
        assert region is not None


def test_headings_pair_with_headings() -> None:
    uk, en = make_pair(33, 12)
    src, tgt = sides(markdown([uk[:6], uk[6:]], "Вступ"), markdown([en[:6], en[6:]], "Introduction"))
    doc = align_sides(src, tgt, AlignOptions())
    assert doc.beads[0].src == (0,) and doc.beads[0].tgt == (0,)
    assert src.kinds[0] == "heading" and tgt.kinds[0] == "heading"


def test_learning_alone_gives_the_evidence_of_a_whole_flat_alignment() -> None:
    uk, en = make_pair(34, 40)
    learned = learn_evidence(uk, en, AlignOptions())
    _, whole = align_with_evidence(uk, en, AlignOptions())
    assert learned is not None and whole is not None
    assert (learned.links, learned.length) == (whole.links, whole.length)
    assert learned.src_model is not None and whole.src_model is not None
    assert learned.src_model.params == whole.src_model.params


def test_aligning_the_view_evidence_was_learned_on_reuses_its_keys_with_the_same_result() -> None:
    uk, en = make_pair(35, 30)
    evidence = learn_evidence(uk, en, AlignOptions())
    assert evidence is not None and evidence.view is not None
    regions = Regions([(0, 15, 0, 15), (15, 30, 15, 30)], 30, 30)
    again = align_texts(uk, en, AlignOptions(), regions=regions, preset=evidence)
    fresh = align_texts(uk, en, AlignOptions(), regions=regions, preset=replace(evidence, view=None))
    assert again == fresh
    assert evidence.view.fits(uk, en, None, None, ())
    assert not evidence.view.fits(uk, en[:-1], None, None, ())


def test_beads_without_scores_are_the_scored_beads() -> None:
    uk, en = make_pair(36, 30)
    del en[12]
    scored = align_texts(uk, en, AlignOptions())
    plain = align_texts(uk, en, AlignOptions(), scores=False)
    assert [(b.src, b.tgt) for b in plain] == [(b.src, b.tgt) for b in scored]
    assert {b.score for b in plain} == {0.0} and any(b.score > 0.5 for b in scored)


def test_a_view_with_the_same_long_words_reuses_their_links() -> None:
    uk, en = make_pair(37, 20)
    sentences = keyed_view(uk, en, None, None, (), None)
    blocks_uk, blocks_en = [" ".join(uk[k:k + 4]) for k in range(0, 20, 4)], [" ".join(en[k:k + 4]) for k in range(0, 20, 4)]
    reused = keyed_view(blocks_uk, blocks_en, None, None, (), sentences)
    fresh = keyed_view(blocks_uk, blocks_en, None, None, (), None)
    assert reused.word_links is sentences.word_links
    assert reused.base_links == fresh.base_links and reused.word_links == fresh.word_links
