"""The review page for people who do not use a mouse or see less contrast, in a real headless
Chromium: every control has a name, every text has a contrast of at least 4.5:1 (WCAG AA) in
every state a row can be in, the focus is visible, and a row's button pressed from the keyboard
keeps the focus."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys

from tests.browser import Browser, browser_session
from tests.review_docs import aligned_page
from tests.test_review_browser import after

MERGED = after({7: [([8, 9, 10], [7, 8])], 8: []})
# Contrast of each text node against the first opaque background behind it (WCAG 2 formula).
LOW_CONTRAST = """
const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
  const p = m[1].split(',').map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
const luminance = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
const behind = (el) => { for (let e = el; e; e = e.parentElement) {
  const c = parse(getComputedStyle(e).backgroundColor); if (c && c[3] > 0.5) return c; } return [255, 255, 255, 1]; };
const low = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  if (!n.textContent.trim() || el.closest('button:disabled, details:not([open]) > p')) continue;
  const [a, b] = [luminance(parse(getComputedStyle(el).color)), luminance(behind(el))];
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 4.5) low.push(`${el.tagName.toLowerCase()}.${el.className}: ${ratio.toFixed(2)}`);
}
return [...new Set(low)];
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    yield from browser_session(tmp_path_factory.mktemp("downloads"))


@pytest.fixture(scope="module")
def page_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return aligned_page(tmp_path_factory.mktemp("review"))


def test_every_text_has_a_contrast_of_at_least_4_5_to_1_in_every_row_state(
        browser: Browser, page_path: Path) -> None:
    browser.open(page_path)
    assert browser.driver.execute_script(LOW_CONTRAST) == []  # the first view, with its gaps
    browser.keys("a")
    for row, op in ((10, "unpair"), (7, "merge"), (7, "confirm"), (3, "reject"), (1, "confirm")):
        browser.click_row(row, f'button[data-op="{op}"]')
    browser.click_row(5, 'td.tgt .seg')  # a selected sentence
    browser.click("details.keys summary")
    shown = {status for *_, status in browser.rows()}
    assert {"", "confirmed", "rejected", "edited ✓", "edited"} <= shown
    assert browser.driver.execute_script(LOW_CONTRAST) == []


def test_every_control_has_a_name(browser: Browser, page_path: Path) -> None:
    browser.open(page_path)
    browser.keys("a")
    unnamed = browser.driver.execute_script("""
        return [...document.querySelectorAll('button, input, summary')].filter(e => {
          const label = e.getAttribute('aria-label') || e.textContent.trim()
            || (e.labels && [...e.labels].map(l => l.textContent.trim()).join(''));
          return !label; }).map(e => e.outerHTML);""")
    assert unnamed == []


def test_the_keyboard_focus_is_visible(browser: Browser, page_path: Path) -> None:
    browser.open(page_path)
    for _ in range(3):
        browser.keys(Keys.TAB)
        outline = browser.driver.execute_script(
            "const s = getComputedStyle(document.activeElement); return [document.activeElement.tagName, "
            "s.outlineStyle, parseFloat(s.outlineWidth)]")
        assert outline[0] in ("BUTTON", "INPUT") and outline[1] != "none" and outline[2] >= 1


def test_a_row_button_pressed_from_the_keyboard_keeps_the_focus(browser: Browser, page_path: Path) -> None:
    browser.open(page_path)
    browser.keys("a", "n")
    browser.driver.execute_script("document.querySelector('tr.row.current button[data-op=\"merge\"]').focus()")
    browser.keys(Keys.ENTER)
    focused = ("const a = document.activeElement; "
               "return [a.dataset.op || a.tagName, Number(a.closest('tr') ? a.closest('tr').dataset.row : -1)]")
    assert browser.driver.execute_script(focused) == ["merge", 7]
    assert browser.pairs() == MERGED
    browser.keys(Keys.ENTER)  # the same button again merges on
    assert browser.pairs() == after({7: [([8, 9, 10, 11], [7, 8, 9])], 8: [], 9: []})
    browser.keys("n")  # the focus follows the current row
    assert browser.driver.execute_script(focused) == ["merge", browser.current()]


@pytest.mark.parametrize("keys", [["ArrowUp"] * 15, ["k", "k", "PageUp"]])
def test_the_current_row_is_never_hidden_under_the_sticky_bar(browser: Browser, tmp_path: Path,
                                                              keys: list[str]) -> None:
    from tests.test_review_browser import synthetic_alignment
    from tmtool.review.apply import Review
    from tmtool.review.page import PageOptions, review_page

    path = tmp_path / "long.html"
    path.write_text(review_page(synthetic_alignment(300), Review("ab" * 32, "cd" * 32), PageOptions(name="long")),
                    encoding="utf-8")
    browser.open(path)
    browser.keys("a", "PageDown", *["ArrowDown"] * 40, *keys)
    row_top, bar_bottom = browser.driver.execute_script(
        "return [document.querySelector('tr.row.current').getBoundingClientRect().top, "
        "document.getElementById('bar').getBoundingClientRect().bottom]")
    assert row_top >= bar_bottom
