"""The outbox in the admin, in a real browser: the secretariat finds a failed e-mail, reads why, sends it again."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.db import transaction
from playwright.sync_api import expect

from mailqueue import outbox
from mailqueue.models import OutboxMessage
from tests.browser.conftest import VIEWPORTS, shot

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"


def test_the_secretariat_resends_a_failed_email(live_server, browser, secretariat):
    with transaction.atomic():
        (pk,) = outbox.store(
            [EmailMessage(subject="[REC] Invitation: Planning", body="Dear …", to=["wg-a@example.org"])]
        )
    OutboxMessage.objects.filter(pk=pk).update(
        status=OutboxMessage.Status.FAILED,
        attempts=5,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    context = browser.new_context(viewport=VIEWPORTS["wide"], locale="en-GB")
    page = context.new_page()
    page.viewport_name = "wide"
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "secretariat")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/admin/mailqueue/outboxmessage/?status__exact=failed")
    expect(page.locator("#result_list")).to_contain_text("Connection unexpectedly closed")
    shot(page, "admin-outbox-failed")
    page.check(f"input[name=_selected_action][value='{pk}']")
    page.select_option("select[name=action]", "resend")
    page.locator("button[name=index]").click()
    page.wait_for_load_state()
    expect(page.locator(".messagelist")).to_contain_text("1 e-mail queued to be sent again.")
    # The live server runs tasks immediately (the test settings): the message has gone.
    assert OutboxMessage.objects.get(pk=pk).status == OutboxMessage.Status.SENT
    assert [message.subject for message in mail.outbox] == ["[REC] Invitation: Planning"]
    context.close()
