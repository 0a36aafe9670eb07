"""Dates follow the reader's language: templates name a format, trustapp/formats spells it."""

import datetime
import importlib
import zoneinfo

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import timezone, translation

EN = importlib.import_module("trustapp.formats.en.formats")
NAMES = sorted(name for name in vars(EN) if name.isupper())
LANGUAGES = sorted({"en", "de", "es", "fr", *(code for code, _name in settings.LANGUAGES)})
MOMENT = datetime.datetime(2026, 12, 7, 18, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_spells_every_format(language):
    """A name missing for a language would be printed as format letters, not a date."""
    module = importlib.import_module(f"trustapp.formats.{language}.formats")
    assert [name for name in NAMES if not getattr(module, name, None)] == []


@pytest.mark.parametrize(
    ("language", "date", "weekday", "short", "moment"),
    [
        ("en", "7 December 2026", "Monday 7 December", "7 Dec 2026", "7 December 2026, 18:30"),
        (
            "de",
            "7. Dezember 2026",
            "Montag, 7. Dezember",
            "7. Dez. 2026",
            "7. Dezember 2026 um 18:30",
        ),
        (
            "es",
            "7 de diciembre de 2026",
            "lunes 7 de diciembre",
            "7 dic. 2026",
            "7 de diciembre de 2026 a las 18:30",
        ),
        ("fr", "7 décembre 2026", "lundi 7 décembre", "7 déc. 2026", "7 décembre 2026 à 18:30"),
    ],
)
def test_a_date_reads_naturally_in_each_language(language, date, weekday, short, moment):
    template = Template(
        '{{ d|date:"DATE_FORMAT" }}|{{ d|date:"WEEKDAY_DATE_FORMAT" }}|'
        '{{ d|date:"SHORT_DATE_FORMAT" }}|{{ d|date:"DATETIME_FORMAT" }}'
    )
    with translation.override(language), timezone.override(zoneinfo.ZoneInfo("UTC")):
        rendered = template.render(Context({"d": MOMENT}))
    assert rendered.split("|") == [date, weekday, short, moment]
