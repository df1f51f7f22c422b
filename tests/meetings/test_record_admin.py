"""The secretariat's side of the record between meetings: silence procedures and forwarded matters in the admin."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import ForwardedMatter, Level, Meeting, Minutes, SilenceProcedure
from tests.admin_forms import change_page_data
from tests.factories import (
    AgendaItemFactory,
    ForwardedMatterFactory,
    MeetingFactory,
    MemberFactory,
    MembershipFactory,
    MinutesFactory,
    RecommendationFactory,
    SilenceProcedureFactory,
)
from workinggroups.models import Recommendation

pytestmark = pytest.mark.django_db

DAYS = datetime.timedelta(days=1)
TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")


@pytest.fixture
def staff(client, secretariat):
    client.force_login(secretariat)
    return client


@pytest.fixture
def circulated(group_a):
    start = timezone.now() - 10 * DAYS
    meeting = MeetingFactory(body=group_a, level=Level.GROUP, starts_at=start, ends_at=start + DAYS / 8)
    return MinutesFactory(meeting=meeting, status=Minutes.Status.CIRCULATED)


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _action(client, model: str, action: str, pks: list[int], **extra):
    url = reverse(f"admin:{model}_changelist")
    return client.post(url, {"action": action, "_selected_action": [str(pk) for pk in pks], **extra})


# --- Silence procedures ------------------------------------------------------------------------------------


def test_the_secretariat_starts_a_procedure_from_the_minutes_and_hears_who_cannot_be_reached(
    staff, circulated, wg_a_member
):
    MembershipFactory(member=MemberFactory(user=None, first_name="Nomail"), group=circulated.meeting.body)
    response = _action(staff, "meetings_minutes", "put_under_silence", [circulated.pk])
    assert response.status_code == 302 and response["Location"].endswith(f"?minutes={circulated.pk}")
    form_page = staff.get(response["Location"])
    assert form_page.status_code == 200
    assert form_page.context["form"].initial["minutes"] == str(circulated.pk)
    deadline = timezone.localtime(timezone.now() + 5 * DAYS, TASHKENT)
    response = staff.post(
        response["Location"],
        {"minutes": circulated.pk, "deadline_0": f"{deadline:%Y-%m-%d}", "deadline_1": "18:00:00"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    procedure = SilenceProcedure.objects.get()
    assert procedure.minutes == circulated and procedure.is_open
    # Typed in the secretariat's zone (the Council's: the secretariat has no person record here).
    assert timezone.localtime(procedure.deadline, TASHKENT).hour == 18
    notes = " ".join(_messages(response))
    assert "1 person concerned is being told" in notes and "Nomail Sample" in notes


def test_a_refused_start_says_why_on_the_form(staff, circulated):
    response = staff.post(
        reverse("admin:meetings_silenceprocedure_add"),
        {"minutes": circulated.pk, "deadline_0": f"{timezone.localdate():%Y-%m-%d}", "deadline_1": "00:00:01"},
    )
    assert response.status_code == 200 and "24 hours" in response.content.decode()
    assert not SilenceProcedure.objects.exists()


def test_only_circulated_minutes_and_drafts_are_offered(staff, circulated, group_a):
    approved = MinutesFactory(meeting=MeetingFactory(body=group_a))
    adopted = RecommendationFactory(group=group_a)
    draft = RecommendationFactory(group=group_a, status="draft", adopted_on=None)
    form = staff.get(reverse("admin:meetings_silenceprocedure_add")).context["form"]
    assert list(form.fields["minutes"].queryset) == [circulated]
    assert list(form.fields["recommendation"].queryset) == [draft]
    assert approved not in form.fields["minutes"].queryset and adopted not in form.fields["recommendation"].queryset


def test_the_secretariat_withdraws_a_procedure_and_sees_its_break(staff, circulated, wg_a_member, secretariat):
    broken = SilenceProcedureFactory(minutes=circulated)
    services.break_silence(procedure=broken, by=wg_a_member, reason="REASON-IN-ADMIN")
    running = SilenceProcedureFactory(minutes=circulated)
    response = _action(staff, "meetings_silenceprocedure", "withdraw", [running.pk, broken.pk])
    notes = " ".join(_messages(response))
    assert "1 silence procedure withdrawn" in notes and "already been broken" in notes
    assert SilenceProcedure.objects.get(pk=running.pk).status == SilenceProcedure.Status.WITHDRAWN
    page = staff.get(reverse("admin:meetings_silenceprocedure_change", args=[broken.pk])).content.decode()
    assert "REASON-IN-ADMIN" in page
    listing = staff.get(reverse("admin:meetings_silenceprocedure_changelist") + "?text=minutes").content.decode()
    assert wg_a_member.member.full_name in listing


def test_minutes_under_silence_are_read_only_in_the_admin(staff, circulated):
    url = reverse("admin:meetings_minutes_change", args=[circulated.pk])
    assert "text" in staff.get(url).context["adminform"].form.fields
    SilenceProcedureFactory(minutes=circulated)
    page = staff.get(url)
    assert "text" not in page.context["adminform"].form.fields
    assert "under a silence procedure until" in page.content.decode()


def test_a_recommendation_under_silence_is_read_only_in_the_admin(staff, group_a):
    draft = RecommendationFactory(group=group_a, status=Recommendation.Status.DRAFT, adopted_on=None)
    url = reverse("admin:workinggroups_recommendation_change", args=[draft.pk])
    page = staff.get(url)
    assert "title_en" in page.context["adminform"].form.fields
    assert f"?recommendation={draft.pk}" in page.content.decode()  # Put under silence; forward.
    response = _action(staff, "workinggroups_recommendation", "put_under_silence", [draft.pk])
    assert response["Location"].endswith(f"?recommendation={draft.pk}")
    SilenceProcedureFactory(minutes=None, recommendation=draft)
    fields = staff.get(url).context["adminform"].form.fields
    assert not {"title_en", "text_en", "status"} & set(fields)


# --- Forwarded matters ---------------------------------------------------------------------------------------


@pytest.fixture
def source(group_a):
    start = timezone.now() - 5 * DAYS
    meeting = MeetingFactory(body=group_a, level=Level.GROUP, starts_at=start, ends_at=start + DAYS / 8)
    return AgendaItemFactory(meeting=meeting, level=Level.GROUP, title="Source item")


@pytest.fixture
def committee_meetings(executive):
    start = timezone.now() + 7 * DAYS
    return [
        MeetingFactory(body=executive, title="Committee next", starts_at=start, ends_at=start + DAYS / 8),
        MeetingFactory(body=executive, title="Committee later", starts_at=start + 30 * DAYS, ends_at=start + 31 * DAYS),
    ]


def test_the_secretariat_forwards_an_agenda_item(staff, source, group_a):
    response = _action(staff, "meetings_agendaitem", "forward", [source.pk])
    assert response["Location"].endswith(f"?source_item={source.pk}")
    assert staff.get(response["Location"]).status_code == 200
    response = staff.post(
        response["Location"],
        {"source_item": source.pk, "forwarded_on": f"{timezone.localdate():%Y-%m-%d}", "note": "Decide, please."},
    )
    assert response.status_code == 302
    matter = ForwardedMatter.objects.get()
    assert (matter.source_item, matter.forwarded_by, matter.note) == (source, group_a, "Decide, please.")
    again = staff.post(reverse("admin:meetings_forwardedmatter_add"), {"source_item": source.pk, "forwarded_on": ""})
    assert again.status_code == 200 and "errornote" in again.content.decode()


def test_placing_asks_which_committee_meeting_then_places(staff, source, committee_meetings):
    matter = ForwardedMatterFactory(source_item=source)
    confirm = _action(staff, "meetings_forwardedmatter", "place", [matter.pk])
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "Committee next" in html and "Committee later" in html and "Source item" in html
    assert confirm.context["form"].initial["meeting"] == committee_meetings[0]
    response = _action(
        staff, "meetings_forwardedmatter", "place", [matter.pk], apply="1", meeting=committee_meetings[1].pk
    )
    assert response.status_code == 302
    matter.refresh_from_db()
    assert matter.placed_item.meeting == committee_meetings[1]
    assert "placed on the agenda of Committee later" in " ".join(_messages(response))
    # The agenda item's own page says where it came from.
    item_page = staff.get(reverse("admin:meetings_agendaitem_change", args=[matter.placed_item_id])).content.decode()
    assert (
        "Forwarded by" in item_page and reverse("admin:meetings_forwardedmatter_change", args=[matter.pk]) in item_page
    )


def test_placing_without_a_committee_meeting_to_come_says_so(staff, source, executive):
    matter = ForwardedMatterFactory(source_item=source)
    response = _action(staff, "meetings_forwardedmatter", "place", [matter.pk])
    assert response.status_code == 302 and "no meeting to come" in " ".join(_messages(response))


def test_the_decision_is_recorded_on_its_own_page(staff, source, secretariat, committee_meetings):
    matter = ForwardedMatterFactory(source_item=source)
    item = services.place_forwarded_matter(matter=matter, by=secretariat)
    url = reverse("admin:meetings_forwardedmatter_decision", args=[matter.pk])
    assert _action(staff, "meetings_forwardedmatter", "decide", [matter.pk])["Location"] == url
    early = staff.post(url, {"decision": "Agreed."})
    assert early.status_code == 400 and "has not met on it yet" in early.content.decode()
    Meeting.objects.filter(pk=item.meeting_id).update(starts_at=timezone.now() - DAYS)
    assert staff.post(url, {"decision": ""}).status_code == 400
    assert staff.post(url, {"decision": "Agreed."}).status_code == 302
    matter.refresh_from_db()
    assert (matter.status, matter.decision) == (ForwardedMatter.Status.DECIDED, "Agreed.")


def test_the_note_is_edited_with_the_version_check_and_the_steps_are_not(staff, source):
    matter = ForwardedMatterFactory(source_item=source)
    url = reverse("admin:meetings_forwardedmatter_change", args=[matter.pk])
    page = staff.get(url)
    assert set(page.context["adminform"].form.fields) == {"note", "loaded_version"}
    data = change_page_data(page)
    data["note"] = "A clearer note."
    assert staff.post(url, data).status_code == 302
    assert ForwardedMatter.objects.get(pk=matter.pk).note == "A clearer note."
    stale = staff.post(url, data | {"note": "From the old page."})
    assert stale.status_code == 200 and "Someone else saved this record" in stale.content.decode()


def test_forwarded_matters_are_withdrawn_not_deleted(staff, source):
    matter = ForwardedMatterFactory(source_item=source)
    response = _action(staff, "meetings_forwardedmatter", "withdraw", [matter.pk])
    assert "1 matter withdrawn" in " ".join(_messages(response))
    assert staff.get(reverse("admin:meetings_forwardedmatter_delete", args=[matter.pk])).status_code == 403
