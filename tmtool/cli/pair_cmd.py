"""`tmtool pair`: which file of one folder translates which file of another -> a manifest."""
from __future__ import annotations

import os

import click

from tmtool.align.pair_folders import (
    DEFAULT_MIN_SCORE,
    PairResult,
    manifest_lines,
    pair_folders,
    report_chunks,
)
from tmtool.cli.options import lang_options, output_option, quiet_option
from tmtool.fileio import STDIO, atomic_text_output, check_output


@click.command()
@click.argument("src_dir", metavar="UK_DIR")
@click.argument("tgt_dir", metavar="EN_DIR")
@output_option(help_text="The manifest to write ('-' for stdout): SOURCE<TAB>TARGET a line.")
@lang_options
@click.option("--min-score", type=click.FloatRange(0, 1), default=DEFAULT_MIN_SCORE,
              show_default=True,
              help="Leave a document unpaired when its best counterpart scores below this "
                   "(a verified pair: when verification's probability is below it).")
@click.option("--report", metavar="FILE.json",
              help="Also write every candidate's score, the unpaired and the unreadable documents "
                   "and the other files, which were ignored.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes for reading the documents and verifying pairs.")
@quiet_option
def pair(src_dir: str, tgt_dir: str, output: str, src_lang: str, tgt_lang: str, min_score: float,
         report: str | None, jobs: int, quiet: bool) -> None:
    """Find which document of UK_DIR translates which of EN_DIR, for align --pairs.

    Both folders are searched with their subfolders for .md, .txt, .html, .docx and .odt
    files; names do not matter. Documents are compared by what survives translation: numbers,
    dates, names through transliteration, length and structure (blocks, sentences, headings),
    then also by the words whose translations the surest pairs show.
    Sure pairs are taken as they score. For every other document, its few best candidates are
    verified by aligning their sentences (lengths, words, paragraphs), and pairs are chosen by
    that evidence, each document at most once; one without a counterpart that passes (scoring
    --min-score or more and aligning as a whole) stays unpaired and is listed on stderr.
    A document in the other folder's language is reported and left out; when one folder
    holds the other (docs/ and docs/en/), the inner folder's documents are its side's only.
    Exit codes: 0 done; 1 some documents could not be read (listed, left out); 2 bad input.

    \b
    Example:
      tmtool pair archive/uk archive/en -o pairs.tsv --report pairs.json
      tmtool align --pairs pairs.tsv -o archive.tmx -j 2
    """
    if report == STDIO and output == STDIO:
        raise click.UsageError("-o and --report cannot both be '-' (stdout)")
    check_output(output, [x for x in (report,) if x])
    result = pair_folders(src_dir, tgt_dir, src_lang=src_lang, tgt_lang=tgt_lang, min_score=min_score,
                          workers=jobs, outputs=[x for x in (output, report) if x])
    _write(result, output, report, {"src": src_dir, "tgt": tgt_dir, "src_lang": src_lang,
                                    "tgt_lang": tgt_lang, "min_score": min_score})
    _summarize(result, output, quiet)
    if result.unreadable:
        click.get_current_context().exit(1)


def _write(result: PairResult, output: str, report: str | None, settings: dict[str, object]) -> None:
    folder = os.getcwd() if output == STDIO else os.path.dirname(os.path.abspath(output))
    if report:
        with atomic_text_output(report) as text:
            text.writelines(report_chunks(result, settings))
    with atomic_text_output(output) as text:
        text.writelines(manifest_lines(result, folder))


def _summarize(result: PairResult, output: str, quiet: bool) -> None:
    for path, problem in result.unreadable:
        click.echo(f"tmtool: error: {problem} (document skipped)", err=True)
    if quiet:
        return
    best_src, best_tgt = result.pairing.best_src, result.pairing.best_tgt
    for index in result.unpaired_sources:
        click.echo(_unpaired(result.sources[index].path, best_src.get(index), result, True), err=True)
    for index in result.unpaired_targets:
        click.echo(_unpaired(result.targets[index].path, best_tgt.get(index), result, False), err=True)
    unreadable = f"; {len(result.unreadable)} unreadable" if result.unreadable else ""
    if result.ignored:
        count = len(result.ignored)
        unreadable += f"; {count} other file{'s' if count > 1 else ''} ignored"
    click.echo(
        f"{len(result.pairing.pairs)} pairs written to {output}; unpaired: "
        f"{len(result.unpaired_sources)} of {len(result.sources)} source and "
        f"{len(result.unpaired_targets)} of {len(result.targets)} target documents{unreadable}",
        err=True)


def _unpaired(path: str, best: object, result: PairResult, source: bool) -> str:
    from tmtool.align.pairing import Candidate

    if not isinstance(best, Candidate):
        return f"{path}: unpaired (no candidate)"
    other = result.targets[best.tgt].path if source else result.sources[best.src].path
    return f"{path}: unpaired (best candidate {other}, score {best.score:.2f})"
