"""The secretariat's desk: the admin home lists this week's work, for those who may view it, in flat queries."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.desk import panels_for
from meetings.models import ActionItem, Level, Meeting, Minutes, PublicSummary
from news.models import NewsItem
from tests.factories import (
    ActionItemFactory,
    MeetingFactory,
    MinutesFactory,
    ParticipationFactory,
    PublicSummaryFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
HOME = reverse("admin:index")
DAY = datetime.timedelta(days=1)


def _week(n: int = 1) -> None:
    """Make `n` of every kind of work on the desk (and some that is not)."""
    now = timezone.now()
    for _ in range(n):
        soon = MeetingFactory(starts_at=now + 3 * DAY, title="Soon", title_ru="", level=Level.PUBLIC)
        ParticipationFactory(meeting=soon)  # not invited
        ParticipationFactory(meeting=soon, invited_at=now)  # invited, no reply
        MeetingFactory(starts_at=now + 30 * DAY)  # too far off for "coming up"
        held = MeetingFactory(starts_at=now - 10 * DAY, status=Meeting.Status.HELD)
        MinutesFactory(meeting=held, status=Minutes.Status.DRAFT)
        circulated = MeetingFactory(starts_at=now - 20 * DAY, status=Meeting.Status.HELD)
        MinutesFactory(meeting=circulated, status=Minutes.Status.CIRCULATED)
        approved = MeetingFactory(starts_at=now - 30 * DAY, status=Meeting.Status.HELD)
        MinutesFactory(meeting=approved)  # approved, no summary yet
        PublicSummaryFactory(status=PublicSummary.Status.REVIEWED, meeting__starts_at=now - 40 * DAY)
        ActionItemFactory(meeting=held, due_date=timezone.localdate() - DAY)  # overdue
        ActionItemFactory(
            meeting=held, due_date=timezone.localdate() - DAY, status=ActionItem.Status.DONE, completed_at=now
        )  # done: not overdue
        ActionItemFactory(meeting=held, due_date=timezone.localdate() + DAY)  # not yet due
        NewsItem.objects.create(title_en="Launch", slug=f"launch-{NewsItem.objects.count()}", lead_en="x", body_en="y")


def _counts(user) -> dict[str, int]:
    return {panel.key: panel.count for panel in panels_for(user)}


def test_the_desk_counts_each_kind_of_work(secretariat):
    _week(2)
    counts = _counts(secretariat)
    assert counts == {
        "upcoming": 2,
        "uninvited": 2,
        "replies": 2,
        "circulate": 2,
        "approve": 2,
        "summaries": 4,  # two reviewed to publish, two meetings with approved minutes to prepare from
        # Two upcoming public meetings without Russian, two summaries and two news items in English only.
        "translations": 2 + 2 + 2,
        "overdue": 2,
        "failed_emails": 0,
    }


def test_failed_emails_are_on_the_desk_and_sent_ones_are_not(secretariat):
    from mailqueue.models import OutboxMessage

    now = timezone.now()
    for status in (OutboxMessage.Status.FAILED, OutboxMessage.Status.SENT, OutboxMessage.Status.QUEUED):
        OutboxMessage.objects.create(
            status=status,
            subject=f"[REC] {status}",
            from_email="rec@example.org",
            to=["someone@example.org"],
            body="Text",
            message_id=f"<{status}@example.org>",
            available_at=now,
            last_attempt_at=now,
            sent_at=now if status == OutboxMessage.Status.SENT else None,
        )
    panels = {panel.key: panel for panel in panels_for(secretariat)}
    failed = panels["failed_emails"]
    assert failed.count == 1
    assert failed.rows[0].label == "[REC] failed"
    assert failed.rows[0].url == reverse(
        "admin:mailqueue_outboxmessage_change", args=[OutboxMessage.objects.failed().get().pk]
    )
    assert failed.url.endswith("?status=failed")


def test_each_row_links_to_its_admin_page(secretariat):
    _week()
    panels = {panel.key: panel for panel in panels_for(secretariat)}
    soon = Meeting.objects.get(title="Soon")
    assert panels["upcoming"].rows[0].url == reverse("admin:meetings_meeting_change", args=[soon.pk])
    assert "Tashkent time (UTC+5)" in panels["upcoming"].rows[0].note
    assert panels["uninvited"].rows[0].note.startswith("1 not invited")
    assert panels["uninvited"].url.endswith("?desk=uninvited")
    assert panels["overdue"].url.endswith("?overdue=yes")


def test_the_panels_lists_open_filtered(admin_client_desk):
    _week()
    for desk in ("upcoming", "uninvited", "replies", "summary", "translations"):
        response = admin_client_desk.get(reverse("admin:meetings_meeting_changelist"), {"desk": desk})
        assert response.status_code == 200, desk
        assert response.context["cl"].result_count == 1, desk
    overdue = next(p for p in panels_for(admin_client_desk.user) if p.key == "overdue")
    response = admin_client_desk.get(overdue.url)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
    for panel in panels_for(admin_client_desk.user):
        assert admin_client_desk.get(panel.url).status_code == 200, panel.key


@pytest.fixture
def admin_client_desk(client, secretariat):
    client.force_login(secretariat)
    client.user = secretariat
    return client


def test_the_home_shows_the_desk_then_every_record(admin_client_desk):
    _week()
    html = admin_client_desk.get(HOME).content.decode()
    assert html.index("This week's work") < html.index("All records") < html.index("app-meetings module")
    assert "Overdue actions" in html
    assert html.count("<h1") == 1


def test_a_staff_user_sees_only_the_panels_of_models_they_may_view(client):
    _week()
    clerk = UserFactory(username="clerk", is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="view_actionitem"))
    client.force_login(clerk)
    assert client.get(HOME).status_code == 200
    assert set(_counts(clerk)) == {"overdue"}


@pytest.mark.parametrize("persona", ["anonymous", "partner", "wg_a_member", "exec_member", "chair"], indirect=True)
def test_only_staff_reach_the_desk(client, persona):
    if persona.is_authenticated:
        client.force_login(persona)
    response = client.get(HOME)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_desk_costs_the_same_queries_however_much_work_there_is(admin_client_desk):
    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert admin_client_desk.get(HOME).status_code == 200
        return len(queries)

    _week(1)
    cost()  # The first request of the session stamps it; count from the second.
    few = cost()
    _week(5)
    # Session and user, the permissions, one query per panel source (12), recent actions.
    assert cost() == few
    assert few <= 19
