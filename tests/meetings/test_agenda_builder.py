"""The agenda builder: the timetable in the meeting's zone, the overrun warning, safe reordering, matters arising."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings import agenda
from meetings.models import ActionItem, AgendaItem, Level
from tests.admin_forms import change_page_data, inline_prefix
from tests.conftest import PERSONAS
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    MeetingFactory,
    MemberFactory,
    ParticipationFactory,
    VenueFactory,
)
from tests.pdftext import pdf_text

UTC = datetime.UTC


def _times(timetable: agenda.Timetable) -> list[tuple[str, str]]:
    return [(slot.starts.strftime("%H:%M"), slot.ends.strftime("%H:%M")) for slot in timetable.slots]


# ---------------------------------------------------------------- the timetable


def test_the_timetable_is_laid_out_in_the_meetings_zone_without_dst():
    # Almaty keeps one offset all year (UTC+5 since March 2024): the same clock in March and in October.
    for month in (3, 10):
        starts = datetime.datetime(2030, month, 30, 4, 0, tzinfo=UTC)
        timetable = agenda.compute_timetable(
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            time_zone="Asia/Almaty",
            items=[("b", 2, "Reports", 45), ("a", 1, "Opening", 15), ("c", 3, "Close", 10)],
        )
        assert [slot.title for slot in timetable.slots] == ["Opening", "Reports", "Close"]
        assert _times(timetable) == [("09:00", "09:15"), ("09:15", "10:00"), ("10:00", "10:10")]
        assert [slot.elapsed for slot in timetable.slots] == [15, 60, 70]
        assert timetable.zone_name == "Asia/Almaty"
        assert timetable.total_minutes == 70 and timetable.length_minutes == 120
        assert not timetable.is_overrun


def test_the_timetable_counts_absolute_time_across_a_dst_change():
    # Berlin springs forward at 02:00 on 31 March 2030: an hour-long item from 01:30 ends at 03:30.
    starts = datetime.datetime(2030, 3, 31, 0, 30, tzinfo=UTC)
    timetable = agenda.compute_timetable(
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        time_zone="Europe/Berlin",
        items=[(1, 1, "One", 60), (2, 2, "Two", 30)],
    )
    assert _times(timetable) == [("01:30", "03:30"), ("03:30", "04:00")]


def test_five_hours_of_items_in_a_two_hour_meeting_are_an_overrun_of_three_hours():
    starts = datetime.datetime(2030, 5, 1, 4, tzinfo=UTC)
    timetable = agenda.compute_timetable(
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        time_zone="Asia/Almaty",
        items=[(1, 1, "Long", 300)],
    )
    assert timetable.is_overrun and timetable.overrun_minutes == 180
    assert timetable.slots[0].overruns
    assert agenda.duration_text(300) == "5 h 00 min" and agenda.duration_text(45) == "45 min"


# ---------------------------------------------------------------- the admin page


@pytest.fixture
def almaty_meeting(group_a):
    venue = VenueFactory(name="Rixos", city="Almaty", time_zone="Asia/Almaty")
    starts = datetime.datetime(2030, 6, 3, 4, tzinfo=UTC)  # 09:00 in Almaty.
    meeting = MeetingFactory(
        body=group_a,
        venue=venue,
        time_zone="Asia/Almaty",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        title="Working Group (a) in Almaty",
    )
    for order, (title, minutes) in enumerate([("Opening", 15), ("Reports", 60), ("Close", 15)], start=1):
        AgendaItemFactory(meeting=meeting, order=order, title=title, minutes_allotted=minutes)
    return meeting


def _change_url(meeting) -> str:
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


@pytest.mark.django_db
def test_the_admin_shows_the_timetable_in_the_meetings_zone_with_its_name(client, secretariat, almaty_meeting):
    client.force_login(secretariat)
    html = client.get(_change_url(almaty_meeting)).content.decode()
    assert "Timetable" in html and "<strong>Almaty time (UTC+5)</strong>" in html
    assert '<time datetime="2030-06-03T09:15:00+05:00">09:15</time>' in html
    assert "Total: <strong>1 h 30 min</strong> of the meeting's <strong>2 h 00 min</strong>" in html
    assert "data-agenda-overrun" in html and 'agenda-overrun" hidden' in html
    assert "admin-extra/agenda-builder.js" in html and "<script>" not in html


@pytest.mark.django_db
def test_an_overrun_is_shown_and_warned_on_save_but_not_refused(client, secretariat, almaty_meeting):
    client.force_login(secretariat)
    page = client.get(_change_url(almaty_meeting))
    data = change_page_data(page)
    prefix, _forms = inline_prefix(page, AgendaItem)
    data[f"{prefix}-1-minutes_allotted"] = "270"  # Reports: 4 h 30 min; 5 h in all.
    response = client.post(_change_url(almaty_meeting), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert any("takes 5 h 00 min" in w and "lasts 2 h 00 min" in w and "3 h 00 min" in w for w in warnings)
    assert AgendaItem.objects.get(meeting=almaty_meeting, order=2).minutes_allotted == 270
    html = client.get(_change_url(almaty_meeting)).content.decode()
    assert "Overrun: the agenda takes 5 h 00 min but the meeting lasts 2 h 00 min" in html
    assert 'agenda-overrun" hidden' not in html and "after the end" in html


@pytest.mark.django_db
def test_a_save_that_fits_gives_no_overrun_warning(client, secretariat, almaty_meeting):
    client.force_login(secretariat)
    response = client.post(_change_url(almaty_meeting), change_page_data(client.get(_change_url(almaty_meeting))))
    assert response.status_code == 302
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def _post_orders(client, meeting, orders: dict[str, int], delete: set[str] = frozenset()):
    """Post the change page with the agenda's order fields rewritten, as the move buttons or dragging do."""
    page = client.get(_change_url(meeting))
    data = change_page_data(page)
    prefix, forms = inline_prefix(page, AgendaItem)
    for index, form in enumerate(forms):
        title = form.instance.title
        if title in orders:
            data[f"{prefix}-{index}-order"] = str(orders[title])
        if title in delete:
            data[f"{prefix}-{index}-DELETE"] = "on"
    return client.post(_change_url(meeting), data)


def _titles(meeting) -> list[str]:
    return list(AgendaItem.objects.filter(meeting=meeting).order_by("order").values_list("title", flat=True))


@pytest.mark.django_db
def test_swapping_two_items_in_the_admin_saves_despite_the_unique_order(client, secretariat, almaty_meeting):
    client.force_login(secretariat)
    response = _post_orders(client, almaty_meeting, {"Opening": 2, "Reports": 1})
    assert response.status_code == 302
    assert _titles(almaty_meeting) == ["Reports", "Opening", "Close"]


@pytest.mark.django_db
def test_moving_the_last_item_to_the_top_renumbers_all_in_one_save(client, secretariat, almaty_meeting):
    client.force_login(secretariat)
    response = _post_orders(client, almaty_meeting, {"Close": 1, "Opening": 2, "Reports": 3})
    assert response.status_code == 302
    assert _titles(almaty_meeting) == ["Close", "Opening", "Reports"]
    assert list(AgendaItem.objects.filter(meeting=almaty_meeting).values_list("order", flat=True)) == [1, 2, 3]
    # The history records the new numbers, by the secretariat.
    record = AgendaItem.history.filter(title="Close").latest("history_date")
    assert record.order == 1 and record.history_user == secretariat


@pytest.mark.django_db
def test_an_item_may_take_the_number_of_one_deleted_in_the_same_save(client, secretariat, almaty_meeting):
    client.force_login(secretariat)
    response = _post_orders(client, almaty_meeting, {"Close": 2}, delete={"Reports"})
    assert response.status_code == 302
    assert _titles(almaty_meeting) == ["Opening", "Close"]


@pytest.mark.django_db
def test_two_items_given_one_number_are_refused_with_a_message(client, secretariat, almaty_meeting):
    client.force_login(secretariat)
    response = _post_orders(client, almaty_meeting, {"Close": 1})
    assert response.status_code == 200
    assert "Please correct the duplicate data for order" in response.content.decode() or response.context["errors"]
    assert _titles(almaty_meeting) == ["Opening", "Reports", "Close"]


@pytest.mark.django_db
def test_the_reorder_service_swaps_and_moves_to_the_top(almaty_meeting, secretariat):
    items = {item.title: item.pk for item in AgendaItem.objects.filter(meeting=almaty_meeting)}
    agenda.reorder_agenda(
        meeting=almaty_meeting, ordered_ids=[items["Reports"], items["Opening"], items["Close"]], by=secretariat
    )
    assert _titles(almaty_meeting) == ["Reports", "Opening", "Close"]
    agenda.reorder_agenda(
        meeting=almaty_meeting, ordered_ids=[items["Close"], items["Reports"], items["Opening"]], by=secretariat
    )
    assert _titles(almaty_meeting) == ["Close", "Reports", "Opening"]
    assert sorted(AgendaItem.objects.filter(meeting=almaty_meeting).values_list("order", flat=True)) == [1, 2, 3]


@pytest.mark.django_db
def test_the_reorder_service_refuses_a_list_that_is_not_the_agenda(almaty_meeting, secretariat):
    items = list(AgendaItem.objects.filter(meeting=almaty_meeting).values_list("pk", flat=True))
    with pytest.raises(agenda.AgendaError):
        agenda.reorder_agenda(meeting=almaty_meeting, ordered_ids=items[:2], by=secretariat)
    with pytest.raises(agenda.AgendaError):
        agenda.reorder_agenda(meeting=almaty_meeting, ordered_ids=[items[0], items[0], items[1]], by=secretariat)
    assert _titles(almaty_meeting) == ["Opening", "Reports", "Close"]


# ---------------------------------------------------------------- matters arising


@pytest.fixture
def series(group_a, group_c, wg_a_member):
    """Three meetings of group (a) and one of group (c), with actions taken at the earlier ones."""
    now = timezone.now()
    first = MeetingFactory(body=group_a, title="First of (a)", starts_at=now - datetime.timedelta(days=60))
    second = MeetingFactory(body=group_a, title="Second of (a)", starts_at=now - datetime.timedelta(days=30))
    current = MeetingFactory(body=group_a, title="Next of (a)", starts_at=now + datetime.timedelta(days=7))
    other = MeetingFactory(body=group_c, title="Of (c)", starts_at=now - datetime.timedelta(days=20))
    owner = wg_a_member.member
    ActionItemFactory(meeting=first, title="Carried from the first", owner=owner)
    ActionItemFactory(
        meeting=second, title="In progress from the second", status=ActionItem.Status.IN_PROGRESS, owner=owner
    )
    ActionItemFactory(meeting=second, title="Already done", status=ActionItem.Status.DONE, completed_at=now)
    ActionItemFactory(meeting=second, title="Cancelled one", status=ActionItem.Status.CANCELLED)
    ActionItemFactory(meeting=second, title="Named participants only", level=Level.RESTRICTED)
    ActionItemFactory(meeting=other, title="Another body's task")
    ActionItemFactory(meeting=current, title="Taken at this very meeting")
    return {"first": first, "second": second, "current": current, "other": other}


def _titles_of(actions) -> set[str]:
    return {action.title for action in actions}


@pytest.mark.django_db
def test_open_actions_of_earlier_meetings_of_the_body_are_matters_arising(series, secretariat):
    matters = agenda.matters_arising(series["current"], secretariat)
    assert _titles_of(matters) == {"Carried from the first", "In progress from the second", "Named participants only"}
    assert next(a.title for a in matters) == "Carried from the first"  # Oldest meeting first.


@pytest.mark.django_db
def test_matters_arising_drop_off_when_done_and_respect_the_policy(series, wg_a_member, wg_c_member, anonymous):
    assert _titles_of(agenda.matters_arising(series["current"], wg_a_member)) == {
        "Carried from the first",
        "In progress from the second",
    }
    ActionItem.objects.filter(title="Carried from the first").update(
        status=ActionItem.Status.DONE, completed_at=timezone.now()
    )
    assert _titles_of(agenda.matters_arising(series["current"], wg_a_member)) == {"In progress from the second"}
    assert not agenda.matters_arising(series["current"], wg_c_member).exists()
    assert not agenda.matters_arising(series["current"], anonymous).exists()
    # A named participant of the earlier meeting sees its restricted action carried forward.
    ParticipationFactory(meeting=series["second"], member=wg_a_member.member)
    assert "Named participants only" in _titles_of(agenda.matters_arising(series["current"], wg_a_member))


@pytest.mark.django_db
def test_the_second_meeting_carries_only_the_first_meetings_open_actions(series, secretariat):
    assert _titles_of(agenda.matters_arising(series["second"], secretariat)) == {"Carried from the first"}


@pytest.mark.django_db
def test_matters_arising_are_listed_beside_the_agenda_in_the_admin(client, secretariat, series):
    client.force_login(secretariat)
    html = client.get(_change_url(series["current"])).content.decode()
    assert "Matters arising" in html and "Carried from the first" in html and "Another body" not in html
    assert "Already done" not in html


MATTERS_SEEN = {
    "anonymous": 404,
    "partner": 404,
    "wg_a_member": {"Carried from the first", "In progress from the second"},
    "wg_c_member": 404,
    "exec_member": {"Carried from the first", "In progress from the second"},
    "chair": {"Carried from the first", "In progress from the second"},
    "secretariat": {"Carried from the first", "In progress from the second", "Named participants only"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_meeting_page_lists_matters_arising_each_persona_may_see(client, persona, request, series):
    name = request.node.callspec.params["persona"]
    expected = MATTERS_SEEN.get(name, 404)
    if persona.is_authenticated:
        client.force_login(persona)
    response = client.get(series["current"].get_absolute_url())
    if expected == 404:
        assert response.status_code == 404
        return
    html = response.content.decode()
    assert response.status_code == 200 and "Matters arising" in html
    every = {"Carried from the first", "In progress from the second", "Named participants only"}
    for title in every:
        assert (title in html) == (title in expected), title
    for title in ("Already done", "Cancelled one", "Another body's task"):
        assert title not in html


@pytest.mark.django_db
def test_the_agenda_pdf_carries_the_matters_arising_the_reader_may_see(client, wg_a_member, series):
    client.force_login(wg_a_member)
    response = client.get(reverse("meetings:agenda_pdf", args=[series["current"].slug]))
    if response.status_code == 503:
        pytest.skip("WeasyPrint cannot load Pango here.")
    text = pdf_text(response.content)
    assert "Matters arising" in text and "Carried from the first" in text
    assert "Named participants only" not in text and "Already done" not in text


@pytest.mark.django_db
def test_the_meeting_page_costs_the_same_queries_with_more_matters_arising(client, wg_a_member, series):
    client.force_login(wg_a_member)
    url = series["current"].get_absolute_url()
    client.get(url)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = count()
    for index in range(6):
        earlier = MeetingFactory(body=series["current"].body, starts_at=timezone.now() - datetime.timedelta(days=90))
        action = ActionItemFactory(meeting=earlier, owner=MemberFactory(), title=f"More {index}")
        action.status = ActionItem.Status.IN_PROGRESS
        action.save()  # A second status in its history.
        ActionItemFactory(meeting=series["current"], owner=wg_a_member.member, due_date=datetime.date(2020, 1, 1))
    assert count() == before


@pytest.mark.django_db
def test_a_number_taken_meanwhile_by_an_item_added_elsewhere_is_refused_not_a_crash(
    client, secretariat, almaty_meeting
):
    client.force_login(secretariat)
    page = client.get(_change_url(almaty_meeting))
    data = change_page_data(page)
    prefix, forms = inline_prefix(page, AgendaItem)
    AgendaItemFactory(meeting=almaty_meeting, order=4, title="Added from its own page")
    data[f"{prefix}-{len(forms) - 1}-order"] = "4"  # "Close" moved to 4, on the page as it was.
    response = client.post(_change_url(almaty_meeting), data)
    assert response.status_code == 200
    assert "added meanwhile" in response.content.decode()
    assert _titles(almaty_meeting) == ["Opening", "Reports", "Close", "Added from its own page"]
