"""Aligning one document pair from files, or a whole manifest of pairs, possibly in parallel.

A job is a small picklable description, so `-j N` can hand jobs to worker processes; results
come back in manifest order. A document that cannot be read or aligned becomes an error
message in its result and the others go on; only an unexpected exception (a bug) stops the run.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from tmtool.align.inputs import check_languages, read_side
from tmtool.align.levels import DocumentAlignment, align_sides
from tmtool.align.pipeline import AlignOptions, TermPair
from tmtool.errors import InputError, TmtoolError
from tmtool.fileio import display_name, read_text
from tmtool.segment import load_rules


@dataclass(frozen=True, slots=True)
class AlignJob:
    src_path: str
    tgt_path: str
    src_lang: str
    tgt_lang: str
    presegmented: bool = False
    options: AlignOptions = field(default_factory=AlignOptions)
    srx_path: str | None = None
    markup: str = "codes"  # read_document's markup mode: codes, literal or plain


@dataclass(frozen=True, slots=True)
class JobResult:
    job: AlignJob
    alignment: DocumentAlignment | None
    error: str | None = None


def align_job(job: AlignJob) -> DocumentAlignment:
    """Read, check and align one pair; raises TmtoolError for bad input."""
    rules = load_rules(job.srx_path) if job.srx_path else None
    src = read_side(job.src_path, lang=job.src_lang, presegmented=job.presegmented, rules=rules,
                    markup=job.markup)
    tgt = read_side(job.tgt_path, lang=job.tgt_lang, presegmented=job.presegmented, rules=rules,
                    markup=job.markup)
    check_languages(src, tgt)
    return align_sides(src, tgt, job.options)


def run_job(job: AlignJob) -> JobResult:
    try:
        return JobResult(job, align_job(job))
    except TmtoolError as exc:
        return JobResult(job, None, str(exc))


def run_jobs(jobs: Sequence[AlignJob], workers: int = 1) -> Iterator[JobResult]:
    """Results in the order of `jobs`; `workers` > 1 uses that many processes."""
    if workers <= 1 or len(jobs) <= 1:
        yield from (run_job(job) for job in jobs)
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        yield from pool.map(run_job, jobs)


def read_manifest(path: str) -> list[tuple[str, str]]:
    """(source, target) paths, one `source<TAB>target` pair a line; blank lines and lines
    starting with # are skipped; relative paths are taken from the manifest's folder."""
    name = display_name(path)
    folder = os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not cells[0].strip() or not cells[1].strip():
            raise InputError(name, number, "expected SOURCE<TAB>TARGET (two paths separated by a tab)")
        src, tgt = (_resolve(folder, cell.strip()) for cell in cells)
        pairs.append((src, tgt))
    if not pairs:
        raise InputError(name, None, "the manifest lists no document pairs")
    return pairs


def _resolve(folder: str, path: str) -> str:
    """A manifest path, relative to the manifest's folder, as short as possible for messages."""
    if os.path.isabs(path):
        return path
    return os.path.relpath(os.path.join(folder, path))


def glossary_terms(paths: Sequence[str]) -> tuple[TermPair, ...]:
    """(Ukrainian forms, English renderings) of every entry of the glossaries at `paths`."""
    from tmtool.glossary.csvfile import load_glossary

    glossary = load_glossary(list(paths))
    return tuple(
        (tuple(entry.uk) + tuple(entry.uk_forms), (entry.en, *entry.en_allowed))
        for entry in glossary.entries
    )
