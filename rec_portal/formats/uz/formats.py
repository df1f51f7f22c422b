"""Uzbek: 2026-yil 29-noyabr, 09:00 (year first; month names lower-case in our catalogue)."""

DATE_FORMAT = r"Y-\y\i\l j-E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"Y-\y\i\l j-E, H:i"
YEAR_MONTH_FORMAT = r"F Y-\y\i\l"
MONTH_DAY_FORMAT = r"j-E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
