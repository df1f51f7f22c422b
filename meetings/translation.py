"""Texts of meetings that the public reads, in each interface language (core.languages)."""

from modeltranslation.translator import TranslationOptions, register

from meetings.models import AgendaItem, Meeting, PublicSummary, Venue

# The history tables record the translated columns too (HistoricalMeeting etc. are made
# from the model before translation fields exist, so they are registered alike).


@register(Venue)
class VenueTranslation(TranslationOptions):
    fields = ("name", "city")


@register([Meeting, Meeting.history.model])
class MeetingTranslation(TranslationOptions):
    fields = ("title", "description")


@register([AgendaItem, AgendaItem.history.model])
class AgendaItemTranslation(TranslationOptions):
    fields = ("title", "description")


@register([PublicSummary, PublicSummary.history.model])
class PublicSummaryTranslation(TranslationOptions):
    fields = ("title", "text")
