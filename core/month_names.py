"""Django's month names inside a date, repeated so that our catalogues can correct them.

Django's own catalogues write the month inside a date ("alt. month", the `E` format) with a
capital in Uzbek, Kazakh, Kyrgyz and Turkmen ("29-Noyabr") where those languages write it in
lower case ("2026-yil 29-noyabr"), and without the Tajik izofa ("29 ноябри"). Our catalogues
(LOCALE_PATHS) come before Django's, and makemessages keeps only what our code marks, so the
twelve names are marked here; nothing imports this module.
"""

from __future__ import annotations

from django.utils.translation import pgettext_lazy

MONTHS_IN_A_DATE = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
