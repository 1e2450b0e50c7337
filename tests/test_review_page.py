"""The review page as bytes (no browser): a Content-Security-Policy that allows only the page's
own script and style, data that no segment can break out of, no outside reference, no HTML
insertion in the script; and the page's data for the sample pair as a golden file."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources
from pathlib import Path

import pytest

from tests.golden import assert_golden
from tests.review_docs import write_pair
from tmtool.align.inputs import side_from_text
from tmtool.align.levels import align_sides
from tmtool.align.pipeline import AlignOptions
from tmtool.review.apply import Review
from tmtool.review.page import PageOptions, json_for_html, page_data, review_page

HOSTILE = ["<script>alert(1)</script> Перший рядок тексту тут.",
           'Другий рядок "><img src=x onerror="window.pwned=1"> тут.',
           "Третій рядок </script><!-- і коментар --> тут.",
           "Четвертий рядок &amp; &lt;b&gt; \u2028 тут."]
HOSTILE_EN = ["<script>alert(1)</script> The first line of text here.",
              'The second line "><img src=x onerror="window.pwned=1"> here.',
              "The third line </script><!-- and a comment --> here.",
              "The fourth line &amp; &lt;b&gt; \u2028 here."]


def hostile_page() -> str:
    src = side_from_text("\n".join(HOSTILE), name="<b>a.uk.txt</b>", lang="uk-UA", presegmented=True)
    tgt = side_from_text("\n".join(HOSTILE_EN), name="b.en.txt", lang="en-GB", presegmented=True)
    return review_page(align_sides(src, tgt, AlignOptions()), Review("ab" * 32, "cd" * 32),
                       PageOptions(name="a"))


def _inline(page: str, opening: str, closing: str) -> list[str]:
    return re.findall(re.escape(opening) + "(.*?)" + re.escape(closing), page, re.DOTALL)


def _sha(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def test_csp_allows_only_the_pages_own_script_and_style() -> None:
    page = hostile_page()
    [csp] = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    [script] = _inline(page, "<script>", "</script>")
    [style] = _inline(page, "<style>", "</style>")
    assert directives == {
        "default-src": "'none'", "script-src": f"'sha256-{_sha(script)}'",
        "style-src": f"'sha256-{_sha(style)}'", "img-src": "'none'", "connect-src": "'none'",
        "base-uri": "'none'", "form-action": "'none'",
    }


def test_no_segment_can_close_the_data_element() -> None:
    page = hostile_page()
    assert page.count("</script>") == 2  # the data element's and the script's own
    assert "<!--" not in page and "<img" not in page
    [data] = _inline(page, '<script type="application/json" id="review-data">', "</script>")
    segments = json.loads(data)["src"]["segs"]
    assert segments == HOSTILE
    assert "<b>a.uk.txt</b>" not in page.split("<body>")[0]  # the title is escaped
    assert "&lt;b&gt;a.uk.txt&lt;/b&gt;" in page


@pytest.mark.parametrize("text", ["</script>", "<!--<script>", "a\u2028b\u2029c", "&<>'\""])
def test_json_for_html_round_trips_without_markup_characters(text: str) -> None:
    encoded = json_for_html({"t": text})
    assert not set("<>&\u2028\u2029") & set(encoded)
    assert json.loads(encoded) == {"t": text}


def test_the_page_refers_to_nothing_outside_itself() -> None:
    assets = resources.files("tmtool.review") / "assets"
    template = (assets / "review.html").read_text(encoding="utf-8")
    style = (assets / "review.css").read_text(encoding="utf-8")
    script = (assets / "review.js").read_text(encoding="utf-8")
    assert not re.search(r"\s(src|href|action|srcset)=", template)
    assert "url(" not in style and "@import" not in style
    assert not re.search(r"https?:|//[a-z]", template + style + re.sub(r"^\s*//.*$", "", script, flags=re.MULTILINE))


def test_the_script_never_parses_html() -> None:
    script = (resources.files("tmtool.review") / "assets" / "review.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "setAttribute(\"on", "srcdoc"):
        assert sink not in script
    assert "</script" not in script and "</style" not in script


def test_page_data_golden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, project_dir: Path,
                          update_golden: bool) -> None:
    monkeypatch.chdir(tmp_path)
    write_pair(Path("."))
    src = side_from_text(Path("p.uk.txt").read_text(encoding="utf-8"), name="p.uk.txt", lang="uk-UA",
                         presegmented=True)
    tgt = side_from_text(Path("p.en.txt").read_text(encoding="utf-8"), name="p.en.txt", lang="en-GB",
                         presegmented=True)
    review = Review(hashlib.sha256(Path("p.uk.txt").read_bytes()).hexdigest(),
                    hashlib.sha256(Path("p.en.txt").read_bytes()).hexdigest(),
                    frozenset({((8,), (7,))}), (((12,), (10,)),))
    data = page_data(align_sides(src, tgt, AlignOptions()), review, PageOptions(name="p"))
    data["tmtool"] = "VERSION"
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    assert_golden(project_dir / "tests" / "golden" / "review" / "pair" / "data.json", text, update_golden)
