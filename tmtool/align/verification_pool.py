"""Verifying many candidate pairs (`verification`), in worker processes when asked.

Each worker receives the verifier once (its models are the bulk) and then chunks of one source
fingerprint with its targets'; only verdicts come back. A bounded number of chunks is in flight,
so memory does not grow with the number of pairs.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace

from tmtool.align.fingerprints import Fingerprint
from tmtool.align.pairing import Candidate
from tmtool.align.verification import Verdict, Verifier, verify

CHUNK_SOURCES = 64  # source documents (with their candidates) in one task
IN_FLIGHT_PER_WORKER = 4  # tasks submitted ahead of the results read
Job = tuple[Fingerprint, list[Fingerprint]]  # a source and the targets to verify it with

_installed: list[Verifier] = []  # the verifier of this worker process


def _install(verifier: Verifier) -> None:
    _installed[:] = [verifier]


def _verify_chunk(jobs: list[Job]) -> list[list[Verdict]]:
    verifier = _installed[0]
    verdicts = []
    for src, tgts in jobs:
        src_view = verifier.source_view(src)
        verdicts.append([verify(src_view, verifier.target_view(tgt), verifier) for tgt in tgts])
    return verdicts


def verify_all(chosen: dict[int, dict[int, Candidate]], sources: Sequence[Fingerprint],
               targets: Sequence[Fingerprint], verifier: Verifier, workers: int = 1
               ) -> list[tuple[Candidate, bool]]:
    """Every chosen candidate (source -> target -> candidate) with its verification, and
    whether it pairs the documents whole; in `workers` processes when more than one."""
    order = [(src, sorted(chosen[src].items())) for src in sorted(chosen)]
    chunks = [order[start:start + CHUNK_SOURCES] for start in range(0, len(order), CHUNK_SOURCES)]
    jobs = ([(sources[src], [targets[tgt] for tgt, _ in items]) for src, items in chunk] for chunk in chunks)
    if workers > 1 and len(chunks) > 1:
        results = _in_pool(jobs, verifier, workers)
    else:
        _install(verifier)
        results = map(_verify_chunk, jobs)
    found: list[tuple[Candidate, bool]] = []
    for chunk, verdict_lists in zip(chunks, results):
        for (_, items), verdicts in zip(chunk, verdict_lists):
            for (_, candidate), verdict in zip(items, verdicts):
                found.append((replace(candidate, verified=verdict.score, evidence=verdict.evidence,
                                      coverage=verdict.coverage), verdict.is_whole))
    return found


def _in_pool(jobs: Iterator[list[Job]], verifier: Verifier, workers: int) -> Iterator[list[list[Verdict]]]:
    """Results in the order of `jobs`, at most IN_FLIGHT_PER_WORKER tasks a worker ahead."""
    with ProcessPoolExecutor(workers, initializer=_install, initargs=(verifier,)) as pool:
        pending: list[Future[list[list[Verdict]]]] = []
        for job in jobs:
            pending.append(pool.submit(_verify_chunk, job))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()
