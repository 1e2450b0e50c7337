"""Batches whose workers are lost under them: a `-j` process killed (as by the out-of-memory
killer), Dask workers restarted, a cluster that drops the run's work. One line and exit 2 where
the run cannot go on, and `--resume` finishes it with the bytes of an uninterrupted run."""
from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.components import require
from tests.test_align_batch import PROJECT, make_docs, settings
from tmtool.align.batch_output import BatchTarget
from tmtool.align.batch_run import run_batch
from tmtool.align.executors import InProcessExecutor, WorkerLostError
from tmtool.align.render import RenderedDocument

if TYPE_CHECKING:
    from tmtool.align.dask_executor import DaskExecutor


def reference_run_and_cluster(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, DaskExecutor]:
    """40 documents aligned in-process into here.tmx (the bytes to match), and a local Dask
    cluster of one worker for the run under test."""
    require("Dask distributed", importlib.util.find_spec("distributed") is not None,
            "pip install 'tmtool[cluster]'")
    from tmtool.align.dask_executor import DaskExecutor

    monkeypatch.chdir(tmp_path)
    manifest = make_docs(tmp_path, 40, lines=40)
    run_batch(manifest, settings(), BatchTarget("here.tmx"), InProcessExecutor())
    return manifest, DaskExecutor("local", workers=1, timeout_s=30)


def test_dask_workers_restarted_under_a_run_lose_no_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A restart (what Dask does to a worker over its memory limit) drops the data a worker
    holds: the batch's settings must be computed again, not lost with it."""
    manifest, executor = reference_run_and_cluster(tmp_path, monkeypatch)
    restarts: list[int] = []

    def restart_once(result: RenderedDocument) -> None:
        if result.index == 1 and not restarts:
            restarts.append(result.index)
            executor.client.restart_workers(list(executor.client.scheduler_info()["workers"]))

    try:
        run_batch(manifest, settings(), BatchTarget("there.tmx"), executor, on_document=restart_once)
    finally:
        executor.close()
    assert restarts == [1]
    assert (tmp_path / "there.tmx").read_bytes() == (tmp_path / "here.tmx").read_bytes()


def test_a_cluster_that_drops_the_runs_work_is_one_error_and_the_run_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scheduler restarted (or lost) under a run cancels every task: one WorkerLostError
    saying how far the run got, and --resume finishes it anywhere."""
    manifest, executor = reference_run_and_cluster(tmp_path, monkeypatch)

    def restart_the_scheduler(result: RenderedDocument) -> None:
        if result.index == 1:
            executor.client.restart()

    try:
        with pytest.raises(WorkerLostError) as error:
            run_batch(manifest, settings(), BatchTarget("there.tmx"), executor,
                      on_document=restart_the_scheduler, checkpoint_every_s=0.0)
    finally:
        executor.close()
    assert re.fullmatch(r"the Dask cluster lost this run's work \(run_chunk-[0-9a-f-]+ cancelled for reason: "
                        r"scheduler-restart\.\); the first \d+ documents are done; run the same command "
                        r"with --resume to go on", str(error.value))
    run_batch(manifest, settings(), BatchTarget("there.tmx"), InProcessExecutor(), resume=True)
    assert (tmp_path / "there.tmx").read_bytes() == (tmp_path / "here.tmx").read_bytes()


KILLING_CHILD = """
import multiprocessing, os, sys
multiprocessing.set_start_method("fork", force=True)  # the workers inherit the patch below
import tmtool.align.batch as batch
real = batch.run_document
def dying(settings, task):
    if task.index == 30:
        os._exit(1)  # as the system's out-of-memory killer would end it
    return real(settings, task)
batch.run_document = dying
from tmtool.cli import main
sys.argv = ["tmtool", "align", "--pairs", "pairs.tsv", "--presegmented", "-q", *sys.argv[1:]]
main()
"""


def test_a_worker_process_killed_under_a_run_is_one_line_and_the_run_resumes(tmp_path: Path) -> None:
    make_docs(tmp_path, 40, lines=40)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1714564800", "PYTHONPATH": str(PROJECT)}
    tmtool = [sys.executable, "-m", "tmtool", "align", "--pairs", "pairs.tsv", "--presegmented", "-q"]
    subprocess.run([*tmtool, "-o", "whole.tmx"], cwd=tmp_path, env=env, check=True)
    died = subprocess.run([sys.executable, "-c", KILLING_CHILD, "-o", "out.tmx", "-j", "2"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, check=False)
    assert died.returncode == 2 and died.stdout == ""
    done = int(died.stderr.split("; the first ")[1].split(" ")[0])
    assert died.stderr == ("tmtool: error: a worker process stopped before its documents were aligned "
                           "(killed by the system, perhaps for lack of memory); the first "
                           f"{done} documents are done; run the same command with --resume to go on\n")
    assert done < 30 and not (tmp_path / "out.tmx").exists() and (tmp_path / "out.tmx.progress").exists()
    subprocess.run([*tmtool, "-o", "out.tmx", "-j", "2", "--resume"], cwd=tmp_path, env=env, check=True)
    assert (tmp_path / "out.tmx").read_bytes() == (tmp_path / "whole.tmx").read_bytes()


def test_local_workers_that_do_not_start_are_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A loaded machine can keep Dask's worker processes from starting in time: Dask raises
    RuntimeError("Nanny failed to start."), which was a traceback (exit 1, nothing on stderr)."""
    require("Dask distributed", importlib.util.find_spec("distributed") is not None,
            "pip install 'tmtool[cluster]'")
    import distributed
    from click.testing import CliRunner

    from tmtool.cli import cli

    def nanny_fails(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Nanny failed to start.")

    monkeypatch.setattr(distributed, "LocalCluster", nanny_fails)
    monkeypatch.chdir(tmp_path)
    make_docs(tmp_path, 3)
    result = CliRunner().invoke(cli, ["align", "--pairs", "pairs.tsv", "--presegmented", "-o", "out.tmx",
                                      "--cluster", "local", "-j", "2"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("tmtool: error: --cluster local: Dask did not start (Nanny failed to start.); "
                             "the machine may be short of memory or too busy: try fewer -j, or run "
                             "without --cluster\n")
    assert not (tmp_path / "out.tmx").exists()
