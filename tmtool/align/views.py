"""The evidence keys of one view of a document pair, and the links known before any pass.

A view is what one alignment sees: its segments' texts, their extra keys (markup, block kinds)
and the glossary. Building its keys and links is a fixed cost of every alignment, so a view is
kept with the evidence learned on it: the sentence pass inside aligned blocks reuses the flat
sentence pass's view whole, and the block view reuses its long-word links (cognates and
glossary terms depend on the long words and the glossary alone, and blocks hold the same words
as their sentences).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tmtool.align.evidence import Side, cognate_links, identity_links, name_links, segment_keys
from tmtool.lang.script import script_counts

# (Ukrainian forms, English forms) of one glossary entry
TermPair = tuple[tuple[str, ...], tuple[str, ...]]
Link = tuple[str, str]  # (source key, target key)


@dataclass(frozen=True)
class KeyedView:
    """The keys of one view (built from its stripped segment texts, extra keys and glossary),
    all links known before any pass (`base_links`), and the part of them found from long
    words and the glossary (`word_links`)."""

    src: Sequence[str]
    tgt: Sequence[str]
    src_extra: Sequence[Sequence[str]] | None
    tgt_extra: Sequence[Sequence[str]] | None
    glossary: tuple[TermPair, ...]
    src_side: Side
    tgt_side: Side
    base_links: set[Link]
    word_links: set[Link]

    def fits(self, src: Sequence[str], tgt: Sequence[str], src_extra: Sequence[Sequence[str]] | None,
             tgt_extra: Sequence[Sequence[str]] | None, glossary: tuple[TermPair, ...]) -> bool:
        """True when the keys were built from exactly these texts, extras and glossary."""
        return (self.src == src and self.tgt == tgt and self.src_extra == src_extra
                and self.tgt_extra == tgt_extra and self.glossary == glossary)


def keyed_view(
    src: Sequence[str], tgt: Sequence[str], src_extra: Sequence[Sequence[str]] | None,
    tgt_extra: Sequence[Sequence[str]] | None, glossary: tuple[TermPair, ...], known: KeyedView | None,
) -> KeyedView:
    """The keys and base links of this view: `known` itself when it was built on it, its word
    links when its sides have the same long words."""
    if known is not None and known.fits(src, tgt, src_extra, tgt_extra, glossary):
        return known
    src_side, tgt_side = Side.build(src, src_extra), Side.build(tgt, tgt_extra)
    latin_source = _is_latin_source(src_side, tgt_side)
    if (known is not None and known.glossary == glossary and known.src_side.words == src_side.words
            and known.tgt_side.words == tgt_side.words):
        words = known.word_links
    else:
        words = _word_links(src_side, tgt_side, glossary, latin_source)
    base = identity_links(src_side, tgt_side) | _name_links(src_side, tgt_side, latin_source) | words
    return KeyedView(src, tgt, src_extra, tgt_extra, glossary, src_side, tgt_side, base, words)


def glossary_links(terms: Sequence[TermPair]) -> set[Link]:
    """Every word key of a Ukrainian form linked to every word key of the English forms."""
    links: set[Link] = set()
    for uk_forms, en_forms in terms:
        uk_keys = {k for form in uk_forms for k in segment_keys(form)[0] if k.startswith("w")}
        en_keys = {k for form in en_forms for k in segment_keys(form)[0] if k.startswith("w")}
        links.update((a, b) for a in uk_keys for b in en_keys)
    return links


def _is_latin_source(src_side: Side, tgt_side: Side) -> bool:
    """True when the source is the less Cyrillic side (English -> Ukrainian)."""
    src_cyrillic, src_latin = script_counts(" ".join(src_side.words))
    tgt_cyrillic, tgt_latin = script_counts(" ".join(tgt_side.words))
    src_share = src_cyrillic / max(src_cyrillic + src_latin, 1)
    tgt_share = tgt_cyrillic / max(tgt_cyrillic + tgt_latin, 1)
    return src_share < tgt_share


# Names and cognates are matched by transliterating the Cyrillic side, and glossary pairs are
# (Ukrainian, English), so with an English source they are found the other way round and
# turned back into (source key, target key).

def _oriented(found: set[Link], latin_source: bool) -> set[Link]:
    return {(latin_key, cyrillic_key) for cyrillic_key, latin_key in found} if latin_source else found


def _name_links(src_side: Side, tgt_side: Side, latin_source: bool) -> set[Link]:
    cyrillic, latin = (tgt_side, src_side) if latin_source else (src_side, tgt_side)
    return _oriented(name_links(cyrillic.names, latin.names), latin_source)


def _word_links(src_side: Side, tgt_side: Side, glossary: tuple[TermPair, ...], latin_source: bool) -> set[Link]:
    """Cognates and glossary terms."""
    cyrillic, latin = (tgt_side, src_side) if latin_source else (src_side, tgt_side)
    return _oriented(cognate_links(cyrillic.words, latin.words) | glossary_links(glossary), latin_source)
