"""Forms for signing in, passwords, two-factor authentication and the profile."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.models import Language, validate_time_zone
from members.models import Member

# Offered first in the time-zone list; any other IANA name may be typed in.
COMMON_TIME_ZONES = [
    "Asia/Tashkent",
    "Asia/Samarkand",
    "Asia/Almaty",
    "Asia/Qostanay",
    "Asia/Aqtobe",
    "Asia/Aqtau",
    "Asia/Oral",
    "Asia/Bishkek",
    "Asia/Dushanbe",
    "Asia/Ashgabat",
    "Europe/Moscow",
    "Europe/Vienna",
    "Europe/Brussels",
    "America/New_York",
    "UTC",
]


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
    language = Member.objects.filter(user_id=user.pk).values_list("preferred_language", flat=True).first()
    return language or settings.LANGUAGE_CODE


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, writing each mail in the recipient's own language."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs) -> None:
        # The link's /<lang>/ prefix follows the active language too, so the page opens in it.
        with translation.override(preferred_language_of(context["user"])):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class ProfileForm(forms.ModelForm):
    """What a member chooses for themself: languages, time zone, e-mails and consents."""

    spoken_languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    time_zone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_("Times are shown in it. Choose from the list or type a name such as Asia/Almaty."),
        widget=forms.TextInput(attrs={"list": "time-zones", "autocomplete": "off", "spellcheck": "false"}),
    )

    class Meta:
        model = Member
        fields = [
            "preferred_language",
            "spoken_languages",
            "time_zone",
            "notify_invitations",
            "notify_meeting_changes",
            "notify_minutes",
            "public_profile",
            "share_email_with_members",
            "share_phone_with_members",
        ]
        labels = {
            "preferred_language": _("Language of the portal and of your e-mails"),
            "notify_invitations": _("E-mail me invitations to meetings"),
            "notify_meeting_changes": _("E-mail me when a meeting I am invited to changes or is cancelled"),
            "notify_minutes": _("E-mail me when minutes I may read are circulated or approved"),
            "public_profile": _("Show my name and short biography on public pages"),
            "share_email_with_members": _("Show my e-mail address to other members in the directory"),
            "share_phone_with_members": _("Show my phone number to other members in the directory"),
        }
        help_texts = {
            "notify_invitations": "",
            "notify_meeting_changes": "",
            "notify_minutes": "",
            "public_profile": _("For example as a chair on a working group's page. You can withdraw at any time."),
            "share_email_with_members": "",
            "share_phone_with_members": "",
        }

    def clean_time_zone(self) -> str:
        return self.cleaned_data["time_zone"].strip()

    def save(self, commit: bool = True) -> Member:
        member = super().save(commit=False)
        if commit:
            member.save(update_fields=[*self._meta.fields, "updated_at"])
        return member


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

    def __init__(self, *args, devices: list[TOTPDevice], **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device: TOTPDevice | None = None

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        for device in self.devices:
            # verify_token applies django-otp's throttling (growing delays after failures).
            if device.verify_token(token):
                self.device = device
                return token
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
