"""Nothing of Working Group (a) reaches a member of Working Group (c): no page, download, feed, search or API."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from meetings.models import Level
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DocumentFactory,
    ForwardedMatterFactory,
    MeetingFactory,
    MinutesFactory,
    PublicSummaryFactory,
    RoadmapItemFactory,
    SilenceProcedureFactory,
)
from tests.pdftext import pdf_text

MARK = "GROUPAONLY"


@pytest.fixture
def group_a_material(group_a, wg_a_member, executive):
    now = timezone.now()
    closed = MeetingFactory(
        body=group_a, level=Level.GROUP, title_en=f"{MARK} closed session", starts_at=now + datetime.timedelta(days=2)
    )
    AgendaItemFactory(meeting=closed, level=Level.GROUP, title_en=f"{MARK} agenda")
    document = DocumentFactory(meeting=closed, level=Level.GROUP, title=f"{MARK} paper")
    past = MeetingFactory(
        body=group_a, level=Level.GROUP, title_en=f"{MARK} past session", starts_at=now - datetime.timedelta(days=9)
    )
    MinutesFactory(meeting=past, level=Level.GROUP, text=f"{MARK} minutes")
    # Circulated minutes under silence, and an item forwarded to the Executive Committee and decided.
    held = MeetingFactory(
        body=group_a, level=Level.GROUP, title_en=f"{MARK} held session", starts_at=now - datetime.timedelta(days=20)
    )
    SilenceProcedureFactory(minutes=MinutesFactory(meeting=held, status="circulated", text=f"{MARK} silent minutes"))
    source = AgendaItemFactory(meeting=past, level=Level.GROUP, title_en=f"{MARK} forwarded item")
    committee = MeetingFactory(body=executive, level=Level.COUNCIL, title_en="Committee session")
    ForwardedMatterFactory(
        source_item=source,
        note=f"{MARK} note",
        status="decided",
        # Placed at the level of where it came from (services.place_forwarded_matter), on a council-level meeting.
        placed_item=AgendaItemFactory(meeting=committee, level=Level.GROUP, title_en=f"{MARK} placed item"),
        placed_at=now,
        decision=f"{MARK} decision",
        decided_at=now,
    )
    ActionItemFactory(meeting=past, level=Level.GROUP, title=f"{MARK} task", owner=wg_a_member.member)
    public = MeetingFactory(body=group_a, level=Level.PUBLIC, title_en="Open session")
    AgendaItemFactory(meeting=public, level=Level.GROUP, title_en=f"{MARK} item of an open session")
    PublicSummaryFactory(meeting=public, title_en="Open summary", text_en="Text.")
    # A roadmap item advanced by the closed meetings and the open one.
    roadmap_item = RoadmapItemFactory(roadmap__slug="roadmap")
    roadmap_item.meetings.set([closed, past, public])
    return {"closed": closed, "document": document, "past": past, "open": public, "committee": committee}


def _text(response) -> str:
    """Return what a response shows a reader: its text, extracted from a PDF where it is one."""
    if response["Content-Type"] == "application/pdf":
        return pdf_text(response.content)
    return response.content.decode()


@pytest.mark.django_db
def test_a_member_of_group_c_sees_nothing_of_group_a(client, wg_c_member, group_a_material):
    person = wg_c_member.member
    person.calendar_token = "c" * 40
    person.save(update_fields=["calendar_token"])
    client.force_login(wg_c_member)
    urls = [
        "/en/",
        "/en/my/",
        "/en/calendar/",
        f"/en/calendar/{timezone.localdate().year}/{timezone.localdate().month}/",
        "/en/summaries/",
        "/en/summaries/?q=session",
        "/en/directory/",
        "/en/groups/working-group-a/",
        "/en/roadmaps/",
        "/en/roadmaps/roadmap/",
        "/en/calendar/public.ics",
        f"/en/calendar/personal/{'c' * 40}.ics",
        "/en/summaries/feed/",
        "/sitemap.xml",
        "/api/v1/meetings",
        "/api/v1/summaries",
        "/api/v1/summaries?q=session",
        "/api/v1/roadmaps",
    ]
    seen = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert MARK not in body, url
        seen += re.findall(r'href="(/en/meetings/[^"]+)"', body)
    for url in set(seen):
        assert MARK not in _text(client.get(url)), url
    committee_page = client.get(group_a_material["committee"].get_absolute_url()).content.decode()
    assert "Committee session" in committee_page and MARK not in committee_page
    for obj in (group_a_material["closed"], group_a_material["past"]):
        assert client.get(obj.get_absolute_url()).status_code == 404
        assert client.get(f"/api/v1/meetings/{obj.slug}").status_code == 404
        for kind in ("agenda", "minutes"):
            assert client.get(f"/en/meetings/{obj.slug}/{kind}.pdf").status_code == 404
    # The open session's agenda as PDF carries its public items only.
    response = client.get(f"/en/meetings/{group_a_material['open'].slug}/agenda.pdf")
    assert response.status_code == 200 and MARK not in _text(response)
    assert client.get(group_a_material["document"].get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_a_member_of_group_c_invited_to_one_group_a_meeting_sees_that_meeting_and_nothing_else_of_group_a(
    client, wg_c_member, group_a_material
):
    """The invitation opens one meeting (its page, agenda, papers, their task, the RSVP), never the body."""
    from meetings.models import Participation
    from tests.factories import ParticipationFactory

    person = wg_c_member.member
    person.calendar_token = "i" * 40
    person.save(update_fields=["calendar_token"])
    invited = MeetingFactory(
        body=group_a_material["closed"].body,
        level=Level.GROUP,
        title_en="INVITEDSESSION",
        starts_at=timezone.now() + datetime.timedelta(days=3),
    )
    AgendaItemFactory(meeting=invited, level=Level.GROUP, title_en="INVITEDITEM")
    paper = DocumentFactory(meeting=invited, level=Level.GROUP, title="INVITEDPAPER")
    ActionItemFactory(meeting=invited, level=Level.GROUP, title="INVITEDTASK", owner=person)
    participation = ParticipationFactory(meeting=invited, member=person)
    client.force_login(wg_c_member)

    page = client.get(invited.get_absolute_url()).content.decode()
    assert "INVITEDITEM" in page and "INVITEDPAPER" in page and "INVITEDTASK" in page
    download = client.get(paper.get_absolute_url())
    assert download.status_code == 200
    b"".join(download.streaming_content)  # Read to the end: the test client then closes the file itself.
    dashboard = client.get("/en/my/").content.decode()
    assert "INVITEDSESSION" in dashboard and "INVITEDTASK" in dashboard
    feed = client.get(f"/en/calendar/personal/{'i' * 40}.ics").content.decode()
    assert "INVITEDSESSION" in feed
    response = client.post(f"/en/meetings/{invited.slug}/rsvp/", {"rsvp": "accepted", "mode": "online"})
    assert response.status_code == 302
    assert Participation.objects.get(pk=participation.pk).rsvp == "accepted"

    # Everything else of group (a) stays out of reach: the same crawl as above finds no mark.
    urls = [
        "/en/",
        "/en/my/",
        "/en/calendar/",
        "/en/summaries/?q=session",
        "/en/groups/working-group-a/",
        f"/en/calendar/personal/{'i' * 40}.ics",
        "/api/v1/meetings",
        invited.get_absolute_url(),
        f"/en/meetings/{invited.slug}/agenda.pdf",
    ]
    for url in urls:
        assert MARK not in _text(client.get(url)), url
    for obj in (group_a_material["closed"], group_a_material["past"]):
        assert client.get(obj.get_absolute_url()).status_code == 404
        assert client.get(f"/en/meetings/{obj.slug}/agenda.pdf").status_code == 404
    assert client.get(group_a_material["document"].get_absolute_url()).status_code == 404
