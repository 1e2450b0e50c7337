"""The edit log a review page saves (`NAME.review.json`): decisions in, anchors out.

A log names the two input files by the SHA-256 of their bytes and lists decisions as
`{"src": [i, ...], "tgt": [j, ...], "status": "confirmed" | "rejected"}` with the segment
indices of `tmtool align --format json`. It is checked whole before any alignment: a log made
for other files, or one whose indices do not fit the documents as segmented now, is refused
with one line naming the log and what is wrong (docs/review.md describes the format).
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from tmtool.align.anchors import BeadKey, Decisions
from tmtool.align.inputs import AlignSide
from tmtool.errors import InputError
from tmtool.fileio import display_name, open_input, read_text

FORMAT_VERSION = 1
STATUSES = ("confirmed", "rejected")
SAME_SETTINGS = "review and --apply must use the same --presegmented, --srx and --markup"
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class Decision:
    src: tuple[int, ...]  # segment indices as `--format json` gives them
    tgt: tuple[int, ...]
    status: str  # "confirmed" or "rejected"


@dataclass(frozen=True, slots=True)
class EditLog:
    name: str  # the log file, for messages
    src_sha256: str
    tgt_sha256: str
    decisions: tuple[Decision, ...]
    src_segments: int | None = None  # how many segments each side had, when the log says
    tgt_segments: int | None = None


def file_sha256(path: str) -> str:
    """The SHA-256 of a file's bytes, as 64 lowercase hexadecimal digits."""
    digest = hashlib.sha256()
    with open_input(path) as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def load_edit_log(path: str) -> EditLog:
    """Read and check a log's form (not yet against the documents)."""
    name = display_name(path)
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(name, exc.lineno, f"not a review log: invalid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise InputError(name, None, 'not a review log: expected a JSON object with "src_sha256", '
                                     '"tgt_sha256" and "decisions"')
    hashes = [_sha256_field(data, key, name) for key in ("src_sha256", "tgt_sha256")]
    decisions = data.get("decisions")
    if not isinstance(decisions, list):
        raise InputError(name, None, '"decisions" is missing or not a list')
    return EditLog(name, hashes[0], hashes[1],
                   tuple(_decision(item, f"decisions[{k}]", name) for k, item in enumerate(decisions)),
                   _count_field(data, "src_segments", name), _count_field(data, "tgt_segments", name))


def _sha256_field(data: dict[str, Any], key: str, name: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not _SHA256.fullmatch(value.lower()):
        problem = "is missing" if value is None else "must be 64 hexadecimal digits"
        raise InputError(name, None, f'"{key}" {problem}')
    return value.lower()


def _count_field(data: dict[str, Any], key: str, name: str) -> int | None:
    value = data.get(key)
    if value is not None and (not _is_index(value) or value == 0):
        raise InputError(name, None, f'"{key}" must be a positive whole number')
    return value


def _is_index(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _decision(item: object, where: str, name: str) -> Decision:
    if not isinstance(item, dict):
        raise InputError(name, None, f'{where}: expected an object with "src", "tgt" and "status"')
    sides = []
    for key in ("src", "tgt"):
        value = item.get(key)
        if not isinstance(value, list) or not all(_is_index(i) for i in value):
            raise InputError(name, None, f'{where}: "{key}" must be a list of segment indices '
                                         "(whole numbers from 0)")
        sides.append(tuple(value))
    if not sides[0] and not sides[1]:
        raise InputError(name, None, f"{where}: names no segment")
    status = item.get("status")
    if status not in STATUSES:
        raise InputError(name, None, f'{where}: "status" must be "confirmed" or "rejected", '
                                     f"not {json.dumps(status, ensure_ascii=False)}")
    return Decision(sides[0], sides[1], str(status))


def check_hashes(log: EditLog, src_path: str, tgt_path: str) -> tuple[str, str]:
    """The inputs' SHA-256 digests, once they match the log's; else one InputError."""
    actual = (file_sha256(src_path), file_sha256(tgt_path))
    wrong = [(key, display_name(path)) for key, path, want, have in (
        ("src_sha256", src_path, log.src_sha256, actual[0]),
        ("tgt_sha256", tgt_path, log.tgt_sha256, actual[1]),
    ) if want != have]
    if wrong:
        keys, files = " and ".join(k for k, _ in wrong), " and ".join(f for _, f in wrong)
        verb = "do" if len(wrong) > 1 else "does"
        raise InputError(log.name, None, f"{keys} {verb} not match {files} (the log was made for "
                                         "other input files; review these files again)")
    return actual


def to_decisions(log: EditLog, src: AlignSide, tgt: AlignSide) -> Decisions:
    """The log's decisions as segment positions, checked against the documents: indices
    exist and are consecutive, confirmed beads neither overlap nor cross, and no bead is both
    confirmed and rejected."""
    for side, count, role in ((src, log.src_segments, "source"), (tgt, log.tgt_segments, "target")):
        if count is not None and count != len(side.segments):
            raise InputError(log.name, None, f"made from {count} {role} segments but {side.name} "
                                             f"has {len(side.segments)} now ({SAME_SETTINGS})")
    places = ({index: p for p, index in enumerate(src.indices)},
              {index: p for p, index in enumerate(tgt.indices)})
    keys = [_positions(log, k, d, places, (src, tgt)) for k, d in enumerate(log.decisions)]
    # a decision written twice (logs of two reviewers put together) says nothing more
    repeats = {k for k, d in enumerate(log.decisions) if d in log.decisions[:k]}
    confirmed = [k for k, d in enumerate(log.decisions) if d.status == "confirmed" and k not in repeats]
    _check_confirmed(log, keys, confirmed, (src.name, tgt.name))
    first_confirm = {keys[k]: k for k in reversed(confirmed)}
    for k, decision in enumerate(log.decisions):
        if decision.status == "rejected" and keys[k] in first_confirm:
            raise InputError(log.name, None,
                             f"decisions[{k}]: rejects the bead decisions[{first_confirm[keys[k]]}] confirms")
    return Decisions(tuple(keys[k] for k in confirmed),
                     tuple(keys[k] for k, d in enumerate(log.decisions)
                           if d.status == "rejected" and k not in repeats))


def _positions(log: EditLog, k: int, decision: Decision, places: tuple[dict[int, int], dict[int, int]],
               sides: tuple[AlignSide, AlignSide]) -> BeadKey:
    out = []
    for indices, place, side, role in zip((decision.src, decision.tgt), places, sides, ("source", "target")):
        missing = next((i for i in indices if i not in place), None)
        if missing is not None:
            raise InputError(log.name, None, f"decisions[{k}]: {side.name} has no {role} segment "
                                             f"{missing} ({SAME_SETTINGS})")
        positions = tuple(place[i] for i in indices)
        if any(b != a + 1 for a, b in pairwise(positions)):
            listed = ", ".join(str(i) for i in indices)
            raise InputError(log.name, None, f"decisions[{k}]: {role} segments {listed} are not "
                                             "consecutive segments in order")
        out.append(positions)
    return out[0], out[1]


def _check_confirmed(log: EditLog, keys: Sequence[BeadKey], confirmed: Sequence[int],
                     names: tuple[str, str]) -> None:
    """A segment in two confirmed beads, or two confirmed pairs out of order, is an error."""
    owners: tuple[dict[int, int], dict[int, int]] = ({}, {})
    for k in confirmed:
        for side in (0, 1):
            for position in keys[k][side]:
                if position in owners[side]:
                    raise InputError(log.name, None, f"decisions[{k}]: a segment of {names[side]} "
                                                     f"is also in confirmed decisions[{owners[side][position]}]")
                owners[side][position] = k
    pairs = sorted((keys[k][0][0], keys[k][1][0], k) for k in confirmed if keys[k][0] and keys[k][1])
    for (_, tgt_a, a), (_, tgt_b, b) in pairwise(pairs):
        if tgt_b < tgt_a:
            raise InputError(log.name, None, f"decisions[{b}]: crosses confirmed decisions[{a}] "
                                             "(confirmed pairs must keep the documents' order)")


def edit_log_text(src_name: str, tgt_name: str, hashes: tuple[str, str], counts: tuple[int, int],
                  decisions: Sequence[Decision]) -> str:
    """A log as the review page writes it: the header fields, then one decision a line."""
    head = {"tmtool_review": FORMAT_VERSION, "src": src_name, "tgt": tgt_name,
            "src_sha256": hashes[0], "tgt_sha256": hashes[1],
            "src_segments": counts[0], "tgt_segments": counts[1]}
    rows = ",\n".join(
        "  " + json.dumps({"src": list(d.src), "tgt": list(d.tgt), "status": d.status})
        for d in decisions
    )
    return (json.dumps(head, ensure_ascii=False)[:-1] + ', "decisions": [\n' + rows
            + ("\n" if rows else "") + "]}\n")
