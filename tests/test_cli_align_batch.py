"""`tmtool align --pairs` batch options end to end: shards, --resume, --cluster, exact messages."""
from __future__ import annotations

import importlib.util
import os
import socket
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.components import require
from tests.test_align_batch import make_docs
from tmtool.align.batch_output import BatchWriter
from tmtool.align.render import RenderedDocument
from tmtool.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["align", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714564800")
    make_docs(tmp_path, 5, empty=(3,))
    return tmp_path


def test_shards_are_written_one_per_n_documents_and_reported(batch: Path) -> None:
    code, out, err = run("--pairs", "pairs.tsv", "--presegmented", "-o", "shards/", "--shard-size", "2")
    lines = err.splitlines()
    assert (code, out) == (1, "")
    assert lines[0].startswith("docs/0.uk.txt + docs/0.en.txt: 12 + 11 segments; beads 1-1 10, 2-1 1;")
    assert lines[3] == "tmtool: error: docs/3.en.txt: no text to align (the file is empty) (document skipped)"
    assert lines[-1] == "47 pairs written to shards/ (3 files)"
    assert sorted(os.listdir(batch / "shards")) == ["shard-00001.tmx", "shard-00002.tmx",
                                                    "shard-00003.tmx"]


def test_a_shard_folder_holding_shards_of_another_run_is_refused(batch: Path) -> None:
    assert run("--pairs", "pairs.tsv", "--presegmented", "-q", "-o", "shards/")[0] == 1
    assert run("--pairs", "pairs.tsv", "--presegmented", "-q", "-o", "shards") == (
        2, "", ("tmtool: error: shards: holds shards of another run (shard-00001.tmx ...); "
               "empty the folder or choose another\n"))


def test_resume_with_nothing_to_resume_runs_the_whole_manifest(batch: Path) -> None:
    code, _, err = run("--pairs", "pairs.tsv", "--presegmented", "-o", "all.tsv", "--resume")
    assert code == 1 and err.splitlines()[-1] == "47 pairs written to all.tsv"
    lines = (batch / "all.tsv").read_text(encoding="utf-8").splitlines()
    assert (lines[0], len(lines)) == ("uk-UA\ten-GB\tscore", 48)  # the header, then the pairs


def test_resume_goes_on_after_the_documents_already_written(batch: Path) -> None:
    """A run stopped (Ctrl-C) after two documents, with half of a third document written after
    the last checkpoint: the resumed run cuts that off and the file equals a whole run's."""
    assert run("--pairs", "pairs.tsv", "--presegmented", "-q", "-o", "whole.tsv")[0] == 1
    original = BatchWriter.add

    def stop_after_two(self: BatchWriter, result: RenderedDocument) -> None:
        if self.state.done == 2:
            raise KeyboardInterrupt
        original(self, result)

    BatchWriter.add = stop_after_two  # type: ignore[method-assign]
    try:
        code, _, err = run("--pairs", "pairs.tsv", "--presegmented", "-o", "out.tsv")
    finally:
        BatchWriter.add = original  # type: ignore[method-assign]
    assert (code, err.splitlines()[-1]) == (1, "Aborted!")
    assert sorted(os.listdir(batch)) == ["docs", "out.tsv.part", "out.tsv.progress", "pairs.tsv",
                                         "whole.tsv"]
    with open(batch / "out.tsv.part", "ab") as part:
        part.write("Половина рядка\tHalf a li".encode())
    code, _, err = run("--pairs", "pairs.tsv", "--presegmented", "-o", "out.tsv", "--resume")
    assert code == 1
    assert err.splitlines()[0].startswith("docs/2.uk.txt + docs/2.en.txt:")
    assert err.splitlines()[-2:] == ["resumed after 2 of 5 documents", "47 pairs written to out.tsv"]
    assert (batch / "out.tsv").read_bytes() == (batch / "whole.tsv").read_bytes()
    assert sorted(os.listdir(batch)) == ["docs", "out.tsv", "pairs.tsv", "whole.tsv"]


@pytest.mark.parametrize(("args", "message"), [
    (["--resume"], "--resume, --shard-size and --cluster work with --pairs only"),
    (["--pairs", "pairs.tsv", "--shard-size", "3"], "--shard-size needs a folder as output (-o DIR/)"),
])
def test_batch_options_out_of_place_are_exit_2(batch: Path, args: list[str], message: str) -> None:
    extra = ["docs/0.uk.txt", "docs/0.en.txt"] if "--pairs" not in args else []
    assert run(*extra, *args, "--presegmented", "-o", "x.tmx") == (2, "", f"tmtool: error: {message}\n")
    assert not (batch / "x.tmx").exists()


def test_resume_to_standard_output_is_refused(batch: Path) -> None:
    assert run("--pairs", "pairs.tsv", "-o", "-", "--resume") == (
        2, "", "tmtool: error: --resume needs an output file or folder, not standard output\n")


def test_cluster_without_dask_installed_says_what_to_install(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    assert run("--pairs", "pairs.tsv", "--presegmented", "-o", "x.tmx", "--cluster", "local") == (
        2, "", ("tmtool: error: --cluster needs Dask distributed, which is not installed: "
               "pip install 'tmtool[cluster]'\n"))
    assert not (batch / "x.tmx").exists()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_unreachable_scheduler_is_one_line_and_exit_2(batch: Path) -> None:
    require("Dask distributed", importlib.util.find_spec("distributed") is not None,
            "pip install 'tmtool[cluster]'")
    address = f"tcp://127.0.0.1:{_closed_port()}"
    assert run("--pairs", "pairs.tsv", "--presegmented", "-o", "x.tmx", "--cluster", address,
               "--cluster-timeout", "0.5") == (
        2, "", (f"tmtool: error: {address}: cannot reach the Dask scheduler (Timed out trying to "
               f"connect to {address} after 0.5 s); is it running and is the address right?\n"))
    assert sorted(os.listdir(batch)) == ["docs", "pairs.tsv"]


def test_cluster_local_with_two_worker_processes_writes_the_same_file(batch: Path) -> None:
    require("Dask distributed", importlib.util.find_spec("distributed") is not None,
            "pip install 'tmtool[cluster]'")
    assert run("--pairs", "pairs.tsv", "--presegmented", "-q", "-o", "here.tmx")[0] == 1
    code, out, err = run("--pairs", "pairs.tsv", "--presegmented", "-o", "there.tmx",
                         "--cluster", "local", "-j", "2")
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == "47 pairs written to there.tmx"
    assert (batch / "there.tmx").read_bytes() == (batch / "here.tmx").read_bytes()


def test_a_manifest_on_standard_input_is_read_once(batch: Path) -> None:
    manifest = (batch / "pairs.tsv").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["align", "--pairs", "-", "--presegmented", "-o", "-",
                                      "--format", "tsv", "-q"], input=manifest)
    assert (result.exit_code, result.stderr) == (1, ("tmtool: error: docs/3.en.txt: no text to align "
                                                    "(the file is empty) (document skipped)\n"))
    assert len(result.stdout.splitlines()) == 48


@pytest.mark.parametrize("manifest", ["pairs.tsv", "-"])
def test_a_repeated_manifest_line_is_exit_2_and_nothing_is_written(batch: Path, manifest: str) -> None:
    text = (batch / "pairs.tsv").read_text(encoding="utf-8") + "docs/0.uk.txt\tdocs/0.en.txt\n"
    (batch / "pairs.tsv").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["align", "--pairs", manifest, "--presegmented", "-o", "out.tmx"],
                                input=text if manifest == "-" else None)
    name = "<stdin>" if manifest == "-" else "pairs.tsv"
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", (f"tmtool: error: {name}:6: lists the same pair as line 1 (docs/0.uk.txt and "
               "docs/0.en.txt); list each pair once\n"))
    assert not (batch / "out.tmx").exists() and not (batch / "out.tmx.part").exists()
