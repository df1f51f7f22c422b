"""The secretariat's admin for people, countries and organisations."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import ConcurrentEditAdminMixin
from core.admin_translations import TranslationAdmin
from core.concurrency import ConcurrentEditForm
from core.models import Language
from members.models import Country, Member, Organization
from members.services import InvitationError, invite_member


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    list_display = ("name", "code", "is_member_state")
    list_filter = ("is_member_state",)
    search_fields = ("name_en", "name_ru", "name_uz", "code")


@admin.register(Organization)
class OrganizationAdmin(ConcurrentEditAdminMixin, TranslationAdmin):
    list_display = ("name", "acronym", "kind", "partner_role", "country")
    list_filter = ("kind", "partner_role", "country")
    list_select_related = ("country",)
    search_fields = ("name_en", "name_ru", "name_uz", "acronym")
    autocomplete_fields = ("country",)
    prepopulated_fields = {"slug": ("acronym",)}


class MemberForm(ConcurrentEditForm):
    """The member form, with working languages as check boxes instead of raw JSON."""

    spoken_languages = forms.MultipleChoiceField(
        label=_("working languages"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Member
        fields = [
            "user",
            "first_name",
            "last_name",
            "kind",
            "country",
            "organization",
            "position",
            "email",
            "phone",
            "expertise",
            "bio",
            "preferred_language",
            "spoken_languages",
            "time_zone",
            "public_profile",
            "share_email_with_members",
            "share_phone_with_members",
            "is_active",
            "notify_invitations",
            "notify_meeting_changes",
            "notify_minutes",
            "notify_reminders",
        ]


@admin.register(Member)
class MemberAdmin(ConcurrentEditAdminMixin, admin.ModelAdmin):
    form = MemberForm
    list_display = ("full_name", "kind", "country", "organization", "is_active", "public_profile", "user")
    list_filter = ("is_active", "kind", "country", "public_profile", "memberships__group")
    list_select_related = ("country", "organization", "user")
    search_fields = ("first_name", "last_name", "email", "position", "organization__name_en", "expertise")
    autocomplete_fields = ("user", "country", "organization")
    actions = ["send_invitation"]
    fieldsets = (
        (None, {"fields": ("first_name", "last_name", "kind", "country", "organization", "position", "is_active")}),
        (_("Account"), {"fields": ("user", "preferred_language", "time_zone")}),
        (_("Contact (never public)"), {"fields": ("email", "phone")}),
        (_("Directory"), {"fields": ("expertise", "spoken_languages", "bio")}),
        (
            _("Consent"),
            {"fields": ("public_profile", "share_email_with_members", "share_phone_with_members")},
        ),
        (
            _("Notifications"),
            {"fields": ("notify_invitations", "notify_meeting_changes", "notify_minutes", "notify_reminders")},
        ),
    )

    @admin.display(description=_("full name"), ordering="last_name")
    def full_name(self, obj: Member) -> str:
        return obj.full_name

    @admin.action(description=_("Send an account invitation"), permissions=["change"])
    def send_invitation(self, request, queryset):
        # The links are on the portal's address (PORTAL_URL), as in every e-mail, whatever host the admin is on.
        sent = 0
        for member in queryset:
            try:
                invite_member(member=member, by=request.user)
            except InvitationError as error:
                self.message_user(request, str(error), messages.WARNING)
            else:
                sent += 1
        if sent:
            self.message_user(
                request,
                ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", sent) % {"count": sent},
                messages.SUCCESS,
            )

    def get_queryset(self, request):
        # The memberships filter joins a to-many relation; distinct keeps one row a person.
        return super().get_queryset(request).distinct()
