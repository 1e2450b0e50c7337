"""Batches of documents (`align --pairs`): streamed output equal to one writer's, bounded
windows, resuming after an interruption or a kill, shards, and the Dask executor."""
from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.components import require
from tests.test_align_beads import make_pair
from tmtool.align.batch import (
    AlignJob,
    BatchSettings,
    DocumentTask,
    align_job,
    chunk_tasks,
    read_manifest,
)
from tmtool.align.batch_output import BatchTarget
from tmtool.align.batch_run import run_batch
from tmtool.align.executors import Chunk, InProcessExecutor, in_order
from tmtool.align.output import OutputOptions
from tmtool.align.render import RenderedDocument, RenderOptions
from tmtool.cli import cli
from tmtool.cli.align_cmd import write_output
from tmtool.errors import OutputError, TmtoolError
from tmtool.formats.tmx import read_tmx

MOMENT = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
PROJECT = Path(__file__).resolve().parents[1]


def make_docs(folder: Path, count: int, empty: tuple[int, ...] = (), lines: int = 12) -> str:
    """`count` presegmented document pairs (a 2-1 bead in every third) and their manifest
    (named relative to `folder`, the working folder of the tests)."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    rows = []
    for number in range(count):
        src, tgt = make_pair(100 + number, lines)
        if number % 3 == 0:
            tgt[3:5] = [tgt[3] + " " + tgt[4]]
        (folder / "docs" / f"{number}.uk.txt").write_text("\n".join(src) + "\n", encoding="utf-8")
        english = "" if number in empty else "\n".join(tgt) + "\n"
        (folder / "docs" / f"{number}.en.txt").write_text(english, encoding="utf-8")
        rows.append(f"docs/{number}.uk.txt\tdocs/{number}.en.txt\n")
    (folder / "pairs.tsv").write_text("".join(rows), encoding="utf-8")
    return "pairs.tsv"


def settings(fmt: str = "tmx") -> BatchSettings:
    job = AlignJob("", "", "uk-UA", "en-GB", presegmented=True)
    out = OutputOptions(created=MOMENT)
    return BatchSettings(job, RenderOptions(fmt, out, "uk-UA", "en-GB", {"src_lang": "uk-UA"}))


@pytest.mark.parametrize("fmt", ["tmx", "tsv", "json"])
def test_streamed_output_is_byte_for_byte_what_one_writer_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(tmp_path)
    manifest = make_docs(tmp_path, 4)
    report = run_batch(manifest, settings(fmt), BatchTarget(f"out.{fmt}"), InProcessExecutor())
    docs = [align_job(AlignJob(s, t, "uk-UA", "en-GB", presegmented=True))
            for s, t in read_manifest(manifest)]
    write_output(docs, f"one.{fmt}", fmt, OutputOptions(created=MOMENT), {"src_lang": "uk-UA"}, [])
    assert (tmp_path / f"out.{fmt}").read_bytes() == (tmp_path / f"one.{fmt}").read_bytes()
    assert (report.documents, report.failed, report.resumed) == (4, 0, 0)
    assert sorted(os.listdir(tmp_path)) == ["docs", f"one.{fmt}", f"out.{fmt}", "pairs.tsv"]
    if fmt == "tmx":
        assert b'segtype="paragraph"' in (tmp_path / "out.tmx").read_bytes()[:600]


class FakeFuture:
    def __init__(self, chunk: Chunk, log: list[str]) -> None:
        self.chunk, self.log = chunk, log

    def result(self) -> list[RenderedDocument]:
        self.log.append(f"result {self.chunk[0].index}")
        return [RenderedDocument(task.index) for task in self.chunk]


def test_in_order_keeps_at_most_window_chunks_in_flight_and_yields_in_order() -> None:
    log: list[str] = []

    def submit(chunk: Chunk) -> FakeFuture:
        log.append(f"submit {chunk[0].index}")
        return FakeFuture(chunk, log)

    chunks = [(DocumentTask(n, "", "", "", ""),) for n in range(5)]
    results = [r.index for r in in_order(submit, chunks, window=2)]
    assert results == [0, 1, 2, 3, 4]
    assert log == ["submit 0", "submit 1", "result 0", "submit 2", "result 1", "submit 3",
                   "result 2", "submit 4", "result 3", "result 4"]


def test_small_documents_travel_in_chunks_and_a_large_one_alone(tmp_path: Path) -> None:
    sizes = [10, 10, 10, 500, 10, 10]
    tasks = []
    for number, size in enumerate(sizes):
        path = tmp_path / f"{number}.txt"
        path.write_text("x" * size, encoding="utf-8")
        tasks.append(DocumentTask(number, str(path), str(path), "", ""))
    chunks = chunk_tasks(tasks, max_bytes=100, max_documents=10)
    assert [[t.index for t in chunk] for chunk in chunks] == [[0, 1, 2, 3], [4, 5]]
    assert [len(c) for c in chunk_tasks(tasks, max_bytes=10**6, max_documents=4)] == [4, 2]


class Interrupted(InProcessExecutor):
    """Stops the run (as Ctrl-C would) after `after` documents have been handed back."""

    def __init__(self, after: int) -> None:
        self.after = after

    def results(self, settings: BatchSettings, chunks: Iterable[Chunk]) -> Iterator[RenderedDocument]:
        for number, result in enumerate(super().results(settings, chunks)):
            if number == self.after:
                raise KeyboardInterrupt
            yield result


@pytest.mark.parametrize("checkpoint_s", [0.0, 3600.0], ids=["every-document", "never-until-stop"])
@pytest.mark.parametrize("shard_size", [None, 2])
def test_a_resumed_run_writes_every_document_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checkpoint_s: float, shard_size: int | None
) -> None:
    monkeypatch.chdir(tmp_path)
    manifest = (make_docs(tmp_path, 7, empty=(2,)))
    whole = BatchTarget("whole/" if shard_size else "whole.tmx", shard_size)
    if shard_size:
        os.mkdir("whole")
        os.mkdir("part")
    run_batch(manifest, settings(), whole, InProcessExecutor())
    target = BatchTarget("part/" if shard_size else "part.tmx", shard_size)
    with pytest.raises(KeyboardInterrupt):
        run_batch(manifest, settings(), target, Interrupted(after=5), checkpoint_every_s=checkpoint_s)
    state = json.loads(Path(target.progress_path).read_text(encoding="utf-8"))
    assert state["done"] == 5 and state["failed"] == 1
    shown: list[int] = []
    report = run_batch(manifest, settings(), target, InProcessExecutor(), resume=True,
                       on_document=lambda result: shown.append(result.index))
    assert shown == [5, 6] and (report.resumed, report.failed, report.documents) == (5, 1, 7)
    assert _folder_bytes(tmp_path, "part", shard_size) == _folder_bytes(tmp_path, "whole", shard_size)
    assert not list(tmp_path.glob("**/*.part")) and not list(tmp_path.glob("**/*progress*"))


def _folder_bytes(root: Path, name: str, sharded: int | None) -> dict[str, bytes]:
    if sharded:
        return {p.name: p.read_bytes() for p in sorted((root / name).iterdir())}
    return {"file": (root / f"{name}.tmx").read_bytes()}


def test_an_unfinished_run_is_not_overwritten_without_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    manifest = (make_docs(tmp_path, 4))
    with pytest.raises(KeyboardInterrupt):
        run_batch(manifest, settings(), BatchTarget("out.tmx"), Interrupted(after=2))
    with pytest.raises(OutputError) as error:
        run_batch(manifest, settings(), BatchTarget("out.tmx"), InProcessExecutor())
    assert str(error.value) == ("out.tmx.progress: an unfinished run of out.tmx is there; add "
                                "--resume to go on with it, or delete it to start over")
    (tmp_path / "pairs.tsv").write_text("docs/0.uk.txt\tdocs/0.en.txt\n", encoding="utf-8")
    with pytest.raises(OutputError) as error:
        run_batch(manifest, settings(), BatchTarget("out.tmx"), InProcessExecutor(), resume=True)
    assert str(error.value) == ("out.tmx.progress: that run had another manifest or other settings; "
                                "run the same command, or delete it to start over")


def test_a_run_where_no_document_aligns_leaves_nothing(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    manifest = (make_docs(tmp_path, 3, empty=(0, 1, 2)))
    os.mkdir("shards")
    for target in (BatchTarget("out.tmx"), BatchTarget("shards", 1)):
        with pytest.raises(TmtoolError) as error:
            run_batch(manifest, settings(), target, InProcessExecutor())
        assert str(error.value) == "pairs.tsv: no document could be aligned"
    assert sorted(os.listdir(tmp_path)) == ["docs", "pairs.tsv", "shards"]
    assert os.listdir("shards") == []


def test_shards_merge_back_to_the_units_of_one_file(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_docs(tmp_path, 5, empty=(1,))
    runner = CliRunner()
    single = runner.invoke(cli, ["align", "--pairs", "pairs.tsv", "--presegmented", "-q", "-o", "one.tmx"])
    sharded = runner.invoke(cli, ["align", "--pairs", "pairs.tsv", "--presegmented", "-q",
                                  "-o", "shards/", "--shard-size", "2"])
    assert (single.exit_code, sharded.exit_code) == (1, 1)
    shards = sorted(os.listdir("shards"))
    assert shards == ["shard-00001.tmx", "shard-00002.tmx", "shard-00003.tmx"]
    assert _units(["one.tmx"]) == _units([f"shards/{name}" for name in shards])
    merged = runner.invoke(cli, ["tmx", "merge", *[f"shards/{n}" for n in shards], "-o", "m1.tmx",
                                 "--on-conflict", "keep-all", "-q"])
    again = runner.invoke(cli, ["tmx", "merge", "one.tmx", "-o", "m2.tmx", "--on-conflict", "keep-all", "-q"])
    assert (merged.exit_code, again.exit_code) == (0, 0)
    assert _units(["m1.tmx"]) == _units(["m2.tmx"]) and len(_units(["m1.tmx"])) == 46


def _units(paths: list[str]) -> list[tuple[str | None, tuple[str, ...]]]:
    units = []
    for path in paths:
        with open(path, "rb") as stream:
            units += [(u.tuid, tuple(v.segment.text for v in u.variants))
                      for u in read_tmx(stream, name=path)]
    return units


def test_dask_local_cluster_writes_what_this_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require("Dask distributed", importlib.util.find_spec("distributed") is not None,
            "pip install 'tmtool[cluster]'")
    from tmtool.align.dask_executor import DaskExecutor

    monkeypatch.chdir(tmp_path)
    manifest = (make_docs(tmp_path, 6, empty=(4,)))
    here = run_batch(manifest, settings(), BatchTarget("here.tmx"), InProcessExecutor())
    executor = DaskExecutor("local", workers=2, processes=False)
    try:
        errors: list[str | None] = []
        there = run_batch(manifest, settings(), BatchTarget("there.tmx"), executor,
                          on_document=lambda result: errors.append(result.error))
    finally:
        executor.close()
    assert (tmp_path / "there.tmx").read_bytes() == (tmp_path / "here.tmx").read_bytes()
    assert (there.pairs, there.failed) == (here.pairs, here.failed) == (here.pairs, 1)
    assert errors[4] == "docs/4.en.txt: no text to align (the file is empty)"


CHILD = """
import sys
import tmtool.align.batch_output as batch_output
batch_output.CHECKPOINT_EVERY_S = 0.0
from tmtool.cli import main
sys.argv = ["tmtool", "align", "--pairs", "pairs.tsv", "--presegmented", "-q", *sys.argv[1:]]
main()
"""


def test_a_run_killed_with_sigkill_resumes_without_duplicates_or_losses(tmp_path: Path) -> None:
    """A real kill at an arbitrary moment after the first checkpoint: whatever was half
    written is cut off, and the resumed file equals an uninterrupted run's."""
    make_docs(tmp_path, 16, lines=30)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1714564800", "PYTHONPATH": str(PROJECT)}
    run = [sys.executable, "-c", CHILD]
    subprocess.run([*run, "-o", "whole.tmx"], cwd=tmp_path, env=env, check=True)
    child = subprocess.Popen([*run, "-o", "out.tmx"], cwd=tmp_path, env=env)
    progress = tmp_path / "out.tmx.progress"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        if progress.exists() and json.loads(progress.read_text(encoding="utf-8") or "{}").get("done", 0) >= 3:
            break
        time.sleep(0.005)
    assert child.poll() is None, "the run finished before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert not (tmp_path / "out.tmx").exists() and (tmp_path / "out.tmx.part").exists()
    subprocess.run([*run, "-o", "out.tmx", "--resume"], cwd=tmp_path, env=env, check=True)
    assert (tmp_path / "out.tmx").read_bytes() == (tmp_path / "whole.tmx").read_bytes()
    assert not (tmp_path / "out.tmx.part").exists() and not progress.exists()


def test_a_bad_manifest_line_is_refused_before_any_document_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    manifest = make_docs(tmp_path, 3)
    with open(manifest, "a", encoding="utf-8") as handle:
        handle.write("docs/0.uk.txt docs/0.en.txt\n")
    with pytest.raises(TmtoolError) as error:
        run_batch(manifest, settings(), BatchTarget("out.tmx"), InProcessExecutor())
    assert str(error.value) == "pairs.tsv:4: expected SOURCE<TAB>TARGET (two paths separated by a tab)"
    assert sorted(os.listdir(tmp_path)) == ["docs", "pairs.tsv"]


@pytest.mark.parametrize("repeat", ["docs/1.uk.txt\tdocs/1.en.txt\r\n", "./docs/1.uk.txt\tdocs/../docs/1.en.txt\n"])
def test_a_pair_listed_twice_is_refused_before_any_document_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, repeat: str
) -> None:
    monkeypatch.chdir(tmp_path)
    manifest = make_docs(tmp_path, 3)
    with open(manifest, "a", encoding="utf-8", newline="") as handle:
        handle.write("# the same document again, spelt another way\n" + repeat)
    with pytest.raises(TmtoolError) as error:
        run_batch(manifest, settings(), BatchTarget("out.tmx"), InProcessExecutor())
    src, tgt = repeat.strip().split("\t")
    assert str(error.value) == (f"pairs.tsv:5: lists the same pair as line 2 ({os.path.normpath(src)} "
                                f"and {os.path.normpath(tgt)}); list each pair once")
    assert sorted(os.listdir(tmp_path)) == ["docs", "pairs.tsv"]


def test_one_document_paired_with_two_others_is_two_pairs(tmp_path: Path) -> None:
    manifest = tmp_path / make_docs(tmp_path, 2)
    with open(manifest, "a", encoding="utf-8") as handle:
        handle.write("docs/0.uk.txt\tdocs/1.en.txt\n")
    assert [(Path(s).name, Path(t).name) for s, t in read_manifest(str(manifest))] == [
        ("0.uk.txt", "0.en.txt"), ("1.uk.txt", "1.en.txt"), ("0.uk.txt", "1.en.txt")]


def test_a_manifest_written_on_windows_is_read_here(tmp_path: Path) -> None:
    """Backslashes as folder separators and CRLF line ends; a file whose name really holds a
    backslash (legal here) is still taken as written."""
    make_docs(tmp_path, 2)
    (tmp_path / "odd\\name.uk.txt").write_text("Речення.\n", encoding="utf-8")
    (tmp_path / "pairs.tsv").write_bytes(b"docs\\0.uk.txt\tdocs\\0.en.txt\r\n"
                                         b"odd\\name.uk.txt\tdocs\\1.en.txt\r\n")
    pairs = read_manifest(str(tmp_path / "pairs.tsv"))
    assert [(Path(s).relative_to(tmp_path).as_posix(), Path(t).relative_to(tmp_path).as_posix())
            for s, t in (map(os.path.abspath, pair) for pair in pairs)] == [
        ("docs/0.uk.txt", "docs/0.en.txt"), ("odd\\name.uk.txt", "docs/1.en.txt")]
