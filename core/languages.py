"""The languages of the portal, in the one place every other list of them is derived from.

Settings, model choices, the language switcher, the open-data API and the full-text
search read these. Adding an interface language means one entry in INTERFACE_LANGUAGES,
then its catalogue (makemessages -l xx) and a migration for the new translated columns
(and for the search index, whose expression lists a configuration per language).
Kept free of model imports: the settings module imports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy


def gettext_noop(message: str) -> str:
    """Mark `message` for translation without translating it, as django.conf.global_settings does."""
    # Django's own gettext_noop reads settings.USE_I18N: called while the settings module is
    # being imported, it would configure Django from that half-imported module.
    return message


@dataclass(frozen=True)
class InterfaceLanguage:
    """A language the portal's pages, e-mails and public texts are written in."""

    # As in addresses (/ru/…) and in the columns of translated fields (title_ru).
    code: str
    # In English, marked for translation; the API's documentation names languages in English.
    name: str
    # In itself, as people look for it in a language switcher.
    self_name: str
    # PostgreSQL's text-search configuration; `simple` where PostgreSQL has no dictionary.
    search_config: str
    # Open Graph's og:locale of the pages in this language.
    og_locale: str
    # Where a text not yet written in this language is read from, in order: people in the
    # region read Russian before English (see MODELTRANSLATION_FALLBACK_LANGUAGES).
    fallbacks: tuple[str, ...] = ()

    @property
    def label(self) -> Promise:
        """Return the language's name in the active language."""
        return gettext_lazy(self.name)


INTERFACE_LANGUAGES = (
    # The first is the default: the language every text is written in first and falls back to.
    InterfaceLanguage("en", gettext_noop("English"), "English", "english", "en_GB"),
    InterfaceLanguage("ru", gettext_noop("Russian"), "Русский", "russian", "ru_RU", ("en",)),
    # PostgreSQL has no dictionary for the other five: their texts use `simple` (see meetings/search.py).
    InterfaceLanguage("uz", gettext_noop("Uzbek"), "Oʻzbekcha", "simple", "uz_UZ", ("ru", "en")),
    InterfaceLanguage("kk", gettext_noop("Kazakh"), "Қазақша", "simple", "kk_KZ", ("ru", "en")),
    InterfaceLanguage("ky", gettext_noop("Kyrgyz"), "Кыргызча", "simple", "ky_KG", ("ru", "en")),
    InterfaceLanguage("tg", gettext_noop("Tajik"), "Тоҷикӣ", "simple", "tg_TJ", ("ru", "en")),
    InterfaceLanguage("tk", gettext_noop("Turkmen"), "Türkmençe", "simple", "tk_TM", ("ru", "en")),
)
DEFAULT_LANGUAGE = INTERFACE_LANGUAGES[0].code
CODES = tuple(language.code for language in INTERFACE_LANGUAGES)

BY_CODE = {language.code: language for language in INTERFACE_LANGUAGES}

# Languages people work in and documents are written in besides the interface's, by code.
# A code that becomes an interface language counts once, as that (all five member states'
# languages are interface languages now).
OTHER_WORKING_LANGUAGES: dict[str, str] = {}


def fallback_chain(code: str) -> tuple[str, ...]:
    """Return the languages a text is read in when asked for in `code`, that language first."""
    language = BY_CODE.get(code)
    return (code, *language.fallbacks) if language else (DEFAULT_LANGUAGE,)
