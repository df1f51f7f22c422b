"""The secretariat's week in the admin, in a real browser, as a secretariat clerk (not a superuser) would live it:
schedule a Working Group (b) meeting in Almaty (a double booking of the venue refused, naming the other meeting)
→ schedule the next one like it → build the agenda (an overrun warned) → add the whole body in one step → send
the invitations (a member of another working group, on the list, sees the meeting) → replies from the e-mail's
signed link and from the meeting page → the attendance register with its counts → an overdue action marked and
chased once however often the jobs run → postpone with a new date, which the calendar file carries.

English at 1366 px, then the key screens in Russian and on a 390-px phone. The screenshots are viewport-sized:
`REC_SCREENSHOTS=docs/screenshots` refreshes docs/screenshots/secretariat-week-*.png.
"""

from __future__ import annotations

import datetime
import re
import zoneinfo
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from meetings.models import ActionItem, Level, Meeting, Participation
from meetings.overdue import council_today
from tests.browser.conftest import SCREENSHOTS
from tests.factories import (
    ActionItemFactory,
    CountryFactory,
    MeetingFactory,
    MemberFactory,
    MembershipFactory,
    UserFactory,
    VenueFactory,
    WorkingGroupFactory,
)
from workinggroups.models import Membership

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
SIZES = {"1366": {"width": 1366, "height": 900}, "390": {"width": 390, "height": 844}}
LOCALES = {"en": "en-GB", "ru": "ru-RU"}
ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
TITLE = "Working Group (b): spring session in Almaty"
A = Participation.Attendance


def _day(days: int) -> datetime.date:
    return timezone.now().astimezone(ALMATY).date() + datetime.timedelta(days=days)


@pytest.fixture
def week(secretariat, wg_a_member):
    """Working Group (b) with members from three countries, an Almaty hall already booked by Working Group (c),
    and an action of (b)'s last meeting left undone past its due date."""
    secretariat.set_password(PASSWORD)
    secretariat.is_superuser = False
    secretariat.save()
    group_b = WorkingGroupFactory(letter="b")
    group_c = WorkingGroupFactory(letter="c")
    kazakhstan = CountryFactory(code="KZ", name_en="Kazakhstan", name_ru="Казахстан")
    kyrgyzstan = CountryFactory(code="KG", name_en="Kyrgyzstan", name_ru="Кыргызстан")
    uzbekistan = CountryFactory(code="UZ")  # Made already, for the member of Working Group (a).
    uzbekistan.name_en, uzbekistan.name_ru = "Uzbekistan", "Узбекистан"
    uzbekistan.save()
    people = {}
    for username, first, last, country, role in (
        ("b-kz", "Aigerim", "Abenova", kazakhstan, Membership.Role.CHAIR),
        ("b-kg", "Bakyt", "Bekov", kyrgyzstan, Membership.Role.MEMBER),
        ("b-uz", "Dilnoza", "Karimova", uzbekistan, Membership.Role.MEMBER),
    ):
        person = MemberFactory(user=UserFactory(username=username), first_name=first, last_name=last, country=country)
        MembershipFactory(member=person, group=group_b, role=role)
        people[username] = person
    wg_a = wg_a_member.member
    wg_a.first_name, wg_a.last_name, wg_a.country = "Erlan", "Nurlanov", kazakhstan
    wg_a.save()
    hall = VenueFactory(name="Rixos hall", city="Almaty", country=kazakhstan, time_zone="Asia/Almaty")
    booked_from = datetime.datetime.combine(_day(10), datetime.time(10, 0), ALMATY)
    MeetingFactory(
        body=group_c,
        venue=hall,
        time_zone="Asia/Almaty",
        title_en="Working Group (c): consultations",
        starts_at=booked_from,
        ends_at=booked_from + datetime.timedelta(hours=3),
    )
    earlier = MeetingFactory(
        body=group_b,
        level=Level.GROUP,
        status=Meeting.Status.HELD,
        title_en="Working Group (b): winter session",
        starts_at=timezone.now() - datetime.timedelta(days=40),
        venue=None,
    )
    late = ActionItemFactory(
        meeting=earlier,
        owner=people["b-kz"],
        title="Circulate the national surveys",
        due_date=council_today() - datetime.timedelta(days=5),
    )
    return {"group": group_b, "hall": hall, "people": people, "wg_a": wg_a, "late": late}


class Journey:
    """The pages of the week and their screenshots: secretariat-week-<n>-<step>-<lang>-<width>.png."""

    def __init__(self, browser, live_server):
        self.browser = browser
        self.url = live_server.url
        self.contexts = []
        self.errors: list[str] = []

    def page(self, size: str = "1366", lang: str = "en", cookies=None):
        context = self.browser.new_context(viewport=SIZES[size], locale=LOCALES[lang])
        if cookies:
            context.add_cookies(cookies)
        context.set_default_timeout(10_000)
        self.contexts.append(context)
        page = context.new_page()
        page.size, page.lang = size, lang
        page.on(
            "console", lambda message: message.type == "error" and self.errors.append(f"{page.url}: {message.text}")
        )
        return page

    def sign_in(self, page, username: str, *, admin: bool) -> None:
        if admin:
            page.goto(f"{self.url}/admin/login/?next=/admin/")
            page.fill("#id_username", username)
            page.fill("#id_password", PASSWORD)
            page.locator("input[type=submit]").click()
            page.wait_for_url(f"{self.url}/admin/")
        else:
            page.goto(f"{self.url}/{page.lang}/accounts/login/?next=/{page.lang}/my/")
            page.fill("#id_username", username)
            page.fill("#id_password", PASSWORD)
            page.locator("main form button[type=submit]").click()
            page.wait_for_url(f"{self.url}/{page.lang}/my/")

    def shot(self, page, number: int, step: str, target=None) -> None:
        """Save what the viewport shows, scrolled to `target` when given (smaller than a full page)."""
        if target is not None:
            target.scroll_into_view_if_needed()
        else:
            page.evaluate("window.scrollTo(0, 0)")
        # No sideways scrolling, but in the admin on a phone (its inline tables are wider than 390 px; they are
        # allowed to scroll there, as in test_admin_accessibility.py).
        if page.size == "1366" or "/admin/" not in page.url:
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), page.url
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = f"secretariat-week-{number}-{step}-{page.lang}-{page.size}.png"
        page.screenshot(path=str(SCREENSHOTS / name))

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def _pick(page, select_id: str, text: str) -> None:
    """Choose `text` in one of the admin's autocomplete (select2) fields, as a person would: open, type, click."""
    page.locator(f"#{select_id} + .select2").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()
    expect(page.locator(f"#{select_id} + .select2 .select2-selection__rendered")).to_contain_text(text)


def _when(page, prefix: str, day: datetime.date, time: str) -> None:
    page.fill(f"#id_{prefix}_0", day.isoformat())
    page.fill(f"#id_{prefix}_1", time)


def _calendar(message) -> Calendar:
    (content,) = [a[1] for a in message.attachments if a[0].endswith(".ics")]
    return Calendar.from_ical(content)


def _event(message):
    return next(iter(_calendar(message).walk("VEVENT")))


def _mail_to(person, subject_start: str) -> list:
    return [m for m in mail.outbox if person.email in m.to and m.subject.startswith(f"[REC] {subject_start}")]


def test_the_secretariats_week_in_the_admin(live_server, browser, week, secretariat):
    journey = Journey(browser, live_server)
    people, wg_a = week["people"], week["wg_a"]
    office = journey.page()
    journey.sign_in(office, "secretariat", admin=True)

    # 1. Schedule the meeting through the add form: the hall is taken at 11:00 by Working Group (c) — refused,
    # naming that meeting — then a free morning is saved. Times are typed in Almaty's time.
    office.goto(f"{live_server.url}/admin/meetings/meeting/add/")
    office.fill("#id_title_en", TITLE)
    office.locator('.mt-tabs [role="tab"][lang="ru"]').first.click()  # The Russian tab of the title's languages.
    office.fill("#id_title_ru", "Рабочая группа (b): весенняя сессия в Алматы")
    office.locator('.mt-tabs [role="tab"][lang="en"]').first.click()
    expect(office.locator("#id_slug")).not_to_have_value("")  # Prepopulated from the title.
    _pick(office, "id_body", "Working Group (b)")
    office.select_option("#id_level", Level.GROUP)
    _when(office, "starts_at", _day(10), "11:00")
    _when(office, "ends_at", _day(10), "13:00")
    _pick(office, "id_venue", "Rixos hall")
    office.select_option("#id_time_zone", "Asia/Almaty")
    office.fill("#id_online_url", "https://video.example.org/wg-b-spring")
    with office.expect_navigation():
        office.locator("input[name=_continue]").click()
    refusal = office.locator(".field-venue .errorlist")
    expect(refusal).to_contain_text("Rixos hall, Almaty is already booked at that time")
    expect(refusal).to_contain_text("“Working Group (c): consultations”")
    expect(refusal).to_contain_text("10:00–13:00 Almaty time (UTC+5)")  # The other meeting's time, in Almaty's.
    assert not Meeting.objects.filter(title_en=TITLE).exists()
    journey.shot(office, 1, "clash-refused", office.locator(".field-venue"))

    _when(office, "starts_at", _day(11), "10:00")
    _when(office, "ends_at", _day(11), "12:00")
    with office.expect_navigation():
        office.locator("input[name=_continue]").click()
    expect(office.locator(".messagelist .success")).to_contain_text("was added successfully")
    meeting = Meeting.objects.get(title_en=TITLE)
    assert meeting.starts_at == datetime.datetime.combine(_day(11), datetime.time(10, 0), ALMATY)
    assert meeting.time_zone == "Asia/Almaty" and meeting.venue == week["hall"]
    change_url = f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/change/"

    # 2. "Schedule the next one like this", four weeks later.
    office.get_by_role("link", name="Schedule the next one like this").click()
    _when(office, "starts_at", _day(39), "10:00")
    journey.shot(office, 2, "duplicate", office.locator("#content-main form"))
    with office.expect_navigation():
        office.get_by_role("button", name="Schedule the new meeting").click()
    expect(office.locator(".messagelist .success")).to_contain_text("The next meeting is scheduled like this one")
    following = Meeting.objects.exclude(pk=meeting.pk).get(body=week["group"], starts_at__gt=meeting.starts_at)
    assert following.starts_at == datetime.datetime.combine(_day(39), datetime.time(10, 0), ALMATY)
    assert following.ends_at - following.starts_at == datetime.timedelta(hours=2)
    assert (following.venue, following.level) == (week["hall"], Level.GROUP)

    # 3. Build the agenda of the first meeting: 30 + 60 + 45 minutes in a 2-hour meeting overrun it.
    office.goto(change_url)
    office.locator("#tab-agenda").click()
    builder = office.locator("[data-agenda-builder]")
    expect(builder.locator(".agenda-timetable__zone")).to_contain_text("Almaty time (UTC+5)")
    for index, (title, minutes) in enumerate(
        [("Opening and adoption of the agenda", 30), ("Reports of the member states", 60), ("Next steps", 45)]
    ):
        office.locator("#agenda_items-group").get_by_text("Add another Agenda item").click()
        office.fill(f"#id_agenda_items-{index}-title_en", title)
        office.fill(f"#id_agenda_items-{index}-minutes_allotted", str(minutes))
    overrun = builder.locator("[data-agenda-overrun]")
    expect(overrun).to_be_visible()
    expect(overrun).to_contain_text("2 h 15 min")
    expect(builder.locator("[data-agenda-slots] tr")).to_have_count(3)
    expect(builder.locator("[data-agenda-slots] tr").nth(2)).to_contain_text("11:30")  # Next steps starts.
    # Matters arising: (b)'s overdue action from its last meeting, marked.
    matters = builder.locator(".agenda-matters")
    expect(matters).to_contain_text("Circulate the national surveys")
    expect(matters.locator(".overdue-badge")).to_contain_text("Overdue")
    office.evaluate("window.scrollTo(0, 0)")
    with office.expect_navigation():
        office.locator("input[name=_continue]").click()
    expect(office.locator(".messagelist .warning")).to_contain_text("2 h 15 min")
    assert meeting.agenda_items.count() == 3
    office.locator("#tab-agenda").click()
    journey.shot(office, 3, "timetable-overrun", office.locator(".agenda-timetable"))

    # 4. The whole body in one step: a preview of who is added, then added.
    office.get_by_role("link", name="Add all current members of this body").click()
    expect(office.locator("#content-main")).to_contain_text("3 people would be added.")
    journey.shot(office, 4, "add-the-body", office.locator("#content-main table"))
    with office.expect_navigation():
        office.get_by_role("button", name="Add them").click()
    expect(office.locator(".messagelist .success")).to_contain_text("3 people added")
    chair = Participation.objects.get(meeting=meeting, member=people["b-kz"])
    assert chair.role == "chair"

    # 5. A member of Working Group (a) joins the list from the participants' tab; nobody is warned that they would
    # not see the meeting, because a named participant does. Then the invitations go from the meeting's own page.
    office.locator("#tab-participants").click()
    participants = office.locator("#participations-group")
    participants.get_by_text("Add another Participant").click()
    _pick(office, "id_participations-3-member", "Nurlanov")
    with office.expect_navigation():
        office.locator("input[name=_continue]").click()
    expect(office.locator(".messagelist .success")).to_contain_text("was changed successfully")
    # The overrun is warned at each save; nobody is "on the list but will not see the meeting".
    expect(office.locator(".messagelist .warning")).to_contain_text("runs 15 min past its end")
    expect(office.locator(".messagelist")).not_to_contain_text("will not see the meeting")
    assert meeting.participations.count() == 4
    mail.outbox.clear()
    office.get_by_role("link", name="Send invitations (4)").click()
    expect(office.locator("#content-main")).to_contain_text("4 participants not yet invited will be invited.")
    expect(office.locator("#content-main .warning")).to_have_count(0)  # Everyone on the list will see the meeting.
    journey.shot(office, 5, "send-invitations", office.locator("#content-main table"))
    with office.expect_navigation():
        office.get_by_role("button", name="Send the invitations").click()
    expect(office.locator(".messagelist .success")).to_contain_text("4 participants invited.")
    invitations = [m for m in mail.outbox if m.subject == f"[REC] Invitation: {TITLE}"]
    assert sorted(address for m in invitations for address in m.to) == sorted(p.email for p in [*people.values(), wg_a])

    member = journey.page()
    journey.sign_in(member, "wg-a", admin=False)
    response = member.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    assert response.status == 200  # Not 404: a named participant sees the meeting, whatever their body.
    expect(member.locator("h1")).to_have_text(TITLE)
    expect(member.locator("main")).to_contain_text("Reports of the member states")
    expect(member.get_by_role("link", name="Join the meeting online")).to_be_visible()
    journey.shot(member, 5, "invited-member-sees-meeting")

    # 6. Replies: the chair accepts from the e-mail's signed link (no sign-in), to attend online; the member of
    # Working Group (a) accepts on the meeting page.
    (invitation,) = _mail_to(people["b-kz"], "Invitation:")
    link = re.search(r"Accept: (\S+)", invitation.body).group(1)
    replier = journey.page()
    replier.goto(f"{live_server.url}{urlsplit(link).path}")
    replier.locator("form.rsvp-link input[value=online]").check()
    replier.locator("form.rsvp-link button[type=submit]").click()
    expect(replier.locator("[role=status]")).to_contain_text("your reply is saved")
    journey.shot(replier, 6, "reply-from-email")
    member.locator("#rsvp input[value=in_person]").check()
    member.locator("#rsvp").get_by_role("button", name="Accept").click()
    expect(member.locator("#rsvp .rsvp__state")).to_contain_text("Accepted")
    replies = dict(meeting.participations.values_list("member__user__username", "rsvp"))
    assert replies == {"b-kz": "accepted", "b-kg": "pending", "b-uz": "pending", "wg-a": "accepted"}

    # 7. The attendance register on the day: marks saved one by one, the counts by country follow.
    register_url = f"{live_server.url}/en/staff/meetings/{meeting.slug}/attendance/"
    office.goto(register_url)
    rows = {p.member.user.username: p for p in meeting.participations.select_related("member__user")}
    for username, status in (("b-kz", "online"), ("b-kg", "in_person"), ("b-uz", "excused"), ("wg-a", "in_person")):
        office.locator(f"label[for=status-{rows[username].pk}-{status}]").click()
        expect(office.locator(f"#status-{rows[username].pk}-{status}")).to_be_checked()
        expect(office.locator("#register-announcement")).to_contain_text(rows[username].member.last_name)
    expect(office.locator(".register__total--in_person .register__total-number")).to_have_text("2")
    expect(office.locator(".register__total--online .register__total-number")).to_have_text("1")
    expect(office.locator(".register__total--excused .register__total-number")).to_have_text("1")
    by_country = office.locator("#counts table", has_text="Kazakhstan").first
    expect(by_country).to_contain_text("Kyrgyzstan")
    marks = dict(meeting.participations.values_list("member__user__username", "attendance"))
    assert marks == {"b-kz": A.ONLINE, "b-kg": A.IN_PERSON, "b-uz": A.EXCUSED, "wg-a": A.IN_PERSON}
    journey.shot(office, 7, "attendance-counts", office.locator("#counts"))

    # 8. The overdue action is marked in the admin, and its owner is chased once, however often the jobs run.
    office.goto(f"{live_server.url}/admin/meetings/actionitem/?overdue=yes")
    row = office.locator("#result_list tbody tr", has_text="Circulate the national surveys")
    expect(row.locator(".overdue-badge")).to_contain_text("Overdue")
    journey.shot(office, 8, "overdue-actions")
    mail.outbox.clear()
    call_command("run_periodic_jobs")
    call_command("run_periodic_jobs")
    chased = _mail_to(people["b-kz"], "Overdue:")
    assert len(chased) == 1, [m.subject for m in mail.outbox]
    assert "Circulate the national surveys" in chased[0].subject
    assert week["late"].status == ActionItem.Status.OPEN

    # 9. Postponed by four days with a reason: the participants' calendars move (new DTSTART, higher SEQUENCE).
    invited = _event(invitation)
    mail.outbox.clear()
    office.goto(change_url)
    office.get_by_role("link", name="Postpone").click()
    _when(office, "starts_at", _day(15), "10:00")
    office.get_by_label("Reason").fill("The hall is needed for a national conference.")
    journey.shot(office, 9, "postpone", office.locator("#content-main form"))
    with office.expect_navigation():
        office.get_by_role("button", name="Postpone the meeting").click()
    expect(office.locator(".messagelist .success")).to_contain_text("The meeting is postponed")
    expect(office.locator("#content-main")).to_contain_text("Reason: The hall is needed for a national conference.")
    (notice,) = _mail_to(people["b-kz"], "Postponed:")
    moved = _event(notice)
    new_start = datetime.datetime.combine(_day(15), datetime.time(10, 0), ALMATY)
    assert moved.decoded("dtstart") == new_start
    assert invited.decoded("dtstart") == datetime.datetime.combine(_day(11), datetime.time(10, 0), ALMATY)
    assert str(moved["uid"]) == str(invited["uid"])
    assert int(moved["sequence"]) > int(invited.get("sequence", 0))
    assert _calendar(notice)["method"] == "REQUEST"
    assert len([m for m in mail.outbox if m.subject.startswith("[REC] Postponed:")]) == 4

    # The key screens again, in Russian at 1366 px and on a 390-px phone (English and Russian).
    cookies = office.context.cookies()
    for size, lang in (("1366", "ru"), ("390", "en"), ("390", "ru")):
        screen = journey.page(size, lang, cookies)
        screen.goto(change_url)
        screen.locator("#tab-agenda").click()
        expect(screen.locator("[data-agenda-overrun]")).to_be_visible()
        journey.shot(screen, 3, "timetable-overrun", screen.locator(".agenda-timetable"))
        screen.goto(f"{live_server.url}/{lang}/staff/meetings/{meeting.slug}/attendance/")
        expect(screen.locator(".register__total--in_person .register__total-number")).to_have_text("2")
        journey.shot(screen, 7, "attendance-counts", screen.locator("#counts"))

    assert journey.errors == []
    journey.close()
