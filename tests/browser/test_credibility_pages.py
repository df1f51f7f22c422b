"""The contact page and the privacy notice on a phone and a desktop, in English and Russian, under axe-core."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, shot

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("slug", ["contact", "privacy"])
def test_the_page_reads_well_and_passes_axe(browser, live_server, width, language, slug):
    context = browser.new_context(viewport=WIDTHS[width], locale="en-GB")
    page = context.new_page()
    page.viewport_name = f"{language}-{width}"
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    try:
        response = page.goto(f"{live_server.url}/{language}/{slug}/")
        assert response.status == 200
        assert page.get_attribute("html", "lang") == language
        assert page.locator("main h1").count() == 1
        # Nothing sticks out sideways on a phone.
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        # The footer leads back to both pages.
        assert page.locator(f'footer a[href="/{language}/contact/"]').count() == 1
        assert page.locator(f'footer a[href="/{language}/privacy/"]').count() == 1
        assert axe_violations(page) == []
        assert errors == []
        shot(page, f"credibility-{slug}")
    finally:
        context.close()
