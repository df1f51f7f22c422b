"""Two-factor authentication: optional for members, required of the secretariat where the setting says so."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.twofactor import sign_setup_key, unsaved_device, unsign_setup_key
from tests.accounts.helpers import PASSWORD, confirmed_device, current_code

pytestmark = pytest.mark.django_db

SETUP = "/en/accounts/two-factor/"
VERIFY = "/en/accounts/two-factor/verify/"
REMOVE = "/en/accounts/two-factor/remove/"


@pytest.fixture
def required(settings):
    settings.REC_REQUIRE_2FA_FOR_SECRETARIAT = True


def _sign_in(client, username: str, url: str = "/en/accounts/login/"):
    return client.post(url, {"username": username, "password": PASSWORD})


def test_a_member_sets_up_an_authenticator_app(client, wg_a_member):
    client.force_login(wg_a_member)
    response = client.get(SETUP)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'src="data:image/svg+xml;base64,' in page  # Drawn by us; the secret never leaves the portal.
    assert "otpauth://totp/" in page
    assert response.context["secret"] in page
    assert not TOTPDevice.objects.filter(user=wg_a_member).exists()  # Showing the page writes nothing.
    setup = response.context["setup"]
    app = unsaved_device(wg_a_member, unsign_setup_key(wg_a_member, setup))

    response = client.post(SETUP, {"token": current_code(app), "setup": setup})
    assert response["Location"] == "/en/accounts/profile/"
    device = TOTPDevice.objects.get(user=wg_a_member)
    assert device.confirmed
    assert device.key == app.key
    assert "Switch two-factor authentication off" in client.get("/en/accounts/profile/").content.decode()


@pytest.mark.parametrize("token", ["000000", "abcdef", "", "12"])
def test_a_wrong_code_does_not_switch_it_on(client, wg_a_member, token):
    client.force_login(wg_a_member)
    setup = client.get(SETUP).context["setup"]
    response = client.post(SETUP, {"token": token, "setup": setup})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not TOTPDevice.objects.filter(user=wg_a_member, confirmed=True).exists()


def test_a_wrong_code_keeps_the_same_key_to_scan(client, wg_a_member):
    client.force_login(wg_a_member)
    setup = client.get(SETUP).context["setup"]
    response = client.post(SETUP, {"token": "000000", "setup": setup})
    assert unsign_setup_key(wg_a_member, response.context["setup"]) == unsign_setup_key(wg_a_member, setup)


@pytest.mark.parametrize("forged", ["", "not-signed", "other-user"])
def test_a_forged_or_foreign_key_is_replaced_not_paired(client, wg_a_member, wg_c_member, forged):
    client.force_login(wg_a_member)
    key = "3132333435363738393031323334353637383930"
    setup = sign_setup_key(wg_c_member, key) if forged == "other-user" else forged
    app = unsaved_device(wg_a_member, key)
    response = client.post(SETUP, {"token": current_code(app), "setup": setup})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert unsign_setup_key(wg_a_member, response.context["setup"]) != key
    assert not TOTPDevice.objects.filter(user=wg_a_member).exists()


def test_with_two_factor_on_signing_in_asks_for_the_code(client, wg_a_member):
    device = confirmed_device(wg_a_member)
    response = _sign_in(client, "wg-a")
    assert response.status_code == 302
    # Until the code is given, every page leads to the code.
    response = client.get("/en/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY + "?next=")
    assert client.get(VERIFY).status_code == 200

    response = client.post(VERIFY, {"token": "000000", "next": "/en/accounts/profile/"})
    assert response.status_code == 200 and response.context["form"].errors
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # django-otp slows down guessing.
    device.throttle_reset()

    response = client.post(VERIFY, {"token": current_code(device), "next": "/en/accounts/profile/"})
    assert response["Location"] == "/en/accounts/profile/"
    assert client.get("/en/accounts/profile/").status_code == 200


def test_the_verify_page_does_not_redirect_elsewhere(client, wg_a_member):
    device = confirmed_device(wg_a_member)
    _sign_in(client, "wg-a")
    response = client.post(VERIFY, {"token": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/en/my/"  # The default after sign-in, not the offered address.


def test_a_pending_session_cannot_replace_the_device(client, wg_a_member):
    confirmed_device(wg_a_member)
    _sign_in(client, "wg-a")
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=wg_a_member).count() == 1


def test_without_two_factor_members_sign_in_with_a_password_alone(client, wg_a_member):
    _sign_in(client, "wg-a")
    assert client.get("/en/accounts/profile/").status_code == 200


def test_a_member_switches_two_factor_off(client, wg_a_member):
    device = confirmed_device(wg_a_member)
    _sign_in(client, "wg-a")
    client.post(VERIFY, {"token": current_code(device)})
    assert client.post(REMOVE)["Location"] == "/en/accounts/profile/"
    assert not TOTPDevice.objects.filter(user=wg_a_member).exists()
    assert client.get("/en/accounts/profile/").status_code == 200


def test_removing_is_post_only(client, wg_a_member):
    client.force_login(wg_a_member)
    assert client.get(REMOVE).status_code == 405


def test_when_not_required_the_secretariat_works_without_two_factor(client, secretariat):
    _sign_in(client, "secretariat")
    assert client.get("/admin/").status_code == 200
    assert client.get("/en/accounts/profile/").status_code == 200


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("url", ["/admin/", "/en/accounts/profile/", "/en/"])
def test_when_required_the_secretariat_must_set_it_up_first(client, secretariat, url):
    client.force_login(secretariat)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP + "?next=")
    assert client.get(SETUP).status_code == 200


@pytest.mark.usefixtures("required")
def test_when_required_staff_must_set_it_up_too(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="helper", is_staff=True))
    assert client.get("/admin/")["Location"].startswith(SETUP)


@pytest.mark.usefixtures("required")
def test_when_required_the_secretariat_signs_in_to_the_admin_with_a_code(client, secretariat):
    device = confirmed_device(secretariat)
    response = _sign_in(client, "secretariat", url="/admin/login/?next=/admin/")
    assert response["Location"] == "/admin/"
    response = client.get("/admin/")
    assert response["Location"].startswith(VERIFY + "?next=%2Fadmin%2F")
    response = client.post(VERIFY, {"token": current_code(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.usefixtures("required")
def test_when_required_the_secretariat_cannot_switch_it_off(client, secretariat):
    device = confirmed_device(secretariat)
    _sign_in(client, "secretariat")
    client.post(VERIFY, {"token": current_code(device)})
    client.post(REMOVE)
    assert TOTPDevice.objects.filter(user=secretariat).exists()


@pytest.mark.usefixtures("required")
def test_members_are_not_forced_when_the_secretariat_is(client, wg_a_member):
    client.force_login(wg_a_member)
    assert client.get("/en/accounts/profile/").status_code == 200


@pytest.mark.usefixtures("required")
def test_a_pending_person_may_still_sign_out(client, secretariat):
    client.force_login(secretariat)
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("url", [SETUP, VERIFY])
def test_two_factor_pages_need_a_signed_in_person(client, db, url):
    assert client.get(url)["Location"].startswith("/en/accounts/login/")
