# Day before month, a 24-hour clock: how Trustapp has always written English.
DATE_FORMAT = "j F Y"  # 7 December 2026
DATETIME_FORMAT = "j F Y, H:i"  # 7 December 2026, 18:30
DATETIME_ZONE_FORMAT = "j F Y, H:i T"  # 7 December 2026, 18:30 CET
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"  # December 2026
MONTH_DAY_FORMAT = "j F"  # 7 December
MONTH_DAY_TIME_FORMAT = "j F, H:i"  # 7 December, 18:30
SHORT_DATE_FORMAT = "j M Y"  # 7 Dec 2026
SHORT_DATETIME_FORMAT = "j M Y, H:i"  # 7 Dec 2026, 18:30
SHORT_MONTH_DAY_FORMAT = "j M"  # 7 Dec
SHORT_MONTH_DAY_TIME_FORMAT = "j M, H:i"  # 7 Dec, 18:30
WEEKDAY_DATE_FORMAT = "l j F"  # Monday 7 December
WEEKDAY_FULL_DATE_FORMAT = "l j F Y"  # Monday 7 December 2026
WEEKDAY_DATETIME_FORMAT = "l j F, H:i"  # Monday 7 December, 18:30
WEEKDAY_TIME_FORMAT = "l H:i"  # Monday 18:30
