"""The language tabs on translated admin fields (static/admin-extra/translation-tabs.js), in a real browser.

English first and open; a mark on each language still missing, told in words to screen readers; the
arrow keys, Home and End switch every translated field at once; without JavaScript all seven rows show;
no serious axe-core violations in English and Russian at 1366 and 390 px; the meeting form's own
section tabs still work beside them.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_admin_accessibility import AXE, LOCALES, PASSWORD, SIZES, VIOLATIONS
from tests.factories import MeetingFactory, NewsItemFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci` at the repository's root."),
]


@pytest.fixture
def clerk(db):
    user = UserFactory(username="clerk", is_staff=True, is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def news(db):
    # Written in English and Russian; Uzbek has the title only; the other four languages are empty.
    return NewsItemFactory(
        title_en="Council meets in Almaty",
        lead_en="The lead.",
        body_en="The text.",
        title_ru="Совет собирается в Алматы",
        lead_ru="Вводка.",
        body_ru="Текст.",
        title_uz="Kengash Olmatida",
    )


def _signed_in(browser, live_server, size: str = "1366", lang: str = "en", javascript: bool = True):
    context = browser.new_context(
        viewport=SIZES[size], locale=LOCALES[lang], bypass_csp=True, java_script_enabled=javascript
    )  # bypass_csp: test-only, for axe
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "clerk")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    return context, page


def _row(page, name: str):
    return page.locator(f".form-row.field-{name}")


def test_one_language_shows_at_a_time_english_first_with_missing_ones_marked(live_server, browser, clerk, news):
    context, page = _signed_in(browser, live_server)
    page.goto(f"{live_server.url}/admin/news/newsitem/{news.pk}/change/")
    tabs = page.locator(".mt-tabs").first.get_by_role("tab")
    assert tabs.all_inner_texts()[0].startswith("English")
    assert tabs.count() == 7
    english = tabs.nth(0)
    assert english.get_attribute("aria-selected") == "true"
    assert _row(page, "title_en").is_visible() and _row(page, "body_en").is_visible()
    assert _row(page, "title_ru").is_hidden() and _row(page, "body_kk").is_hidden()
    # Russian is complete; Uzbek lacks lead and body; the other four lack everything.
    names = {tab.get_attribute("lang"): tab.text_content() for tab in tabs.all()}
    assert "not translated" not in names["en"] and "not translated" not in names["ru"]
    for code in ("uz", "kk", "ky", "tg", "tk"):
        assert names[code].endswith("— not translated"), names[code]
    assert page.get_by_role("tab", name="Kazakh — not translated").first.is_visible()
    # The keyboard: → opens Russian everywhere on the form; End the last language; Home English again.
    english.focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.getAttribute('lang')") == "ru"
    assert _row(page, "title_ru").is_visible() and _row(page, "body_ru").is_visible()
    assert _row(page, "title_en").is_hidden()
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.getAttribute('lang')") == "tk"
    assert _row(page, "lead_tk").is_visible()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.getAttribute('lang')") == "en"
    page.keyboard.press("End")
    page.keyboard.press("Home")
    assert _row(page, "title_en").is_visible()
    # Writing the Kazakh texts takes the mark away.
    page.get_by_role("tab", name="Kazakh — not translated").first.click()
    for name in ("title", "lead", "body"):
        page.fill(f"#id_{name}_kk", "Мәтін")
    assert page.get_by_role("tab", name="Kazakh", exact=True).first.get_attribute("aria-selected") == "true"
    # The controls each tab names are its language's rows.
    controls = page.get_by_role("tab", name="Kazakh", exact=True).first.get_attribute("aria-controls").split()
    assert {page.locator(f"#{id}").get_attribute("class").split()[1] for id in controls} == {
        "field-title_kk",
        "field-lead_kk",
        "field-body_kk",
    }
    context.close()


def test_without_javascript_all_seven_languages_show(live_server, browser, clerk, news):
    context, page = _signed_in(browser, live_server, javascript=False)
    page.goto(f"{live_server.url}/admin/news/newsitem/{news.pk}/change/")
    assert page.locator(".mt-tabs").count() == 0
    for code in ("en", "ru", "uz", "kk", "ky", "tg", "tk"):
        assert _row(page, f"title_{code}").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "translation-tabs-nojs-1366.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("lang", sorted(LOCALES))
@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_tabbed_forms_have_no_serious_accessibility_violations(live_server, browser, clerk, news, size, lang):
    meeting = MeetingFactory(title_en="Spring session", title_ru="Весенняя сессия", description_en="About.")
    context, page = _signed_in(browser, live_server, size, lang)
    problems = []
    for name, path in {
        "news": f"/admin/news/newsitem/{news.pk}/change/",
        "meeting": f"/admin/meetings/meeting/{meeting.pk}/change/",
        "overview": "/admin/translations/",
    }.items():
        page.goto(f"{live_server.url}{path}")
        if name != "overview":
            page.locator(".mt-tabs [role=tab]").nth(2).click()  # Uzbek: a language with marks.
        page.add_script_tag(path=str(AXE))
        problems += [f"{name} [{lang} {size}]: {v}" for v in page.evaluate(VIOLATIONS)]
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"translation-tabs-{name}-{lang}-{size}.png"), full_page=True)
    # The meeting's section tabs still switch sections, the language tabs stay in the details.
    page.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/change/")
    assert page.locator("#section-details .mt-tabs").count() >= 1
    page.locator("#tab-agenda").click()
    assert page.locator("#section-details").is_hidden() and page.locator("#section-agenda").is_visible()
    page.locator("#tab-details").click()
    assert _row(page, "title_en").is_visible() and _row(page, "title_ru").is_hidden()
    context.close()
    assert problems == [], "\n".join(problems)
