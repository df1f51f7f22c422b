"""Writes with side effects on recommendations: the history of their implementation by country."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Country, Member
from workinggroups.models import Implementation, ImplementationReport, Recommendation

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


class ImplementationReportError(Exception):
    """A report of implementation that cannot be recorded as given; nothing was written."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def check_report(
    *,
    recommendation: Recommendation,
    country: Country,
    as_of: datetime.date,
    reported_by: str,
    representative: Member | None = None,
) -> None:
    """Raise ImplementationReportError unless a report with these facts may be recorded."""
    if recommendation.status != Recommendation.Status.ADOPTED:
        raise ImplementationReportError(_("Implementation is reported on adopted recommendations only."))
    if not country.is_member_state:
        raise ImplementationReportError(_("Only the Council's member states report implementation."))
    if as_of > timezone.localdate():
        raise ImplementationReportError(_("A report says where things stand on a day already past or today."))
    if reported_by not in ImplementationReport.Reporter.values:
        raise ImplementationReportError(_("Say whether the country's representative or the secretariat reported it."))
    if representative is not None:
        if reported_by != ImplementationReport.Reporter.REPRESENTATIVE:
            raise ImplementationReportError(
                _("Name a representative only for a report made by the country's representative.")
            )
        if representative.country_id != country.pk:
            raise ImplementationReportError(_("The representative named does not represent this country."))


@transaction.atomic
def report_implementation(
    *,
    recommendation: Recommendation,
    country: Country,
    status: str,
    as_of: datetime.date,
    reported_by: str,
    source: str,
    source_url: str = "",
    note: Mapping[str, str] | None = None,
    representative: Member | None = None,
    by=None,
) -> ImplementationReport:
    """Append a report to the country's history of the recommendation and make the latest report its current status.

    `note` maps a language code to the note in that language. The report and the current
    status are written together or not at all; reports for one recommendation are recorded
    one at a time (the recommendation's row is locked), so none is lost between two.
    """
    # Locked NO KEY, as the recommendation's admin form locks it (core.concurrency): its inline rows
    # and this service queue behind each other instead of deadlocking.
    recommendation = Recommendation.objects.select_for_update(no_key=True).get(pk=recommendation.pk)
    check_report(
        recommendation=recommendation,
        country=country,
        as_of=as_of,
        reported_by=reported_by,
        representative=representative,
    )
    if status not in Implementation.Status.values:
        raise ImplementationReportError(_("Choose one of the implementation statuses."))
    report = ImplementationReport(
        recommendation=recommendation,
        country=country,
        status=status,
        as_of=as_of,
        reported_by=reported_by,
        representative=representative,
        source=source,
        source_url=source_url,
        recorded_by=by,
        **_note_columns(note or {}),
    )
    report.full_clean()
    report.save()
    latest = ImplementationReport.objects.filter(recommendation=recommendation, country=country).first()
    current = Implementation.objects.filter(recommendation=recommendation, country=country).first()
    values = {"status": latest.status, "as_of": latest.as_of, **_note_columns_of(latest)}
    if current is None:
        Implementation.objects.create(recommendation=recommendation, country=country, **values)
    else:
        for name, value in values.items():
            setattr(current, name, value)
        # "note" too: modeltranslation refreshes the original column from the language columns on save.
        current.save(update_fields=[*values, "note", "updated_at"])
    return report


def _note_columns(note: Mapping[str, str]) -> dict[str, str | None]:
    """Return the report's note columns from a note by language; a language not given is None (untranslated)."""
    unknown = set(note) - set(settings.MODELTRANSLATION_LANGUAGES)
    if unknown:
        raise ImplementationReportError(_("A note is written in one of the portal's languages."))
    columns: dict[str, str | None] = {}
    for language in settings.MODELTRANSLATION_LANGUAGES:
        text = (note.get(language) or "").strip()
        columns[f"note_{language}"] = text or ("" if language == DEFAULT_LANGUAGE else None)
    return columns


def _note_columns_of(report: ImplementationReport) -> dict[str, str | None]:
    """Return the note columns of `report`, to copy onto the current status."""
    # The language columns only: modeltranslation keeps the original column itself on save.
    names = [f"note_{language}" for language in settings.MODELTRANSLATION_LANGUAGES]
    return {name: getattr(report, name) for name in names}
