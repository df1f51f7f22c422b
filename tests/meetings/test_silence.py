"""The silence procedure: who it concerns, who may break it, and a text adopted at its deadline exactly once."""

from __future__ import annotations

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from meetings import access, services
from meetings.models import Level, Minutes, SilenceBreak, SilenceProcedure
from members.models import Member
from tests.conftest import PERSONAS
from tests.factories import (
    MeetingFactory,
    MemberFactory,
    MembershipFactory,
    MinutesFactory,
    OrganizationFactory,
    ParticipationFactory,
    RecommendationFactory,
    SilenceProcedureFactory,
    UserFactory,
)
from workinggroups.models import Membership, Recommendation

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Simultaneous runs need a server database; SQLite writes one at a time."
)
DAYS = datetime.timedelta(days=1)


@pytest.fixture
def meeting(group_a, wg_c_member):
    """A held group (a) meeting; the member of group (c) was a named participant."""
    start = timezone.now() - 10 * DAYS
    meeting = MeetingFactory(
        body=group_a, level=Level.GROUP, starts_at=start, ends_at=start + datetime.timedelta(hours=3)
    )
    ParticipationFactory(meeting=meeting, member=wg_c_member.member)
    return meeting


@pytest.fixture
def circulated(meeting, wg_a_member):
    """Circulated group-level minutes, which concern at least the member of group (a)."""
    return MinutesFactory(meeting=meeting, status=Minutes.Status.CIRCULATED, level=Level.GROUP, text="SILENT TEXT")


@pytest.fixture
def draft(group_a):
    return RecommendationFactory(group=group_a, status=Recommendation.Status.DRAFT, adopted_on=None, title="Draft")


def _start(secretariat, *, days: int = 3, **text) -> SilenceProcedure:
    with _mails_sent():
        return services.start_silence(by=secretariat, deadline=timezone.now() + days * DAYS, **text)


def _mails_sent():
    """Run on-commit callbacks (the e-mails) at the end of the block, as a committed transaction would."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def _past_deadline(procedure: SilenceProcedure, *, hours: int = 1) -> SilenceProcedure:
    """Move a procedure's deadline into the past, as if the days had gone by."""
    deadline = timezone.now() - datetime.timedelta(hours=hours)
    SilenceProcedure.objects.filter(pk=procedure.pk).update(started_at=deadline - 3 * DAYS, deadline=deadline)
    procedure.refresh_from_db()
    return procedure


# --- Who it concerns ---------------------------------------------------------------------------


# The body's members, and the member of (c) named on the meeting: invited, they read its group minutes (issue 9).
MAY_BREAK_MINUTES = {"wg_a_member", "chair", "wg_c_member"}
MAY_BREAK_RECOMMENDATION = {"partner", "wg_a_member", "wg_c_member", "exec_member", "chair"}


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_members_of_the_body_may_break_silence_on_group_minutes(persona, circulated, secretariat, request):
    procedure = SilenceProcedureFactory(minutes=circulated, started_by=secretariat)
    name = request.node.callspec.params["persona"]
    assert access.may_break_silence(persona, procedure) is (name in MAY_BREAK_MINUTES)
    # Whoever may break silence may read the text: the policy shows it to them while the procedure is open.
    readable = Minutes.objects.visible_to(persona).filter(pk=circulated.pk).exists()
    assert readable is (name in MAY_BREAK_MINUTES | {"secretariat"})


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_on_restricted_minutes_only_the_named_participants_may_break_silence(persona, meeting, secretariat, request):
    meeting.level = Level.RESTRICTED  # A closed session to which the member of group (c) was invited.
    meeting.save()
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.CIRCULATED, level=Level.RESTRICTED)
    procedure = SilenceProcedureFactory(minutes=minutes, started_by=secretariat)
    name = request.node.callspec.params["persona"]
    assert access.may_break_silence(persona, procedure) is (name == "wg_c_member")


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_every_representative_may_break_silence_on_a_recommendation(persona, draft, secretariat, request):
    procedure = SilenceProcedureFactory(minutes=None, recommendation=draft, started_by=secretariat)
    name = request.node.callspec.params["persona"]
    assert access.may_break_silence(persona, procedure) is (name in MAY_BREAK_RECOMMENDATION)
    readable = access.visible_recommendations(persona).filter(pk=draft.pk).exists()
    assert readable is (name in MAY_BREAK_RECOMMENDATION | {"secretariat"})


def test_observers_practitioners_and_people_representing_no_one_may_not_break_silence(draft, group_a):
    procedure = SilenceProcedureFactory(minutes=None, recommendation=draft)
    observer = MemberFactory(user=UserFactory(username="observer"), kind=Member.Kind.OBSERVER)
    practitioner = MemberFactory(user=UserFactory(username="practitioner"), kind=Member.Kind.PRACTITIONER)
    MembershipFactory(member=practitioner, group=group_a)  # A seat lets them read the draft, not object to it.
    stateless = MemberFactory(
        user=UserFactory(username="stateless"), country=None, organization=OrganizationFactory(partner_role="")
    )
    partner_staff = MemberFactory(
        user=UserFactory(username="partner-staff"),
        country=None,
        kind=Member.Kind.PARTNER_REPRESENTATIVE,
        organization=OrganizationFactory(partner_role="partner"),
    )
    assert not access.may_break_silence(observer.user, procedure)
    assert not access.may_break_silence(practitioner.user, procedure)
    assert access.visible_recommendations(practitioner.user).filter(pk=draft.pk).exists()
    assert not access.may_break_silence(stateless.user, procedure)
    assert access.may_break_silence(partner_staff.user, procedure)


def test_without_a_procedure_members_do_not_see_circulated_minutes(circulated, wg_a_member, chair):
    assert not Minutes.objects.visible_to(wg_a_member).filter(pk=circulated.pk).exists()
    assert Minutes.objects.visible_to(chair).filter(pk=circulated.pk).exists()  # Chairs review them.


def test_a_draft_without_a_procedure_is_its_bodys_and_the_committees(draft, partner, wg_c_member, exec_member):
    assert not access.visible_recommendations(partner).filter(pk=draft.pk).exists()
    assert not access.visible_recommendations(wg_c_member).filter(pk=draft.pk).exists()
    assert access.visible_recommendations(exec_member).filter(pk=draft.pk).exists()


def test_a_closed_procedure_lets_nobody_break_it(circulated, wg_a_member):
    procedure = SilenceProcedureFactory(minutes=circulated)
    _past_deadline(procedure)
    assert not access.may_break_silence(wg_a_member, procedure)


# --- Starting ----------------------------------------------------------------------------------------


def test_starting_tells_everyone_concerned_and_says_who_cannot_be_reached(
    circulated, secretariat, wg_a_member, chair, wg_c_member
):
    no_account = MemberFactory(user=None, first_name="Unreachable")
    MembershipFactory(member=no_account, group=circulated.meeting.body)
    procedure = _start(secretariat, minutes=circulated)
    assert procedure.status == SilenceProcedure.Status.OPEN
    concerned = [wg_a_member.member.email, chair.member.email, wg_c_member.member.email]  # (c): a named participant.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(concerned)
    assert all("Under silence procedure" in m.subject for m in mail.outbox)
    reachable, unreachable = services.notifications.silence_audience(procedure)
    assert {p.user for p in reachable} == {wg_a_member, chair, wg_c_member}
    assert unreachable == [no_account]


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (Minutes.Status.APPROVED, "already approved"),
        (Minutes.Status.DRAFT, "Circulate the minutes"),
    ],
)
def test_only_circulated_minutes_go_under_silence(meeting, secretariat, status, message):
    minutes = MinutesFactory(meeting=meeting, status=status)
    with pytest.raises(services.WorkflowError, match=message):
        _start(secretariat, minutes=minutes)
    assert not SilenceProcedure.objects.exists()


def test_a_text_goes_under_silence_once_at_a_time(circulated, secretariat):
    _start(secretariat, minutes=circulated)
    with pytest.raises(services.WorkflowError, match="already under a silence procedure"):
        _start(secretariat, minutes=circulated)
    # The database says so too.
    with pytest.raises(IntegrityError), transaction.atomic():
        SilenceProcedure.objects.create(minutes=circulated, deadline=timezone.now() + 5 * DAYS)


def test_a_procedure_is_about_exactly_one_text(circulated, draft, secretariat):
    with pytest.raises(services.WorkflowError, match="either"):
        _start(secretariat, minutes=circulated, recommendation=draft)
    with pytest.raises(services.WorkflowError, match="either"):
        _start(secretariat)
    with pytest.raises(IntegrityError), transaction.atomic():
        SilenceProcedure.objects.create(minutes=circulated, recommendation=draft, deadline=timezone.now() + 5 * DAYS)


def test_the_deadline_leaves_those_concerned_a_day_and_carries_its_zone(circulated, secretariat):
    with pytest.raises(services.WorkflowError, match="24 hours"):
        _start(secretariat, minutes=circulated, days=0)
    with pytest.raises(services.WorkflowError, match="24 hours"):
        services.start_silence(by=secretariat, minutes=circulated, deadline=timezone.now() - DAYS)
    with pytest.raises(services.WorkflowError, match="time zone"):
        services.start_silence(
            by=secretariat,
            minutes=circulated,
            deadline=datetime.datetime(2030, 1, 1, 12),  # noqa: DTZ001
        )


def test_a_text_nobody_could_object_to_does_not_go_under_silence(meeting, secretariat):
    # Restricted minutes of a meeting whose only participant has no account: nobody could read them.
    meeting.participations.all().delete()
    meeting.level = Level.RESTRICTED
    meeting.save()
    ParticipationFactory(meeting=meeting, member=MemberFactory(user=None))
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.CIRCULATED, level=Level.RESTRICTED)
    with pytest.raises(services.WorkflowError, match="nobody could object"):
        _start(secretariat, minutes=minutes)


def test_only_a_draft_recommendation_goes_under_silence(group_a, secretariat):
    adopted = RecommendationFactory(group=group_a)
    with pytest.raises(services.WorkflowError, match="draft"):
        _start(secretariat, recommendation=adopted)


def test_minutes_under_silence_cannot_be_recirculated_or_approved(circulated, secretariat, chair):
    _start(secretariat, minutes=circulated)
    with pytest.raises(services.WorkflowError, match="silence procedure"):
        services.circulate_minutes(minutes=circulated, by=secretariat)
    with pytest.raises(services.WorkflowError, match="silence procedure"):
        services.approve_minutes(minutes=circulated, by=chair)


# --- Breaking ------------------------------------------------------------------------------------------


def test_a_break_stops_the_procedure_records_who_when_why_and_tells_the_secretariat_and_chairs(
    circulated, secretariat, wg_a_member, chair
):
    procedure = _start(secretariat, minutes=circulated)
    mail.outbox.clear()
    with _mails_sent():
        objection = services.break_silence(procedure=procedure, by=wg_a_member, reason="  Item 3 is wrong.  ")
    procedure.refresh_from_db()
    assert procedure.status == SilenceProcedure.Status.BROKEN and procedure.closed_at is not None
    assert (objection.member, objection.reason) == (wg_a_member.member, "Item 3 is wrong.")
    assert abs(objection.broken_at - timezone.now()) < datetime.timedelta(minutes=1)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([chair.member.email, secretariat.email])
    assert all("Item 3 is wrong." in m.body and wg_a_member.member.full_name in m.body for m in mail.outbox)
    circulated.refresh_from_db()
    assert circulated.status == Minutes.Status.CIRCULATED  # Not adopted; approved at a meeting later, perhaps.
    services.approve_minutes(minutes=circulated, by=chair)


def test_breaking_needs_a_reason(circulated, secretariat, wg_a_member):
    procedure = _start(secretariat, minutes=circulated)
    with pytest.raises(services.WorkflowError, match="Say why"):
        services.break_silence(procedure=procedure, by=wg_a_member, reason="   ")
    assert SilenceProcedure.objects.get(pk=procedure.pk).is_open


def test_silence_cannot_be_broken_after_the_deadline(circulated, secretariat, wg_a_member):
    procedure = _past_deadline(_start(secretariat, minutes=circulated))
    with pytest.raises(services.WorkflowError, match="deadline has passed"):
        services.break_silence(procedure=procedure, by=wg_a_member, reason="Too late.")
    assert not SilenceBreak.objects.exists()


def test_silence_is_broken_once_and_only_by_those_concerned(circulated, secretariat, wg_a_member, chair, exec_member):
    procedure = _start(secretariat, minutes=circulated)
    with pytest.raises(services.WorkflowError, match="does not concern you"):
        services.break_silence(procedure=procedure, by=exec_member, reason="Not mine to break.")
    with pytest.raises(services.WorkflowError, match="does not concern you"):
        services.break_silence(procedure=procedure, by=secretariat, reason="The secretariat runs it.")
    services.break_silence(procedure=procedure, by=wg_a_member, reason="First.")
    with pytest.raises(services.WorkflowError, match="already been broken"):
        services.break_silence(procedure=procedure, by=chair, reason="Second.")
    assert SilenceBreak.objects.count() == 1


def test_a_withdrawn_procedure_cannot_be_broken_and_tells_those_concerned(circulated, secretariat, wg_a_member):
    procedure = _start(secretariat, minutes=circulated)
    mail.outbox.clear()
    with _mails_sent():
        services.withdraw_silence(procedure=procedure, by=secretariat)
    assert {m.subject for m in mail.outbox} == {f"[REC] Silence procedure withdrawn: {circulated}"}
    procedure.refresh_from_db()
    assert (procedure.status, procedure.closed_by) == (SilenceProcedure.Status.WITHDRAWN, secretariat)
    with pytest.raises(services.WorkflowError, match="withdrawn"):
        services.break_silence(procedure=procedure, by=wg_a_member, reason="Late.")
    with pytest.raises(services.WorkflowError, match="withdrawn"):
        services.withdraw_silence(procedure=procedure, by=secretariat)


# --- Closing at the deadline ---------------------------------------------------------------------------------


def test_unbroken_minutes_are_adopted_at_the_deadline_by_the_procedure(circulated, secretariat, wg_a_member, chair):
    procedure = _past_deadline(_start(secretariat, minutes=circulated), hours=5)
    mail.outbox.clear()
    with _mails_sent():
        adopted = services.close_due_silence_procedures()
    assert adopted == [procedure]
    circulated.refresh_from_db()
    procedure.refresh_from_db()
    assert circulated.status == Minutes.Status.APPROVED
    assert circulated.approved_by is None and circulated.approved_at == procedure.deadline  # At the deadline.
    assert procedure.status == SilenceProcedure.Status.ADOPTED and procedure.closed_at is not None
    assert circulated.history.first().history_change_reason == f"adopted by silence procedure {procedure.pk}"
    assert len(mail.outbox) == 3 and all("Adopted by silence procedure" in m.subject for m in mail.outbox)
    # Adopted minutes are frozen like any approved ones.
    with pytest.raises(IntegrityError), transaction.atomic():
        Minutes.objects.filter(pk=circulated.pk).update(text="Changed after adoption.")


def test_a_recommendation_is_adopted_on_the_deadlines_day_in_the_councils_zone(draft, secretariat, partner):
    procedure = _start(secretariat, recommendation=draft)
    # 20:30 UTC is already the next day in Tashkent (UTC+5).
    deadline = (timezone.now() - DAYS).replace(hour=20, minute=30, second=0, microsecond=0)
    SilenceProcedure.objects.filter(pk=procedure.pk).update(started_at=deadline - 3 * DAYS, deadline=deadline)
    mail.outbox.clear()
    with _mails_sent():
        services.close_due_silence_procedures()
    draft.refresh_from_db()
    assert draft.status == Recommendation.Status.ADOPTED
    assert draft.adopted_on == deadline.date() + DAYS and draft.adopted_at is None
    assert partner.member.email in {m.to[0] for m in mail.outbox}


def test_the_job_leaves_open_procedures_before_their_deadline_and_broken_ones(circulated, draft, secretariat, partner):
    _start(secretariat, minutes=circulated)
    broken = _start(secretariat, recommendation=draft)
    services.break_silence(procedure=broken, by=partner, reason="We object.")
    _past_deadline(broken)
    assert services.close_due_silence_procedures() == []
    circulated.refresh_from_db()
    draft.refresh_from_db()
    assert (circulated.status, draft.status) == (Minutes.Status.CIRCULATED, Recommendation.Status.DRAFT)


def test_running_the_job_twice_adopts_once_and_mails_once(circulated, secretariat, wg_a_member, chair):
    _past_deadline(_start(secretariat, minutes=circulated))
    mail.outbox.clear()
    out = StringIO()
    with _mails_sent():
        call_command("close_silence_procedures", stdout=out)
        call_command("close_silence_procedures", stdout=out)
    assert "1 silence procedure(s) closed" in out.getvalue() and "0 silence procedure(s) closed" in out.getvalue()
    assert len(mail.outbox) == 3  # One notice to each of the three people concerned, once.
    assert Minutes.objects.get(pk=circulated.pk).status == Minutes.Status.APPROVED


def test_a_text_changed_around_the_services_is_not_adopted(circulated, secretariat, caplog):
    procedure = _past_deadline(_start(secretariat, minutes=circulated))
    Minutes.objects.filter(pk=circulated.pk).update(status=Minutes.Status.DRAFT)
    assert services.close_due_silence_procedures() == []
    procedure.refresh_from_db()
    assert procedure.status == SilenceProcedure.Status.WITHDRAWN
    assert Minutes.objects.get(pk=circulated.pk).status == Minutes.Status.DRAFT
    assert "could no longer be adopted" in caplog.text


def test_the_notices_speak_each_persons_language_and_give_the_deadline_in_both_zones(
    circulated, secretariat, wg_a_member, chair
):
    person = wg_a_member.member
    person.preferred_language, person.time_zone = "ru", "Europe/Moscow"
    person.save()
    deadline = datetime.datetime(2031, 3, 12, 13, 0, tzinfo=datetime.UTC)  # 18:00 in Tashkent, 16:00 in Moscow.
    with _mails_sent():
        services.start_silence(by=secretariat, minutes=circulated, deadline=deadline)
    (message,) = [m for m in mail.outbox if m.to == [person.email]]
    assert "марта 2031" in message.body  # Dates in Russian.
    assert "Секретариат" in message.body  # The signature, already translated.
    assert "/ru/meetings/" in message.body
    # The seat's time, then the person's own, each named by its city and never by its IANA id.
    assert "18:00" in message.body and "(UTC+5)" in message.body
    assert "16:00" in message.body and "(UTC+3)" in message.body
    assert "Asia/" not in message.body and "Europe/" not in message.body
    for english in [m for m in mail.outbox if m.to != [person.email]]:
        assert "March 2031" in english.body and "/en/meetings/" in english.body


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_simultaneous_runs_of_the_job_adopt_once_and_mail_once(group_a, wg_a_member, chair, secretariat):
    start = timezone.now() - 10 * DAYS
    meeting = MeetingFactory(body=group_a, level=Level.GROUP, starts_at=start, ends_at=start + DAYS / 8)
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.CIRCULATED)
    deadline = timezone.now() - datetime.timedelta(minutes=5)
    SilenceProcedure.objects.create(minutes=minutes, deadline=deadline, started_at=deadline - 3 * DAYS)
    runs = 6
    barrier = threading.Barrier(runs)

    def run(_n):
        try:
            barrier.wait()
            return len(services.close_due_silence_procedures())
        finally:
            connection.close()

    mail.outbox = []
    with ThreadPoolExecutor(max_workers=runs) as pool:
        adopted = list(pool.map(run, range(runs)))
    assert sum(adopted) == 1
    assert Minutes.objects.get(pk=minutes.pk).status == Minutes.Status.APPROVED
    assert sorted(m.to[0] for m in mail.outbox) == sorted([wg_a_member.member.email, chair.member.email])


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_break_racing_the_job_at_the_deadline_ends_the_procedure_one_way(group_a, wg_a_member, secretariat):
    start = timezone.now() - 10 * DAYS
    meeting = MeetingFactory(body=group_a, level=Level.GROUP, starts_at=start, ends_at=start + DAYS / 8)
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.CIRCULATED)
    procedure = SilenceProcedure.objects.create(
        minutes=minutes, deadline=timezone.now() + datetime.timedelta(seconds=2)
    )
    barrier = threading.Barrier(2)

    def job():
        try:
            barrier.wait()
            return services.close_due_silence_procedures(now=procedure.deadline)
        finally:
            connection.close()

    def objection():
        try:
            barrier.wait()
            return services.break_silence(procedure=procedure, by=wg_a_member, reason="Wait.")
        except services.WorkflowError as error:
            return error
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = [pool.submit(job), pool.submit(objection)]
        adopted, broke = (future.result() for future in results)
    procedure.refresh_from_db()
    minutes.refresh_from_db()
    if procedure.status == SilenceProcedure.Status.ADOPTED:
        assert adopted == [procedure] and isinstance(broke, services.WorkflowError)
        assert minutes.status == Minutes.Status.APPROVED and not SilenceBreak.objects.exists()
    else:
        assert procedure.status == SilenceProcedure.Status.BROKEN and adopted == []
        assert minutes.status == Minutes.Status.CIRCULATED and SilenceBreak.objects.count() == 1


# --- The members' pages ------------------------------------------------------------------------------


def _client(user) -> Client:
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    return client


def test_the_meeting_page_shows_the_procedure_and_the_form_to_those_concerned(circulated, secretariat, wg_a_member):
    procedure = SilenceProcedureFactory(minutes=circulated, started_by=secretariat)
    html = _client(wg_a_member).get(circulated.meeting.get_absolute_url()).content.decode()
    assert "Under silence procedure" in html and "SILENT TEXT" in html
    assert reverse("meetings:break_silence", args=[procedure.pk]) in html
    assert "Tashkent time (UTC+5)" in html and "(Asia/Tashkent)" not in html
    staff = _client(secretariat).get(circulated.meeting.get_absolute_url()).content.decode()
    assert "Under silence procedure" in staff and reverse("meetings:break_silence", args=[procedure.pk]) not in staff


def test_members_concerned_read_the_text_not_the_chairs_comments(circulated, chair, wg_a_member):
    services.comment_on_minutes(minutes=circulated, author=chair.member, text="CHAIRS-ONLY-COMMENT")
    SilenceProcedureFactory(minutes=circulated)
    member_page = _client(wg_a_member).get(circulated.meeting.get_absolute_url()).content.decode()
    assert "SILENT TEXT" in member_page and "CHAIRS-ONLY-COMMENT" not in member_page
    assert "CHAIRS-ONLY-COMMENT" in _client(chair).get(circulated.meeting.get_absolute_url()).content.decode()


def test_the_chairs_approve_button_waits_for_the_procedure(circulated, chair):
    SilenceProcedureFactory(minutes=circulated)
    html = _client(chair).get(circulated.meeting.get_absolute_url()).content.decode()
    assert reverse("meetings:minutes_approve", args=[circulated.meeting.slug]) not in html


def test_the_meeting_page_shows_a_break_and_a_silent_adoption(circulated, secretariat, wg_a_member, chair):
    procedure = SilenceProcedureFactory(minutes=circulated)
    services.break_silence(procedure=procedure, by=wg_a_member, reason="REASON-GIVEN")
    html = _client(chair).get(circulated.meeting.get_absolute_url()).content.decode()
    assert "Silence was broken by" in html and "REASON-GIVEN" in html
    _past_deadline(SilenceProcedureFactory(minutes=circulated, started_by=secretariat))
    services.close_due_silence_procedures()
    html = _client(wg_a_member).get(circulated.meeting.get_absolute_url()).content.decode()
    assert "by silence procedure" in html


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_breaking_silence_is_a_post_for_those_concerned_only(persona, circulated, request):
    procedure = SilenceProcedureFactory(minutes=circulated)
    name = request.node.callspec.params["persona"]
    url = reverse("meetings:break_silence", args=[procedure.pk])
    client = _client(persona)
    assert client.get(url).status_code == (302 if name == "anonymous" else 405)
    response = client.post(url, {"reason": "I object."})
    if name == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif name in MAY_BREAK_MINUTES:
        assert response.status_code == 302 and response["Location"].endswith("#minutes")
    elif name == "secretariat":
        assert response.status_code == 302  # May read it; told it does not concern them.
    else:
        assert response.status_code == 404  # May not read it: learns nothing.
    broken = SilenceProcedure.objects.get(pk=procedure.pk).status == SilenceProcedure.Status.BROKEN
    assert broken is (name in MAY_BREAK_MINUTES)


def test_a_refused_break_says_why(circulated, wg_a_member):
    procedure = _past_deadline(SilenceProcedureFactory(minutes=circulated))
    response = _client(wg_a_member).post(
        reverse("meetings:break_silence", args=[procedure.pk]), {"reason": "Late."}, follow=True
    )
    assert "The deadline has passed" in response.content.decode()
    assert response.status_code == 200 and not SilenceBreak.objects.exists()


def test_a_draft_under_silence_has_a_members_page_with_the_form(draft, partner, secretariat):
    procedure = SilenceProcedureFactory(minutes=None, recommendation=draft, started_by=secretariat)
    url = reverse("meetings:recommendation_draft", args=[draft.code])
    html = _client(partner).get(url).content.decode()
    assert draft.text in html and "Under silence procedure" in html
    response = _client(partner).post(reverse("meetings:break_silence", args=[procedure.pk]), {"reason": "No."})
    # Broken, the draft is again its body's and the Committee's alone: the partner is sent to their dashboard.
    assert response["Location"] == reverse("meetings:dashboard")
    assert _client(partner).get(url).status_code == 404
    assert "Silence was broken by" in _client(secretariat).get(url).content.decode()


def test_a_member_of_the_drafts_body_is_sent_back_to_it_after_breaking_silence(draft, wg_a_member):
    procedure = SilenceProcedureFactory(minutes=None, recommendation=draft)
    response = _client(wg_a_member).post(reverse("meetings:break_silence", args=[procedure.pk]), {"reason": "No."})
    assert response["Location"] == reverse("meetings:recommendation_draft", args=[draft.code]) + "#silence"


def test_an_adopted_recommendations_members_page_sends_to_the_public_page(group_a, wg_a_member):
    adopted = RecommendationFactory(group=group_a)
    response = _client(wg_a_member).get(reverse("meetings:recommendation_draft", args=[adopted.code]))
    assert response.status_code == 302 and response["Location"] == adopted.get_absolute_url()


def test_the_dashboard_lists_the_texts_i_may_still_object_to(circulated, draft, wg_a_member, partner):
    SilenceProcedureFactory(minutes=circulated)
    SilenceProcedureFactory(minutes=None, recommendation=draft)
    mine = _client(wg_a_member).get(reverse("meetings:dashboard")).content.decode()
    assert "Texts under silence procedure" in mine and str(circulated) in mine and draft.code in mine
    theirs = _client(partner).get(reverse("meetings:dashboard")).content.decode()
    assert str(circulated) not in theirs and draft.code in theirs


def test_the_pages_cost_the_same_queries_with_more_procedures(circulated, draft, wg_a_member, secretariat):
    from django.test.utils import CaptureQueriesContext

    SilenceProcedureFactory(minutes=circulated)
    SilenceProcedureFactory(minutes=None, recommendation=draft)
    client = _client(wg_a_member)
    urls = [
        circulated.meeting.get_absolute_url(),
        reverse("meetings:recommendation_draft", args=[draft.code]),
        reverse("meetings:dashboard"),
    ]
    for url in urls:
        client.get(url)

    def counts() -> list[int]:
        numbers = []
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            numbers.append(len(captured))
        return numbers

    before = counts()
    for n in range(4):
        other = MeetingFactory(body=circulated.meeting.body, level=Level.GROUP)
        SilenceProcedureFactory(minutes=MinutesFactory(meeting=other, status=Minutes.Status.CIRCULATED))
        recommendation = RecommendationFactory(group=draft.group, status="draft", adopted_on=None, code=f"REC-X-{n}")
        SilenceProcedureFactory(minutes=None, recommendation=recommendation)
    # Meeting page: 15 as ever (matters arising included), the procedure on the edition under review, may I
    # break it (2; the chairs' comments are the chairs'). Draft page: session, user, clearance (3), the
    # recommendation, its procedure, may I break it, its forwarding. Dashboard: 13 (the next 30 days among them).
    assert counts() == before == [17, 9, 13]


def test_seats_of_observers_do_not_make_anyone_concerned(circulated):
    observer = MemberFactory(user=UserFactory(username="seat-observer"))
    MembershipFactory(member=observer, group=circulated.meeting.body, role=Membership.Role.OBSERVER)
    procedure = SilenceProcedureFactory(minutes=circulated)
    assert not access.may_break_silence(observer.user, procedure)


def test_breaking_silence_needs_the_forms_csrf_token(circulated, wg_a_member):
    procedure = SilenceProcedureFactory(minutes=circulated)
    client = Client(enforce_csrf_checks=True)
    client.force_login(wg_a_member)
    response = client.post(reverse("meetings:break_silence", args=[procedure.pk]), {"reason": "Forged."})
    assert response.status_code == 403
    assert SilenceProcedure.objects.get(pk=procedure.pk).is_open
