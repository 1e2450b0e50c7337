"""The review page: one self-contained HTML file (inline script and style, no network) that
shows an alignment bead by bead and lets a person fix it.

Safety decides the shape: a Content-Security-Policy allows only this page's own script and
style (by their SHA-256), the alignment travels as JSON in a non-executable script element
with every `<`, `>` and `&` escaped (so no segment can close it), and the script inserts all
text with `textContent`. The JavaScript and CSS are package data in `review/assets/`.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from dataclasses import dataclass
from importlib import resources

from tmtool import __version__
from tmtool.align.beads import Bead
from tmtool.align.inputs import AlignSide
from tmtool.align.levels import DocumentAlignment
from tmtool.model import Segment
from tmtool.review.apply import Review

WEAK_BELOW = 0.9  # first view: pairs scoring below this (the reviewer can move it)
_PLACEHOLDER = re.compile(r"@@(CSP|TITLE|CSS|DATA|SCRIPT)@@")
_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                               "\u2028": "\\u2028", "\u2029": "\\u2029"})


@dataclass(frozen=True, slots=True)
class PageOptions:
    name: str  # the saved log is NAME.review.json
    threshold: float = WEAK_BELOW


def needs_review(bead: Bead, review: Review, threshold: float) -> bool:
    """A row the page's first view asks about: not confirmed, and weak or not 1-1."""
    if (bead.src, bead.tgt) in review.confirmed:
        return False
    return bead.score < threshold or len(bead.src) != 1 or len(bead.tgt) != 1


def _asset(name: str) -> str:
    return (resources.files("tmtool.review") / "assets" / name).read_text(encoding="utf-8")


def _segment_data(segment: Segment) -> str | list[str | list[str]]:
    """A plain segment as its text; one with markup as a list of texts and [markup] codes."""
    if all(isinstance(part, str) for part in segment.parts):
        return segment.text
    return [part if isinstance(part, str) else [part.native or f"<{part.type or 'code'}>"]
            for part in segment.parts]


def _side_data(side: AlignSide, sha256: str) -> dict[str, object]:
    return {"name": side.name, "lang": side.lang, "sha256": sha256, "ids": list(side.indices),
            "segs": [_segment_data(s) for s in side.segments]}


def page_data(doc: DocumentAlignment, review: Review, options: PageOptions) -> dict[str, object]:
    """Everything the page script needs; bead sides are positions into `segs`."""
    beads = [[list(b.src), list(b.tgt), round(b.score, 4),
              "c" if (b.src, b.tgt) in review.confirmed else ""] for b in doc.beads]
    rejected = [[[doc.src.indices[p] for p in src], [doc.tgt.indices[p] for p in tgt]]
                for src, tgt in review.rejected]
    layout = hashlib.sha256(json.dumps([beads, rejected]).encode("utf-8")).hexdigest()
    return {
        "v": 1, "tmtool": __version__, "name": options.name, "threshold": options.threshold,
        # autosave key: the inputs, and the alignment the page starts from (a page written
        # by --apply must not resume the edits of the page before it)
        "key": f"tmtool-review/{review.src_sha256[:16]}/{review.tgt_sha256[:16]}/{layout[:16]}",
        "src": _side_data(doc.src, review.src_sha256),
        "tgt": _side_data(doc.tgt, review.tgt_sha256),
        "beads": beads, "rejected": rejected,
    }


def json_for_html(data: object) -> str:
    """JSON that cannot end the script element holding it nor open a comment there."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_IN_HTML)


def _csp(script: str, style: str) -> str:
    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    return (f"default-src 'none'; script-src {digest(script)}; style-src {digest(style)}; "
            "img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'")


def review_page(doc: DocumentAlignment, review: Review, options: PageOptions) -> str:
    """The whole HTML page for one document pair."""
    script, style = _asset("review.js"), _asset("review.css")
    values = {
        "CSP": html.escape(_csp(script, style), quote=False),
        "TITLE": html.escape(f"Review: {doc.src.name} + {doc.tgt.name}"),
        "CSS": style,
        "DATA": json_for_html(page_data(doc, review, options)),
        "SCRIPT": script,
    }
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], _asset("review.html"))
