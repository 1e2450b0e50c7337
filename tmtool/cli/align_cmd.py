"""`tmtool align`: parallel documents (or a manifest of them) -> TMX, TSV or a JSON ladder."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from tmtool.align.batch import AlignJob, align_job, glossary_terms
from tmtool.align.levels import DocumentAlignment
from tmtool.align.output import (
    OutputOptions,
    json_text,
    spans_sentences,
    summary,
    translation_units,
    tsv_lines,
)
from tmtool.align.pipeline import AlignOptions
from tmtool.align.render import RenderOptions
from tmtool.cli.align_batch import batch_options, check_batch_options, run_pairs
from tmtool.cli.align_review import (
    Reviewed,
    align_for_review,
    check_review_options,
    write_review_page,
)
from tmtool.cli.options import lang_options, output_option, quiet_option, run_timestamp
from tmtool.errors import ConfigError
from tmtool.fileio import atomic_output, atomic_text_output, check_output
from tmtool.review.apply import mark_confirmed

FORMATS = ("tmx", "tsv", "json", "html")


def _format_for(output: str, fmt: str | None) -> str:
    if fmt:
        return fmt
    suffix = output.rsplit(".", 1)[-1].lower() if "." in output else ""
    return suffix if suffix in FORMATS else "tmx"


def write_output(docs: Sequence[DocumentAlignment], output: str, fmt: str, out: OutputOptions,
                 settings: dict[str, object], inputs: list[str], reviewed: Reviewed | None = None,
                 quiet: bool = False) -> int:
    """Write the alignments; returns the number of pairs written."""
    pairs = sum(1 for doc in docs for b in doc.beads if b.is_pair() and b.score >= out.min_score)
    if fmt == "html" and reviewed is not None:
        return write_review_page(reviewed, output, inputs, quiet)
    if fmt == "tmx":
        from tmtool.formats.tmx import TmxHeader, write_tmx

        segtype = "paragraph" if spans_sentences(docs, out.min_score) else "sentence"
        header = TmxHeader(srclang=docs[0].src.lang, segtype=segtype, creationdate=out.created)
        with atomic_output(output, inputs=inputs) as stream:
            units = translation_units(docs, out)
            if reviewed is not None:
                units = mark_confirmed(units, reviewed.doc, reviewed.review)
            return write_tmx(units, stream, header=header)
    with atomic_text_output(output, inputs=inputs) as text:
        if fmt == "json":
            text.write(json_text(docs, out, settings, reviewed.review.confirmed if reviewed else frozenset()))
        else:
            text.writelines(tsv_lines(docs, out))
    return pairs


@click.command()
@click.argument("src", required=False)
@click.argument("tgt", required=False)
@click.option("--pairs", "manifest", metavar="MANIFEST",
              help="Align every SOURCE<TAB>TARGET pair listed in this file into one output.")
@output_option()
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Output format (default: from the -o suffix, else tmx); html is a review page.")
@click.option("--apply", "apply", metavar="LOG",
              help="Align again keeping the beads confirmed in this review log (NAME.review.json) "
                   "and never choosing the rejected ones; confirmed units get x-tmtool-status.")
@click.option("--presegmented", is_flag=True,
              help="Inputs are one segment per line, taken as they are; empty lines are skipped.")
@lang_options
@click.option("--glossary", multiple=True, metavar="PATH",
              help="Glossary file or folder whose term pairs count as evidence (repeatable).")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Drop pairs scoring below this. The score is the model's probability that the "
                   "pair is right rather than a nearby alternative (a shift, merge or deletion); "
                   "0.5 = as likely wrong as right.")
@click.option("--markup", type=click.Choice(["codes", "literal", "plain"]), default=None,
              help="codes (default): inline markup as TMX bpt/ept/ph; plain: text only; literal: "
                   "the source text as written, markup and '## ' included, segmented as a CAT "
                   "tool reading the .md/.txt file as plain text does (OmegaT).")
@click.option("--plain", is_flag=True, help="Same as --markup plain.")
@click.option("--score-prop", is_flag=True, help="Add an x-tmtool-score prop to every TMX unit.")
@click.option("--srx", metavar="FILE", help="Segment with these SRX rules instead of tmtool's.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes for --pairs.")
@batch_options
@quiet_option
def align(src: str | None, tgt: str | None, manifest: str | None, output: str, fmt: str | None,
          presegmented: bool, src_lang: str, tgt_lang: str, glossary: tuple[str, ...],
          min_score: float, markup: str | None, plain: bool, score_prop: bool, srx: str | None, jobs: int,
          quiet: bool, apply: str | None = None, **batch: Any) -> None:
    """Align a Ukrainian document with its English translation into TMX.

    Reads Markdown, HTML, plain text, Word (.docx) and OpenDocument (.odt) files; a .doc,
    .rtf or .pdf must be saved as .docx or .odt first.
    Blocks (headings, paragraphs, captions) are aligned first, then sentences inside them;
    pairs are chosen from lengths, numbers, names, markup, glossary terms and a word table
    learned from the pair itself, and each gets a score in [0, 1]: how sure the aligner is
    of it against the nearby alternatives. Unmatched sentences never become units.
    Exit codes: 0 done; 1 (--pairs) some documents failed and were skipped; 2 nothing could
    be aligned (bad input or options), nothing written.

    With --pairs, documents are written as they finish, in manifest order, so memory does not
    grow with their number; -o DIR/ writes shards of --shard-size documents that `tmtool tmx
    merge` joins; an interrupted run goes on with --resume (the partial output waits in
    OUT.part, its progress in OUT.progress, or DIR/tmtool-progress.json).

    \b
    Example:
      tmtool align sources/interview.uk.md sources/interview.en.md -o interview.tmx
      tmtool align --presegmented uk.txt en.txt --format json -o ladder.json
      tmtool align report.uk.docx report.en.docx -o report.tmx
      tmtool align --pairs pairs.tsv -o all.tmx -j 2
      tmtool align --pairs pairs.tsv -o shards/ --shard-size 500 --resume
      tmtool align sources/interview.uk.md sources/interview.en.md -o review.html
      tmtool align sources/interview.uk.md sources/interview.en.md --apply review.review.json -o reviewed.tmx
    """
    if bool(manifest) == bool(src or tgt) or (not manifest and not (src and tgt)):
        raise ConfigError("give two documents (SRC TGT) or --pairs MANIFEST, not both")
    if src == tgt == "-":
        raise ConfigError("SRC and TGT cannot both be '-': standard input can be read only once")
    if plain and markup not in (None, "plain"):
        raise click.UsageError(f"--plain contradicts --markup {markup}")
    markup = "plain" if plain else markup or "codes"
    fmt = _format_for(output, fmt)
    check_review_options(manifest, src, tgt, fmt, apply)
    options = AlignOptions(glossary=glossary_terms(glossary) if glossary else (), min_score=min_score)
    # plain still aligns on the codes (markup is evidence) and drops them when writing
    read_markup = "literal" if markup == "literal" else "codes"
    job = AlignJob(src or "", tgt or "", src_lang, tgt_lang, presegmented, options, srx, read_markup)
    settings = {"src_lang": src_lang, "tgt_lang": tgt_lang, "presegmented": presegmented,
                "min_score": min_score, "glossary": list(glossary), "markup": markup}
    out = OutputOptions(min_score=min_score, plain=markup == "plain", score_prop=score_prop,
                        created=run_timestamp())
    extra = [x for x in (srx, apply) if x] + list(glossary)
    if manifest:
        render = RenderOptions(fmt, out, src_lang, tgt_lang, settings)
        click.get_current_context().exit(run_pairs(manifest, output, job, render, extra, batch, jobs, quiet))
    check_batch_options(manifest, batch["resume"], batch["shard_size"], batch["cluster"])
    inputs = [src or "", tgt or "", *extra]
    check_output(output, inputs)
    reviewed = align_for_review([job], fmt, apply, quiet)
    docs = [reviewed.doc if reviewed is not None else align_job(job)]
    written = write_output(docs, output, fmt, out, settings, inputs, reviewed, quiet)
    _report(docs, written, output, quiet)


def _report(docs: Sequence[DocumentAlignment], written: int, output: str, quiet: bool) -> None:
    if quiet:
        return
    for doc in docs:
        click.echo(summary(doc), err=True)
    click.echo(f"{written} pairs written to {output}", err=True)
