"""What an alignment becomes: translation units for TMX, a TSV of pairs, or the JSON ladder.

Only beads with both sides become units or TSV rows, and only when their score reaches
`min_score`; the JSON ladder keeps every bead (deletions with score 0) so it can be scored
against a gold alignment, each with its segments' texts beside their indices so that a
reviewer needs no other file. Segments of a many-to-one bead are joined with one space in
units and TSV; the TSV is the one dialect of `formats.tabular`, which `convert` reads back.
Unit ids are derived from the file names (without folders), segment indices and texts, so
they are stable.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from tmtool import __version__
from tmtool.align.anchors import BeadKey
from tmtool.align.beads import Bead
from tmtool.align.inputs import AlignSide, short_name
from tmtool.align.levels import DocumentAlignment
from tmtool.formats.tabular import SCORE_COLUMN, SCORE_PROP, tsv_line
from tmtool.model import InlineCode, Prop, Segment, TranslationUnit, Variant
from tmtool.segment.balance import balanced_native_text


@dataclass(frozen=True, slots=True)
class OutputOptions:
    min_score: float = 0.0
    plain: bool = False  # drop inline markup (text only)
    score_prop: bool = False  # add an x-tmtool-score prop to every unit
    created: datetime | None = None


def joined_segment(side: AlignSide, positions: Sequence[int], plain: bool) -> Segment:
    """The bead's segments of one side as one segment, joined by a space."""
    parts: list[str | InlineCode] = []
    for number, position in enumerate(positions):
        if number:
            parts.append(" ")
        segment = side.segments[position]
        if plain:
            parts.append(segment.text.strip())
        else:
            parts.extend(segment.parts)
    return Segment(tuple(parts))


def kept_pairs(doc: DocumentAlignment, min_score: float) -> Iterator[Bead]:
    return (b for b in doc.beads if b.is_pair() and b.score >= min_score)


def unit_id(doc: DocumentAlignment, bead: Bead) -> str:
    """A tuid from the file names, the segment indices and the texts: the same alignment
    gives the same id from any folder, and documents of the same name in different folders
    (a manifest of yearly issues) do not share ids."""
    src_ids = ",".join(str(doc.src.indices[p]) for p in bead.src)
    tgt_ids = ",".join(str(doc.tgt.indices[p]) for p in bead.tgt)
    texts = [doc.src.segments[p].native_text() for p in bead.src]
    texts += ["\x1e"] + [doc.tgt.segments[p].native_text() for p in bead.tgt]
    key = "\t".join([short_name(doc.src.name), short_name(doc.tgt.name), src_ids, tgt_ids, *texts])
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def translation_units(docs: Iterable[DocumentAlignment], options: OutputOptions) -> Iterator[TranslationUnit]:
    for doc in docs:
        for bead in kept_pairs(doc, options.min_score):
            props = (Prop(SCORE_PROP, f"{bead.score:.4f}"),) if options.score_prop else ()
            yield TranslationUnit(
                variants=(
                    Variant(doc.src.lang, joined_segment(doc.src, bead.src, options.plain),
                            line=doc.src.lines[bead.src[0]]),
                    Variant(doc.tgt.lang, joined_segment(doc.tgt, bead.tgt, options.plain),
                            line=doc.tgt.lines[bead.tgt[0]]),
                ),
                tuid=unit_id(doc, bead),
                props=props,
                creation_date=options.created,
                src_lang=doc.src.lang,
            )


def spans_sentences(docs: Iterable[DocumentAlignment], min_score: float) -> bool:
    """True when some exported unit joins two or more segments (TMX segtype paragraph)."""
    return any(
        len(b.src) > 1 or len(b.tgt) > 1 for doc in docs for b in kept_pairs(doc, min_score)
    )


def _cell(segment: Segment, plain: bool) -> str:
    """A segment as TSV shows it: text only, or with its markup, trimmed as TMX trims it.

    Markup is balanced within the cell: a bold sentence split from the next one must not
    leave "**" open in one row and closed in the next."""
    return (segment.text if plain else balanced_native_text(segment)).strip()


def tsv_lines(docs: Iterable[DocumentAlignment], options: OutputOptions) -> Iterator[str]:
    """The pairs in tmtool's TSV dialect (`formats.tabular`, which `convert` reads): a header
    naming the locales and the score column, then `source<TAB>target<TAB>score` a pair."""
    header = False
    for doc in docs:
        if not header:
            header = True
            yield tsv_line([doc.src.lang, doc.tgt.lang, SCORE_COLUMN])
        for bead in kept_pairs(doc, options.min_score):
            src = _cell(joined_segment(doc.src, bead.src, options.plain), options.plain)
            tgt = _cell(joined_segment(doc.tgt, bead.tgt, options.plain), options.plain)
            yield tsv_line([src, tgt, f"{bead.score:.4f}"])


def ladder(doc: DocumentAlignment, options: OutputOptions,
           confirmed: Collection[BeadKey] = frozenset()) -> list[dict[str, object]]:
    """Every bead as `{"src": [indices], "tgt": [indices], "score", "src_text": [texts],
    "tgt_text": [texts]}`; a text list runs parallel to its index list, each segment as TSV
    shows it (markup kept, or text only with `plain`). A bead a reviewer confirmed (its
    positions in `confirmed`) also has `"status": "confirmed"`: its score of 1 is a person's."""
    out: list[dict[str, object]] = []
    for bead in doc.beads:
        if bead.is_pair() and bead.score < options.min_score:
            continue
        out.append({
            "src": [doc.src.indices[p] for p in bead.src],
            "tgt": [doc.tgt.indices[p] for p in bead.tgt],
            "score": round(bead.score, 4),
            "src_text": [_cell(doc.src.segments[p], options.plain) for p in bead.src],
            "tgt_text": [_cell(doc.tgt.segments[p], options.plain) for p in bead.tgt],
            **({"status": "confirmed"} if (bead.src, bead.tgt) in confirmed else {}),
        })
    return out


def _object_with_beads(meta: dict[str, object], beads: list[dict[str, object]]) -> str:
    """`meta` as a JSON object with a "beads" list last, one bead a line (diffable)."""
    rows = ",\n".join("  " + json.dumps(bead, ensure_ascii=False) for bead in beads)
    opening = json.dumps(meta, ensure_ascii=False)[:-1]
    return opening + ', "beads": [\n' + rows + ("\n" if rows else "") + "]}"


def json_text(docs: Sequence[DocumentAlignment], options: OutputOptions, settings: dict[str, object],
              confirmed: Collection[BeadKey] = frozenset()) -> str:
    """One document: `{"tmtool": version, "settings": ..., "src", "tgt", "beads": [...]}`;
    several (manifest mode): the same per document in a "documents" list."""
    head: dict[str, object] = {"tmtool": __version__, "settings": settings}
    if len(docs) == 1:
        doc = docs[0]
        meta = {**head, "src": doc.src.name, "tgt": doc.tgt.name}
        return _object_with_beads(meta, ladder(doc, options, confirmed)) + "\n"
    parts = [
        _object_with_beads({"src": doc.src.name, "tgt": doc.tgt.name}, ladder(doc, options))
        for doc in docs
    ]
    return json.dumps(head, ensure_ascii=False)[:-1] + ', "documents": [\n' + ",\n".join(parts) + "\n]}\n"


def summary(doc: DocumentAlignment) -> str:
    """One line for stderr: segments, beads by shape, mean score of the pairs."""
    shapes = Counter(b.shape for b in doc.beads)
    pairs = [b.score for b in doc.beads if b.is_pair()]
    mean = sum(pairs) / len(pairs) if pairs else 0.0
    order = ["1-1", "2-1", "1-2", "2-2", "3-1", "1-3", "4-1", "1-4", "5-1", "1-5", "1-0", "0-1"]
    mix = ", ".join(f"{shape} {shapes[shape]}" for shape in order if shapes[shape])
    return (
        f"{doc.src.name} + {doc.tgt.name}: {len(doc.src.segments)} + {len(doc.tgt.segments)} "
        f"segments; beads {mix}; mean score {mean:.3f}"
    )


def document_json(doc: DocumentAlignment, options: OutputOptions) -> str:
    """One document of the "documents" list of manifest output: `{"src", "tgt", "beads"}`."""
    meta: dict[str, object] = {"src": doc.src.name, "tgt": doc.tgt.name}
    return _object_with_beads(meta, ladder(doc, options))
