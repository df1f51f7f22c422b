"""Fields of people and organisations that are written in each interface language (core.languages)."""

from modeltranslation.translator import TranslationOptions, register

from members.models import Country, Organization


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "description")
