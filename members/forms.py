"""The form in which a member keeps their own preferences."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import Language
from core.zones import ZoneField
from members.models import Member


class ProfileForm(forms.ModelForm):
    """What a member chooses for themself: languages, time zone, e-mails and consents."""

    spoken_languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    time_zone = ZoneField(
        label=_("Time zone"),
        help_text=_("Times are shown in it beside the venue's. Choose the city nearest you in the same zone."),
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
            "notify_reminders",
            "public_profile",
            "share_email_with_members",
            "share_phone_with_members",
        ]
        labels = {
            "preferred_language": _("Language of the portal and of your e-mails"),
            "notify_invitations": _("E-mail me invitations to meetings"),
            "notify_meeting_changes": _("E-mail me when a meeting I am invited to changes or is cancelled"),
            "notify_minutes": _("E-mail me when minutes I may read are circulated or approved"),
            "notify_reminders": _("E-mail me reminders of my meetings and of my action items when they fall due"),
            "public_profile": _("Show my name and short biography on public pages"),
            "share_email_with_members": _("Show my e-mail address to other members in the directory"),
            "share_phone_with_members": _("Show my phone number to other members in the directory"),
        }
        help_texts = {
            "notify_invitations": "",
            "notify_meeting_changes": "",
            "notify_minutes": "",
            "notify_reminders": "",
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
