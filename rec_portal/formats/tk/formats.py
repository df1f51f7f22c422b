"""Turkmen: 29 noýabr 2026 ý., 09:00 (Django's copy the Russian «г.»; Turkmen writes «ý.», ýyl)."""

DATE_FORMAT = r"j E Y ý."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j E Y ý., H:i"
YEAR_MONTH_FORMAT = r"F Y ý."
MONTH_DAY_FORMAT = r"j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
