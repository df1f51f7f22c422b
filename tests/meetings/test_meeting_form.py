"""The meeting change form: times typed in the venue's zone, and the form in sections (tabs)."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from tests.factories import MeetingFactory, VenueFactory
from tests.test_admin import _meeting_form

pytestmark = pytest.mark.django_db
ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
UTC = datetime.UTC


@pytest.fixture
def admin_client(client, secretariat):
    client.force_login(secretariat)
    return client


@pytest.mark.parametrize("users_zone", ["UTC", "America/New_York", "Europe/London", "Pacific/Kiritimati"])
def test_ten_oclock_in_almaty_is_stored_as_ten_in_almaty_whatever_the_users_zone(admin_client, users_zone):
    with timezone.override(zoneinfo.ZoneInfo(users_zone)):
        response = admin_client.post(reverse("admin:meetings_meeting_add"), _meeting_form(time_zone="Asia/Almaty"))
        assert response.status_code == 302, response.content.decode()[:2000]
        meeting = Meeting.objects.get(slug="planning")
        assert meeting.starts_at == datetime.datetime(2026, 12, 10, 5, tzinfo=UTC)  # 10:00 in Almaty
        assert meeting.starts_at.astimezone(ALMATY).hour == 10
        page = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()
    assert 'name="starts_at_1" value="10:00:00"' in page
    assert '<strong class="venue-zone">Almaty time (UTC+5)</strong>' in page


def test_a_time_that_does_not_exist_in_the_users_zone_is_still_a_time_at_the_venue(admin_client):
    # 01:30 on 29 March 2026 never happened in London (the clocks went forward); in Almaty it did.
    with timezone.override(zoneinfo.ZoneInfo("Europe/London")):
        data = _meeting_form(
            time_zone="Asia/Almaty", starts_at_0="2026-03-29", starts_at_1="01:30", ends_at_0="2026-03-29"
        )
        response = admin_client.post(reverse("admin:meetings_meeting_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Meeting.objects.get().starts_at == datetime.datetime(2026, 3, 29, 1, 30, tzinfo=ALMATY)


def test_the_form_names_the_zone_and_hides_djangos_server_time_note(admin_client):
    meeting = MeetingFactory(time_zone="Asia/Almaty", venue=VenueFactory(time_zone="Asia/Almaty"))
    page = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()
    assert page.count('<strong class="venue-zone">Almaty time (UTC+5)</strong>') == 2  # beside start and end
    # DateTimeShortcuts.js adds the note inside this fieldset; the stylesheet hides it there.
    assert "venue-time" in page


def test_the_form_is_in_sections_each_with_its_parts(admin_client):
    meeting = MeetingFactory()
    page = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()
    for slug in ("details", "agenda", "participants", "documents", "minutes"):
        assert f'id="tab-{slug}"' in page
        assert f'id="section-{slug}"' in page
    agenda = page[page.index('id="section-agenda"') : page.index('id="section-participants"')]
    assert 'id="agenda_items-group"' in agenda
    participants = page[page.index('id="section-participants"') : page.index('id="section-documents"')]
    assert 'id="participations-group"' in participants and 'id="organizations-group"' in participants
    details = page[page.index('id="section-details"') : page.index('id="section-agenda"')]
    assert 'name="starts_at_0"' in details and 'name="loaded_version"' in details
    assert 'aria-selected="true"' in page[page.index('id="tab-details"') - 200 : page.index('id="tab-details"') + 200]


def test_a_failed_save_marks_and_opens_the_section_with_the_error(admin_client):
    meeting = MeetingFactory()
    data = _meeting_form(meeting, loaded_version=meeting.updated_at.isoformat(), time_zone=meeting.time_zone)
    data |= {
        "agenda_items-TOTAL_FORMS": "1",
        "agenda_items-0-order": "not a number",
        "agenda_items-0-title_en": "",
        "agenda_items-0-level": "group",
    }
    response = admin_client.post(reverse("admin:meetings_meeting_change", args=[meeting.pk]), data)
    assert response.status_code == 200
    sections = {s.slug: s for s in response.context["form_tabs"]}
    assert sections["agenda"].has_errors and sections["agenda"].selected
    assert not sections["details"].has_errors and not sections["details"].selected
    html = response.content.decode()
    assert 'class="form-tabs__tab form-tabs__tab--errors"' in html
