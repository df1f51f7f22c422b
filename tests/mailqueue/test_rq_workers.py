"""The Redis (RQ) backend with several workers: each e-mail queued is delivered exactly once.

Real processes: this test queues 30 e-mails through django-tasks' RQ backend, then runs two
`manage.py rqworker --burst` processes at once against the same Redis queue and the same
database, with a mail backend that writes each delivered message to a file.
"""

from __future__ import annotations

import email
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.core.mail import EmailMessage
from django.db import connection

from mailqueue.models import OutboxMessage
from mailqueue.services import queue_mail

pytestmark = pytest.mark.django_db(transaction=True)

REDIS_URL = os.environ.get("TEST_RQ_REDIS_URL", "redis://127.0.0.1:6379/13")
ROOT = Path(django_settings.BASE_DIR)


def _redis():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis is not reachable at {REDIS_URL} (set TEST_RQ_REDIS_URL): the RQ backend is not tested.")
    return client


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    return f"postgres://{quote(db['USER'])}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def test_two_rq_workers_deliver_every_email_exactly_once(settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip(
            "The workers are other processes: they need the test database on a server (PostgreSQL); "
            "SQLite's test database lives in this process's memory."
        )
    redis = _redis()
    redis.flushdb()
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.backend.RQBackend", "QUEUES": ["default"]}}

    # Autocommit: the rows are committed and the delivery tasks pushed to Redis at once.
    queued = queue_mail(EmailMessage(subject=f"Message {n}", body="Text", to=[f"p{n}@example.org"]) for n in range(30))
    assert queued == 30
    assert redis.llen("rq:queue:default") == 30

    mail_dir = tmp_path / "mail"
    env = {
        **os.environ,
        "TASKS_BACKEND": "rq",
        "REDIS_URL": REDIS_URL,
        "DATABASE_URL": _database_url(),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "DEBUG": "1",
    }
    command = [sys.executable, "manage.py", "rqworker", "default", "--burst"]
    command += ["--job-class", "django_tasks_rq.backend.Job"]
    workers = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # noqa: S603
        for _ in range(2)
    ]
    logs = [worker.communicate(timeout=240)[0] for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], logs

    delivered = []
    for path in mail_dir.iterdir():
        # The file backend appends each message followed by a line of 79 dashes.
        for part in path.read_text().split("-" * 79):
            if part.strip():
                delivered.append(email.message_from_string(part.strip())["Subject"])
    assert sorted(delivered) == sorted(f"Message {n}" for n in range(30))  # Each once, none twice.
    rows = OutboxMessage.objects.all()
    assert {row.status for row in rows} == {OutboxMessage.Status.SENT}
    assert {row.attempts for row in rows} == {1}
    jobs = [log.count("Job OK") for log in logs]
    assert sum(jobs) == 30, logs  # One job per message, shared between the workers (15 and 15 when measured).
