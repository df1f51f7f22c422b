"""Kazakh: 2026 жылғы 29 қараша, 09:00 (Django has no Kazakh formats)."""

DATE_FORMAT = r"Y жылғы j E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"Y жылғы j E, H:i"
YEAR_MONTH_FORMAT = r"Y жылғы F"
MONTH_DAY_FORMAT = r"j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]  # Kazakhstan writes 29.11.2026.
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # A no-break space: 1 234,5
NUMBER_GROUPING = 3
