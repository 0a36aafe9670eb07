# Day and month names stay lowercase, as Spanish writes them mid-sentence.
DATE_FORMAT = r"j \d\e F \d\e Y"  # 7 de diciembre de 2026
DATETIME_FORMAT = r"j \d\e F \d\e Y \a \l\a\s H:i"  # 7 de diciembre de 2026 a las 18:30
DATETIME_ZONE_FORMAT = r"j \d\e F \d\e Y \a \l\a\s H:i T"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = r"F \d\e Y"  # diciembre de 2026
MONTH_DAY_FORMAT = r"j \d\e F"  # 7 de diciembre
MONTH_DAY_TIME_FORMAT = r"j \d\e F \a \l\a\s H:i"  # 7 de diciembre a las 18:30
SHORT_DATE_FORMAT = "j N Y"  # 7 dic. 2026
SHORT_DATETIME_FORMAT = "j N Y, H:i"  # 7 dic. 2026, 18:30
SHORT_MONTH_DAY_FORMAT = "j N"  # 7 dic.
SHORT_MONTH_DAY_TIME_FORMAT = "j N, H:i"  # 7 dic., 18:30
WEEKDAY_DATE_FORMAT = r"l j \d\e F"  # lunes 7 de diciembre
WEEKDAY_FULL_DATE_FORMAT = r"l j \d\e F \d\e Y"  # lunes 7 de diciembre de 2026
WEEKDAY_DATETIME_FORMAT = r"l j \d\e F \a \l\a\s H:i"  # lunes 7 de diciembre a las 18:30
WEEKDAY_TIME_FORMAT = r"l \a \l\a\s H:i"  # lunes a las 18:30
