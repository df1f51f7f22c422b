"""The attendance register on a phone and a laptop, in English and Russian: marks saved at once with htmx,
with one form POST without JavaScript, counts that follow, and no serious axe-core violation."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Level, MeetingOrganization, Participation
from tests.browser.conftest import SCREENSHOTS, axe_violations
from tests.factories import CountryFactory, MeetingFactory, MemberFactory, OrganizationFactory, ParticipationFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
SIZES = {"390": {"width": 390, "height": 844}, "1366": {"width": 1366, "height": 900}}
A = Participation.Attendance


@pytest.fixture
def meeting(group_a, secretariat):
    secretariat.set_password(PASSWORD)
    secretariat.save()
    start = timezone.now().replace(microsecond=0)
    meeting = MeetingFactory(
        body=group_a,
        level=Level.GROUP,
        title_en="Working Group (b): Almaty session",
        title_ru="Рабочая группа (b): сессия в Алматы",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
    )
    countries = [
        CountryFactory(code=code, name_en=en, name_ru=ru)
        for code, en, ru in (("KZ", "Kazakhstan", "Казахстан"), ("KG", "Kyrgyzstan", "Кыргызстан"))
    ]
    unicef = OrganizationFactory(name_en="UNICEF", name_ru="ЮНИСЕФ", acronym="UNICEF")
    OrganizationFactory(name_en="OSCE", name_ru="ОБСЕ", acronym="OSCE")
    names = [("Aigerim", "Abenova"), ("Bakyt", "Bekov"), ("Dilnoza", "Karimova"), ("Erlan", "Nurlanov")]
    for index, (first, last) in enumerate(names):
        ParticipationFactory(
            meeting=meeting,
            member=MemberFactory(
                first_name=first,
                last_name=last,
                country=countries[index % 2],
                organization=unicef if index == 3 else None,
            ),
        )
    MeetingOrganization.objects.create(meeting=meeting, organization=unicef)
    return meeting


def _secretariat_page(browser, live_server, size: str, *, javascript: bool = True):
    context = browser.new_context(viewport=SIZES[size], locale="en-GB", java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/accounts/login/?next=/en/my/")
    page.fill("#id_username", "secretariat")
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return page


def _axe(page) -> list[str]:
    return axe_violations(page)


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_secretariat_marks_attendance_on_a_tablet_and_the_counts_follow(
    live_server, browser, meeting, size, language
):
    page = _secretariat_page(browser, live_server, size)
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{live_server.url}/{language}/staff/meetings/{meeting.slug}/attendance/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")  # No sideways scrolling.
    assert errors == []
    assert _axe(page) == []
    _shot(page, f"attendance-register-{language}-{size}")

    first, second = Participation.objects.filter(meeting=meeting).order_by("member__last_name")[:2]
    page.locator(f"label[for=status-{first.pk}-in_person]").click()
    expect(page.locator("#register-announcement")).to_contain_text("Abenova")
    page.locator(f"label[for=status-{second.pk}-excused]").click()
    expect(page.locator("#register-announcement")).to_contain_text("Bekov")
    # The same row again: its version came back with it, so a second change is not refused.
    page.locator(f"label[for=status-{first.pk}-online]").click()
    expect(page.locator(f"#status-{first.pk}-online")).to_be_checked()
    expect(page.locator("#register-announcement")).to_contain_text("Abenova")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.attendance, second.attendance) == (A.ONLINE, A.EXCUSED)
    totals = page.locator(".register__total--online .register__total-number")
    expect(totals).to_have_text("1")
    expect(page.locator(".register__total--excused .register__total-number")).to_have_text("1")
    assert _axe(page) == []
    _shot(page, f"attendance-register-{language}-{size}-marked")
    assert errors == []
    page.context.close()


def test_without_javascript_one_post_saves_the_register_and_organisations_are_added(live_server, browser, meeting):
    page = _secretariat_page(browser, live_server, "390", javascript=False)
    page.goto(f"{live_server.url}/en/staff/meetings/{meeting.slug}/attendance/")
    rows = list(Participation.objects.filter(meeting=meeting).order_by("member__last_name"))
    page.locator(f"label[for=status-{rows[0].pk}-absent]").click()
    page.locator(f"label[for=status-{rows[2].pk}-in_person]").click()
    page.get_by_role("button", name="Save the register").click()
    expect(page.locator(".messages")).to_contain_text("Attendance saved for 2 people.")
    assert [p.attendance for p in Participation.objects.filter(meeting=meeting).order_by("member__last_name")] == [
        A.ABSENT,
        A.UNKNOWN,
        A.IN_PERSON,
        A.UNKNOWN,
    ]
    page.select_option("#add-organisation", label="OSCE (OSCE)")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator("#organisations")).to_contain_text("OSCE")
    _shot(page, "attendance-register-en-390-nojs")
    page.context.close()


def test_two_tablets_never_silently_overwrite_each_other(live_server, browser, meeting):
    one = _secretariat_page(browser, live_server, "1366")
    two = _secretariat_page(browser, live_server, "390")
    url = f"{live_server.url}/en/staff/meetings/{meeting.slug}/attendance/"
    one.goto(url)
    two.goto(url)
    row = Participation.objects.filter(meeting=meeting).order_by("member__last_name").first()
    one.locator(f"label[for=status-{row.pk}-in_person]").click()
    expect(one.locator("#register-announcement")).to_contain_text("Abenova")
    two.locator(f"label[for=status-{row.pk}-absent]").click()
    conflict = two.locator(f"#row-{row.pk} .register__conflict")
    expect(conflict).to_contain_text("after you opened the register")
    row.refresh_from_db()
    assert row.attendance == A.IN_PERSON  # The first tablet's mark stands.
    _shot(two, "attendance-register-en-390-conflict")
    # Choosing again, knowing the other mark, goes through.
    two.locator(f"label[for=status-{row.pk}-excused]").click()
    expect(two.locator(f"#row-{row.pk} .register__conflict")).to_have_count(0)
    row.refresh_from_db()
    assert row.attendance == A.EXCUSED
    one.context.close()
    two.context.close()
