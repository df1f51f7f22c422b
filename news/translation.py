"""Announcements, in each interface language (core.languages)."""

from modeltranslation.translator import TranslationOptions, register

from news.models import NewsItem


@register([NewsItem, NewsItem.history.model])  # The history table records every language.
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "lead", "body")
