"""Dates and times the way each language writes them (settings.FORMAT_MODULE_PATH).

Templates and code name a format (`date:"DATE_FORMAT"`, `date:"WEEKDAY_DATE_FORMAT"`) and
never spell one out, so "7 December 2026" is "7. Dezember 2026", "7 de diciembre de 2026"
and "7 décembre 2026" without a word changed elsewhere. Django looks a name up in these
modules first, so the app's own names (WEEKDAY_DATE_FORMAT...) work like its standard ones;
every language in LANGUAGES needs a module defining all of them (tests/test_formats.py).
"""
