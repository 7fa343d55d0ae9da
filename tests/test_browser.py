"""The HTML edition in a real browser: Debian's Chromium, headless, through Playwright.

A reader tabs to a note marker (the note shows beside it), follows it to the
foot of the page, and the back link returns to the marker. Screenshots go to
$ARTIFACTS_DIR (default: this test's temporary folder) for a look by eye.

Locally without Chromium or Playwright the test is skipped and says why; in CI
(CI=true) a missing browser is a failure, never a skip.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from converter import cli
from tests.conftest import CORPUS

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Headless, and nothing that would reach the network on its own.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _browser_or_skip():
    """Playwright's sync API, or skip (fail in CI) naming what is missing."""
    missing = []
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        missing.append(f"Chromium ({CHROMIUM}; apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
        missing.append("Playwright (pip install playwright)")
    if missing:
        why = "browser test needs " + " and ".join(missing)
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(why + " — CI must run it")
        pytest.skip(why)
    return sync_playwright


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Our TEI of one volume, rendered with the CLI as a reader would get it."""
    base = tmp_path_factory.mktemp("browser")
    assert cli.main(["convert", str(CORPUS / "frus1961-63v22"), "--out", str(base / "tei"), "-q"]) == 0
    assert cli.main(["render", str(base / "tei"), "--out", str(base / "site"), "-q"]) == 0
    return base / "site"


@pytest.fixture
def artifacts(tmp_path) -> Path:
    path = Path(os.environ["ARTIFACTS_DIR"]) if os.environ.get("ARTIFACTS_DIR") else tmp_path
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_note_marker_shows_note_and_back_link_returns(site, artifacts):
    sync_playwright = _browser_or_skip()
    page_file = site / "d255.html"
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 700})
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            marker = page.locator("a#d255fn1-ref")
            # Keyboard: focusing the marker shows the note beside it (edition.js).
            marker.focus()
            tip = page.locator("#note-tip")
            tip.wait_for(state="visible", timeout=5000)
            assert tip.inner_text().startswith("Telegrams")
            assert marker.get_attribute("aria-describedby") == "note-tip"
            page.screenshot(path=str(artifacts / "browser-note-tip.png"))
            # Activating it goes to the footnote, which is on screen and highlighted.
            page.keyboard.press("Enter")
            page.wait_for_function("location.hash === '#d255fn1'", timeout=5000)
            note = page.locator("li#d255fn1")
            assert note.is_visible() and _in_viewport(page, "li#d255fn1")
            assert page.evaluate("getComputedStyle(document.querySelector('li#d255fn1')).backgroundColor") != "rgba(0, 0, 0, 0)"
            page.screenshot(path=str(artifacts / "browser-footnote.png"))
            # The back link returns to the marker.
            note.locator("a.backref").click()
            page.wait_for_function("location.hash === '#d255fn1-ref'", timeout=5000)
            assert _in_viewport(page, "a#d255fn1-ref")
            # Escape hides the note again.
            marker.focus()
            tip.wait_for(state="visible", timeout=5000)
            page.keyboard.press("Escape")
            tip.wait_for(state="detached", timeout=5000)
            # The page loaded only its own files.
            assert all(u.startswith("file://") for u in requests), requests
        finally:
            browser.close()


def test_page_works_without_javascript(site, artifacts):
    sync_playwright = _browser_or_skip()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = browser.new_context(java_script_enabled=False, viewport={"width": 400, "height": 800})
            page = context.new_page()
            page.goto((site / "d255.html").as_uri())
            page.locator("a#d255fn1-ref").click()
            page.wait_for_function("true")  # navigation within the page needs no script
            assert page.url.endswith("#d255fn1")
            assert _in_viewport(page, "li#d255fn1")
            page.goto((site / "d255.html").as_uri() + "#pg_556")
            assert _in_viewport(page, "#pg_556")
            page.screenshot(path=str(artifacts / "browser-narrow-no-js.png"), full_page=False)
        finally:
            browser.close()


def _in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """sel => { const r = document.querySelector(sel).getBoundingClientRect();
                    return r.bottom > 0 && r.top < window.innerHeight; }""", selector)
