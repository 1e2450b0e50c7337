"""Aligning a batch on Dask distributed (`--cluster local|tcp://HOST:PORT`, extra `tmtool[cluster]`).

The same chunks as every executor, submitted as Dask tasks in a bounded window and handed back in
manifest order; the settings travel once, as the result of a task every chunk depends on (not as
scattered data, which is lost for good when the workers holding it die or are restarted for
memory, while a task's result is computed again). `local` starts a LocalCluster of worker
processes on this machine; an address connects to a running scheduler whose workers have tmtool
installed and see the documents at the same paths (docs/scale.md). A cluster that loses the
run's work (its scheduler gone, a chunk's workers dead three times) is a WorkerLostError.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from tmtool.align.batch import BatchSettings, run_chunk
from tmtool.align.executors import Chunk, WorkerLostError, in_order
from tmtool.align.render import RenderedDocument
from tmtool.errors import ConfigError

INSTALL_HINT = "pip install 'tmtool[cluster]'"
WINDOW_PER_THREAD = 3  # chunks in flight per worker thread: enough to keep workers busy


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ConfigError(f"--cluster needs Dask distributed, which is not installed: {INSTALL_HINT}") from None
    return distributed


class DaskExecutor:
    """A Dask client on `address` ("local" starts `workers` local worker processes; with
    `processes=False` they are threads of this process, which tests use)."""

    def __init__(self, address: str, *, workers: int = 1, timeout_s: float = 10.0,
                 processes: bool = True) -> None:
        distributed = _distributed()
        self.cluster: Any = None
        try:
            if address == "local":
                self.cluster = distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=processes,
                    dashboard_address=None, silence_logs=logging.ERROR,
                )
                self.client = distributed.Client(self.cluster, timeout=timeout_s)
            else:
                self.client = distributed.Client(address, timeout=timeout_s)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ConfigError(f"{address}: cannot reach the Dask scheduler ({_reason(exc)}); "
                              "is it running and is the address right?") from None
        except RuntimeError as exc:  # a local worker process that did not start in time
            self.close()
            raise ConfigError(f"--cluster {address}: Dask did not start ({_reason(exc)}); "
                              "the machine may be short of memory or too busy: try fewer -j, "
                              "or run without --cluster") from None

    def results(self, settings: BatchSettings, chunks: Iterable[Chunk]) -> Iterator[RenderedDocument]:
        distributed = _distributed()
        shared = self.client.submit(_settings, settings, pure=False)
        threads = sum(self.client.nthreads().values()) or 1
        lost = (distributed.client.FutureCancelledError, distributed.scheduler.KilledWorker,
                distributed.comm.CommClosedError)
        try:
            yield from in_order(lambda chunk: self.client.submit(run_chunk, shared, chunk, pure=False),
                                chunks, window=WINDOW_PER_THREAD * threads)
        except lost as exc:
            raise WorkerLostError(f"the Dask cluster lost this run's work ({_reason(exc)})") from None

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None


def _settings(settings: BatchSettings) -> BatchSettings:
    """The task whose result is the batch's settings on a worker."""
    return settings


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
