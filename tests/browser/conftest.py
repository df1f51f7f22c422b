"""Headless Chromium (Debian's package) driven by Playwright, against the live test server."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
# Screenshots go to test-results/ (git-ignored); REC_SCREENSHOTS=docs/screenshots refreshes the README's.
SCREENSHOTS = ROOT / os.environ.get("REC_SCREENSHOTS", "test-results/screenshots")
# axe-core is a development dependency from npm (package.json; `npm ci` at the repository's root).
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[str]:
    """Return the page's critical and serious axe-core violations; skip when axe-core is not installed."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci` at the repository's root.")
    page.evaluate(AXE.read_text())  # Evaluated by the browser's debugger, not as a page script: the CSP stands.
    result = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['impact']}: {v['id']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result
        if v["impact"] in {"critical", "serious"}
    ]


VIEWPORTS = {"narrow": {"width": 360, "height": 780}, "wide": {"width": 1280, "height": 900}}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"No Chromium at {CHROMIUM}: install Debian's `chromium` package to run the browser tests.")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests
    # make around it are ordinary synchronous calls.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(params=sorted(VIEWPORTS))
def page(request, browser):
    context = browser.new_context(viewport=VIEWPORTS[request.param], locale="en-GB")
    page = context.new_page()
    page.viewport_name = request.param
    console_errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            message.type == "error" and console_errors.append(f"{page.url}: {message.text} @ {message.location}")
        ),
    )
    page.console_errors = console_errors
    yield page
    context.close()


def shot(page, name: str) -> None:
    """Save a full-page screenshot for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{page.viewport_name}.png"), full_page=True)
