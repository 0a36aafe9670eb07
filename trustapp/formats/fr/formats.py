# Day and month names stay lowercase, as French writes them mid-sentence.
DATE_FORMAT = "j F Y"  # 7 décembre 2026
DATETIME_FORMAT = r"j F Y \à H:i"  # 7 décembre 2026 à 18:30
DATETIME_ZONE_FORMAT = r"j F Y \à H:i T"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"  # décembre 2026
MONTH_DAY_FORMAT = "j F"  # 7 décembre
MONTH_DAY_TIME_FORMAT = r"j F \à H:i"  # 7 décembre à 18:30
SHORT_DATE_FORMAT = "j N Y"  # 7 déc. 2026
SHORT_DATETIME_FORMAT = "j N Y, H:i"  # 7 déc. 2026, 18:30
SHORT_MONTH_DAY_FORMAT = "j N"  # 7 déc.
SHORT_MONTH_DAY_TIME_FORMAT = "j N, H:i"  # 7 déc., 18:30
WEEKDAY_DATE_FORMAT = "l j F"  # lundi 7 décembre
WEEKDAY_FULL_DATE_FORMAT = "l j F Y"  # lundi 7 décembre 2026
WEEKDAY_DATETIME_FORMAT = r"l j F \à H:i"  # lundi 7 décembre à 18:30
WEEKDAY_TIME_FORMAT = r"l \à H:i"  # lundi à 18:30
