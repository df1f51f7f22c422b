"""The Council's record in a real browser, as the secretariat, a chair and a member live it:
circulate → silence procedure → a break of silence → approval by the chair → amendment → the PDF a
member downloads (its text read back) → a summary prepared with a redacted passage → published."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Level, Minutes, PublicSummary
from tests.browser.conftest import VIEWPORTS, shot
from tests.factories import AgendaItemFactory, MeetingFactory, MinutesFactory, ParticipationFactory
from tests.pdftext import pdf_text

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
NAME = "Rustam Karimov-Example"
TAKEN = (
    f"1. The group heard {NAME} on the reintegration programme.\n"
    "2. It agreed to meet again in Almaty in the spring.\n"
    "3. It agreed to share good practice on family support."
)


@pytest.fixture
def held(group_a, chair, wg_a_member):
    start = timezone.now() - datetime.timedelta(days=5)
    meeting = MeetingFactory(
        body=group_a,
        level=Level.GROUP,
        title_en="Working Group (a): winter session",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
    )
    AgendaItemFactory(meeting=meeting, order=1, level=Level.GROUP, title_en="Reintegration programme")
    ParticipationFactory(meeting=meeting, member=wg_a_member.member)
    ParticipationFactory(meeting=meeting, member=chair.member)
    MinutesFactory(meeting=meeting, level=Level.GROUP, status=Minutes.Status.DRAFT, text=TAKEN)
    return meeting


def _person(browser, live_server, username: str, viewport: str, *, admin: bool = False):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB", accept_downloads=True)
    page = context.new_page()
    page.viewport_name = viewport
    if admin:
        page.goto(f"{live_server.url}/admin/login/?next=/admin/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.locator("input[type=submit]").click()
    else:
        page.goto(f"{live_server.url}/en/accounts/login/?next=/en/my/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return page


def _admin_action(page, live_server, changelist: str, pk: int, action: str) -> None:
    page.goto(f"{live_server.url}{changelist}")
    page.check(f"input[name=_selected_action][value='{pk}']")
    page.select_option("select[name=action]", action)
    page.locator("button[name=index]").click()
    page.wait_for_load_state()


def test_the_record_from_circulation_to_a_published_summary(
    live_server, browser, held, secretariat, chair, wg_a_member, tmp_path: Path
):
    minutes = held.minutes.get()
    office = _person(browser, live_server, "secretariat", "wide", admin=True)
    member = _person(browser, live_server, "wg-a", "narrow")
    chairing = _person(browser, live_server, "chair-a", "wide")
    meeting_url = f"{live_server.url}{held.get_absolute_url()}"

    # 1. The secretariat circulates the draft to the chairs.
    _admin_action(office, live_server, "/admin/meetings/minutes/", minutes.pk, "circulate")
    expect(office.locator(".messagelist")).to_contain_text("1 set of minutes circulated.")

    # 2. … and puts it under silence until the day after tomorrow.
    office.goto(f"{live_server.url}/admin/meetings/silenceprocedure/add/?minutes={minutes.pk}")
    deadline = timezone.localtime() + datetime.timedelta(days=2)
    office.fill("#id_deadline_0", deadline.strftime("%Y-%m-%d"))
    office.fill("#id_deadline_1", "18:00")
    office.locator("input[type=submit]").click()
    expect(office.locator(".messagelist")).to_contain_text("The silence procedure is open")
    shot(office, "minutes-1-silence-started")

    # 3. A participant breaks silence, with a reason.
    member.goto(meeting_url)
    expect(member.locator("#silence")).to_contain_text("Under silence procedure")
    member.fill("#silence-reason", "Item 2: we agreed to meet in Bishkek, not Almaty.")
    member.get_by_role("button", name="Break silence").click()
    expect(member.locator("main")).to_contain_text("You have broken silence.")
    shot(member, "minutes-2-silence-broken")
    chairing.goto(meeting_url)  # The chairs, who review the draft, see who broke silence and why.
    expect(chairing.locator("#silence")).to_contain_text("Silence was broken")

    # 4. The chair approves the minutes at the meeting, on the members' page.
    chairing.goto(meeting_url)
    chairing.get_by_role("button", name="Approve these minutes").click()
    expect(chairing.locator("main")).to_contain_text("The minutes are approved.")
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED

    # 5. The secretariat opens an amendment of the frozen minutes and corrects the text.
    office.goto(f"{live_server.url}/admin/meetings/minutes/{minutes.pk}/change/")
    expect(office.locator("#content-main")).to_contain_text("approved and frozen")
    office.get_by_role("link", name="Start an amendment").click()
    office.fill("#id_reason", "The place of the next meeting was recorded wrongly.")
    office.locator("input[type=submit]").click()
    amendment = Minutes.objects.get(amends=minutes)
    office.fill("#id_text", TAKEN.replace("Almaty", "Bishkek"))
    office.locator("input[name=_save]").click()
    expect(office.locator(".messagelist")).to_contain_text("was changed successfully")
    _admin_action(office, live_server, "/admin/meetings/minutes/", amendment.pk, "circulate")
    chairing.goto(meeting_url)
    expect(chairing.locator("#minutes")).to_contain_text("Amendment under review")
    chairing.get_by_role("button", name="Approve these minutes").click()
    shot(chairing, "minutes-3-amendment-approved")

    # 6. The member reads the amended minutes, sees what changed, and downloads them as PDF.
    member.goto(meeting_url)
    expect(member.locator("#minutes")).to_contain_text("amendment 1")
    member.get_by_text("What changed from the edition it amends").click()
    expect(member.locator("#minutes .diff-text ins").first).to_contain_text("Bishkek")
    shot(member, "minutes-4-amendment-read")
    with member.expect_download() as download:
        member.get_by_role("link", name="Download these minutes (PDF)").click()
    pdf = tmp_path / "minutes.pdf"
    download.value.save_as(pdf)
    text = " ".join(pdf_text(pdf.read_bytes()).split())
    assert "Bishkek" in text and "Almaty" not in text
    assert "amendment 1" in text.lower()
    assert "Group" in text  # The level, printed on the page.

    # 7. The secretariat marks the name for redaction and prepares the public summary from the minutes.
    office.goto(f"{live_server.url}/admin/meetings/minutes/{amendment.pk}/change/")
    office.locator("#redactions-group").get_by_text("Add another").click()
    office.fill("#id_redactions-0-passage", NAME)
    office.fill("#id_redactions-0-reason", "Name of an individual")
    office.locator("input[name=_save]").click()
    _admin_action(office, live_server, "/admin/meetings/minutes/", amendment.pk, "prepare_summary")
    expect(office.locator("#content-main")).to_contain_text("No passage marked for redaction")
    summary = PublicSummary.objects.get(meeting=held)
    assert NAME not in summary.text and "[…]" in summary.text
    shot(office, "minutes-5-summary-prepared")

    # 8. Reviewed, published: the public reads the summary, never the name.
    _admin_action(office, live_server, "/admin/meetings/publicsummary/", summary.pk, "review")
    expect(office.locator(".messagelist")).to_contain_text("1 summary reviewed.")
    _admin_action(office, live_server, "/admin/meetings/publicsummary/", summary.pk, "publish")
    expect(office.locator(".messagelist")).to_contain_text("1 summary published.")
    public = browser.new_context(viewport=VIEWPORTS["narrow"], locale="en-GB").new_page()
    public.viewport_name = "narrow"
    public.goto(f"{live_server.url}{summary.get_absolute_url()}")
    expect(public.locator("main")).to_contain_text("share good practice on family support")
    assert NAME not in public.content()
    shot(public, "minutes-6-summary-published")
