"""Fixed points of a documentation page pair: headings that share an id, front-matter fields.

A translated documentation page keeps its headings' ids (`{/*try-react*/}`, `{#setup}`,
`<h2 id="Syntax">`), and a Hugo or Jekyll translation pins the id the English heading's text
would get ("## Перегляд {#viewing-namespaces}" for "## Viewing namespaces"). A heading id found
once on each side names the same heading in both, whatever the words around it: it is a far
surer sign than lengths or words, above all where the translation is out of date and whole
sections are missing on one side (then lengths and words lead the search astray for pages).
The longest chain of such pairs in document order is kept; the stretches between them are
aligned freely, but no bead crosses a fixed pair (`regions.Regions`).
"""
from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence

import regex

from tmtool.align.inputs import AlignSide
from tmtool.align.search import Span

_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")


def _normal(text: str) -> str:
    """Letters and digits only, case-folded: "viewing-namespaces" and "Viewing namespaces"
    both become "viewingnamespaces" (how site generators turn a heading into its id)."""
    return _NOT_ALNUM.sub("", text).casefold()


def block_keys(side: AlignSide) -> list[str]:
    """Per block, what it is matched by on the other side: its ident, a heading without one by
    its words (the id a site generator would give it), other blocks by nothing ("")."""
    keys = []
    for (first, end), kind, ident in zip(side.blocks, side.kinds, side.idents or [""] * len(side.blocks)):
        if ident.startswith("#"):
            key = "#" + _normal(ident)
        elif ident:
            key = ident
        elif kind == "heading":
            key = "#" + _normal(" ".join(segment.text for segment in side.segments[first:end]))
        else:
            key = ""
        keys.append(key if len(key) > 1 else "")
    return keys


def fixed_block_pairs(src: AlignSide, tgt: AlignSide) -> list[tuple[int, int]]:
    """(source block, target block) pairs that share a key found once on each side, the
    longest chain of them in document order on both sides."""
    src_keys, tgt_keys = block_keys(src), block_keys(tgt)
    src_count, tgt_count = Counter(src_keys), Counter(tgt_keys)
    tgt_index = {key: j for j, key in enumerate(tgt_keys) if key and tgt_count[key] == 1}
    pairs = [(i, tgt_index[key]) for i, key in enumerate(src_keys)
             if key and src_count[key] == 1 and key in tgt_index]
    return _longest_chain(pairs)


def _longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of `pairs` (in source order) whose targets increase too."""
    tails: list[int] = []  # tails[k]: the smallest target ending a chain of length k + 1
    tail_index: list[int] = []
    previous: list[int] = []
    for index, (_, j) in enumerate(pairs):
        length = bisect.bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[length] = j
            tail_index[length] = index
        previous.append(tail_index[length - 1] if length else -1)
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    return chain[::-1]


def fixed_spans(pairs: Sequence[tuple[int, int]], n: int, m: int) -> list[Span]:
    """Spans tiling n source and m target items: each fixed pair a 1-1 span of its own, the
    stretches between them (left out where empty on both sides)."""
    spans: list[Span] = []
    i = j = 0
    for a, b in pairs:
        if (a, b) != (i, j):
            spans.append((i, a, j, b))
        spans.append((a, a + 1, b, b + 1))
        i, j = a + 1, b + 1
    if (i, j) != (n, m):
        spans.append((i, n, j, m))
    return spans


def segment_spans(block_spans: Sequence[Span], src: AlignSide, tgt: AlignSide) -> list[Span]:
    """Block spans as the segment ranges they cover."""
    src_starts = [first for first, _ in src.blocks] + [len(src.segments)]
    tgt_starts = [first for first, _ in tgt.blocks] + [len(tgt.segments)]
    return [(src_starts[i0], src_starts[i1], tgt_starts[j0], tgt_starts[j1]) for i0, i1, j0, j1 in block_spans]


def one_segment_pairs(pairs: Sequence[tuple[int, int]], src: AlignSide, tgt: AlignSide) -> list[tuple[int, int]]:
    """The fixed block pairs whose blocks are one segment each, as segment pairs."""
    return [(src.blocks[a][0], tgt.blocks[b][0]) for a, b in pairs
            if src.blocks[a][1] - src.blocks[a][0] == 1 and tgt.blocks[b][1] - tgt.blocks[b][0] == 1]
