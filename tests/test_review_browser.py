"""The review page in a real headless Chromium: every operation by mouse and by key, undo and
redo, a reload that keeps the work, "Save decisions" giving a log that `--apply` takes, the
corrected pairs in the TMX, no network request, hostile segments shown as text, and paging on
a 5,000-bead document."""
from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.browser import Browser, browser_session
from tests.review_docs import ALIGNED, write_pair
from tests.test_review_page import HOSTILE, HOSTILE_EN, hostile_page
from tmtool.align.beads import Bead
from tmtool.align.inputs import side_from_text
from tmtool.align.levels import DocumentAlignment, align_sides
from tmtool.align.pipeline import AlignOptions
from tmtool.cli import cli
from tmtool.formats.tmx import read_tmx
from tmtool.review.apply import Review
from tmtool.review.page import PageOptions, review_page

# Rows of the test pair's page (0-based): 7 = (8 9 | 7) and 8 = (10 | 8) are the aligner's
# mistake; the first row to review is the 2-1 row 3.
START = [(s, t) for s, t in ALIGNED]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    yield from browser_session(tmp_path_factory.mktemp("downloads"))


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    folder = tmp_path_factory.mktemp("review")
    src, tgt = write_pair(folder)
    page = folder / "page.html"
    result = CliRunner().invoke(cli, ["align", "--presegmented", "-q", str(src), str(tgt), "-o", str(page)])
    assert result.exit_code == 0, result.output
    return src, tgt, page


@pytest.fixture
def page(browser: Browser, docs: tuple[Path, Path, Path]) -> Browser:
    browser.open(docs[2])
    browser.click("#show-all")
    assert browser.pairs() == START
    return browser


def after(changes: dict[int, list[tuple[list[int], list[int]]]]) -> list[tuple[list[int], list[int]]]:
    """START with row k replaced by the rows in changes[k] (an empty list removes it)."""
    out: list[tuple[list[int], list[int]]] = []
    for k, row in enumerate(START):
        out.extend(changes.get(k, [row]))
    return out


def test_first_view_shows_weak_and_uneven_rows_with_context(browser: Browser, docs: tuple[Path, Path, Path]) -> None:
    browser.open(docs[2])
    assert [r[0] for r in browser.rows()] == list(range(1, 12))  # rows 3, 7, 8, 9 and two either side
    assert browser.current() == 3
    assert browser.text("counts") == "12 rows · 4 to review · 0 confirmed · 0 rejected"
    assert browser.driver.find_element("css selector", 'tr.row[data-row="7"] .band').get_attribute("class") == "band b2"
    assert browser.driver.find_element("css selector", 'tr.row[data-row="7"] td.score').text == "0.53"
    browser.keys("a")
    assert [r[0] for r in browser.rows()] == list(range(12))
    browser.driver.execute_script("const t = document.getElementById('threshold'); t.value = '0.5';"
                                  "t.dispatchEvent(new Event('input'))")
    browser.keys("a")
    assert [r[0] for r in browser.rows()] == list(range(1, 10))  # only the 2-1 rows 3 and 7 are left


@pytest.mark.parametrize("how", ["click", "key"])
def test_next_and_previous_weak_row(page: Browser, how: str) -> None:
    def step(forward: bool) -> int:
        if how == "click":
            page.click("#next-weak" if forward else "#prev-weak")
        else:
            page.keys("n" if forward else "p")
        return page.current()

    assert [step(True), step(True), step(True), step(True), step(False), step(False)] == [7, 8, 9, 9, 8, 7]
    assert page.text("message") == ""


@pytest.mark.parametrize("side", ["s", "t"])
@pytest.mark.parametrize("how", ["click", "key"])
def test_move_first_sentence_up(page: Browser, how: str, side: str) -> None:
    if how == "click":
        page.click_row(8, f'button[data-op="up"][data-side="{side}"]')
    else:
        page.keys("n", "n", *(["ArrowRight"] if side == "t" else []), "u")
    expected = {"s": {7: [([8, 9, 10], [7])], 8: [([], [8])]}, "t": {7: [([8, 9], [7, 8])], 8: [([10], [])]}}
    assert page.pairs() == after(expected[side])
    assert [r[3] for r in page.rows()[7:9]] == ["edited ✓", "edited ✓"]


@pytest.mark.parametrize("side", ["s", "t"])
@pytest.mark.parametrize("how", ["click", "key"])
def test_move_last_sentence_down(page: Browser, how: str, side: str) -> None:
    if how == "click":
        page.click_row(7, f'button[data-op="down"][data-side="{side}"]')
    else:
        page.keys("n", *(["ArrowRight", "ArrowRight"] if side == "t" else []), "d")
    expected = {"s": {7: [([8], [7])], 8: [([9, 10], [8])]}, "t": {7: [([8, 9], [])], 8: [([10], [7, 8])]}}
    assert page.pairs() == after(expected[side])


@pytest.mark.parametrize("how", ["click", "key"])
def test_merge_with_next(page: Browser, how: str) -> None:
    if how == "click":
        page.click_row(7, 'button[data-op="merge"]')
    else:
        page.keys("n", "m")
    assert page.pairs() == after({7: [([8, 9, 10], [7, 8])], 8: []})


@pytest.mark.parametrize("how", ["click", "key"])
def test_split(page: Browser, how: str) -> None:
    if how == "click":
        page.click_row(7, 'button[data-op="split"]')
    else:
        page.keys("n", "s")
    assert page.pairs() == after({7: [([8], [7]), ([9], [])]})


def test_split_before_the_selected_sentence(page: Browser) -> None:
    page.click_row(3, 'td.src .seg[data-k="1"]')  # row 3 is (3 4 | 3): select source 4
    page.click_row(3, 'button[data-op="split"]')
    assert page.pairs() == after({3: [([3], [3]), ([4], [])]})
    page.keys("z")
    page.click_row(3, 'td.tgt .seg[data-k="0"]')  # one target sentence: the source side is cut
    page.keys("s")
    assert page.pairs() == after({3: [([3], [3]), ([4], [])]})


@pytest.mark.parametrize("how", ["click", "key"])
def test_mark_unpaired(page: Browser, how: str) -> None:
    if how == "click":
        page.click_row(8, 'button[data-op="unpair"]')
    else:
        page.keys("n", "n", "x")
    assert page.pairs() == after({8: [([10], []), ([], [8])]})
    page.keys("z")
    page.click_row(8, 'td.tgt .seg[data-k="0"]')
    page.keys("x")
    assert page.pairs() == after({8: [([], [8]), ([10], [])]})


def test_unpairing_a_middle_sentence_is_refused(page: Browser) -> None:
    page.click_row(7, 'button[data-op="merge"]')  # (8 9 10 | 7 8)
    page.click_row(7, 'td.src .seg[data-k="1"]')
    page.keys("x")
    assert page.text("message") == "Only the first or last sentence of a side can be unpaired; split the row first."
    assert page.pairs() == after({7: [([8, 9, 10], [7, 8])], 8: []})


@pytest.mark.parametrize("how", ["click", "key"])
def test_confirm_and_reject(page: Browser, how: str) -> None:
    def act(op: str) -> None:
        if how == "click":
            page.click_row(7, f'button[data-op="{op}"]')
        else:
            page.keys(op[0])

    if how == "key":
        page.keys("n")
    act("confirm")
    assert page.rows()[7][3] == "confirmed"
    assert page.text("counts") == "12 rows · 3 to review · 1 confirmed · 0 rejected"
    act("reject")
    assert page.rows()[7][3] == "rejected"
    act("reject")
    assert page.rows()[7][3] == ""
    assert page.pairs() == START


@pytest.mark.parametrize("how", ["click", "key", "ctrl"])
def test_undo_and_redo(page: Browser, how: str) -> None:
    def press(button: str, key: str) -> None:
        if how == "click":
            page.click(f"#{button}")
        elif how == "key":
            page.keys(key)
        else:
            page.control(key)

    def undo() -> None:
        press("undo", "z")

    def redo() -> None:
        press("redo", "y")

    page.click_row(7, 'button[data-op="merge"]')
    page.click_row(7, 'button[data-op="reject"]')
    merged = after({7: [([8, 9, 10], [7, 8])], 8: []})
    undo()
    assert (page.pairs(), page.rows()[7][3]) == (merged, "edited ✓")
    undo()
    assert page.pairs() == START
    redo()
    assert (page.pairs(), page.rows()[7][3]) == (merged, "edited ✓")
    redo()
    assert (page.pairs(), page.rows()[7][3]) == (merged, "rejected")
    assert page.driver.find_element("id", "redo").get_attribute("disabled") == "true"


def test_reload_keeps_the_work_and_its_history(page: Browser, docs: tuple[Path, Path, Path]) -> None:
    page.click_row(7, 'button[data-op="merge"]')
    page.keys("r")
    page.open(docs[2], fresh=False)
    assert page.text("message") == "Resumed your review from this browser's storage (2 changes)."
    assert page.pairs() == after({7: [([8, 9, 10], [7, 8])], 8: []})  # "show all" was kept too
    assert page.rows()[7][3] == "rejected"
    page.keys("z", "z")
    assert page.pairs() == START


def test_saved_decisions_apply_and_the_tmx_has_the_corrected_pairs(
        page: Browser, docs: tuple[Path, Path, Path]) -> None:
    src, tgt, html = docs
    page.keys("n", "n", "ArrowRight", "u")  # target 8 up: (8 9 | 7 8), (10 | -)
    page.keys("ArrowUp", "ArrowRight", "s")  # split before source 9: (8 | 7), (9 | 8)
    row = next(r[0] for r in page.rows() if r[1] == [12])
    page.click_row(row, 'button[data-op="reject"]')
    page.click("#save")
    log = page.wait_download("page.review.json")
    assert page.text("message") == ("Saved 4 decisions as page.review.json; apply them with "
                                    "tmtool align --apply page.review.json.")
    assert all(u.startswith(("file://", "blob:file://")) for u in page.requests())
    out = html.parent / "reviewed.tmx"
    result = CliRunner().invoke(cli, ["align", "--presegmented", str(src), str(tgt), "--apply", str(log),
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"{log}: 3 confirmed and 1 rejected beads applied\n")
    with open(out, "rb") as stream:
        units = {(u.variants[0].text, u.variants[1].text): u.prop("x-tmtool-status")
                 for u in read_tmx(stream, name=str(out))}
    uk = src.read_text(encoding="utf-8").splitlines()
    en = tgt.read_text(encoding="utf-8").splitlines()
    assert units[(uk[8], en[7])] == units[(uk[9], en[8])] == "confirmed"
    assert (f"{uk[8]} {uk[9]}", en[7]) not in units and (uk[12], en[10]) not in units
    assert [k for k, status in units.items() if status] == [(uk[8], en[7]), (uk[9], en[8])]


def test_the_page_makes_no_network_request(browser: Browser, docs: tuple[Path, Path, Path]) -> None:
    browser.open(docs[2], fresh=False)
    browser.keys("n", "c", "a", "n", "m", "z")
    assert set(browser.requests()) == {docs[2].as_uri()}
    assert [e for e in browser.driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_hostile_segments_show_as_text(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(hostile_page(), encoding="utf-8")
    browser.open(path)
    browser.keys("a")
    shown = browser.driver.execute_script(
        "return [...document.querySelectorAll('td.src .seg')].map(e => e.lastChild.textContent)")
    assert shown == HOSTILE
    targets = browser.driver.execute_script(
        "return [...document.querySelectorAll('td.tgt .seg')].map(e => e.lastChild.textContent)")
    assert targets == HOSTILE_EN
    found = browser.driver.execute_script(
        "return [document.querySelectorAll('img').length, document.scripts.length, window.pwned === undefined]")
    assert found == [0, 2, True]
    assert browser.driver.title == "Review: <b>a.uk.txt</b> + b.en.txt"
    assert set(browser.requests()) == {path.as_uri()}


def synthetic_alignment(count: int, seed: int = 7) -> DocumentAlignment:
    """A document pair of `count` beads: mostly 1-1, some 2-1 and deletions, scores spread."""
    rng = random.Random(seed)
    words = ["місто", "річка", "посол", "країна", "народ", "мова", "школа", "дорога", "пісня"]
    english = ["city", "river", "envoy", "country", "people", "tongue", "school", "road", "song"]
    shapes = [(1, 1)] * 20 + [(2, 1), (1, 0)]
    beads, src_lines, tgt_lines = [], [], []
    for _ in range(count):
        di, dj = rng.choice(shapes)
        picks = [rng.randrange(len(words)) for _ in range(6)]
        src_ids = tuple(range(len(src_lines), len(src_lines) + di))
        tgt_ids = tuple(range(len(tgt_lines), len(tgt_lines) + dj))
        src_lines += [" ".join(words[p] for p in picks).capitalize() + "."] * di
        tgt_lines += [" ".join(english[p] for p in picks).capitalize() + "."] * dj
        beads.append(Bead(src_ids, tgt_ids, rng.choice([0.99, 0.98, 0.97, 0.6]) if dj else 0.0))
    src = side_from_text("\n".join(src_lines), name="big.uk.txt", lang="uk-UA", presegmented=True)
    tgt = side_from_text("\n".join(tgt_lines), name="big.en.txt", lang="en-GB", presegmented=True)
    return DocumentAlignment(src, tgt, tuple(beads))


def test_a_5000_bead_page_opens_on_its_first_page(browser: Browser, tmp_path: Path) -> None:
    doc = synthetic_alignment(5000)
    path = tmp_path / "big.html"
    path.write_text(review_page(doc, Review("ab" * 32, "cd" * 32), PageOptions(name="big")), encoding="utf-8")
    ready_ms = browser.open(path)
    print(f"5,000-bead review page: first view ready {ready_ms:.0f} ms after navigation started")
    assert len(browser.rows()) == 100
    info = browser.text("page-info")
    assert info.startswith("page 1 of ") and info.endswith(" of 5000")
    first = browser.rows()[-1][0]
    browser.click("#next-page")
    assert browser.text("page-info").startswith("page 2 of ")
    assert browser.rows()[0][0] > first
    browser.keys("a")
    assert browser.text("page-info").endswith(" of 50 · rows shown 5000 of 5000")


def test_a_page_written_by_apply_shows_what_was_confirmed(browser: Browser, tmp_path: Path) -> None:
    src, tgt = write_pair(tmp_path)
    sides = [side_from_text(p.read_text(encoding="utf-8"), name=p.name, lang=lang, presegmented=True)
             for p, lang in ((src, "uk-UA"), (tgt, "en-GB"))]
    doc = align_sides(*sides, AlignOptions())
    review = Review("ab" * 32, "cd" * 32, frozenset({((3, 4), (3,))}), (((12,), (10,)),))
    path = tmp_path / "again.html"
    path.write_text(review_page(doc, review, PageOptions(name="again")), encoding="utf-8")
    browser.open(path)
    assert browser.text("counts") == "12 rows · 3 to review · 1 confirmed · 0 rejected"
    browser.keys("a")
    assert browser.rows()[3][3] == "confirmed"
