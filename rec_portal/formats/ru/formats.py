"""Russian: 29 ноября 2026 г., 09:00 (Django's own, with a zero-padded 24-hour clock)."""

DATE_FORMAT = r"j E Y г."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j E Y г., H:i"
YEAR_MONTH_FORMAT = r"F Y г."
MONTH_DAY_FORMAT = r"j F"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
