"""The edit log: its form, its digests and its decisions checked against the documents, each
problem one exact line; and the log the Python writer makes reads back."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.review_docs import confirmed, rejected, sha256, write_log, write_pair
from tmtool.align.anchors import Decisions
from tmtool.align.inputs import read_side
from tmtool.errors import InputError
from tmtool.review.editlog import (
    Decision,
    check_hashes,
    edit_log_text,
    load_edit_log,
    to_decisions,
)

GOOD_SHA = "ab" * 32
SAME = "review and --apply must use the same --presegmented, --srx and --markup"


def _log(tmp_path: Path, text: str) -> str:
    path = tmp_path / "r.review.json"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _fields(**changes: object) -> str:
    """A log's JSON text: two good digests and no decisions, with `changes` (None drops a key)."""
    fields: dict[str, object] = {"src_sha256": GOOD_SHA, "tgt_sha256": GOOD_SHA, "decisions": []}
    fields.update(changes)
    return json.dumps({k: v for k, v in fields.items() if v is not None})


def _one(**decision: object) -> str:
    return _fields(decisions=[decision])


@pytest.mark.parametrize(("text", "problem"), [
    ("{", ":1: not a review log: invalid JSON (Expecting property name enclosed in double quotes)"),
    ("[]", ': not a review log: expected a JSON object with "src_sha256", "tgt_sha256" and "decisions"'),
    (_fields(src_sha256=None), ': "src_sha256" is missing'),
    (_fields(tgt_sha256="xyz"), ': "tgt_sha256" must be 64 hexadecimal digits'),
    (_fields(decisions=None), ': "decisions" is missing or not a list'),
    (_fields(decisions=[3]), ': decisions[0]: expected an object with "src", "tgt" and "status"'),
    (_one(src=[1], tgt=[-1], status="confirmed"),
     ': decisions[0]: "tgt" must be a list of segment indices (whole numbers from 0)'),
    (_one(src=[True], tgt=[], status="confirmed"),
     ': decisions[0]: "src" must be a list of segment indices (whole numbers from 0)'),
    (_one(src="1", tgt=[], status="confirmed"),
     ': decisions[0]: "src" must be a list of segment indices (whole numbers from 0)'),
    (_one(src=[], tgt=[], status="confirmed"), ": decisions[0]: names no segment"),
    (_one(src=[1], tgt=[1], status="ok"), ': decisions[0]: "status" must be "confirmed" or "rejected", not "ok"'),
    (_one(src=[1], tgt=[1]), ': decisions[0]: "status" must be "confirmed" or "rejected", not null'),
    (_fields(src_segments=0), ': "src_segments" must be a positive whole number'),
])
def test_malformed_log_is_one_line_naming_the_file(tmp_path: Path, text: str, problem: str) -> None:
    path = _log(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_edit_log(path)
    assert str(caught.value) == path + problem


def test_a_log_as_the_page_writes_it_reads_back(tmp_path: Path) -> None:
    decisions = [Decision((1, 2), (1,), "confirmed"), Decision((5,), (), "rejected")]
    text = edit_log_text("a.txt", "b.txt", (GOOD_SHA, "cd" * 32), (14, 12), decisions)
    assert text.splitlines()[1:3] == ['  {"src": [1, 2], "tgt": [1], "status": "confirmed"},',
                                      '  {"src": [5], "tgt": [], "status": "rejected"}']
    log = load_edit_log(_log(tmp_path, text))
    assert (log.decisions, log.src_sha256, log.src_segments, log.tgt_segments) == (
        tuple(decisions), GOOD_SHA, 14, 12)


def test_hashes_are_checked_against_the_input_bytes(tmp_path: Path) -> None:
    src, tgt = write_pair(tmp_path)
    log = load_edit_log(str(write_log(tmp_path / "r.json", src, tgt, [])))
    assert check_hashes(log, str(src), str(tgt)) == (sha256(src), sha256(tgt))
    tgt.write_text(tgt.read_text(encoding="utf-8") + "One more line.\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        check_hashes(log, str(src), str(tgt))
    assert str(caught.value) == (f"{tmp_path / 'r.json'}: tgt_sha256 does not match {tgt} (the log was "
                                 "made for other input files; review these files again)")


@pytest.mark.parametrize(("decisions", "extra", "problem"), [
    (confirmed(([99], [1])), {}, "decisions[0]: {src} has no source segment 99 ({same})"),
    (confirmed(([1, 3], [1])), {}, "decisions[0]: source segments 1, 3 are not consecutive segments in order"),
    (confirmed(([2, 1], [1])), {}, "decisions[0]: source segments 2, 1 are not consecutive segments in order"),
    (confirmed(([1], [1]), ([1, 2], [2])), {},
     "decisions[1]: a segment of {src} is also in confirmed decisions[0]"),
    (confirmed(([5], [1]), ([1], [5])), {},
     "decisions[0]: crosses confirmed decisions[1] (confirmed pairs must keep the documents' order)"),
    (confirmed(([4], [4])) + rejected(([4], [4])), {}, "decisions[1]: rejects the bead decisions[0] confirms"),
    ([], {"src_segments": 15}, "made from 15 source segments but {src} has 14 now ({same})"),
])
def test_decisions_that_do_not_fit_the_documents_are_refused(
        tmp_path: Path, decisions: list[dict[str, object]], extra: dict[str, object], problem: str) -> None:
    src, tgt = write_pair(tmp_path)
    log = load_edit_log(str(write_log(tmp_path / "r.json", src, tgt, decisions, **extra)))
    sides = [read_side(str(p), lang=lang, presegmented=True) for p, lang in ((src, "uk-UA"), (tgt, "en-GB"))]
    with pytest.raises(InputError) as caught:
        to_decisions(log, *sides)
    assert str(caught.value) == f"{tmp_path / 'r.json'}: " + problem.format(src=src, same=SAME)


def test_indices_are_those_of_the_json_output_not_positions(tmp_path: Path) -> None:
    """Presegmented segments are numbered by line: an empty line keeps its number."""
    src, tgt = write_pair(tmp_path)
    lines = src.read_text(encoding="utf-8").splitlines()
    src.write_text("\n".join(lines[:2] + [""] + lines[2:]) + "\n", encoding="utf-8")
    decisions = confirmed(([3], [2])) + rejected(([4, 5], [3]))
    log = load_edit_log(str(write_log(tmp_path / "r.json", src, tgt, decisions)))
    sides = [read_side(str(p), lang=lang, presegmented=True) for p, lang in ((src, "uk-UA"), (tgt, "en-GB"))]
    assert to_decisions(log, *sides) == Decisions(confirmed=(((2,), (2,)),), rejected=(((3, 4), (3,)),))
    with pytest.raises(InputError, match="has no source segment 2 "):
        to_decisions(load_edit_log(str(write_log(tmp_path / "r.json", src, tgt, confirmed(([2], [2]))))), *sides)


def test_log_file_that_is_not_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(b"\x00\x01{}")
    with pytest.raises(InputError) as caught:
        load_edit_log(str(path))
    assert str(caught.value) == f"{path}:1: looks like a binary file (NUL byte), not text"


def test_a_decision_written_twice_counts_once(tmp_path: Path) -> None:
    """Two reviewers' logs put together repeat decisions: the same decision again is no
    conflict, while a segment in two different confirmed beads still is."""
    src, tgt = write_pair(tmp_path)
    sides = [read_side(str(p), lang=lang, presegmented=True) for p, lang in ((src, "uk-UA"), (tgt, "en-GB"))]
    once = confirmed(([8], [7]), ([9], [8])) + rejected(([12], [10]))
    twice = once + confirmed(([9], [8])) + rejected(([12], [10])) + confirmed(([8], [7]))
    logs = [load_edit_log(str(write_log(tmp_path / f"r{n}.json", src, tgt, d))) for n, d in enumerate((once, twice))]
    assert to_decisions(logs[1], *sides) == to_decisions(logs[0], *sides) == Decisions(
        confirmed=(((8,), (7,)), ((9,), (8,))), rejected=(((12,), (10,)),))
    clash = load_edit_log(str(write_log(tmp_path / "r.json", src, tgt, once + confirmed(([8, 9], [7])))))
    with pytest.raises(InputError, match=r"decisions\[3\]: a segment of .* is also in confirmed decisions\[0\]"):
        to_decisions(clash, *sides)
