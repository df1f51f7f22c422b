"""No lost edit: saves made from a stale version are refused, atomically, with both versions shown."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from core.concurrency import StaleEdit
from meetings.models import AgendaItem, Level, Minutes
from tests.admin_forms import change_page_data, inline_prefix
from tests.factories import AgendaItemFactory, MeetingFactory, MinutesFactory, RecommendationFactory
from workinggroups.models import Recommendation

SAVES = 20
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Simultaneous saves need a server database; SQLite writes one at a time."
)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _at_once(jobs) -> list:
    """Run the jobs in threads released together; each closes its own database connection."""
    barrier = threading.Barrier(len(jobs))

    def run(job):
        try:
            barrier.wait()
            return job()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return list(pool.map(run, jobs))


def _outcome(responses) -> tuple[int, int]:
    saved = sum(1 for r in responses if r.status_code == 302)
    refused = sum(
        1 for r in responses if r.status_code == 200 and "Someone else saved this record" in r.content.decode()
    )
    return saved, refused


def _simultaneous_saves(secretariat, url: str, field: str, make_data=None):
    clients = [_client(secretariat) for _ in range(SAVES)]
    page = clients[0].get(url)
    texts = [f"Version number {n} of the text" for n in range(SAVES)]

    def job(n):
        data = change_page_data(page) if make_data is None else make_data(page, n)
        if make_data is None:
            data[field] = texts[n]
        return lambda: clients[n].post(url, data)

    return _at_once([job(n) for n in range(SAVES)]), texts


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_saves_of_minutes_from_one_version_keep_exactly_one(secretariat, group_a):
    minutes = MinutesFactory(meeting=MeetingFactory(body=group_a), status=Minutes.Status.DRAFT, text="Draft")
    before = minutes.history.count()
    responses, texts = _simultaneous_saves(
        secretariat, reverse("admin:meetings_minutes_change", args=[minutes.pk]), "text"
    )
    assert _outcome(responses) == (1, SAVES - 1)
    minutes.refresh_from_db()
    assert minutes.text in texts
    assert minutes.history.count() == before + 1
    assert minutes.history.first().text == minutes.text  # The history row came with the save.


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_saves_of_an_agenda_item_on_its_own_page_keep_exactly_one(secretariat, group_a):
    item = AgendaItemFactory(meeting=MeetingFactory(body=group_a), title="Opening")
    before = item.history.count()
    responses, texts = _simultaneous_saves(
        secretariat, reverse("admin:meetings_agendaitem_change", args=[item.pk]), "title_en"
    )
    assert _outcome(responses) == (1, SAVES - 1)
    item.refresh_from_db()
    assert item.title_en in texts
    assert item.history.count() == before + 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_saves_of_an_agenda_item_half_inline_half_on_its_page_keep_exactly_one(secretariat, group_a):
    meeting = MeetingFactory(body=group_a)
    item = AgendaItemFactory(meeting=meeting, title="Opening")
    before = item.history.count()
    meeting_url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    item_url = reverse("admin:meetings_agendaitem_change", args=[item.pk])
    clients = [_client(secretariat) for _ in range(SAVES)]
    meeting_page, item_page = clients[0].get(meeting_url), clients[0].get(item_url)
    prefix, _forms = inline_prefix(meeting_page, AgendaItem)
    texts = [f"Title {n}" for n in range(SAVES)]

    def job(n):
        if n % 2:
            data = change_page_data(item_page) | {"title_en": texts[n]}
            return lambda: clients[n].post(item_url, data)
        data = change_page_data(meeting_page) | {f"{prefix}-0-title_en": texts[n]}
        return lambda: clients[n].post(meeting_url, data)

    responses = _at_once([job(n) for n in range(SAVES)])
    saved, refused = _outcome(responses)
    assert (saved, refused) == (1, SAVES - 1)
    item.refresh_from_db()
    assert item.title_en in texts
    assert item.history.count() == before + 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_saves_of_a_recommendation_keep_exactly_one(secretariat, group_a):
    recommendation = RecommendationFactory(group=group_a)
    responses, texts = _simultaneous_saves(
        secretariat, reverse("admin:workinggroups_recommendation_change", args=[recommendation.pk]), "text_en"
    )
    assert _outcome(responses) == (1, SAVES - 1)
    assert Recommendation.objects.get(pk=recommendation.pk).text_en in texts


@pytest.mark.django_db
def test_a_stale_inline_row_is_refused_with_both_versions_side_by_side(client, secretariat, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    item = AgendaItemFactory(meeting=meeting, title="Opening")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    client.force_login(secretariat)
    page = client.get(url)
    prefix, _forms = inline_prefix(page, AgendaItem)
    # A colleague renames the item on its own page meanwhile.
    colleague = client.get(reverse("admin:meetings_agendaitem_change", args=[item.pk]))
    other = _client(secretariat)
    response = other.post(
        reverse("admin:meetings_agendaitem_change", args=[item.pk]),
        change_page_data(colleague) | {"title_en": "Their opening"},
    )
    assert response.status_code == 302

    response = client.post(url, change_page_data(page) | {f"{prefix}-0-title_en": "My opening"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved this record" in html
    assert "Their opening" in html and "My opening" in html  # Both versions, side by side.
    assert "Their version (saved)" in html
    item.refresh_from_db()
    assert item.title_en == "Their opening"


@pytest.mark.django_db
def test_after_a_refusal_the_form_carries_their_version_so_a_merged_save_goes_through(client, secretariat, group_a):
    item = AgendaItemFactory(meeting=MeetingFactory(body=group_a), title="Opening")
    url = reverse("admin:meetings_agendaitem_change", args=[item.pk])
    client.force_login(secretariat)
    page = client.get(url)
    AgendaItem.objects.filter(pk=item.pk).update(title_en="Theirs")  # Moves updated_at too? No: update() skips it.
    item.refresh_from_db()
    item.save()  # A real save renews the version.
    refused = client.post(url, change_page_data(page) | {"title_en": "Mine"})
    assert refused.status_code == 200
    assert "Theirs" in refused.content.decode()
    merged = change_page_data(refused) | {"title_en": "Theirs and mine"}
    assert client.post(url, merged).status_code == 302
    item.refresh_from_db()
    assert item.title_en == "Theirs and mine"


@pytest.mark.django_db
def test_the_conditional_update_refuses_a_stale_save_without_any_form(group_a):
    """The last guard, for paths without a row lock (SQLite) or without the form: nothing is written."""
    item = AgendaItemFactory(meeting=MeetingFactory(body=group_a), title="Opening")
    stale = AgendaItem.objects.get(pk=item.pk)
    item.title_en = "First"
    item.save()
    stale.title_en = "Second, from the old version"
    stale.expect_version(stale.updated_at)
    with pytest.raises(StaleEdit), transaction.atomic():
        stale.save()
    assert AgendaItem.objects.get(pk=item.pk).title_en == "First"


@pytest.mark.django_db
def test_every_admin_form_of_a_versioned_record_checks_the_version():
    from django.contrib import admin

    from core.concurrency import ConcurrentEditForm
    from core.models import TimeStampedModel

    unguarded = []
    for model, model_admin in admin.site._registry.items():
        # Comments on minutes are written by chairs in the members' area and read-only in the admin.
        if not issubclass(model, TimeStampedModel) or model._meta.model_name == "minutescomment":
            continue
        if not issubclass(model_admin.form, ConcurrentEditForm):
            unguarded.append(model._meta.label)
        unguarded += [
            f"{model._meta.label} inline {inline.model._meta.label}"
            for inline in model_admin.inlines
            if issubclass(inline.model, TimeStampedModel)
            and inline.model._meta.model_name != "minutescomment"
            and not issubclass(inline.form, ConcurrentEditForm)
        ]
    assert unguarded == []


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_tablets_marking_one_person_from_one_version_keep_exactly_one(secretariat, group_a):
    from meetings.models import Participation
    from tests.factories import ParticipationFactory

    row = ParticipationFactory(meeting=MeetingFactory(body=group_a))
    url = reverse("meetings:attendance_register", args=[row.meeting.slug])
    marks = ["in_person", "online", "absent", "excused"]
    clients = [_client(secretariat) for _ in range(SAVES)]
    loaded = {f"was-{row.pk}": "unknown", f"version-{row.pk}": row.updated_at.isoformat()}
    responses = _at_once(
        [lambda n=n: clients[n].post(url, {**loaded, f"status-{row.pk}": marks[n % 4]}) for n in range(SAVES)]
    )
    row.refresh_from_db()
    # One mark was kept; those who chose the same mark overwrote nothing, all others were refused.
    assert [r.status_code for r in responses] == [302 if marks[n % 4] == row.attendance else 409 for n in range(SAVES)]
    assert Participation.history.filter(id=row.pk).count() == 2  # Created, then the one mark kept.
