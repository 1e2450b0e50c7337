"""`tmtool align --pairs`: every document pair of a manifest, streamed into one output or shards.

The options of batch runs (`--resume`, `--shard-size`, `--cluster`) and the glue between the
`align` command and the library's batch runner: choosing the target and the executor, and
printing one line per document as it is written.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from tmtool.align.batch import AlignJob, BatchSettings
from tmtool.align.batch_output import BatchTarget
from tmtool.align.batch_run import BatchReport, run_batch
from tmtool.align.executors import Executor, local_executor
from tmtool.align.render import RenderedDocument, RenderOptions
from tmtool.errors import ConfigError
from tmtool.fileio import STDIO

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_SHARD_SIZE = 1000


def batch_options(func: F) -> F:
    """The options `align` has for --pairs runs."""
    func = click.option("--cluster-timeout", type=click.FloatRange(0, min_open=True), default=10.0,
                        show_default=True, metavar="SECONDS",
                        help="How long to try reaching the --cluster scheduler.")(func)
    func = click.option("--cluster", metavar="local|tcp://HOST:PORT",
                        help="Align the --pairs documents on Dask distributed: 'local' starts -j "
                             "worker processes here, an address uses a running scheduler "
                             "(pip install 'tmtool[cluster]'; see docs/scale.md).")(func)
    func = click.option("--shard-size", type=click.IntRange(1), metavar="N",
                        help="With -o DIR/: documents of the manifest per output file "
                             f"(default {DEFAULT_SHARD_SIZE}).")(func)
    func = click.option("--resume", is_flag=True,
                        help="Go on with an interrupted --pairs run of the same command: "
                             "documents already written are skipped.")(func)
    return func


def check_batch_options(manifest: str | None, resume: bool, shard_size: int | None,
                        cluster: str | None) -> None:
    if not manifest and (resume or shard_size or cluster):
        raise ConfigError("--resume, --shard-size and --cluster work with --pairs only")


def batch_target(output: str, shard_size: int | None, resume: bool) -> BatchTarget:
    """-o DIR/ (a trailing slash, or a folder that exists) writes shards."""
    if output != STDIO and (output.endswith(("/", os.sep)) or os.path.isdir(output)):
        return BatchTarget(output, shard_size or DEFAULT_SHARD_SIZE)
    if shard_size:
        raise ConfigError("--shard-size needs a folder as output (-o DIR/)")
    if resume and output == STDIO:
        raise ConfigError("--resume needs an output file or folder, not standard output")
    return BatchTarget(output)


def make_executor(jobs: int, cluster: str | None, timeout_s: float) -> Executor:
    if not cluster:
        return local_executor(jobs)
    from tmtool.align.dask_executor import DaskExecutor

    executor = DaskExecutor(cluster, workers=jobs, timeout_s=timeout_s)
    # Dask's client logs its reconnection attempts, some with tracebacks; a lost cluster is
    # reported once, in one line, by the batch itself.
    for name in list(logging.root.manager.loggerDict):
        if name == "distributed" or name.startswith("distributed."):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    return executor


def run_pairs(manifest: str, output: str, job: AlignJob, render: RenderOptions,
              extra_inputs: list[str], batch: dict[str, Any], jobs: int, quiet: bool) -> int:
    """Align the manifest into `output`; the exit code (1 when some documents failed)."""
    check_batch_options(manifest, batch["resume"], batch["shard_size"], batch["cluster"])
    target = batch_target(output, batch["shard_size"], batch["resume"])
    executor = make_executor(jobs, batch["cluster"], batch["cluster_timeout"])
    try:
        report = run_batch(manifest, BatchSettings(job, render), target, executor,
                           resume=batch["resume"], on_document=_printer(quiet),
                           extra_inputs=extra_inputs)
    finally:
        executor.close()
    if not quiet:
        _print_report(report, output)
    return 1 if report.failed else 0


def _printer(quiet: bool) -> Callable[[RenderedDocument], None]:
    def show(result: RenderedDocument) -> None:
        if result.error is not None:
            click.echo(f"tmtool: error: {result.error} (document skipped)", err=True)
        elif not quiet:
            click.echo(result.summary, err=True)
    return show


def _print_report(report: BatchReport, output: str) -> None:
    if report.resumed:
        click.echo(f"resumed after {report.resumed} of {report.documents} documents", err=True)
    where = output if len(report.files) <= 1 or output.endswith("/") else output + "/"
    files = f" ({len(report.files)} files)" if len(report.files) > 1 else ""
    click.echo(f"{report.pairs} pairs written to {where}{files}", err=True)
