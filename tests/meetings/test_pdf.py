"""The agenda and minutes as PDF: what is printed, at whose clearance, in which language, and at what cost."""

from __future__ import annotations

import datetime
import importlib.abc
import logging
import sys
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Level
from tests.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MemberFactory,
    MinutesFactory,
    ParticipationFactory,
    VenueFactory,
)
from tests.pdftext import pdf_pages, pdf_text

COUNCIL = "Central Asia Regional Expert Council"
BISHKEK = zoneinfo.ZoneInfo("Asia/Bishkek")


@pytest.fixture
def meeting(group_a):
    """A council-level meeting in Bishkek with an open item, a group item and a restricted item."""
    venue = VenueFactory(city="Bishkek", time_zone="Asia/Bishkek", name="Ala-Too hall")
    meeting = MeetingFactory(
        body=group_a,
        level=Level.COUNCIL,
        title_en="Second meeting of Working Group (a)",
        title_ru="Второе заседание Рабочей группы (a)",
        slug="second-meeting-a",
        venue=venue,
        time_zone="Asia/Bishkek",
        starts_at=datetime.datetime(2026, 12, 10, 10, 0, tzinfo=BISHKEK),
        ends_at=datetime.datetime(2026, 12, 10, 17, 0, tzinfo=BISHKEK),
    )
    AgendaItemFactory(
        meeting=meeting, order=1, level=Level.COUNCIL, title_en="Opening", title_ru="Открытие", minutes_allotted=30
    )
    AgendaItemFactory(meeting=meeting, order=2, level=Level.RESTRICTED, title_en="RESTRICTEDITEM case review")
    AgendaItemFactory(meeting=meeting, order=3, level=Level.GROUP, title_en="Work plan for 2025")
    return meeting


def _get(client, user, url):
    if user is not None and user.is_authenticated:
        client.force_login(user)
    return client.get(url)


def _agenda_url(meeting, language: str = "en") -> str:
    return f"/{language}/meetings/{meeting.slug}/agenda.pdf"


def _minutes_url(meeting, language: str = "en") -> str:
    return f"/{language}/meetings/{meeting.slug}/minutes.pdf"


@pytest.mark.django_db
def test_the_agenda_names_the_council_the_meeting_and_its_time_in_the_venues_zone(client, wg_a_member, meeting):
    response = _get(client, wg_a_member, _agenda_url(meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert COUNCIL in text
    assert "Second meeting of Working Group (a)" in text and "Working Group (a)" in text
    # 10:00 in Bishkek (the portal's own zone, Tashkent, would say 09:00), with the zone named.
    assert "10 December 2026, 10:00" in text and "09:00" not in text
    assert "Bishkek time (UTC+6)" in text and "Asia/" not in text
    # The timetable places each item after the ones before it, in the venue's time.
    assert "10:00 1. Opening" in text and "10:45 3. Work plan for 2025" in text


@pytest.mark.django_db
def test_a_restricted_item_reaches_a_named_participant_and_not_a_council_reader(client, partner, wg_c_member, meeting):
    ParticipationFactory(meeting=meeting, member=wg_c_member.member)
    council_copy = pdf_pages(_get(client, partner, _agenda_url(meeting)).content)
    assert "RESTRICTEDITEM" not in " ".join(council_copy)
    assert "Work plan for 2025" not in " ".join(council_copy)  # Group (a)'s item, not the partner's.
    assert all("COUNCIL" in page and "Council: for the members of the Council only" in page for page in council_copy)

    client.logout()
    participant_copy = pdf_pages(_get(client, wg_c_member, _agenda_url(meeting)).content)
    text = " ".join(participant_copy)
    assert "RESTRICTEDITEM case review" in text
    # The page marking is that of the most closed thing printed, not the meeting's level.
    assert all("RESTRICTED" in page for page in participant_copy)
    assert "Restricted: for the named participants of this meeting and the secretariat only" in text


@pytest.mark.django_db
def test_the_marking_is_printed_on_every_page_and_names_the_reader(client, wg_a_member, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP, title_en="A long agenda")
    for order in range(1, 41):
        AgendaItemFactory(meeting=meeting, order=order, level=Level.GROUP, description="Discussion. " * 30)
    wg_a_member.member.first_name, wg_a_member.member.last_name = "Aziza", "Karimova"
    wg_a_member.member.save()
    pages = pdf_pages(_get(client, wg_a_member, _agenda_url(meeting)).content)
    assert len(pages) > 2
    marking = "Group: for the members of Working Group (a), the Executive Committee and the secretariat only"
    for number, page in enumerate(pages, start=1):
        assert "GROUP" in page and marking in page, number
        assert COUNCIL in page and f"{number} / {len(pages)}" in page
        assert "Prepared for Aziza Karimova on" in page


@pytest.mark.django_db
def test_the_pdf_speaks_the_language_of_its_address(client, wg_a_member, meeting):
    text = pdf_text(_get(client, wg_a_member, _agenda_url(meeting, "ru")).content)
    assert "Второе заседание Рабочей группы (a)" in text
    assert "ПОВЕСТКА ДНЯ" in text and "Начало" in text and "Открытие" in text
    assert "10 декабря 2026" in text
    assert "Региональный экспертный совет" in text


@pytest.mark.django_db
def test_uzbek_latin_and_cyrillic_letters_survive_in_the_pdf(client, wg_a_member, meeting):
    AgendaItemFactory(meeting=meeting, order=9, level=Level.COUNCIL, title_en="Oʻzbekiston: reintegratsiya; Қазақстан")
    text = pdf_text(_get(client, wg_a_member, _agenda_url(meeting)).content)
    assert "Oʻzbekiston: reintegratsiya; Қазақстан" in text


@pytest.mark.django_db
def test_the_agenda_lists_only_the_papers_the_reader_may_see(client, partner, meeting):
    opening = meeting.agenda_items.get(order=1)
    DocumentFactory(meeting=meeting, agenda_item=opening, level=Level.COUNCIL, title="Opening remarks")
    DocumentFactory(meeting=meeting, agenda_item=opening, level=Level.GROUP, title="GROUPPAPER notes")
    DocumentFactory(meeting=meeting, level=Level.COUNCIL, title="Concept note")
    text = pdf_text(_get(client, partner, _agenda_url(meeting)).content)
    assert "Opening remarks" in text and "Concept note" in text
    assert "GROUPPAPER" not in text


@pytest.mark.django_db
def test_a_confidential_pdf_is_private_and_named_after_the_meeting(client, wg_a_member, meeting, caplog):
    with caplog.at_level(logging.INFO, logger="rec_portal.audit"):
        response = _get(client, wg_a_member, _agenda_url(meeting))
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == 'attachment; filename="second-meeting-a-agenda-en.pdf"'
    # The member of group (a) got a group-level copy (the work plan item): the export is logged.
    assert "pdf export" in caplog.text and "second-meeting-a" in caplog.text and "level=group" in caplog.text


@pytest.mark.django_db
def test_a_public_agenda_is_open_to_anyone_and_names_no_reader(client, group_a, caplog):
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC, title_en="Open session")
    AgendaItemFactory(meeting=meeting, level=Level.PUBLIC, title_en="Welcome")
    AgendaItemFactory(meeting=meeting, level=Level.COUNCIL, title_en="COUNCILITEM")
    with caplog.at_level(logging.INFO, logger="rec_portal.audit"):
        response = client.get(_agenda_url(meeting))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    text = pdf_text(response.content)
    assert "Welcome" in text and "COUNCILITEM" not in text and "Prepared for" not in text
    assert "PUBLIC" in text
    assert "pdf export" not in caplog.text


@pytest.mark.django_db
def test_the_minutes_pdf_is_the_latest_approved_edition_the_reader_may_read(client, secretariat, chair, group_a):
    from meetings import services

    meeting = MeetingFactory(body=group_a, level=Level.COUNCIL, title_en="Held session", slug="held-session")
    first = MinutesFactory(meeting=meeting, level=Level.GROUP, text="We met in Almaty.\n\nWe agreed a plan.")
    amendment = services.start_amendment(minutes=first, by=secretariat, reason="The city was wrong.")
    amendment.text = "We met in Bishkek.\n\nWe agreed a plan."
    amendment.level = Level.COUNCIL
    amendment.save()
    services.circulate_minutes(minutes=amendment, by=secretariat)
    services.approve_minutes(minutes=amendment, by=chair)

    pages = pdf_pages(_get(client, chair, _minutes_url(meeting)).content)
    text = " ".join(pages)
    assert "MINUTES" in text and "Held session" in text
    assert "amendment 1" in text and "The city was wrong." in text
    assert "We met in Bishkek." in text and "Almaty" not in text
    assert all("COUNCIL" in page for page in pages)


@pytest.mark.django_db
def test_the_minutes_pdf_is_marked_at_the_minutes_level_when_higher(client, wg_a_member, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.COUNCIL, slug="held")
    MinutesFactory(meeting=meeting, level=Level.GROUP, text="Agreed.")
    response = _get(client, wg_a_member, _minutes_url(meeting))
    assert response["Content-Disposition"] == 'attachment; filename="held-minutes-en.pdf"'
    assert all("GROUP" in page for page in pdf_pages(response.content))


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["draft", "circulated"])
def test_there_is_no_minutes_pdf_before_approval(client, chair, group_a, status):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    MinutesFactory(meeting=meeting, level=Level.GROUP, status=status)
    assert _get(client, chair, _minutes_url(meeting)).status_code == 404


@pytest.mark.django_db
def test_minutes_the_reader_may_not_read_give_404(client, partner, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.COUNCIL)
    MinutesFactory(meeting=meeting, level=Level.GROUP)
    assert _get(client, partner, _minutes_url(meeting)).status_code == 404


@pytest.mark.django_db
def test_the_agenda_pdf_costs_the_same_queries_with_more_items(client, wg_a_member, meeting):
    presenter = MemberFactory()
    AgendaItemFactory(meeting=meeting, order=4, level=Level.COUNCIL, presenter=presenter)
    client.force_login(wg_a_member)
    url = _agenda_url(meeting)
    client.get(url)  # Warm the session.

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = count()
    for order in range(10, 20):
        item = AgendaItemFactory(meeting=meeting, order=order, level=Level.COUNCIL, presenter=presenter)
        DocumentFactory(meeting=meeting, agenda_item=item, level=Level.COUNCIL)
    # Session + user (2), clearance (3), the meeting, agenda, papers, matters arising, nameable presenters,
    # the timetable's lengths (6), the reader's name for the marking (1).
    assert count() == before == 12


@pytest.mark.django_db
def test_the_minutes_pdf_costs_a_fixed_number_of_queries(client, wg_a_member, group_a, django_assert_num_queries):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    MinutesFactory(meeting=meeting, level=Level.GROUP)
    client.force_login(wg_a_member)
    client.get(_minutes_url(meeting))
    # Session + user (2), clearance (3), the meeting, the minutes (2), the reader's name (1).
    with django_assert_num_queries(8):
        client.get(_minutes_url(meeting))


@pytest.mark.parametrize("url", ["https://cdn.example.org/font.woff2", "http://127.0.0.1/", "file:///etc/passwd"])
def test_a_pdf_fetches_nothing_from_the_network_or_the_disk(url):
    from meetings.pdf import _response_class

    with pytest.raises(ValueError, match="fetch nothing"):
        _response_class().url_fetcher_class().fetch(url)


class _NoPango(importlib.abc.MetaPathFinder):
    """Make importing WeasyPrint fail as it does on a server without Pango."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def find_spec(self, name, path=None, target=None):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise self.error
        return None


@pytest.fixture(params=[OSError("cannot load library 'libpango-1.0-0'"), ImportError("No module named 'weasyprint'")])
def without_pango(request, monkeypatch):
    """Pretend WeasyPrint cannot load: its modules are forgotten and importing them fails."""
    for name in list(sys.modules):
        if name.split(".")[0] in {"weasyprint", "django_weasyprint"}:
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [_NoPango(request.param), *sys.meta_path])


@pytest.mark.django_db
def test_without_pango_the_pdf_link_explains_what_to_install(client, wg_a_member, meeting, without_pango, caplog):
    with caplog.at_level(logging.ERROR, logger="meetings.pdf"):
        response = _get(client, wg_a_member, _agenda_url(meeting))
    assert response.status_code == 503
    body = response.content.decode()
    assert "PDF export needs the Pango library" in body
    assert "apt-get install libpango-1.0-0" in body
    assert "PDF export is unavailable" in caplog.text
    # Everything else still works, and what the reader may not see is still not found.
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert client.get(_minutes_url(meeting)).status_code == 404
    client.logout()
    assert client.get(_agenda_url(meeting)).status_code == 404


@pytest.mark.django_db
def test_the_meeting_page_links_to_the_pdfs_it_has(client, wg_a_member, meeting):
    client.force_login(wg_a_member)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert _agenda_url(meeting) in page and _minutes_url(meeting) not in page
    MinutesFactory(meeting=meeting, level=Level.COUNCIL)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert _minutes_url(meeting) in page


@pytest.mark.django_db
def test_the_public_meeting_page_links_to_the_public_agenda_only_when_it_has_one(client, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC)
    AgendaItemFactory(meeting=meeting, level=Level.COUNCIL)
    assert _agenda_url(meeting) not in client.get(meeting.get_absolute_url()).content.decode()
    AgendaItemFactory(meeting=meeting, level=Level.PUBLIC)
    MinutesFactory(meeting=meeting, level=Level.PUBLIC)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert _agenda_url(meeting) in page and _minutes_url(meeting) in page
