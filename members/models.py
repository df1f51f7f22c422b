"""People, the countries they come from and the organisations they work for."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import Language, TimeStampedModel, TimeZoneField, UILanguage


class CountryQuerySet(models.QuerySet):
    def member_states(self) -> CountryQuerySet:
        """Return the Central Asian states whose experts sit on the Council."""
        return self.filter(is_member_state=True)


class Country(models.Model):
    """A country, identified by its ISO 3166-1 alpha-2 code."""

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        help_text=_("Two-letter ISO 3166-1 code in capitals, e.g. UZ."),
    )
    name = models.CharField(_("name"), max_length=100, unique=True)
    is_member_state = models.BooleanField(
        _("member state"),
        default=False,
        help_text=_("Tick for the five Central Asian states represented on the Council."),
    )

    objects = CountryQuerySet.as_manager()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}$"),
                name="members_country_code_iso2",
                violation_error_message=_("The ISO code is two capital letters."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Organization(TimeStampedModel):
    """A government body, UN entity, NGO or institute that takes part in the Council's work."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        UN = "un", _("United Nations")
        INTERNATIONAL = "international", _("International organisation")
        REGIONAL = "regional", _("Regional organisation")
        NGO = "ngo", _("Non-governmental organisation")
        ACADEMIC = "academic", _("Academic or research institute")

    class PartnerRole(models.TextChoices):
        NONE = "", _("Not a partner")
        ORGANISER = "organiser", _("Organiser")
        PARTNER = "partner", _("Partner")

    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True, help_text=_("e.g. UNOCT, ISRS."))
    slug = models.SlugField(_("slug"), max_length=80, unique=True, help_text=_("Used in the page address."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        help_text=_("Leave empty for international organisations."),
    )
    partner_role = models.CharField(
        _("role for the Council"),
        max_length=20,
        choices=PartnerRole.choices,
        blank=True,
        help_text=_("Organisers and partners are listed on the public Partners page."),
    )
    description = models.TextField(
        _("what they do with the Council"),
        blank=True,
        help_text=_("Public text: a few sentences on the organisation's part in the Council's work."),
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["partner_role", "kind"], name="members_org_partner")]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short_name(self) -> str:
        return self.acronym or self.name


class MemberQuerySet(models.QuerySet):
    def active(self) -> MemberQuerySet:
        """Return people whose access to the portal is current."""
        return self.filter(is_active=True)

    def with_public_profile(self) -> MemberQuerySet:
        """Return active people who agreed to a public profile."""
        return self.active().filter(public_profile=True)


class Member(TimeStampedModel):
    """A person in the Council's work: council member, expert, partner representative or practitioner."""

    class Kind(models.TextChoices):
        COUNCIL_MEMBER = "council_member", _("Council member")
        EXPERT = "expert", _("Expert")
        PARTNER_REPRESENTATIVE = "partner_representative", _("Partner organisation representative")
        PRACTITIONER = "practitioner", _("Practitioner (regional network)")
        OBSERVER = "observer", _("Observer")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="member",
        help_text=_("The login this person uses. People without an account appear only in lists."),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.COUNCIL_MEMBER)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        help_text=_("The state this person represents or works in; empty for international staff."),
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Never shown publicly."))
    phone = models.CharField(_("phone"), max_length=40, blank=True, help_text=_("Never shown publicly."))
    expertise = models.TextField(
        _("expertise"),
        blank=True,
        help_text=_("Fields of work, for the members' directory (e.g. juvenile justice, psychosocial care)."),
    )
    bio = models.TextField(_("short biography"), blank=True, help_text=_("Shown on the public profile, if consented."))
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=UILanguage.choices,
        default=UILanguage.ENGLISH,
        help_text=_("Language of the portal and of e-mails to this person."),
    )
    spoken_languages = models.JSONField(
        _("working languages"),
        default=list,
        blank=True,
        help_text=_("Languages this person works in, as codes (en, ru, uz, kk, ky, tg, tk)."),
    )
    time_zone = TimeZoneField(
        _("time zone"),
        help_text=_("Times are shown in it beside the venue's; choose the city nearest you in the same zone."),
    )
    public_profile = models.BooleanField(
        _("public profile consent"),
        default=False,
        help_text=_("Only people who consented appear by name on public pages (e.g. as a chair)."),
    )
    share_email_with_members = models.BooleanField(
        _("share e-mail with members"), default=False, help_text=_("Shown in the members' directory.")
    )
    share_phone_with_members = models.BooleanField(
        _("share phone with members"), default=False, help_text=_("Shown in the members' directory.")
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick when a person leaves: their access ends at once, their history stays."),
    )
    notify_invitations = models.BooleanField(
        _("e-mail me invitations"), default=True, help_text=_("Invitations to meetings, with a calendar file.")
    )
    notify_meeting_changes = models.BooleanField(
        _("e-mail me meeting changes"),
        default=True,
        help_text=_("When a meeting I am invited to moves or is cancelled."),
    )
    notify_minutes = models.BooleanField(
        _("e-mail me about minutes"), default=True, help_text=_("When minutes I may read are circulated or approved.")
    )
    notify_reminders = models.BooleanField(
        _("e-mail me reminders"),
        default=True,
        help_text=_("A week and a day before a meeting I am going to; before and after an action item of mine is due."),
    )
    last_visit_at = models.DateTimeField(
        _("last visit"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the person last opened their dashboard."),
    )
    calendar_token = models.CharField(
        _("calendar feed key"),
        max_length=64,
        blank=True,
        default="",
        editable=False,
        help_text=_("Secret part of the personal calendar address; empty until the person creates one."),
    )

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["calendar_token"],
                condition=~Q(calendar_token=""),
                name="members_member_unique_calendar_token",
            ),
        ]
        indexes = [
            models.Index(fields=["last_name", "first_name"], name="members_member_name"),
            models.Index(fields=["country", "kind"], name="members_country_kind"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def clean(self) -> None:
        codes = {choice for choice, _label in Language.choices}
        if not isinstance(self.spoken_languages, list) or not all(
            isinstance(code, str) and code in codes for code in self.spoken_languages
        ):
            raise ValidationError(
                {
                    "spoken_languages": _('List language codes, e.g. ["en", "ru"]; known codes: %(codes)s.')
                    % {"codes": ", ".join(sorted(codes))}
                }
            )
