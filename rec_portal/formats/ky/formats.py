"""Kyrgyz: 2026-ж. 29-ноябрь, 09:00."""

DATE_FORMAT = r"Y-ж. j-E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"Y-ж. j-E, H:i"
YEAR_MONTH_FORMAT = r"F Y-ж."
MONTH_DAY_FORMAT = r"j-E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
