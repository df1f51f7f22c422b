"""What the demo holds: the Council's facts in three languages, news, one account per role, and every role
really sees something different.

These tests only read, so the demo is seeded once for the module rather than once a test.
"""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone, translation

from accounts.models import User
from meetings import access
from meetings.models import Document, ForwardedMatter, Level, Meeting, Minutes, PublicSummary, SilenceProcedure
from news.models import NewsItem
from workinggroups.models import Pillar, Recommendation, Theme, WorkingGroup

DEMO_PASSWORD = "demo-password-for-tests"


@pytest.fixture(scope="module")
def demo_for_the_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seed the demo once, inside a transaction rolled back after the module so that later tests find no demo.

    Each test's own transaction nests inside this one (pytest-django's `db` opens a savepoint), so
    whatever a test writes, a sign-in for example, is still undone after that test.
    """
    folder = tmp_path_factory.mktemp("demo")
    with django_db_blocker.unblock(), transaction.atomic():
        # The password file, if any, and the documents' files go to the temporary folder.
        with override_settings(BASE_DIR=folder, MEDIA_ROOT=folder / "media"), pytest.MonkeyPatch.context() as env:
            env.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
            call_command("seed_demo", stdout=StringIO())
        with django_db_blocker.block():  # Tests reach the database through `db`, as everywhere else.
            yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded(demo_for_the_module, db):
    """The demo, seeded once for the module."""


def test_it_loads_the_councils_public_facts(seeded):
    assert set(WorkingGroup.objects.values_list("letter", flat=True)) == {"", "a", "b", "c", "d"}
    first = Meeting.objects.get(starts_at__date="2024-05-14")
    assert first.venue.city == "Tashkent"
    assert first.level == Level.PUBLIC
    assert PublicSummary.objects.published().count() >= 1
    assert Recommendation.objects.adopted().exists()
    for level in Level.values:
        assert Meeting.objects.filter(level=level).exists(), level
        assert Document.objects.filter(level=level).exists(), level
    for status in Minutes.Status.values:
        assert Minutes.objects.filter(status=status).exists(), status
    for status in Meeting.Status.values:
        assert Meeting.objects.filter(status=status).exists(), status


def test_the_real_facts_are_in_russian_and_uzbek(seeded):
    bodies = WorkingGroup.objects.all()
    assert bodies.count() == 5
    for body in bodies:
        for field in ("name", "short_name", "mandate"):
            for language in ("ru", "uz"):
                assert getattr(body, f"{field}_{language}"), (body.slug, field, language)
    group_a = WorkingGroup.objects.get(letter="a")
    with translation.override("ru"):
        assert group_a.short_name == "Рабочая группа (a)"
    with translation.override("uz"):
        assert group_a.short_name == "(a) ishchi guruhi"
    for row in [*Pillar.objects.all(), *Theme.objects.all()]:
        assert row.name_ru and row.name_uz, row
    first = PublicSummary.objects.get(slug="first-meeting-of-the-council")
    assert first.text_ru and first.text_uz


def test_news_is_published_scheduled_and_drafted(seeded):
    secretariat = User.objects.get(username="secretariat")
    published = NewsItem.objects.published()
    launch = published.get(slug="council-launched-in-tashkent-2024-05-14")
    assert launch.title_ru and launch.title_uz and launch.body_uz
    assert launch.author == secretariat
    scheduled = NewsItem.objects.filter(status=NewsItem.Status.PUBLISHED, published_at__gt=timezone.now())
    assert scheduled.exists()
    assert not published.filter(pk__in=scheduled).exists()
    assert NewsItem.objects.filter(status=NewsItem.Status.DRAFT).exclude(pk__in=published).exists()
    assert all(item.title_ru for item in NewsItem.objects.all())


def test_each_demo_account_has_its_role_and_the_password(seeded):
    names = ["secretariat", "exec", "wg-a", "chair-a", "wg-c", "partner"]
    users = {u.username: u for u in User.objects.filter(username__in=names)}
    assert len(users) == 6
    assert all(u.check_password(DEMO_PASSWORD) for u in users.values())
    assert access.clearance_for(users["secretariat"]).is_secretariat
    assert users["secretariat"].is_staff and not users["secretariat"].is_superuser
    assert access.clearance_for(users["exec"]).is_executive
    letters = {
        name: set(
            WorkingGroup.objects.filter(pk__in=access.clearance_for(users[name]).group_ids).values_list(
                "letter", flat=True
            )
        )
        for name in ("wg-a", "wg-c", "partner")
    }
    assert letters == {"wg-a": {"a"}, "wg-c": {"c"}, "partner": set()}
    # The chair's account: a co-chair of group (a), who reviews and approves its circulated minutes.
    group_a = WorkingGroup.objects.get(letter="a")
    assert access.clearance_for(users["chair-a"]).chair_group_ids == {group_a.pk}


def test_the_record_between_meetings_is_shown(seeded):
    users = {u.username: u for u in User.objects.all()}
    running = SilenceProcedure.objects.open().get(minutes__isnull=False)
    assert running.minutes.status == Minutes.Status.CIRCULATED
    assert timezone.now() + datetime.timedelta(days=2) < running.deadline < timezone.now() + datetime.timedelta(days=7)
    assert access.may_break_silence(users["chair-a"], running) and access.may_break_silence(users["wg-a"], running)
    on_draft = SilenceProcedure.objects.open().get(recommendation__isnull=False)
    assert access.may_break_silence(users["partner"], on_draft)
    broken = SilenceProcedure.objects.get(status=SilenceProcedure.Status.BROKEN)
    assert broken.silence_break.reason and broken.minutes.status == Minutes.Status.CIRCULATED
    placed = ForwardedMatter.objects.get(status=ForwardedMatter.Status.PLACED)
    assert placed.placed_item.meeting.body.is_executive and placed.placed_item.meeting.starts_at > timezone.now()
    assert placed.placed_item.history.first().history_change_reason.startswith("Forwarded by")
    assert ForwardedMatter.objects.get(status=ForwardedMatter.Status.DECIDED).decision
    assert ForwardedMatter.objects.filter(status=ForwardedMatter.Status.PENDING).exists()


def test_the_roles_see_different_meetings(seeded, anonymous):
    def seen(user) -> set[int]:
        return set(Meeting.objects.visible_to(user).values_list("pk", flat=True))

    users = {u.username: u for u in User.objects.all()}
    public = seen(anonymous)
    partner, wg_a, wg_c, executive, secretariat = (
        seen(users[name]) for name in ("partner", "wg-a", "wg-c", "exec", "secretariat")
    )
    assert public < partner < secretariat
    assert wg_a != wg_c
    assert wg_a - wg_c and wg_c - wg_a
    assert executive < secretariat
    assert secretariat == set(Meeting.objects.values_list("pk", flat=True))


def test_the_secretariat_signs_in_to_the_admin_with_the_demo_password(seeded, client):
    response = client.post("/admin/login/?next=/admin/", {"username": "secretariat", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_demo_shows_a_consensus_with_reservations_public_and_not(seeded, client):
    from workinggroups.models import Reservation

    recommendation = Recommendation.objects.get(code="REC-A-2024-02")
    reservations = list(recommendation.reservations.all())
    assert [r.is_public for r in reservations] == [True, True, False]
    assert reservations[0].country.code == "TM" and reservations[1].organization.acronym == "UNICEF"
    html = client.get(recommendation.get_absolute_url()).content.decode()
    assert "Turkmenistan" in html and "Sample reservation" in html and "Sample statement: UNICEF" in html
    assert "for the record only" not in html
    api = client.get(f"/api/v1/recommendations/{recommendation.code}").json()
    assert [r["kind"] for r in api["reservations"]] == ["reservation", "statement"]
    assert not Reservation.objects.filter(is_public=False).exclude(recommendation=recommendation).exists()


def test_the_demo_shows_implementation_over_time(seeded, client):
    from workinggroups.models import Implementation, ImplementationReport

    uz = ImplementationReport.objects.filter(recommendation__code="REC-A-2024-01", country__code="UZ")
    assert [r.status for r in uz] == ["implemented", "in_progress", "not_started"]  # Newest first.
    assert Implementation.objects.get(recommendation__code="REC-A-2024-01", country__code="UZ").status == "implemented"
    assert ImplementationReport.objects.filter(recommendation__code="REC-B-2024-01", country__code="KG").count() == 2
    # Every current status has its history, and is the latest report of it.
    for current in Implementation.objects.all():
        latest = ImplementationReport.objects.filter(recommendation=current.recommendation, country=current.country)
        assert (latest[0].status, latest[0].as_of) == (current.status, current.as_of)
    html = client.get("/en/recommendations/?group=working-group-a").content.decode()
    assert "Sample: national report to the Council, 2025" in html and "as of" in html
    history = client.get("/api/v1/recommendations/REC-A-2024-01").json()["implementation"]
    assert max(len(country["history"]) for country in history) == 3


def test_the_demo_shows_the_roadmap_with_its_items_tasks_and_public_meetings(seeded, client):
    from workinggroups.models import Roadmap

    roadmap = Roadmap.objects.get(slug="uzbekistan-unoct-roadmap-2024-2025")
    assert roadmap.title_ru and roadmap.title_uz and roadmap.years_label == "2024–2025"
    assert [c.code for c in roadmap.countries.all()] == ["UZ"]
    assert [o.acronym for o in roadmap.organizations.all()] == ["UNOCT"]
    items = list(roadmap.items.all())
    assert len(items) == 5 and all(item.title_en.startswith("[Sample]") for item in items)
    assert {item.status for item in items} == {"done", "in_progress", "planned"}
    network = items[2]
    assert network.work_plan_items.exists()
    closed = network.meetings.get(slug="sample-plenary-partners-consultation")
    assert 'href="/en/roadmaps/"' in client.get("/en/about/").content.decode()
    html = client.get(roadmap.get_absolute_url()).content.decode()
    assert network.title_en in html
    assert "Set up the informal regional network of practitioners" in html  # The linked work plan item.
    assert "Council meeting on implementing the Uzbekistan–UNOCT Roadmap" in html  # A public meeting.
    assert closed.title_en not in html  # A restricted meeting is not listed publicly.
    assert roadmap.get_absolute_url() in client.get("/en/roadmaps/").content.decode()
    assert client.get(f"/api/v1/roadmaps/{roadmap.slug}").json()["items"][0]["meetings"][0]["slug"] == (
        "first-meeting-of-the-council-2024-05-14"
    )


def test_the_demo_shows_an_amendment_and_a_marked_passage(seeded, client):
    from meetings.models import Minutes, Redaction
    from meetings.services import prepare_summary_from_minutes

    first, amendment = Minutes.objects.filter(meeting__slug="sample-executive-committee-recent").order_by("edition")
    assert (first.status, amendment.status, amendment.amends) == ("approved", "approved", first)
    assert "two items due this quarter are late" in amendment.text and "late" not in first.text
    redaction = Redaction.objects.get(minutes=first)
    assert redaction.passage in first.text
    client.force_login(User.objects.get(username="exec"))
    page = client.get(first.meeting.get_absolute_url()).content.decode()
    assert "amendment 1" in page and "What changed from the edition it amends" in page
    with transaction.atomic():  # The module shares one seeded database: leave it as it was.
        summary = prepare_summary_from_minutes(minutes=first, by=None)
        assert redaction.passage not in summary.text and "[…]" in summary.text
        transaction.set_rollback(True)
