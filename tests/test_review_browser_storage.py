"""The review page as a reviewer's browser keeps it, in a real headless Chromium: what autosave
stores grows with the edits, not with the document; a full storage makes room from other
reviews rather than losing this one; two tabs of one review take up each other's changes."""
from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.browser import Browser, browser_session
from tests.review_docs import aligned_page, write_pair
from tests.test_review_browser import START, after, synthetic_alignment
from tmtool.cli import cli
from tmtool.review.apply import Review
from tmtool.review.page import PageOptions, review_page

MERGED = after({7: [([8, 9, 10], [7, 8])], 8: []})


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    yield from browser_session(tmp_path_factory.mktemp("downloads"))


@pytest.fixture(scope="module")
def page_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return aligned_page(tmp_path_factory.mktemp("review"))


def stored(browser: Browser) -> str:
    """This page's autosave, as the browser keeps it."""
    return str(browser.driver.execute_script(
        "return localStorage.getItem(JSON.parse(document.getElementById('review-data').textContent).key)"))


def test_autosave_of_a_5000_bead_review_grows_with_its_edits_not_with_the_document(
        browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_text(review_page(synthetic_alignment(5000), Review("ab" * 32, "cd" * 32), PageOptions(name="big")),
                    encoding="utf-8")
    browser.open(path)
    browser.keys("n", "m", "n", "c")
    snapshot = json.loads(stored(browser))
    assert len(json.dumps(snapshot["rows"])) < 200  # runs of untouched beads and the 2 rows changed
    browser.open(path, fresh=False)
    assert browser.text("message") == "Resumed your review from this browser's storage (2 changes)."
    assert browser.text("counts").startswith("4999 rows · ") and "· 2 confirmed ·" in browser.text("counts")


def test_a_full_storage_drops_the_oldest_other_review_not_this_one(browser: Browser, page_path: Path) -> None:
    browser.open(page_path)
    browser.keys("a")
    browser.click_row(7, 'button[data-op="merge"]')
    filled = browser.driver.execute_script("""
        const fill = (prefix, size, t) => { let n = 0;
          try { for (;; n++) localStorage.setItem(prefix + n, JSON.stringify({t: t + n, pad: 'x'.repeat(size)})) }
          catch (e) {} return n };
        return [fill('tmtool-review/older', 400000, 100), fill('tmtool-review/newer', 1000, 1000),
                fill('other-app/', 10, 0)]""")
    assert filled[0] > 2
    browser.click_row(3, 'button[data-op="reject"]')  # more to keep than the storage has room for
    kept = browser.driver.execute_script(
        "return ['older0', 'older1', 'newer0'].map(k => localStorage.getItem('tmtool-review/' + k) !== null)")
    assert kept == [False, True, True]
    assert browser.text("message") == ("The browser's storage was full: the oldest work kept for "
                                       "another review was dropped to keep this one.")
    browser.open(page_path, fresh=False)
    assert browser.text("message") == "Resumed your review from this browser's storage (2 changes)."
    assert browser.pairs() == MERGED and browser.rows()[3][3] == "rejected"
    browser.driver.execute_script("localStorage.clear()")


def test_two_tabs_of_one_review_take_up_each_others_changes(browser: Browser, page_path: Path) -> None:
    browser.open(page_path)
    first = browser.driver.current_window_handle
    browser.driver.switch_to.new_window("tab")
    browser.driver.get(page_path.as_uri())
    browser.wait_ready()
    second = browser.driver.current_window_handle
    try:
        browser.driver.switch_to.window(first)
        browser.keys("a", "n", "m")  # rows 7 and 8 merged in the first tab
        browser.driver.switch_to.window(second)
        wait_for(lambda: browser.text("message") == "Updated with the changes made in this review's other tab.")
        assert browser.pairs() == MERGED
        browser.click_row(3, 'button[data-op="reject"]')
        browser.driver.switch_to.window(first)
        wait_for(lambda: browser.rows()[3][3] == "rejected")
    finally:
        browser.driver.switch_to.window(second)
        browser.driver.close()
        browser.driver.switch_to.window(first)
    browser.open(page_path, fresh=False)
    assert browser.pairs() == MERGED and browser.rows()[3][3] == "rejected"


def wait_for(condition: object, timeout_s: float = 5.0) -> None:
    assert callable(condition)
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "the other tab did not take up the change"
        time.sleep(0.05)


def test_unconfirming_an_edited_row_says_what_follows(browser: Browser, page_path: Path) -> None:
    browser.open(page_path)
    browser.keys("a", "n", "m", "c")
    assert browser.rows()[7][3] == "edited"
    assert browser.text("message") == ("Row 8 is left to the aligner again: --apply may pair it "
                                       "differently (c confirms it).")
    browser.keys("c")
    assert (browser.rows()[7][3], browser.text("message")) == ("edited ✓", "")
    assert browser.pairs() != START


def test_pages_of_other_inputs_with_the_same_alignment_keep_their_own_work(
        browser: Browser, tmp_path: Path) -> None:
    """Two document pairs that align alike (same beads, other words) in pages opened from
    the same folder: the work done in one is not resumed in the other."""
    pages = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        src, tgt = write_pair(folder)
        src.write_text(src.read_text(encoding="utf-8").replace("1", name), encoding="utf-8")
        page = tmp_path / f"{name}.html"
        result = CliRunner().invoke(cli, ["align", "--presegmented", "-q", str(src), str(tgt), "-o", str(page)])
        assert result.exit_code == 0, result.output
        pages.append(page)
    browser.open(pages[0])
    browser.keys("a", "n", "m")
    browser.open(pages[1], fresh=False)
    assert browser.text("message") == ""
    browser.keys("a")
    assert browser.pairs() == START
    browser.open(pages[0], fresh=False)
    assert browser.text("message") == "Resumed your review from this browser's storage (1 change)."
    assert browser.pairs() == MERGED
