"""Applying a review: the inputs checked against the edit log, the pair aligned again around
the confirmed beads, and confirmed units marked in the TMX.

Confirmed units carry `x-tmtool-status` = `confirmed` and `x-tmtool-score` = `1.0000`, so
`tmtool tmx filter --confirmed-only` (or `--min-score`) can keep them. Rejected beads are
remembered (`Review.rejected`) so a review page written from the result keeps them too.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from tmtool.align.anchors import AnchorConflictError, BeadKey, align_anchored, conflict_message
from tmtool.align.batch import AlignJob
from tmtool.align.inputs import AlignSide, check_languages, read_side
from tmtool.align.levels import DocumentAlignment
from tmtool.align.output import unit_id
from tmtool.errors import InputError
from tmtool.formats.tabular import SCORE_PROP
from tmtool.model import Prop, TranslationUnit
from tmtool.review.editlog import check_hashes, file_sha256, load_edit_log, to_decisions
from tmtool.segment import load_rules
from tmtool.tm.filters import CONFIRMED, STATUS_PROP


@dataclass(frozen=True, slots=True)
class Review:
    """The inputs' digests and the decisions that hold for an alignment (segment positions)."""

    src_sha256: str
    tgt_sha256: str
    confirmed: frozenset[BeadKey] = frozenset()
    rejected: tuple[BeadKey, ...] = ()


def read_pair(job: AlignJob) -> tuple[AlignSide, AlignSide]:
    """Both sides of a job, read, segmented and checked as `align_job` does."""
    rules = load_rules(job.srx_path) if job.srx_path else None
    src, tgt = (read_side(path, lang=lang, presegmented=job.presegmented, rules=rules, markup=job.markup)
                for path, lang in ((job.src_path, job.src_lang), (job.tgt_path, job.tgt_lang)))
    check_languages(src, tgt)
    return src, tgt


def review_of(job: AlignJob) -> Review:
    """A review with no decisions yet, for a first review page."""
    return Review(file_sha256(job.src_path), file_sha256(job.tgt_path))


def apply_edit_log(job: AlignJob, log_path: str) -> tuple[DocumentAlignment, Review]:
    """Align a pair again under the decisions of the log at `log_path`.

    The log's form and its digests are checked before the documents are even segmented, so a
    log for other files fails fast; every problem is an InputError naming the log.
    """
    log = load_edit_log(log_path)
    hashes = check_hashes(log, job.src_path, job.tgt_path)
    src, tgt = read_pair(job)
    decisions = to_decisions(log, src, tgt)
    try:
        doc = align_anchored(src, tgt, job.options, decisions)
    except AnchorConflictError as exc:
        raise InputError(log.name, None, conflict_message(exc.span, src.indices, tgt.indices)) from None
    return doc, Review(hashes[0], hashes[1], frozenset(decisions.confirmed), decisions.rejected)


def mark_confirmed(units: Iterable[TranslationUnit], doc: DocumentAlignment,
                   review: Review) -> Iterator[TranslationUnit]:
    """The units, those of confirmed beads with the status prop and a score of 1."""
    tuids = {unit_id(doc, b) for b in doc.beads if b.is_pair() and (b.src, b.tgt) in review.confirmed}
    for unit in units:
        if unit.tuid not in tuids:
            yield unit
            continue
        props = tuple(p for p in unit.props if p.type not in (SCORE_PROP, STATUS_PROP))
        yield replace(unit, props=(*props, Prop(SCORE_PROP, "1.0000"), Prop(STATUS_PROP, CONFIRMED)))
