"""The demo data: idempotent, one account per role, and every role really sees something different."""

from __future__ import annotations

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone, translation

from accounts.models import User
from meetings import access
from meetings.models import Document, Level, Meeting, Minutes, PublicSummary
from news.models import NewsItem
from workinggroups.models import Pillar, Recommendation, Theme, WorkingGroup

DEMO_PASSWORD = "demo-password-for-tests"


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"accounts", "members", "workinggroups", "meetings", "news"}
    }


@pytest.fixture
def seeded(db, monkeypatch, settings, tmp_path):
    settings.BASE_DIR = tmp_path  # The password file, if any, goes here.
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    call_command("seed_demo", stdout=StringIO())


def test_seeding_twice_changes_nothing(seeded):
    first = _counts()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert _counts() == first
    assert "0 rows created" in out.getvalue()
    assert "0 updated" in out.getvalue()


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
    users = {
        u.username: u for u in User.objects.filter(username__in=["secretariat", "exec", "wg-a", "wg-c", "partner"])
    }
    assert len(users) == 5
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


def test_a_generated_password_is_printed_once_and_kept(db, monkeypatch, settings, tmp_path):
    settings.BASE_DIR = tmp_path
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    first = StringIO()
    call_command("seed_demo", stdout=first)
    password = (tmp_path / ".demo-password").read_text().strip()
    assert password in first.getvalue()
    assert (tmp_path / ".demo-password").stat().st_mode & 0o077 == 0
    second = StringIO()
    call_command("seed_demo", stdout=second)
    assert password not in second.getvalue()
    assert User.objects.get(username="wg-a").check_password(password)
