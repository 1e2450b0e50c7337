"""Where the documents of a batch are aligned: in this process, in a pool of processes, or on a
Dask cluster (`tmtool.align.dask_executor`).

Every executor takes the same chunks of tasks and yields their results in manifest order with at
most `window` chunks submitted and not yet handed back: a finished chunk waits in its future
until the ones before it are out (the reorder buffer), and no new chunk is submitted meanwhile,
so the client's memory is bounded by the window, never by the number of documents.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol

from tmtool.align.batch import BatchSettings, DocumentTask, run_chunk
from tmtool.align.render import RenderedDocument
from tmtool.errors import TmtoolError

Chunk = Sequence[DocumentTask]
ChunkResults = list[RenderedDocument]


class WorkerLostError(TmtoolError):
    """The processes or cluster running a batch stopped under it (a worker killed, perhaps
    for lack of memory; the scheduler gone): no fault of the documents, and what was
    written so far can be resumed."""


class Pending(Protocol):
    """A submitted chunk (a concurrent.futures or a Dask future)."""

    def result(self) -> ChunkResults: ...


class Executor(Protocol):
    """Runs chunks of a batch and yields each document's result in manifest order."""

    def results(self, settings: BatchSettings, chunks: Iterable[Chunk]) -> Iterator[RenderedDocument]: ...

    def close(self) -> None: ...


def in_order(submit: Callable[[Chunk], Pending], chunks: Iterable[Chunk],
             window: int) -> Iterator[RenderedDocument]:
    """Submit chunks, at most `window` not yet yielded, and yield their results in order."""
    pending: deque[Pending] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


class InProcessExecutor:
    """Aligns each chunk here, one after the other (`-j 1`)."""

    def results(self, settings: BatchSettings, chunks: Iterable[Chunk]) -> Iterator[RenderedDocument]:
        for chunk in chunks:
            yield from run_chunk(settings, chunk)

    def close(self) -> None:
        """Nothing to release."""


_WORKER_SETTINGS: list[BatchSettings] = []


def _set_worker_settings(settings: BatchSettings) -> None:
    _WORKER_SETTINGS[:] = [settings]


def _run_with_worker_settings(chunk: Chunk) -> ChunkResults:
    return run_chunk(_WORKER_SETTINGS[0], chunk)


class PoolExecutor:
    """`workers` processes of this machine (`-j N`); the settings (glossary included) are sent
    once to each process, not with every chunk."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    def results(self, settings: BatchSettings, chunks: Iterable[Chunk]) -> Iterator[RenderedDocument]:
        self.pool = ProcessPoolExecutor(self.workers, initializer=_set_worker_settings,
                                        initargs=(settings,))
        try:
            yield from in_order(lambda chunk: self.pool.submit(_run_with_worker_settings, chunk),  # type: ignore[union-attr]
                                chunks, window=4 * self.workers)
        except BrokenProcessPool:
            raise WorkerLostError("a worker process stopped before its documents were aligned "
                                  "(killed by the system, perhaps for lack of memory)") from None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


def local_executor(workers: int) -> Executor:
    """This process for one worker, else a process pool."""
    return InProcessExecutor() if workers <= 1 else PoolExecutor(workers)
