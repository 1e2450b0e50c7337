"""The review side of `tmtool align`: `--format html` (a review page) and `--apply LOG` (align
again under a reviewer's decisions). Kept apart from align_cmd so the plain path stays as it is.

Both need the inputs' SHA-256, so both take one document pair named by files, not `-`.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import click

from tmtool.align.batch import AlignJob, align_job
from tmtool.align.levels import DocumentAlignment
from tmtool.errors import ConfigError
from tmtool.fileio import atomic_text_output
from tmtool.review.apply import Review, apply_edit_log, review_of
from tmtool.review.page import PageOptions, needs_review, review_page


@dataclass(frozen=True, slots=True)
class Reviewed:
    doc: DocumentAlignment
    review: Review


def check_review_options(manifest: str | None, src: str | None, tgt: str | None, fmt: str,
                         apply: str | None) -> None:
    """Refuse what a review cannot take, before any work."""
    what = "--apply" if apply else "--format html" if fmt == "html" else None
    if what is None:
        return
    if manifest:
        raise ConfigError(f"{what} takes one document pair (SRC TGT), not --pairs")
    if "-" in (src, tgt, apply):
        raise ConfigError(f"{what} records the inputs' SHA-256: name files, not '-'")


def align_for_review(jobs: Sequence[AlignJob], fmt: str, apply: str | None,
                     quiet: bool) -> Reviewed | None:
    """The alignment and review state for --apply or an HTML page; None for other runs."""
    if not apply and fmt != "html":
        return None
    if apply:
        doc, review = apply_edit_log(jobs[0], apply)
        if not quiet:
            click.echo(f"{apply}: {len(review.confirmed)} confirmed and {len(review.rejected)} "
                       "rejected beads applied", err=True)
        return Reviewed(doc, review)
    doc = align_job(jobs[0])
    return Reviewed(doc, review_of(jobs[0]))


def write_review_page(reviewed: Reviewed, output: str, inputs: Sequence[str], quiet: bool) -> int:
    """Write the page; returns the number of pairs it shows."""
    base = os.path.basename(output) if output != "-" else os.path.basename(reviewed.doc.src.name)
    stem = base[:-5] if base.lower().endswith(".html") else base.rsplit(".", 1)[0]
    options = PageOptions(name=stem or "alignment")
    with atomic_text_output(output, inputs=inputs) as text:
        text.write(review_page(reviewed.doc, reviewed.review, options))
    beads = reviewed.doc.beads
    if not quiet:
        weak = sum(1 for b in beads if needs_review(b, reviewed.review, options.threshold))
        click.echo(f"{output}: {weak} of {len(beads)} rows to review (score below "
                   f"{options.threshold:.2f}, or not 1-1)", err=True)
    return sum(1 for b in beads if b.is_pair())
