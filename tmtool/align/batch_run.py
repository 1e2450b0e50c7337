"""Aligning every document pair of a manifest into one output or into shards, streamed and resumable.

The manifest is read twice, line by line (once to check it, once to feed the executor), and
results are written as they come back in manifest order (`batch_output`), so memory does not
grow with the number of documents. A run is identified by a key made of the manifest's bytes
and every setting that changes the output; `resume` goes on only with a run of the same key.
"""
from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from tmtool import __version__
from tmtool.align.batch import (
    BatchSettings,
    check_manifest,
    chunk_tasks,
    iter_manifest,
    manifest_tasks,
    read_manifest,
)
from tmtool.align.batch_output import SHARD_PREFIX, BatchState, BatchTarget, BatchWriter, load_state
from tmtool.align.executors import Executor, WorkerLostError
from tmtool.align.render import RenderedDocument
from tmtool.errors import OutputError, TmtoolError
from tmtool.fileio import STDIO, check_output, display_name

DocumentSink = Callable[[RenderedDocument], None]
PairSource = Callable[[], Iterator[tuple[str, str]]]


@dataclass(frozen=True, slots=True)
class BatchReport:
    """What a finished run did, counting the documents of an earlier run it resumed."""

    documents: int
    resumed: int
    failed: int
    pairs: int
    files: tuple[str, ...]


def manifest_reader(path: str) -> PairSource:
    """Check every line of the manifest; a function that streams its pairs again (standard
    input, which can be read only once, is held whole)."""
    if path == STDIO:
        pairs = read_manifest(path)
        return lambda: iter(pairs)
    check_manifest(path)  # every line checked before any work
    return lambda: iter_manifest(path)


def check_target(target: BatchTarget, inputs: Iterator[str], *, fresh: bool) -> None:
    """Refuse, before any work, an output that is an input, a missing folder, or a shard
    folder that already holds shards (they would mix with this run's)."""
    if not target.sharded:
        check_output(target.path, inputs)
        return
    if not os.path.isdir(target.path):
        parent = os.path.dirname(os.path.normpath(target.path)) or "."
        if not os.path.isdir(parent):
            raise OutputError(f"{target.path}: folder {parent} does not exist; create it first")
        os.mkdir(target.path)
    stale = sorted(n for n in os.listdir(target.path) if n.startswith(SHARD_PREFIX))
    if fresh and stale and not os.path.exists(target.progress_path):  # else: "add --resume"
        raise OutputError(f"{target.path}: holds shards of another run ({stale[0]} ...); "
                          "empty the folder or choose another")


def run_key(manifest: str, pairs: PairSource, settings: BatchSettings, target: BatchTarget) -> str:
    """A digest of the manifest's bytes and every setting that changes the output."""
    digest = hashlib.sha256()
    if manifest == STDIO:
        digest.update(repr(list(pairs())).encode("utf-8"))
    else:
        with open(manifest, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    untimed = replace(settings.render, out=replace(settings.render.out, created=None))
    digest.update(repr((__version__, settings.job, untimed, target.shard_size)).encode("utf-8"))
    return digest.hexdigest()


def start_state(manifest: str, pairs: PairSource, settings: BatchSettings, target: BatchTarget,
                resume: bool) -> tuple[BatchState, BatchSettings]:
    """The state to start from, and the settings with the first run's time stamp on resume."""
    key = run_key(manifest, pairs, settings, target)
    state = load_state(target)
    if state is not None and not resume:
        raise OutputError(f"{target.progress_path}: an unfinished run of {target.path} is there; "
                          "add --resume to go on with it, or delete it to start over")
    if state is None:
        created = settings.render.out.created
        return BatchState(key, created.isoformat() if created else None), settings
    if state.key != key:
        raise OutputError(f"{target.progress_path}: that run had another manifest or other "
                          "settings; run the same command, or delete it to start over")
    created = datetime.fromisoformat(state.created) if state.created else None
    out = replace(settings.render.out, created=created)
    return state, replace(settings, render=replace(settings.render, out=out))


def run_batch(manifest: str, settings: BatchSettings, target: BatchTarget, executor: Executor, *,
              resume: bool = False, on_document: DocumentSink | None = None,
              checkpoint_every_s: float | None = None, extra_inputs: Sequence[str] = ()) -> BatchReport:
    """Align every pair of `manifest` into `target`; each result goes to `on_document` once
    written. The output is checked against the documents, the manifest and `extra_inputs`
    (SRX, glossaries) first. Raises TmtoolError when no document at all could be aligned
    (nothing is left)."""
    pairs = manifest_reader(manifest)
    inputs = itertools.chain((path for pair in pairs() for path in pair), [manifest, *extra_inputs])
    check_target(target, inputs, fresh=not resume)
    state, settings = start_state(manifest, pairs, settings, target, resume)
    resumed = state.done
    writer = BatchWriter(target, settings.render, state)
    if checkpoint_every_s is not None:
        writer.checkpoint_every_s = checkpoint_every_s
    writer.open()
    try:
        tasks = manifest_tasks(pairs(), start=state.done)
        for result in executor.results(settings, chunk_tasks(tasks)):
            writer.add(result)
            if on_document is not None:
                on_document(result)
    except WorkerLostError as exc:
        writer.close()
        kept = (f"the first {state.done} documents are done; run the same command with --resume to go on"
                if target.path != STDIO else "run it again")
        raise WorkerLostError(f"{exc}; {kept}") from None
    except BaseException:
        writer.close()
        raise
    if state.failed == state.done:
        writer.discard()
        raise TmtoolError(f"{display_name(manifest)}: no document could be aligned")
    writer.finish()
    files = tuple(target.file_path(n, settings.render.fmt) for n in range(state.files))
    return BatchReport(state.done, resumed, state.failed, state.pairs, files)
