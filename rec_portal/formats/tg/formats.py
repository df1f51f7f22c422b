"""Tajik: 29 ноябри 2026 с., 09:00 (Django's copy the Russian «г.»; Tajik writes «с.», соли)."""

DATE_FORMAT = r"j E Y с."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j E Y с., H:i"
YEAR_MONTH_FORMAT = r"F Y с."
MONTH_DAY_FORMAT = r"j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
