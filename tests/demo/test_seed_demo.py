"""The seed_demo command on an empty database: a second run changes nothing, a generated password is shown once."""

from __future__ import annotations

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from accounts.models import User

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


def test_seeding_again_another_day_leaves_approved_minutes_as_they_were(seeded, monkeypatch):
    """The computed dates move with the day; approved minutes are frozen, so they must not."""
    import datetime

    from django.utils import timezone

    from meetings.models import Minutes

    approved = dict(Minutes.objects.approved().values_list("pk", "approved_at"))
    later = timezone.localdate() + datetime.timedelta(days=3)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: later)
    call_command("seed_demo", stdout=StringIO())
    assert dict(Minutes.objects.approved().values_list("pk", "approved_at")) == approved


def test_seeding_again_after_the_closing_job_leaves_what_it_adopted(seeded):
    """The job adopts the demo's texts once their deadline passes; a later run must not reopen them."""
    import datetime

    from django.utils import timezone

    from meetings import services
    from meetings.models import Minutes, SilenceProcedure
    from workinggroups.models import Recommendation

    past = timezone.now() - datetime.timedelta(hours=1)
    SilenceProcedure.objects.open().update(started_at=past - datetime.timedelta(days=7), deadline=past)
    adopted = services.close_due_silence_procedures()
    assert len(adopted) == 2
    call_command("seed_demo", stdout=StringIO())
    assert not SilenceProcedure.objects.open().exists()
    assert Minutes.objects.get(pk=adopted[0].minutes_id or adopted[1].minutes_id).status == Minutes.Status.APPROVED
    code = (adopted[0].recommendation or adopted[1].recommendation).code
    assert Recommendation.objects.get(code=code).status == Recommendation.Status.ADOPTED
