"""Writing a batch's documents in manifest order, into one output file or into shards, so that a
killed run can go on where it stopped (`align --pairs --resume`).

While a run goes, the documents of the file being written are appended to `NAME.part` beside it,
and a progress file (JSON, replaced atomically after the part file is synced) records how many
documents of the manifest are done and how many bytes of the part file hold them. Documents are
written in manifest order, so "done" is always a prefix of the manifest: a resumed run cuts the
part file back to the recorded length (dropping whatever was written after the last record) and
starts at the next document, so nothing is written twice and nothing is lost. A file becomes
visible only when complete: head, part and tail go to a temporary file renamed over the target.
One output file is `OUT.part` + `OUT.progress`; shards (one file per N documents of the
manifest) are `DIR/shard-00001.tmx` ... with `DIR/shard-00001.tmx.part` and `DIR/tmtool-progress.json`.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from typing import IO

from tmtool.align.render import RenderedDocument, RenderOptions, file_head, file_tail, separator
from tmtool.errors import OutputError
from tmtool.fileio import STDIO, atomic_output, atomic_text_output

PROGRESS_IN_FOLDER = "tmtool-progress.json"
SHARD_PREFIX = "shard-"
CHECKPOINT_EVERY_S = 2.0


@dataclass(frozen=True, slots=True)
class BatchTarget:
    """Where a batch goes: one file (or `-`), or a folder of shards of `shard_size` documents."""

    path: str
    shard_size: int | None = None

    @property
    def sharded(self) -> bool:
        return self.shard_size is not None

    def file_path(self, shard: int, fmt: str) -> str:
        """The output file of shard number `shard` (0-based), or the one output file."""
        if self.shard_size is None:
            return self.path
        return os.path.join(self.path, f"{SHARD_PREFIX}{shard + 1:05d}.{fmt}")

    @property
    def progress_path(self) -> str:
        if self.shard_size is None:
            return self.path + ".progress"
        return os.path.join(self.path, PROGRESS_IN_FOLDER)


@dataclass
class BatchState:
    """What the progress file holds. `done` counts manifest documents finished (written or
    failed); `part_bytes` and `part_documents` describe the file being written."""

    key: str
    created: str | None = None
    done: int = 0
    failed: int = 0
    pairs: int = 0
    part_bytes: int = 0
    part_documents: int = 0
    spans: bool = False
    files: int = 0  # complete output files (shards) written


def load_state(target: BatchTarget) -> BatchState | None:
    """The progress of an unfinished run of `target`, or None."""
    path = target.progress_path
    if target.path == STDIO or not os.path.exists(path):
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            return BatchState(**json.load(handle))
    except (OSError, ValueError, TypeError):
        raise OutputError(f"{path}: unreadable progress file; delete it and the .part file "
                          "beside it to start over") from None


@dataclass
class BatchWriter:
    """Appends rendered documents in order, finishing a file whenever a shard is full."""

    target: BatchTarget
    render: RenderOptions
    state: BatchState
    inputs: list[str] = field(default_factory=list)
    checkpoint_every_s: float = field(default_factory=lambda: CHECKPOINT_EVERY_S)
    written_files: list[str] = field(default_factory=list)
    _part: IO[bytes] | None = None
    _last_checkpoint: float = 0.0

    def open(self) -> None:
        """Open the part file, cut back to the recorded length when resuming."""
        if self.target.path == STDIO:
            self._part = tempfile.TemporaryFile()  # noqa: SIM115 (closed in finish/close)
            return
        for shard in range(self.state.files):  # a resumed run: earlier shards must be there
            if not os.path.exists(self.target.file_path(shard, self.render.fmt)):
                raise OutputError(f"{self.target.file_path(shard, self.render.fmt)}: missing, but "
                                  f"{self.target.progress_path} counts it as written; delete "
                                  "the folder's shards and progress file to start over")
            with contextlib.suppress(FileNotFoundError):  # a kill after the shard was written
                os.unlink(self.target.file_path(shard, self.render.fmt) + ".part")
        part_path = self._part_path()
        if self.state.part_bytes:
            self._reopen_part(part_path)
        else:
            self._part = open(part_path, "w+b")  # noqa: SIM115 (closed in finish/close)
        self._last_checkpoint = time.monotonic()

    def _reopen_part(self, part_path: str) -> None:
        try:
            size = os.path.getsize(part_path)
        except OSError:
            size = -1
        if size < self.state.part_bytes:
            raise OutputError(f"{part_path}: shorter than {self.target.progress_path} says; "
                              "delete both to start over")
        self._part = open(part_path, "r+b")  # noqa: SIM115 (closed in finish/close)
        self._part.truncate(self.state.part_bytes)
        self._part.seek(self.state.part_bytes)

    def _part_path(self) -> str:
        return self.target.file_path(self.state.files, self.render.fmt) + ".part"

    def add(self, result: RenderedDocument) -> None:
        """Write one document (in manifest order); a failed one only counts."""
        assert self._part is not None
        if result.error is None:
            self._part.write(separator(self.render, first=self.state.part_documents == 0))
            self._part.write(result.fragment)
            self.state.part_documents += 1
            self.state.pairs += result.pairs
            self.state.spans = self.state.spans or result.spans
        else:
            self.state.failed += 1
        self.state.part_bytes = self._part.tell()
        self.state.done += 1
        size = self.target.shard_size
        if size is not None and self.state.done % size == 0:
            self._finish_file()
            self._part = open(self._part_path(), "w+b")  # noqa: SIM115
        elif time.monotonic() - self._last_checkpoint >= self.checkpoint_every_s:
            self.checkpoint()

    def checkpoint(self) -> None:
        """Record the progress: part file synced first, then the progress file replaced."""
        if self._part is None or self.target.path == STDIO:
            return
        self._part.flush()
        os.fsync(self._part.fileno())
        self._save_state()
        self._last_checkpoint = time.monotonic()

    def _save_state(self) -> None:
        with atomic_text_output(self.target.progress_path) as text:
            json.dump(asdict(self.state), text)

    def finish(self) -> None:
        """Finish the last file (a shard only if it holds any manifest document) and remove
        the progress file."""
        assert self._part is not None
        size = self.target.shard_size
        if size is not None and self.state.done % size == 0:  # the last shard is complete
            self._drop_part()
        else:
            self.checkpoint()  # a kill while assembling repeats the assembly
            self._finish_file()
        if self.target.path != STDIO:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.target.progress_path)
        if self._part is not None:  # one output file: its part goes after the progress file
            self._drop_part()

    def _finish_file(self) -> None:
        """Head + part + tail become the output file. The progress records a shard before its
        part file goes (and one output file's progress goes before its part file), so a kill
        in between repeats this step instead of losing data."""
        assert self._part is not None
        path = self.target.file_path(self.state.files, self.render.fmt)
        self._part.flush()
        self._part.seek(0)
        with atomic_output(path, inputs=self.inputs) as stream:
            stream.write(file_head(self.render, self.state.spans))
            shutil.copyfileobj(self._part, stream, 1 << 20)
            stream.write(file_tail(self.render))
        self.written_files.append(path)
        self.state.files += 1
        self.state.part_bytes = self.state.part_documents = 0
        self.state.spans = False
        if self.target.sharded:
            self._save_state()
            self._drop_part()

    def _drop_part(self) -> None:
        assert self._part is not None
        self._part.close()
        if self.target.path != STDIO:
            os.unlink(self._part.name)
        self._part = None

    def close(self) -> None:
        """After an interruption: record what is complete, keep the part file for --resume."""
        if self._part is None:
            return
        with contextlib.suppress(OSError):
            self.checkpoint()
        self._part.close()
        self._part = None

    def discard(self) -> None:
        """Remove everything this target holds: a run in which no document could be aligned
        leaves nothing (its shards would all be empty)."""
        if self._part is not None:
            self._drop_part()
        if self.target.path == STDIO:
            return
        paths = [self.target.file_path(n, self.render.fmt) for n in range(self.state.files)]
        for path in [*paths, self.target.progress_path]:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
