"""`tmtool pair` as a library call: list two folders, fingerprint every document, pair them.

Documents are found by suffix, in subfolders too; one that cannot be read is reported and left
out, never fatal. Fingerprinting is the costliest step and runs in `workers` processes; only
fingerprints (a few kilobytes a document) come back, never texts. Candidates are found twice:
the first round's sure pairs teach word translations (`lexicon`) that the second round uses
too. Its sure pairs are kept; the other documents' best candidates are verified by aligning
their segments (`verified_assignment`), also in `workers` processes.
"""
from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from tmtool import __version__
from tmtool.align.fingerprints import Fingerprint, fingerprint
from tmtool.align.inputs import check_side_language, read_side
from tmtool.align.lexicon import SEED_SCORE, learn_links, with_links
from tmtool.align.pairing import (
    Candidate,
    Pairing,
    ShapeIndex,
    assign,
    find_candidates,
    length_shift,
)
from tmtool.align.verified_assignment import verified_pairing
from tmtool.errors import InputError, TmtoolError
from tmtool.fileio import check_output_not_input, walk_files

# Every suffix `align` reads or will explain (a .doc gets its "save as .docx" message).
DOCUMENT_SUFFIXES = frozenset({
    ".md", ".markdown", ".mdown", ".mkd", ".txt", ".text", ".html", ".htm", ".xhtml",
    ".docx", ".odt", ".doc", ".rtf", ".pdf",
})
DEFAULT_MIN_SCORE = 0.3


@dataclass(frozen=True, slots=True)
class PairResult:
    """What `pair_folders` found: documents of each side, unreadable ones, the pairing."""

    sources: list[Fingerprint]
    targets: list[Fingerprint]
    unreadable: list[tuple[str, str]]  # (path, problem)
    ignored: list[str]  # files of other types
    pairing: Pairing

    @property
    def unpaired_sources(self) -> list[int]:
        paired = {c.src for c in self.pairing.pairs}
        return [i for i in range(len(self.sources)) if i not in paired]

    @property
    def unpaired_targets(self) -> list[int]:
        paired = {c.tgt for c in self.pairing.pairs}
        return [i for i in range(len(self.targets)) if i not in paired]


def list_documents(folder: str) -> tuple[list[str], list[str]]:
    """Document files under `folder` (recursive, linked folders followed, sorted, hidden entries
    skipped) and the other files, which are ignored."""
    if not os.path.isdir(folder):
        raise InputError(folder, None, "not a folder" if os.path.exists(folder) else "no such folder")
    found: list[str] = []
    ignored: list[str] = []
    for root, files in walk_files(folder):
        for name in files:
            if os.path.splitext(name)[1].lower() in DOCUMENT_SUFFIXES:
                found.append(os.path.join(root, name))
            else:
                ignored.append(os.path.join(root, name))
    return found, ignored


def separate_sides(src_dir: str, src_paths: list[str], tgt_dir: str, tgt_paths: list[str]
                   ) -> tuple[list[str], list[str]]:
    """The two folders' documents with none on both sides: the same folder twice is refused
    (every document would pair with itself); when one folder holds the other (`docs/` and
    `docs/en/`), the inner folder's documents belong to the inner side only."""
    src_real, tgt_real = os.path.realpath(src_dir), os.path.realpath(tgt_dir)
    if src_real == tgt_real:
        raise InputError(tgt_dir, None, f"is the same folder as {src_dir}; give the Ukrainian "
                                        "and the English documents' folders")

    def outside(paths: list[str], other: str, inside_other: bool) -> list[str]:
        """`paths` without those in the other folder (also through a linked folder), unless
        this whole folder lies inside the other."""
        if inside_other:
            return paths
        return [p for p in paths if not os.path.realpath(p).startswith(other + os.sep)]

    return (outside(src_paths, tgt_real, src_real.startswith(tgt_real + os.sep)),
            outside(tgt_paths, src_real, tgt_real.startswith(src_real + os.sep)))


def read_fingerprint(task: tuple[str, str]) -> Fingerprint | tuple[str, str]:
    """The fingerprint of one file, or (path, problem) when it cannot be read."""
    path, lang = task
    if "\t" in path or "\n" in path:
        return path, "the file name holds a tab or line break, which a manifest cannot list"
    try:
        side = read_side(path, lang=lang, presegmented=False)
        check_side_language(side, "document")  # an untranslated copy, a file in the wrong folder
        return fingerprint(side, path)
    except TmtoolError as exc:
        return path, str(exc)


def read_fingerprints(paths: Sequence[str], lang: str, workers: int
                      ) -> tuple[list[Fingerprint], list[tuple[str, str]]]:
    tasks = [(path, lang) for path in paths]
    results: Iterator[Fingerprint | tuple[str, str]]
    if workers > 1 and len(tasks) > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = iter(list(pool.map(read_fingerprint, tasks, chunksize=16)))
    else:
        results = map(read_fingerprint, tasks)
    good: list[Fingerprint] = []
    bad: list[tuple[str, str]] = []
    for result in results:
        (good if isinstance(result, Fingerprint) else bad).append(result)  # type: ignore[arg-type]
    return good, bad


def pair_folders(src_dir: str, tgt_dir: str, *, src_lang: str, tgt_lang: str,
                 min_score: float = DEFAULT_MIN_SCORE, workers: int = 1,
                 outputs: Sequence[str] = ()) -> PairResult:
    """Read both folders and pair their documents; `outputs` (the files the caller will
    write) are refused, before any reading, when one is a document of either folder."""
    src_paths, src_ignored = list_documents(src_dir)
    tgt_paths, tgt_ignored = list_documents(tgt_dir)
    for output in outputs:
        check_output_not_input(output, [*src_paths, *tgt_paths])
    src_paths, tgt_paths = separate_sides(src_dir, src_paths, tgt_dir, tgt_paths)
    for folder, paths in ((src_dir, src_paths), (tgt_dir, tgt_paths)):
        if not paths:
            raise InputError(folder, None, "holds no documents (.md, .txt, .html, .docx, .odt)")
    sources, src_bad = read_fingerprints(src_paths, src_lang, workers)
    targets, tgt_bad = read_fingerprints(tgt_paths, tgt_lang, workers)
    pairing = pair_fingerprints(sources, targets, min_score, workers=workers)
    ignored = sorted(set(src_ignored + tgt_ignored))  # once, when one folder holds the other
    return PairResult(sources, targets, src_bad + tgt_bad, ignored, pairing)


def pair_fingerprints(sources: Sequence[Fingerprint], targets: Sequence[Fingerprint],
                      min_score: float, *, verify: bool = True, workers: int = 1) -> Pairing:
    """Two rounds of candidates: names, numbers and shape first; then also the words whose
    translations the first round's sure pairs teach (`lexicon`). Then the sure pairs are kept
    and the uncertain documents' best candidates verified (`verified_assignment`; without
    `verify`, one greedy assignment by fingerprint score), in `workers` processes."""
    src_names, tgt_names = [fp.path for fp in sources], [fp.path for fp in targets]
    if not sources or not targets:
        return assign([], min_score, src_names, tgt_names)
    shapes = ShapeIndex(targets, length_shift(sources, targets))
    first = assign(find_candidates(sources, targets, shapes=shapes), min_score, src_names, tgt_names)
    seeds = sorted((c for c in first.pairs if c.score >= SEED_SCORE), key=lambda c: -c.score)
    links = learn_links([(sources[c.src], targets[c.tgt]) for c in seeds])
    candidates = first.candidates
    if links:
        candidates = find_candidates(*with_links(sources, targets, links), shapes=shapes)
    if not verify:
        return assign(candidates, min_score, src_names, tgt_names)
    return verified_pairing(candidates, sources, targets, links, min_score, (src_names, tgt_names), workers)


def manifest_lines(result: PairResult, folder: str) -> Iterator[str]:
    """`source<TAB>target` lines for `align --pairs`, paths relative to `folder` (where the
    manifest is written), sorted by source."""
    yield "# source\ttarget (tmtool pair)\n"
    for pair in result.pairing.pairs:
        src = os.path.relpath(result.sources[pair.src].path, folder)
        tgt = os.path.relpath(result.targets[pair.tgt].path, folder)
        yield f"{src}\t{tgt}\n"


def _scored(candidate: Candidate, result: PairResult) -> dict[str, object]:
    """A candidate in the report; a verified one also with its verification: the probability
    that it translates, the evidence in nats, and the share of the documents its alignment pairs."""
    entry: dict[str, object] = {
        "src": result.sources[candidate.src].path, "tgt": result.targets[candidate.tgt].path,
        "score": round(candidate.score, 4), "content": round(candidate.content, 4),
        "shape": round(candidate.shape, 4)}
    if candidate.verified is not None:
        evidence = candidate.evidence
        # no alignment path at all (a one-sentence caption against a long report): -inf, which
        # JSON cannot hold, is written as null
        entry.update(verified=round(candidate.verified, 4),
                     evidence=round(evidence, 1) if evidence is not None and math.isfinite(evidence) else None,
                     coverage=round(candidate.coverage or 0.0, 3))
    return entry


def report_chunks(result: PairResult, settings: dict[str, object]) -> Iterator[str]:
    """The `--report` JSON, streamed (one entry a line): pairs, unpaired documents with their
    best candidate, unreadable files, files of other types, and every candidate scored."""
    best_src, best_tgt = result.pairing.best_src, result.pairing.best_tgt
    sections: dict[str, Iterable[dict[str, object]]] = {
        "pairs": (_scored(c, result) for c in result.pairing.pairs),
        "unpaired_sources": (
            {"path": result.sources[i].path,
             "best": _scored(best_src[i], result) if i in best_src else None}
            for i in result.unpaired_sources),
        "unpaired_targets": (
            {"path": result.targets[i].path,
             "best": _scored(best_tgt[i], result) if i in best_tgt else None}
            for i in result.unpaired_targets),
        "unreadable": ({"path": path, "problem": problem} for path, problem in result.unreadable),
        "ignored": ({"path": path} for path in result.ignored),
        "candidates": (_scored(c, result) for c in sorted(
            result.pairing.candidates, key=lambda c: (result.sources[c.src].path, -c.score,
                                                      result.targets[c.tgt].path))),
    }
    yield '{"tmtool": ' + json.dumps(__version__) + ', "settings": ' + json.dumps(settings, ensure_ascii=False)
    for name, entries in sections.items():
        yield f',\n"{name}": ['
        separator = "\n "
        for entry in entries:
            yield separator + json.dumps(entry, ensure_ascii=False, allow_nan=False)
            separator = ",\n "
        yield "]"
    yield "}\n"
