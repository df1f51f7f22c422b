"""Kyrgyz: 2026-жылдын 29-ноябры, 09:00 (the month in its possessive form, from our catalogue)."""

DATE_FORMAT = r"Y-жылдын j-E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"Y-жылдын j-E, H:i"
YEAR_MONTH_FORMAT = r"F Y-ж."
MONTH_DAY_FORMAT = r"j-E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
