"""The final assignment of `tmtool pair`: sure pairs as the fingerprints rank them, every other
document's few best candidates verified by aligning their segments (`verification`).

A candidate is settled when it scores `SETTLE_SCORE` or more and beats every other candidate of
both its documents by `SETTLE_MARGIN`; fingerprints say least about short documents, so a
settled pair of one (`SHORT_SEGMENTS` or fewer) is verified too and unsettled if it fails. The
documents left are uncertain. Each one's best `VERIFY_TOP` candidates among the other uncertain
documents are verified, and its best `RELINKED_TOP` by a third round of candidates among the
uncertain documents only, whose word links are the verification's own (learned from aligned
sentences, many more than the fingerprint round's). Verified pairs are then chosen greedily by
their evidence, each document once, if the verification's probability reaches `min_score` and
the path pairs the documents whole (`Verdict.is_whole`: two documents sharing half their text
do not translate each other); near-identical documents can trade partners, so two chosen pairs swap
when that raises their summed evidence. Verification costs milliseconds a pair, and only the
uncertain documents' few candidates take it: never every pair.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from tmtool.align.fingerprints import Fingerprint
from tmtool.align.lexicon import with_links
from tmtool.align.pairing import Candidate, Pairing, find_candidates
from tmtool.align.verification import Verifier, verify
from tmtool.align.verification_models import fit_verifier
from tmtool.align.verification_pool import verify_all

SETTLE_SCORE = 0.45  # a fingerprint score this high, and ...
SETTLE_MARGIN = 0.1  # ... this far above every rival of both documents, needs no verification
SHORT_SEGMENTS = 6  # ... unless a document has this few segments
VERIFY_TOP = 5  # candidates verified for each uncertain document (the best by fingerprint score)
RELINKED_TOP = 2  # ... and by the third round, with the verification's word links
Chosen = dict[int, dict[int, Candidate]]  # source -> target -> candidate to verify


def ranked(candidates: Sequence[Candidate]) -> tuple[dict[int, list[Candidate]], dict[int, list[Candidate]]]:
    """Each source's and each target's candidates, best score first."""
    by_src: dict[int, list[Candidate]] = defaultdict(list)
    by_tgt: dict[int, list[Candidate]] = defaultdict(list)
    for candidate in sorted(candidates, key=lambda c: -c.score):
        by_src[candidate.src].append(candidate)
        by_tgt[candidate.tgt].append(candidate)
    return by_src, by_tgt


def is_settled(candidate: Candidate, by_src: dict[int, list[Candidate]], by_tgt: dict[int, list[Candidate]]) -> bool:
    """Sure enough to need no verification: high, and the best of both its documents by a margin."""
    if candidate.score < SETTLE_SCORE:
        return False
    if by_src[candidate.src][0] is not candidate or by_tgt[candidate.tgt][0] is not candidate:
        return False
    rivals = [c.score for c in (*by_src[candidate.src][1:2], *by_tgt[candidate.tgt][1:2])]
    return candidate.score - max(rivals, default=0.0) >= SETTLE_MARGIN


def verified_pairing(candidates: Sequence[Candidate], sources: Sequence[Fingerprint],
                     targets: Sequence[Fingerprint], links: dict[int, int], min_score: float,
                     names: tuple[Sequence[str], Sequence[str]], workers: int = 1) -> Pairing:
    """Settled pairs, then verified ones (`names`: the documents' names, which break ties);
    every candidate is listed, verified ones with their verification."""
    by_src, by_tgt = ranked(candidates)
    settled = [c for c in candidates if is_settled(c, by_src, by_tgt)]
    verifier = fit_verifier(settled, sources, targets, links)
    # A settled pair scoring under `min_score` teaches the verifier but is verified itself.
    settled = [c for c in settled if c.score >= min_score and _holds(c, sources, targets, verifier)]
    chosen = _to_verify(by_src, by_tgt, settled)
    relinked = _relinked(settled, sources, targets, verifier)
    for candidate in relinked:
        chosen[candidate.src].setdefault(candidate.tgt, candidate)
    known = {(c.src, c.tgt) for c in candidates}
    listed = [*candidates, *(c for c in relinked if (c.src, c.tgt) not in known)]
    checked = {(c.src, c.tgt): (c, whole) for c, whole in verify_all(chosen, sources, targets, verifier, workers)}
    return _assigned(listed, checked, settled, min_score, names)


def _holds(candidate: Candidate, sources: Sequence[Fingerprint], targets: Sequence[Fingerprint],
           verifier: Verifier) -> bool:
    """A settled pair stays settled unless a document is short and verification rejects it."""
    if min(sources[candidate.src].segments, targets[candidate.tgt].segments) > SHORT_SEGMENTS:
        return True
    verdict = verify(verifier.source_view(sources[candidate.src]), verifier.target_view(targets[candidate.tgt]),
                     verifier)
    return verdict.is_whole and verdict.evidence > 0


def _to_verify(by_src: dict[int, list[Candidate]], by_tgt: dict[int, list[Candidate]],
               settled: Sequence[Candidate]) -> Chosen:
    """Each unsettled document's best VERIFY_TOP candidates among the unsettled documents of
    the other side."""
    used_src, used_tgt = {c.src for c in settled}, {c.tgt for c in settled}
    chosen: Chosen = defaultdict(dict)
    for src, candidates in by_src.items():
        if src not in used_src:
            for candidate in [c for c in candidates if c.tgt not in used_tgt][:VERIFY_TOP]:
                chosen[src][candidate.tgt] = candidate
    for tgt, candidates in by_tgt.items():
        if tgt not in used_tgt:
            for candidate in [c for c in candidates if c.src not in used_src][:VERIFY_TOP]:
                chosen[candidate.src][tgt] = candidate
    return chosen


def _relinked(settled: Sequence[Candidate], sources: Sequence[Fingerprint], targets: Sequence[Fingerprint],
              verifier: Verifier) -> list[Candidate]:
    """The third round: candidates among the unsettled documents, their word stems linked by
    the verification's partners; each document's best RELINKED_TOP (indices of all documents)."""
    used_src, used_tgt = {c.src for c in settled}, {c.tgt for c in settled}
    open_src = [s for s in range(len(sources)) if s not in used_src]
    open_tgt = [t for t in range(len(targets)) if t not in used_tgt]
    if not open_src or not open_tgt:
        return []
    linked = with_links([sources[s] for s in open_src], [targets[t] for t in open_tgt], verifier.forward.partner)
    kept: dict[tuple[int, int], Candidate] = {}
    for by_document in ranked(find_candidates(*linked)):
        for candidates in by_document.values():
            for candidate in candidates[:RELINKED_TOP]:
                kept[candidate.src, candidate.tgt] = replace(
                    candidate, src=open_src[candidate.src], tgt=open_tgt[candidate.tgt])
    return list(kept.values())


def _assigned(listed: Sequence[Candidate], checked: dict[tuple[int, int], tuple[Candidate, bool]],
              settled: Sequence[Candidate], min_score: float, names: tuple[Sequence[str], Sequence[str]]) -> Pairing:
    """The pairing: settled pairs, then the eligible verified ones by evidence (swapped where
    that helps); candidates listed best score first, verified ones with their verification."""
    src_names, tgt_names = names
    listed = [checked[c.src, c.tgt][0] if (c.src, c.tgt) in checked else c for c in listed]
    result = Pairing(list(settled), sorted(listed, key=lambda c: (-c.score, src_names[c.src], tgt_names[c.tgt])))
    for candidate in result.candidates:
        result.best_src.setdefault(candidate.src, candidate)
        result.best_tgt.setdefault(candidate.tgt, candidate)
    # a pair the verification finds likelier unrelated than translated (evidence <= 0) is never
    # chosen, whatever --min-score allows (one-sentence documents: a coin flip otherwise)
    eligible = sorted((c for c, whole in checked.values()
                       if whole and _evidence(c) > 0 and (c.verified or 0.0) >= min_score),
                      key=lambda c: (-_evidence(c), src_names[c.src], tgt_names[c.tgt]))
    result.pairs.extend(_exchanged(_greedy(eligible, settled), eligible))
    result.pairs.sort(key=lambda c: src_names[c.src])
    return result


def _evidence(candidate: Candidate) -> float:
    return candidate.evidence if candidate.evidence is not None else float("-inf")


def _greedy(eligible: Sequence[Candidate], settled: Sequence[Candidate]) -> list[Candidate]:
    """Most evidence first, each document once (and none of a settled pair)."""
    used_src, used_tgt = {c.src for c in settled}, {c.tgt for c in settled}
    chosen: list[Candidate] = []
    for candidate in eligible:
        if candidate.src not in used_src and candidate.tgt not in used_tgt:
            used_src.add(candidate.src)
            used_tgt.add(candidate.tgt)
            chosen.append(candidate)
    return chosen


def _exchanged(chosen: list[Candidate], eligible: Sequence[Candidate]) -> list[Candidate]:
    """`chosen` after swapping the partners of two chosen pairs wherever both crossed pairs are
    eligible and hold more evidence together, until no swap helps (each raises the sum)."""
    by_pair = {(c.src, c.tgt): c for c in eligible}
    alternatives: dict[int, list[Candidate]] = defaultdict(list)
    for candidate in eligible:
        alternatives[candidate.src].append(candidate)
    at_tgt = {c.tgt: n for n, c in enumerate(chosen)}
    queue = list(range(len(chosen)))
    while queue:
        n = queue.pop()
        current = chosen[n]
        for other in alternatives[current.src]:
            m = at_tgt.get(other.tgt)
            crossed = None if m is None or m == n else by_pair.get((chosen[m].src, current.tgt))
            if crossed is None or m is None:
                continue
            if _evidence(other) + _evidence(crossed) > _evidence(current) + _evidence(chosen[m]) + 1e-9:
                chosen[n], chosen[m] = other, crossed
                at_tgt[other.tgt], at_tgt[crossed.tgt] = n, m
                queue.extend((n, m))
                break
    return chosen
