"""Small building blocks shared by the domain apps; no domain logic lives here."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionChecked
from core.languages import CODES, INTERFACE_LANGUAGES, OTHER_WORKING_LANGUAGES
from core.zones import ZoneField, validate_time_zone


class TimeStampedModel(VersionChecked, models.Model):
    """Record when a row was created and last changed; the change time is the row's version (core.concurrency)."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        abstract = True


DEFAULT_TIME_ZONE = "Asia/Tashkent"


class TimeZoneField(models.CharField):
    """An IANA time zone name, validated against the installed zone database."""

    default_validators = [validate_time_zone]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("default", DEFAULT_TIME_ZONE)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        # A zone is chosen from cities by name, never typed as an IANA id: the admin's text input goes.
        widget = kwargs.get("widget")
        if isinstance(widget, forms.TextInput) or (isinstance(widget, type) and issubclass(widget, forms.TextInput)):
            kwargs.pop("widget")
        # ZoneField validates too, so form code after field cleaning sees only real zones.
        return models.Field.formfield(self, **{"form_class": ZoneField, **kwargs})


def _choices(languages: Iterable[tuple[str, str]]) -> list[tuple[str, tuple[str, Promise]]]:
    # Each member is named for its language in English: Language.ENGLISH, UILanguage.RUSSIAN.
    return [(name.upper(), (code, _(name))) for code, name in languages]


_INTERFACE = [(language.code, language.name) for language in INTERFACE_LANGUAGES]
_OTHER_WORKING = [(code, name) for code, name in OTHER_WORKING_LANGUAGES.items() if code not in CODES]

# Every interface language is a working language; the others follow, then "other".
Language = models.TextChoices("Language", [*_choices(_INTERFACE + _OTHER_WORKING), ("OTHER", ("other", _("Other")))])
Language.__doc__ = "Languages documents are written in and members work in."

UILanguage = models.TextChoices("UILanguage", _choices(_INTERFACE))
UILanguage.__doc__ = "Languages the portal's interface and e-mails are written in."
