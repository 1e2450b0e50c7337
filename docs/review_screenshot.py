"""Remake docs/review.png: the review page on the shipped sample interview, in headless
Chromium, on its first view after a reviewer moved to the weak rows and confirmed one.

    python docs/review_screenshot.py

Needs the test extras (selenium) and Debian's chromium + chromium-driver.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from tests.browser import Browser


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="review-shot-") as temp:
        page = Path(temp) / "interview.html"
        subprocess.run([sys.executable, "-m", "tmtool", "align", "-q", "sources/interview.uk.md",
                        "sources/interview.en.md", "-o", str(page)], check=True, cwd=PROJECT)
        browser = Browser(Path(temp))
        try:
            browser.driver.set_window_size(1400, 1000)
            browser.open(page)
            browser.keys("n", "n", "n", "c", "n")
            browser.driver.execute_script(
                "document.querySelector('tr.row.current').scrollIntoView({block: 'center'})")
            browser.driver.save_screenshot(str(PROJECT / "docs" / "review.png"))
        finally:
            browser.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
