"""Two-level alignment of documents: blocks are hard boundaries, kinds and markup are evidence."""
from __future__ import annotations

from tests.test_align_beads import make_pair
from tmtool.align.inputs import side_from_text
from tmtool.align.levels import align_sides, block_spans
from tmtool.align.pipeline import AlignOptions


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
