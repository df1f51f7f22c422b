"""Forms for signing in, passwords and two-factor authentication."""

from __future__ import annotations

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.links import portal_url
from mailqueue.services import queue_mail


class LoginForm(auth_forms.AuthenticationForm):
    """The sign-in form, with the browser hints a password manager needs."""

    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _("The user name or password is not right. Both are case-sensitive."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autocapitalize": "none"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


def preferred_language_of(user) -> str:
    """Return the language `user`'s person chose for e-mails, or the portal's default."""
    # Through the person's reverse relation (members.Member.user): accounts sits below members.
    language = type(user).objects.filter(pk=user.pk).values_list("member__preferred_language", flat=True).first()
    return language or settings.LANGUAGE_CODE


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, writing each mail in the recipient's own language, through the outbox."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ) -> None:
        # The link is on the portal's address (PORTAL_URL), like every link sent by e-mail, not the request's host.
        base = urlsplit(portal_url())
        context = {**context, "protocol": base.scheme, "domain": base.netloc + base.path}
        # The link's /<lang>/ prefix follows the active language too, so the page opens in it.
        with translation.override(preferred_language_of(context["user"])):
            subject = "".join(render_to_string(subject_template_name, context).splitlines())
            body = render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        # Delivered by a background task, never inside the request (mailqueue). Sensitive: the link signs
        # its holder in, so the outbox never shows it and erases it once the e-mail is sent.
        queue_mail([message], sensitive=True)


class TokenForm(forms.Form):
    """A six-digit code from an authenticator app."""

    token = forms.CharField(
        label=_("Code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*", "autofocus": True}
        ),
    )

    error_messages = {"invalid": _("That code is not right, or it has expired. Try the newest code.")}

    def __init__(self, *args, devices: list[TOTPDevice] | None, **kwargs):
        """Check the code against `devices`; with None, check only its form (set-up checks it against the new key)."""
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device: TOTPDevice | None = None

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if self.devices is None:
            return token
        for device in self.devices:
            # verify_token applies django-otp's throttling (growing delays after failures).
            if device.verify_token(token):
                self.device = device
                return token
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
