"""A small presegmented document pair whose alignment has one known mistake, and edit logs
for it: shared by the edit-log, anchor, CLI and browser tests of the review."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from click.testing import CliRunner

from tests.test_align_beads import make_pair
from tmtool.cli import cli

# What tmtool aligns on the pair below (rows of the review page, 0-based): the translation
# dropped source line 10, and the aligner put that gap one row too early.
ALIGNED = [
    ([0], [0]), ([1], [1]), ([2], [2]), ([3, 4], [3]), ([5], [4]), ([6], [5]), ([7], [6]),
    ([8, 9], [7]), ([10], [8]), ([11], [9]), ([12], [10]), ([13], [11]),
]
# The truth: the two target lines joined at 3-4, and no translation of source line 10.
GOLD_FIX = [([8], [7]), ([9], [8]), ([10], [])]


def write_pair(folder: Path) -> tuple[Path, Path]:
    src, tgt = make_pair(5, 14)
    tgt[3:5] = [tgt[3] + " " + tgt[4]]
    del tgt[9]
    src_path, tgt_path = folder / "p.uk.txt", folder / "p.en.txt"
    src_path.write_text("\n".join(src) + "\n", encoding="utf-8")
    tgt_path.write_text("\n".join(tgt) + "\n", encoding="utf-8")
    return src_path, tgt_path


def aligned_page(folder: Path) -> Path:
    """The review page `tmtool align` writes for the pair, in `folder`."""
    src, tgt = write_pair(folder)
    page = folder / "page.html"
    result = CliRunner().invoke(cli, ["align", "--presegmented", "-q", str(src), str(tgt), "-o", str(page)])
    assert result.exit_code == 0, result.output
    return page


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_log(path: Path, src: Path, tgt: Path, decisions: list[dict[str, object]],
              **extra: object) -> Path:
    data = {"src_sha256": sha256(src), "tgt_sha256": sha256(tgt), "decisions": decisions, **extra}
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


def confirmed(*beads: tuple[list[int], list[int]]) -> list[dict[str, object]]:
    return [{"src": s, "tgt": t, "status": "confirmed"} for s, t in beads]


def rejected(*beads: tuple[list[int], list[int]]) -> list[dict[str, object]]:
    return [{"src": s, "tgt": t, "status": "rejected"} for s, t in beads]
