"""Driving Debian's headless Chromium through its own chromedriver (Selenium) for the review
page tests: one browser per test module, a fresh profile, downloads into a known folder, and
the DevTools performance log to see every request the page makes."""
from __future__ import annotations

import importlib.util
import json
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.components import require

INSTALL = "apt-get install chromium chromium-driver && pip install selenium"
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--window-size=1400,1000")


def chromium_available() -> bool:
    return bool(shutil.which("chromium") and shutil.which("chromedriver")
                and importlib.util.find_spec("selenium"))


class Browser:
    """A headless Chromium with helpers for the review page."""

    def __init__(self, downloads: Path) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.downloads = downloads
        self.visits = 0
        self.profile = tempfile.mkdtemp(prefix="tmtool-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = str(shutil.which("chromium"))
        for flag in (*FLAGS, f"--user-data-dir={self.profile}"):
            options.add_argument(flag)
        options.add_experimental_option("prefs", {
            "download.default_directory": str(downloads), "download.prompt_for_download": False})
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(str(shutil.which("chromedriver"))), options=options)
        self.driver.set_script_timeout(30)

    def quit(self) -> None:
        self.driver.quit()
        shutil.rmtree(self.profile, ignore_errors=True)

    def open(self, page: Path, *, fresh: bool = True) -> float:
        """Load the page (with empty storage when `fresh`); returns the page's own ready time
        in milliseconds since navigation started."""
        self.requests()  # drop what came before
        if fresh:
            self.visit(page)  # storage belongs to the page's origin: reach it, then empty it
            self.driver.execute_script("localStorage.clear()")
        return self.visit(page)

    def visit(self, page: Path) -> float:
        """Navigate to the page under a URL of its own (`?visit=N`) and wait until that very
        document is ready. A reload of the same URL could return while the old document was
        still on screen, and a test then clicked a control the new page never saw (a CI run
        failed so): waiting on the URL of this visit rules that out."""
        self.visits += 1
        url = f"{page.as_uri()}?visit={self.visits}"
        self.driver.get(url)
        return self.wait_ready(url)

    def wait_ready(self, url: str | None = None, timeout_s: float = 30.0) -> float:
        """Wait for the page on screen (the one at `url`, when given) to say it is ready."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            ready = self.driver.execute_script(
                "return (arguments[0] === null || document.URL === arguments[0])"
                " ? document.documentElement.dataset.ready || null : null", url)
            if ready:
                return float(ready)
            time.sleep(0.02)
        raise AssertionError("the review page never became ready")

    def rows(self) -> list[tuple[int, list[int], list[int], str]]:
        """(row index, source numbers, target numbers, status) of every row on screen."""
        found: list[list[Any]] = self.driver.execute_script("""
            return [...document.querySelectorAll('tr.row')].map(tr => [Number(tr.dataset.row),
              [...tr.querySelectorAll('td.src .segno')].map(e => Number(e.textContent)),
              [...tr.querySelectorAll('td.tgt .segno')].map(e => Number(e.textContent)),
              tr.querySelector('.status').textContent]);""")
        return [(r[0], r[1], r[2], r[3]) for r in found]

    def pairs(self) -> list[tuple[list[int], list[int]]]:
        return [(s, t) for _, s, t, _ in self.rows()]

    def current(self) -> int:
        return int(self.driver.find_element("css selector", "tr.row.current").get_attribute("data-row"))

    def keys(self, *keys: str) -> None:
        """Press keys one by one: characters, or DOM key names such as "ArrowRight"."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys

        named = {"ArrowRight": Keys.ARROW_RIGHT, "ArrowLeft": Keys.ARROW_LEFT, "ArrowUp": Keys.ARROW_UP,
                 "ArrowDown": Keys.ARROW_DOWN, "PageDown": Keys.PAGE_DOWN, "PageUp": Keys.PAGE_UP}
        for key in keys:
            ActionChains(self.driver).send_keys(named.get(key, key)).perform()
            self.settle()

    def control(self, key: str) -> None:
        """Press Ctrl+key."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys

        ActionChains(self.driver).key_down(Keys.CONTROL).send_keys(key).key_up(Keys.CONTROL).perform()
        self.settle()

    def click(self, css: str) -> None:
        """Click the element where it stands once the page has laid itself out: a mouse
        click aimed at a place the layout then moved clicked nothing (flaky on loaded CI)."""
        element = self.driver.find_element("css selector", css)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        self.settle()
        element.click()
        self.settle()

    def settle(self) -> None:
        """Wait two animation frames: the input sent so far is handled and laid out before
        the test reads the page (reads travel apart from input events in chromedriver)."""
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "requestAnimationFrame(() => requestAnimationFrame(() => done()));")

    def click_row(self, row: int, css: str) -> None:
        self.click(f'tr.row[data-row="{row}"] {css}')

    def text(self, element_id: str) -> str:
        return str(self.driver.find_element("id", element_id).text)

    def requests(self) -> list[str]:
        """URLs of every request the browser started since the last call (without `visit`'s
        query)."""
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"].split("?visit=")[0])
        return urls

    def wait_download(self, name: str, timeout_s: float = 15.0) -> Path:
        path = self.downloads / name
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if path.exists() and not list(self.downloads.glob("*.crdownload")):
                return path
            time.sleep(0.05)
        raise AssertionError(f"{name} was not downloaded (found {sorted(p.name for p in self.downloads.iterdir())})")


def browser_session(downloads: Path) -> Iterator[Browser]:
    """For a module-scoped fixture: a browser, or a skip (a failure under CI) without one."""
    require("Chromium with chromedriver and selenium", chromium_available(), INSTALL)
    browser = Browser(downloads)
    try:
        yield browser
    finally:
        browser.quit()
