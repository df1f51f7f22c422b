"""Reminders: a week and a day before a meeting, before and after an action item's due date; twice run, once sent."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from mailqueue.models import SentReminder
from meetings import reminders
from meetings.models import ActionItem, Meeting, Participation
from members.models import Member
from tests.factories import ActionItemFactory, MeetingFactory, MemberFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db

Rsvp = Participation.Rsvp


def _person(name: str, **fields) -> Member:
    return MemberFactory(user=UserFactory(username=name), email=f"{name}@example.org", **fields)


@pytest.fixture
def meeting(group_a):
    return MeetingFactory(
        body=group_a,
        level="council",
        title="Planning",
        starts_at=timezone.now() + datetime.timedelta(days=6),
        ends_at=timezone.now() + datetime.timedelta(days=6, hours=3),
    )


@pytest.fixture
def invited(meeting):
    invited_at = timezone.now()
    people = {}
    for name, rsvp in [
        ("yes", Rsvp.ACCEPTED),
        ("maybe", Rsvp.TENTATIVE),
        ("silent", Rsvp.PENDING),
        ("no", Rsvp.DECLINED),
    ]:
        people[name] = _person(name)
        mode = "" if rsvp in {Rsvp.PENDING, Rsvp.DECLINED} else "online"
        ParticipationFactory(meeting=meeting, member=people[name], rsvp=rsvp, rsvp_mode=mode, invited_at=invited_at)
    people["quiet"] = _person("quiet", notify_reminders=False)
    ParticipationFactory(
        meeting=meeting, member=people["quiet"], rsvp=Rsvp.ACCEPTED, rsvp_mode="online", invited_at=invited_at
    )
    people["uninvited"] = _person("uninvited")
    ParticipationFactory(meeting=meeting, member=people["uninvited"], rsvp=Rsvp.PENDING)
    return people


def _to(mailoutbox) -> list[str]:
    return sorted(address.split("@")[0] for message in mailoutbox for address in message.to)


def test_meeting_reminders_go_to_the_invited_who_did_not_decline_and_want_them(meeting, invited, committed, mailoutbox):
    assert committed(reminders.remind_meetings) == 3
    assert _to(mailoutbox) == ["maybe", "silent", "yes"]
    assert all(message.subject == "[REC] In a week: Planning" for message in mailoutbox)
    assert "Planning" in mailoutbox[0].body


def test_reminders_run_twice_send_once(meeting, invited, committed, mailoutbox):
    committed(reminders.remind_meetings)
    assert committed(reminders.remind_meetings) == 0
    committed(call_command, "run_periodic_jobs")
    committed(call_command, "run_periodic_jobs", "meeting-reminders")
    assert len(mailoutbox) == 3
    assert SentReminder.objects.filter(kind="meeting").count() == 3


def test_a_day_before_comes_a_second_reminder_and_a_postponed_meeting_is_reminded_again(
    meeting, invited, committed, mailoutbox
):
    committed(reminders.remind_meetings)
    committed(reminders.remind_meetings, now=meeting.starts_at - datetime.timedelta(hours=20))
    assert [message.subject for message in mailoutbox].count("[REC] Tomorrow: Planning") == 3
    # Moved by a week: the new date is reminded of again; a cancelled meeting is not.
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at + datetime.timedelta(days=7), ends_at=meeting.ends_at + datetime.timedelta(days=7)
    )
    assert committed(reminders.remind_meetings, now=timezone.now() + datetime.timedelta(days=7)) == 3
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CANCELLED)
    assert committed(reminders.remind_meetings, now=timezone.now() + datetime.timedelta(days=12, hours=10)) == 0


def test_a_reminder_speaks_the_persons_language(meeting, invited, committed, mailoutbox):
    Member.objects.filter(pk=invited["yes"].pk).update(preferred_language="ru", time_zone="Europe/Moscow")
    committed(reminders.remind_meetings)
    (message,) = [m for m in mailoutbox if m.to == [invited["yes"].email]]
    assert not message.body.startswith("Dear")  # Russian, not the English default.
    # The venue's time and the person's own, each named by its offset and city, never by an IANA id.
    assert "(UTC+5)" in message.body and "(UTC+3)" in message.body
    assert "Asia/" not in message.body and "Europe/" not in message.body


# --- Action items ----------------------------------------------------------------------------


@pytest.fixture
def owner(group_a, wg_a_member):
    return Member.objects.get(user=wg_a_member)


def _item(owner, meeting, due: datetime.date, **fields) -> ActionItem:
    return ActionItemFactory(owner=owner, meeting=meeting, due_date=due, **{"level": "council", **fields})


def test_owners_are_reminded_before_the_due_date_and_weekly_once_overdue(owner, meeting, committed, mailoutbox):
    today = datetime.date(2030, 3, 10)
    soon = _item(owner, meeting, today + datetime.timedelta(days=2), title="Send the report")
    late = _item(owner, meeting, today - datetime.timedelta(days=1), title="Draft the plan")
    _item(owner, meeting, today + datetime.timedelta(days=10), title="Later")
    _item(
        owner,
        meeting,
        today - datetime.timedelta(days=3),
        title="Done",
        status=ActionItem.Status.DONE,
        completed_at=timezone.now(),
    )
    _item(MemberFactory(user=None), meeting, today, title="No account")
    assert committed(reminders.remind_action_items, today=today) == 2
    assert sorted(m.subject for m in mailoutbox) == ["[REC] Due soon: Send the report", "[REC] Overdue: Draft the plan"]
    # The same day again, and the next days: nothing new while nothing changes.
    for offset in (0, 0, 1, 2):
        assert committed(reminders.remind_action_items, today=today + datetime.timedelta(days=offset)) == 0
    # The day after its due date, the first item is overdue: one reminder.
    assert committed(reminders.remind_action_items, today=today + datetime.timedelta(days=3)) == 1
    assert mailoutbox[-1].subject == "[REC] Overdue: Send the report"
    assert soon.get_absolute_url() in mailoutbox[-1].body
    # A week after the second item fell due: its weekly reminder.
    assert committed(reminders.remind_action_items, today=today + datetime.timedelta(days=6)) == 1
    assert mailoutbox[-1].subject == "[REC] Overdue: Draft the plan"
    assert late.get_absolute_url() in mailoutbox[-1].body
    assert SentReminder.objects.filter(kind="action").count() == 4


def test_an_owner_who_opted_out_or_may_not_see_the_item_is_not_reminded(owner, group_a, committed, mailoutbox):
    today = datetime.date(2030, 3, 10)
    Member.objects.filter(pk=owner.pk).update(notify_reminders=False)
    meeting = MeetingFactory(body=group_a)
    _item(owner, meeting, today)
    stranger = _person("stranger")
    _item(stranger, MeetingFactory(body=group_a, level="group"), today, level="group")
    assert committed(reminders.remind_action_items, today=today) == 0
    assert mailoutbox == []


@pytest.mark.django_db(transaction=True)
def test_simultaneous_runs_of_the_reminders_send_once(group_a):
    """Four runs at once, each in its own connection: the unique log lets each reminder through once."""
    import threading

    from django.core import mail
    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("Concurrent transactions need PostgreSQL (SQLite serialises writers).")
    meeting = MeetingFactory(
        body=group_a,
        level="council",
        starts_at=timezone.now() + datetime.timedelta(days=3),
        ends_at=timezone.now() + datetime.timedelta(days=3, hours=2),
    )
    for n in range(5):
        ParticipationFactory(meeting=meeting, member=_person(f"p{n}"), invited_at=timezone.now())
    barrier = threading.Barrier(4)
    counts = []

    def run():
        try:
            barrier.wait()
            counts.append(reminders.remind_meetings())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 5
    assert sorted(address for message in mail.outbox for address in message.to) == [
        f"p{n}@example.org" for n in range(5)
    ]
    assert SentReminder.objects.count() == 5
