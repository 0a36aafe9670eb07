"""Date formats by name, per language (settings.FORMAT_MODULE_PATH).

Templates never spell a date's shape ("j F Y"): they name it (`date:"LONG_DATE"`), and each
language's module here says how it reads there ("7 December 2026", "7. Dezember 2026",
"7 de diciembre de 2026", "7 décembre 2026"). Every language defines every name below
(tests/test_languages.py checks it); a name Django knows (DATE_FORMAT ...) falls back to
Django's own module for the language.

Short months are "N" outside English: Django's "M" capitalises them ("7 Déc", "7 Dic"), which
French and Spanish never do mid-sentence, and German writes "7. Dez." with its point.
"""

NAMES = (
    "LONG_DATE",
    "LONG_DATE_TIME",
    "LONG_DATE_TIME_ZONE",
    "DAY_MONTH",
    "DAY_MONTH_TIME",
    "WEEKDAY_DAY_MONTH",
    "WEEKDAY_DAY_MONTH_TIME",
    "WEEKDAY_LONG_DATE",
    "WEEKDAY_TIME",
    "SHORT_DAY_MONTH",
    "SHORT_DAY_MONTH_TIME",
    "SHORT_DAY_MONTH_YEAR",
    "SHORT_DAY_MONTH_YEAR_TIME",
    "MONTH_YEAR",
)
