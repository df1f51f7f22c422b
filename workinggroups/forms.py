"""The secretariat's form for reporting a country's implementation of a recommendation."""

from __future__ import annotations

from django import forms

from workinggroups import services
from workinggroups.models import ImplementationReport


class ImplementationReportForm(forms.ModelForm):
    """A new report; checked by the rule the service applies, so a refusal is a message on the form."""

    class Meta:
        model = ImplementationReport
        fields = (
            "recommendation",
            "country",
            "status",
            "as_of",
            "reported_by",
            "representative",
            "source",
            "source_url",
            "note",
        )

    def clean(self):
        cleaned = super().clean()
        # On the recommendation's page, the inline formset's own field gives the (maybe unsaved) recommendation.
        recommendation = cleaned.get("recommendation")
        country, as_of, reported_by = cleaned.get("country"), cleaned.get("as_of"), cleaned.get("reported_by")
        if None in (recommendation, country, as_of) or not reported_by:
            return cleaned  # The missing field has its own message.
        try:
            services.check_report(
                recommendation=recommendation,
                country=country,
                as_of=as_of,
                reported_by=reported_by,
                representative=cleaned.get("representative"),
            )
        except services.ImplementationReportError as error:
            raise forms.ValidationError(error.message, code="report") from None
        return cleaned

    def report_values(self) -> dict:
        """Return the service's keyword arguments from this valid form (all but recommendation and author)."""
        data = self.cleaned_data
        notes = {name.removeprefix("note_"): data.get(name) or "" for name in data if name.startswith("note_")}
        return {
            "country": data["country"],
            "status": data["status"],
            "as_of": data["as_of"],
            "reported_by": data["reported_by"],
            "representative": data.get("representative"),
            "source": data.get("source") or "",
            "source_url": data.get("source_url") or "",
            "note": notes,
        }
