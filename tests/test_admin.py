"""The secretariat's back office: access, exact permissions, no escalation, workflows, no lost edits."""

from __future__ import annotations

import datetime
import hashlib
import zoneinfo

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.roles import SECRETARIAT_GROUP, secretariat_permissions
from meetings.models import Document, Level, Meeting, Minutes
from tests.factories import MeetingFactory, MinutesFactory, VenueFactory

ADMIN_MODELS = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label in {"accounts", "members", "workinggroups", "meetings", "news", "mailqueue"}
)
# Logs nobody may write by hand; current implementation statuses, which only reports change.
READ_ONLY = {
    ("meetings", "documentdownload"),
    ("meetings", "minutescomment"),
    ("meetings", "silencebreak"),
    ("workinggroups", "implementation"),
    ("mailqueue", "outboxmessage"),
    ("mailqueue", "sentreminder"),
}
INLINE_PREFIXES = ["agenda_items", "participations", "organizations", "documents", "action_items"]


def _empty_inlines() -> dict[str, str]:
    data = {}
    for prefix in INLINE_PREFIXES:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data


@pytest.mark.django_db
def test_the_secretariat_group_holds_exactly_the_domain_permissions(secretariat):
    held = set(
        secretariat.groups.get(name=SECRETARIAT_GROUP).permissions.values_list("content_type__app_label", "codename")
    )
    assert held == set(secretariat_permissions().values_list("content_type__app_label", "codename"))
    assert ("meetings", "change_meeting") in held
    assert ("meetings", "delete_document") in held
    assert ("meetings", "view_historicalmeeting") in held
    assert ("meetings", "change_historicalmeeting") not in held
    assert ("accounts", "change_user") in held
    assert ("accounts", "delete_user") not in held
    assert not any(app in {"auth", "contenttypes", "sessions", "admin"} for app, _ in held)


@pytest.mark.django_db
@pytest.mark.parametrize(("app_label", "model_name"), ADMIN_MODELS)
def test_the_secretariat_can_open_every_list_search_and_add_page(admin_pages_client, app_label, model_name):
    changelist = reverse(f"admin:{app_label}_{model_name}_changelist")
    assert admin_pages_client.get(changelist).status_code == 200
    assert admin_pages_client.get(changelist, {"q": "x" * 300}).status_code == 200
    # Django ignores an unknown ordering and, while the list fits on one page, the page number.
    assert admin_pages_client.get(changelist, {"o": "banana", "p": "-1"}).status_code == 200
    add = admin_pages_client.get(reverse(f"admin:{app_label}_{model_name}_add")).status_code
    assert add == (403 if (app_label, model_name) in READ_ONLY else 200)


@pytest.mark.django_db
@pytest.mark.parametrize(("app_label", "model_name"), ADMIN_MODELS)
def test_an_empty_or_garbled_add_form_gets_messages_not_a_500(admin_pages_client, app_label, model_name):
    if (app_label, model_name) in READ_ONLY:
        pytest.skip("A read-only log.")
    url = reverse(f"admin:{app_label}_{model_name}_add")
    for data in ({}, {"starts_at_0": "31.31.2024", "time_zone": "x" * 500, "order": "-1", "email": "@"}):
        response = admin_pages_client.post(url, data)
        assert response.status_code == 200, (url, data)
        assert "errornote" in response.content.decode()


def test_every_domain_model_has_an_admin_page():
    from django.apps import apps

    ours = {
        model
        for model in apps.get_models()
        if model._meta.app_label in {"accounts", "members", "workinggroups", "meetings", "news", "mailqueue"}
        and not model.__name__.startswith("Historical")
        and not model._meta.auto_created
    }
    assert ours <= set(admin.site._registry)


@pytest.fixture
def admin_pages_client(client, secretariat):
    client.force_login(secretariat)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["wg_a_member", "exec_member", "chair", "partner"], indirect=True)
def test_members_are_sent_to_the_admin_login(client, persona):
    client.force_login(persona)
    response = client.get(reverse("admin:meetings_meeting_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_the_admin_names_the_portal(admin_pages_client):
    assert "REC Portal" in admin_pages_client.get(reverse("admin:index")).content.decode()


@pytest.mark.django_db
def test_the_secretariat_cannot_make_anyone_a_superuser(admin_pages_client, wg_a_member):
    url = reverse("admin:accounts_user_change", args=[wg_a_member.pk])
    response = admin_pages_client.post(
        url,
        {
            "username": wg_a_member.username,
            "email": wg_a_member.email,
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
            "groups": [],
            "date_joined_0": "2024-05-14",
            "date_joined_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    wg_a_member.refresh_from_db()
    assert not wg_a_member.is_superuser
    assert not wg_a_member.is_staff
    assert not Permission.objects.filter(user=wg_a_member).exists()


def _meeting_form(meeting: Meeting | None = None, **changes) -> dict:
    data = {
        "title_en": "Planning",
        "title_ru": "",
        "title_uz": "",
        "slug": "planning",
        "body": "",
        "kind": Meeting.Kind.REGULAR,
        "status": Meeting.Status.PLANNED,
        "level": Level.COUNCIL,
        "description_en": "",
        "starts_at_0": "2026-12-10",
        "starts_at_1": "10:00:00",
        "ends_at_0": "2026-12-10",
        "ends_at_1": "13:00:00",
        "venue": "",
        "time_zone": "Asia/Tashkent",
        "online_url": "",
        **_empty_inlines(),
    }
    if meeting is not None:
        data |= {
            "title_en": meeting.title_en,
            "slug": meeting.slug,
            "body": meeting.body_id or "",
            "level": meeting.level,
        }
    return data | changes


@pytest.mark.django_db
def test_meeting_times_are_typed_in_the_venues_time_zone(admin_pages_client):
    venue = VenueFactory(name="Hall", city="Almaty", time_zone="Asia/Almaty")
    response = admin_pages_client.post(reverse("admin:meetings_meeting_add"), _meeting_form(venue=venue.pk))
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get(slug="planning")
    assert meeting.time_zone == "Asia/Almaty"
    assert meeting.starts_at == datetime.datetime(2026, 12, 10, 10, tzinfo=zoneinfo.ZoneInfo("Asia/Almaty"))
    # The change form shows the same wall-clock time back.
    page = admin_pages_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()
    assert 'value="10:00:00"' in page


@pytest.mark.django_db
def test_a_meeting_that_ends_before_it_starts_gets_a_message_not_a_500(admin_pages_client):
    response = admin_pages_client.post(
        reverse("admin:meetings_meeting_add"), _meeting_form(ends_at_0="2026-12-09", time_zone="Mars/Olympus")
    )
    assert response.status_code == 200
    assert "is not a known time zone" in response.content.decode()
    response = admin_pages_client.post(reverse("admin:meetings_meeting_add"), _meeting_form(ends_at_0="2026-12-09"))
    assert response.status_code == 200
    assert "A meeting must end after it starts" in response.content.decode()
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_a_plenary_cannot_be_group_level(admin_pages_client):
    response = admin_pages_client.post(reverse("admin:meetings_meeting_add"), _meeting_form(level=Level.GROUP))
    assert response.status_code == 200
    assert "cannot be at Group level" in response.content.decode()


@pytest.mark.django_db
def test_a_concurrent_edit_is_refused_and_nothing_is_overwritten(admin_pages_client, group_a):
    meeting = MeetingFactory(body=group_a, title="Original")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    page = admin_pages_client.get(url)
    loaded = page.context["adminform"].form["loaded_version"].value()

    # Someone else saves first.
    Meeting.objects.filter(pk=meeting.pk).update(
        title_en="Their change", updated_at=meeting.updated_at + datetime.timedelta(seconds=5)
    )

    response = admin_pages_client.post(url, _meeting_form(meeting, title_en="My change", loaded_version=loaded))
    assert response.status_code == 200
    assert "Someone else saved this record" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.title == "Their change"


@pytest.mark.django_db
def test_meeting_changes_keep_a_history(admin_pages_client, group_a):
    meeting = MeetingFactory(body=group_a, title="Original")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    loaded = admin_pages_client.get(url).context["adminform"].form["loaded_version"].value()
    form = _meeting_form(meeting, title_en="Renamed", loaded_version=loaded, time_zone=meeting.time_zone)
    assert admin_pages_client.post(url, form).status_code == 302
    history = list(meeting.history.order_by("history_date").values_list("title", "history_user__username"))
    assert history[-1] == ("Renamed", "secretariat")
    assert admin_pages_client.get(reverse("admin:meetings_meeting_history", args=[meeting.pk])).status_code == 200


@pytest.mark.django_db
def test_the_minutes_workflow_runs_from_the_admin(admin_pages_client, group_a, secretariat):
    minutes = MinutesFactory(meeting=MeetingFactory(body=group_a), status=Minutes.Status.DRAFT)
    changelist = reverse("admin:meetings_minutes_changelist")
    approve_early = admin_pages_client.post(
        changelist, {"action": "approve", "_selected_action": [minutes.pk]}, follow=True
    )
    assert "Only circulated minutes can be approved" in approve_early.content.decode()
    admin_pages_client.post(changelist, {"action": "circulate", "_selected_action": [minutes.pk]})
    admin_pages_client.post(changelist, {"action": "approve", "_selected_action": [minutes.pk]})
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED
    assert minutes.approved_by == secretariat
    assert minutes.circulated_at and minutes.approved_at


@pytest.mark.django_db
def test_an_uploaded_document_gets_its_checksum_and_an_unguessable_name(admin_pages_client, group_a):
    meeting = MeetingFactory(body=group_a)
    content = b"%PDF-1.4 confidential paper"
    upload = SimpleUploadedFile("Budget plan.pdf", content, content_type="application/pdf")
    response = admin_pages_client.post(
        reverse("admin:meetings_document_add"),
        {
            "title": "Budget",
            "file": upload,
            "language": "ru",
            "translation_status": "original",
            "meeting": meeting.pk,
            "level": Level.GROUP,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    document = Document.objects.get()
    assert document.checksum == hashlib.sha256(content).hexdigest()
    assert document.size == len(content)
    assert document.original_filename == "Budget plan.pdf"
    assert "Budget" not in document.file.name
    assert document.file.name.endswith(".pdf")


@pytest.mark.django_db
def test_a_restricted_document_without_a_meeting_gets_a_message(admin_pages_client):
    upload = SimpleUploadedFile("a.txt", b"x", content_type="text/plain")
    response = admin_pages_client.post(
        reverse("admin:meetings_document_add"),
        {
            "title": "Loose",
            "file": upload,
            "language": "en",
            "translation_status": "original",
            "level": Level.RESTRICTED,
        },
    )
    assert response.status_code == 200
    assert "A restricted document belongs to a meeting" in response.content.decode()
    assert not Document.objects.exists()
