"""Russian formats: Django's, but with the portal's one clock, 24-hour and zero-padded (09:00, not 9:00)."""

# Only what differs from django/conf/locale/ru/formats.py; the rest falls through to it.
# The hour format is core/zones.py CLOCK_FORMAT ("H:i").
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y г., H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
