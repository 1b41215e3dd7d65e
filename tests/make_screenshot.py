"""``make screenshot``: ``docs/timeline.png``, the seed's ``timeline.html`` in headless Chromium.

Runs the pipeline on ``seeds/`` into a temporary folder and photographs its ``timeline.html`` with the first
event opened.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from chronique.model import Options
from chronique.pipeline import run
from chronique.timeline_html import HTML_NAME
from tests.golden_io import ROOT

OUTPUT = ROOT / "docs" / "timeline.png"


def page_of_seed(folder: Path) -> Path:
    """The seed's ``timeline.html`` in ``folder``."""
    run(ROOT / "seeds", folder / "output", Options())
    return folder / "output" / HTML_NAME


def photograph(page_path: Path, output: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("no Chromium: run `make browser` (Debian's chromium package) first")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 860}, locale="fr-FR")
        page.route(
            "**/*",
            lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
        )
        page.goto(page_path.as_uri())
        deadline = time.monotonic() + 30
        while not page.evaluate("window.chroniqueReady === true"):
            if time.monotonic() > deadline:
                sys.exit(f"{page_path}: the page did not finish loading")
            time.sleep(0.05)
        if page.locator("#lignes button").count():
            page.locator("#lignes button").nth(1 if page.locator("#lignes button").count() > 1 else 0).click()
        output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(output))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        photograph(page_of_seed(Path(folder)), arguments.output)
    print(f"wrote {arguments.output}")


if __name__ == "__main__":
    main()
