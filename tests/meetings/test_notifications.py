"""E-mail notifications: invitations, changes, cancellations and minutes, in each person's language."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from icalendar import Calendar

from meetings import notifications, scheduling, services
from meetings.admin import MeetingAdmin
from meetings.models import Level, Meeting, Minutes, Participation
from members.models import Member
from tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    MemberFactory,
    MinutesFactory,
    ParticipationFactory,
    UserFactory,
)

# 10:00 in Tashkent on 14 May 2030.
STARTS = datetime.datetime(2030, 5, 14, 5, 0, tzinfo=datetime.UTC)


@pytest.fixture
def meeting(group_a):
    meeting = MeetingFactory(
        title="Spring meeting",
        body=group_a,
        starts_at=STARTS,
        ends_at=STARTS + datetime.timedelta(hours=3),
        online_url="https://video.example.org/spring-room",
        description="Closed description marker",
    )
    AgendaItemFactory(meeting=meeting, order=1, title="Group item", level=Level.GROUP)
    AgendaItemFactory(meeting=meeting, order=2, title="Public item", level=Level.PUBLIC)
    return meeting


def _ics(message) -> Calendar:
    (filename, content, mimetype), *_rest = message.attachments
    assert filename.endswith(".ics")
    return Calendar.from_ical(content), mimetype


def _member(user) -> Member:
    return Member.objects.get(user=user)


# --- Invitations ---------------------------------------------------------------------------


def test_invitations_go_to_those_not_yet_invited_and_are_recorded(committed, meeting, wg_a_member, chair, mailoutbox):
    fresh = ParticipationFactory(meeting=meeting, member=_member(wg_a_member))
    earlier = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
    ParticipationFactory(meeting=meeting, member=_member(chair), invited_at=earlier)
    assert committed(services.send_invitations, meeting=meeting, by=None) == 1
    fresh.refresh_from_db()
    assert fresh.invited_at is not None
    assert Participation.objects.get(member=_member(chair)).invited_at == earlier
    assert [m.to for m in mailoutbox] == [[_member(wg_a_member).email]]
    assert committed(services.send_invitations, meeting=meeting, by=None) == 0
    assert len(mailoutbox) == 1


def test_an_invitation_carries_the_meeting_and_its_online_link(committed, meeting, wg_a_member, mailoutbox):
    ParticipationFactory(meeting=meeting, member=_member(wg_a_member))
    committed(services.send_invitations, meeting=meeting, by=None)
    (message,) = mailoutbox
    assert message.subject == "[REC] Invitation: Spring meeting"
    assert "https://video.example.org/spring-room" in message.body
    assert "Secret street 1" in message.body  # The venue's address is for those invited.
    assert "Group item" in message.body
    assert f"/en/meetings/{meeting.slug}/" in message.body
    calendar, mimetype = _ics(message)
    assert mimetype.startswith("text/calendar; method=REQUEST")
    assert calendar["METHOD"] == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"meeting-{meeting.pk}@rec-portal"
    assert "spring-room" in str(event["DESCRIPTION"])
    assert str(event["ATTENDEE"]) == f"mailto:{_member(wg_a_member).email}"


def test_an_invited_guest_sees_only_what_the_policy_lets_them(committed, meeting, wg_c_member, mailoutbox):
    from tests.factories import MemberFactory

    ParticipationFactory(meeting=meeting, member=_member(wg_c_member))
    no_account = MemberFactory(user=None, email="guest@example.org")
    ParticipationFactory(meeting=meeting, member=no_account)
    committed(services.send_invitations, meeting=meeting, by=None)
    guest, blind = sorted(mailoutbox, key=lambda m: m.to[0] == no_account.email)
    # A group-level meeting of another body: invited, the guest reads it as its body does (issue 9).
    everything = guest.body + _ics(guest)[0].to_ical().decode()
    assert "Public item" in everything and "Group item" in everything
    assert "Closed description marker" in everything
    assert "spring-room" in everything
    # Without an account the policy knows no one: told when, where and how to join, no more.
    everything = blind.body + _ics(blind)[0].to_ical().decode()
    assert "Group item" not in everything
    assert "Closed description marker" not in everything
    assert "spring-room" in everything  # Invited, so they get the link to join.


def test_no_mail_to_those_who_opted_out_left_or_have_no_address(committed, meeting, group_a, mailoutbox):
    quiet = MemberFactory(notify_invitations=False)
    gone = MemberFactory(is_active=False)
    silent = MemberFactory(email="")
    for person in (quiet, gone, silent):
        ParticipationFactory(meeting=meeting, member=person)
    assert committed(services.send_invitations, meeting=meeting, by=None) == 2  # Not the person who left.
    assert mailoutbox == []
    assert Participation.objects.get(member=gone).invited_at is None


def test_mail_speaks_the_recipients_language_and_time_zone(committed, meeting, mailoutbox):
    russian = MemberFactory(preferred_language="ru", time_zone="Asia/Almaty", email="ru@example.org")
    english = MemberFactory(preferred_language="en", email="en@example.org")
    for person in (russian, english):
        ParticipationFactory(meeting=meeting, member=person)
    committed(services.send_invitations, meeting=meeting, by=None)
    mails = {m.to[0]: m for m in mailoutbox}
    # Django's own Russian formats prove the message was rendered under translation.override("ru").
    assert "14 мая 2030" in mails["ru@example.org"].body
    assert "/ru/meetings/" in mails["ru@example.org"].body
    # Almaty's clock reads Tashkent's in 2030: the time is given once, the venue's.
    assert "10:00" in mails["ru@example.org"].body and "yours" not in mails["ru@example.org"].body
    assert "14 May 2030, 10:00 Tashkent time (UTC+5)" in mails["en@example.org"].body
    assert not any("Asia/" in m.body for m in mailoutbox)
    assert "/en/meetings/" in mails["en@example.org"].body
    assert all(m.subject.startswith("[REC] ") for m in mailoutbox)


def test_rendering_happens_inside_translation_override(committed, meeting, monkeypatch, mailoutbox):
    from django.utils import translation

    seen = []
    real = translation.override

    def spy(language, *args, **kwargs):
        seen.append(language)
        return real(language, *args, **kwargs)

    monkeypatch.setattr(notifications.translation, "override", spy)
    ParticipationFactory(meeting=meeting, member=MemberFactory(preferred_language="uz"))
    committed(services.send_invitations, meeting=meeting, by=None)
    assert seen == ["uz"]
    assert "/uz/meetings/" in mailoutbox[0].body


def test_the_admin_action_sends_invitations(
    client, secretariat, meeting, wg_a_member, mailoutbox, django_capture_on_commit_callbacks
):
    ParticipationFactory(meeting=meeting, member=_member(wg_a_member))
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/meetings/meeting/", {"action": "send_invitations", "_selected_action": [meeting.pk]}, follow=True
        )
    assert response.status_code == 200
    assert "1 participant invited." in response.content.decode()
    assert len(mailoutbox) == 1


# --- Meeting changes -----------------------------------------------------------------------


@pytest.fixture
def invited(meeting, wg_a_member, chair):
    """wg-a was invited; the chair is on the list but not invited yet."""
    ParticipationFactory(meeting=meeting, member=_member(wg_a_member), invited_at=STARTS)
    ParticipationFactory(meeting=meeting, member=_member(chair))
    return _member(wg_a_member)


def test_a_change_goes_to_invited_participants_only(committed, meeting, invited, mailoutbox):
    assert committed(notifications.notify_meeting_changed, meeting=meeting, changes=["starts_at", "venue"]) == 1
    (message,) = mailoutbox
    assert message.to == [invited.email]
    assert message.subject == "[REC] Changed: Spring meeting"
    assert "starts, venue" in message.body
    calendar, _mimetype = _ics(message)
    assert calendar["METHOD"] == "REQUEST"


def test_a_cancellation_cancels_the_calendar_event(committed, meeting, invited, mailoutbox):
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CANCELLED)
    committed(notifications.notify_meeting_changed, meeting=meeting, changes=["status"])
    (message,) = mailoutbox
    assert message.subject == "[REC] Cancelled: Spring meeting"
    calendar, mimetype = _ics(message)
    assert mimetype.startswith("text/calendar; method=CANCEL")
    assert calendar["METHOD"] == "CANCEL"
    (event,) = calendar.walk("VEVENT")
    assert event["STATUS"] == "CANCELLED"
    assert str(event["UID"]) == f"meeting-{meeting.pk}@rec-portal"


def test_those_who_opted_out_hear_of_no_change(committed, meeting, invited, mailoutbox):
    Member.objects.filter(pk=invited.pk).update(notify_meeting_changes=False)
    assert committed(notifications.notify_meeting_changed, meeting=meeting, changes=["starts_at"]) == 0
    assert mailoutbox == []


def _admin_save(meeting: Meeting, user) -> None:
    request = RequestFactory().post("/admin/")
    request.user = user
    MeetingAdmin(Meeting, site).save_model(request, meeting, form=None, change=True)


def test_saving_a_moved_meeting_in_the_admin_notifies_after_commit(
    meeting, invited, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    meeting.starts_at += datetime.timedelta(days=1)
    meeting.ends_at += datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _admin_save(meeting, secretariat)
    assert mailoutbox == []  # Nothing before the commit.
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    (message,) = mailoutbox
    assert "starts, ends" in message.body


def test_saving_without_a_notified_change_sends_nothing(
    meeting, invited, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    meeting.description = "New words"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _admin_save(meeting, secretariat)
    assert callbacks == []
    assert mailoutbox == []


def test_the_meeting_form_cannot_cancel_it_is_a_step_of_its_own(
    meeting, invited, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    meeting.status = Meeting.Status.CANCELLED
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.WorkflowError):
        _admin_save(meeting, secretariat)
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.cancel_meeting(meeting=meeting, by=secretariat, reason="No quorum")
    assert mailoutbox[0].subject.startswith("[REC] Cancelled")


# --- Minutes -------------------------------------------------------------------------------


@pytest.fixture
def draft(meeting):
    return MinutesFactory(meeting=meeting, status=Minutes.Status.DRAFT, level=Level.GROUP)


def test_circulated_minutes_go_to_the_bodys_chairs(
    draft, chair, wg_a_member, exec_member, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.circulate_minutes(minutes=draft, by=secretariat)
    assert [m.to for m in mailoutbox] == [[_member(chair).email]]
    assert mailoutbox[0].subject == "[REC] Draft minutes for your comments: Spring meeting"
    assert f"/en/meetings/{draft.meeting.slug}/#minutes" in mailoutbox[0].body


def test_approved_minutes_go_to_everyone_who_may_now_read_them(
    draft,
    meeting,
    chair,
    wg_a_member,
    wg_c_member,
    exec_member,
    inactive,
    secretariat,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    quiet = MemberFactory(user=UserFactory(username="quiet"), notify_minutes=False)
    ParticipationFactory(meeting=meeting, member=quiet)
    # A guest from another body: invited, they read the meeting's group minutes as its body does (issue 9).
    ParticipationFactory(meeting=meeting, member=_member(wg_c_member))
    services.circulate_minutes(minutes=draft, by=secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_minutes(minutes=draft, by=secretariat)
    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == sorted([_member(chair).email, _member(wg_a_member).email, _member(wg_c_member).email])
    assert all(m.subject == "[REC] Minutes approved: Spring meeting" for m in mailoutbox)


def test_restricted_minutes_reach_only_named_participants(
    draft, meeting, chair, wg_a_member, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    Minutes.objects.filter(pk=draft.pk).update(level=Level.RESTRICTED)
    ParticipationFactory(meeting=meeting, member=_member(wg_a_member))
    services.circulate_minutes(minutes=draft, by=secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_minutes(minutes=draft, by=secretariat)
    assert [m.to for m in mailoutbox] == [[_member(wg_a_member).email]]


def test_minutes_mail_never_carries_the_text(draft, chair, secretariat, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.circulate_minutes(minutes=draft, by=secretariat)
    assert "The meeting agreed." not in mailoutbox[0].body


def test_a_failed_step_sends_nothing(draft, chair, secretariat, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.WorkflowError):
        services.approve_minutes(minutes=draft, by=secretariat)  # Still a draft: cannot be approved.
    assert mailoutbox == []


def test_an_unknown_minutes_event_is_refused(draft):
    with pytest.raises(ValueError, match="Unknown"):
        notifications.notify_minutes(minutes=draft, event="deleted")


def test_a_queued_invitation_goes_to_no_one_taken_off_the_list_meanwhile(committed, meeting, wg_a_member, mailoutbox):
    from meetings import tasks

    person = _member(wg_a_member)
    participation = ParticipationFactory(meeting=meeting, member=person)
    participation.delete()  # Taken off the list after the invitation was queued, before the worker ran.
    committed(tasks.mail_invitations.func, meeting.pk, [person.pk])
    assert mailoutbox == []


def test_the_reason_for_a_cancellation_goes_only_to_those_who_may_see_the_meeting(
    committed, meeting, wg_a_member, mailoutbox
):
    ParticipationFactory(meeting=meeting, member=_member(wg_a_member), invited_at=STARTS)
    # Invited but unknown to the policy (no account): told of the cancellation, not why.
    outsider = MemberFactory(user=None, email="outsider@example.org")
    ParticipationFactory(meeting=meeting, member=outsider, invited_at=STARTS)
    committed(scheduling.cancel_meeting, meeting=meeting, by=None, reason="Reason marker")
    by_address = {message.to[0]: message for message in mailoutbox}
    assert "Reason marker" in by_address[_member(wg_a_member).email].body
    assert "Reason marker" not in by_address["outsider@example.org"].body
    assert "cancelled" in by_address["outsider@example.org"].body
