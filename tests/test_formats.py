"""Dates follow the reader's language: templates name a format, trustapp/formats spells it."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

MOMENT = datetime.datetime(2026, 12, 7, 18, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))


@pytest.mark.parametrize(
    ("language", "date", "weekday", "moment", "short"),
    [
        ("en", "7 December 2026", "Monday 7 December", "7 December 2026, 18:30", "7 Dec 2026"),
        (
            "de",
            "7. Dezember 2026",
            "Montag, 7. Dezember",
            "7. Dezember 2026, 18:30",
            "7. Dez. 2026",
        ),
        (
            "es",
            "7 de diciembre de 2026",
            "lunes 7 de diciembre",
            "7 de diciembre de 2026, 18:30",
            "7 dic. 2026",
        ),
        ("fr", "7 décembre 2026", "lundi 7 décembre", "7 décembre 2026 à 18:30", "7 déc. 2026"),
    ],
)
def test_a_date_reads_naturally_in_each_language(language, date, weekday, moment, short):
    template = Template(
        '{{ d|date:"LONG_DATE" }}|{{ d|date:"WEEKDAY_DAY_MONTH" }}|{{ d|date:"LONG_DATE_TIME" }}|'
        '{{ d|date:"SHORT_DAY_MONTH_YEAR" }}'
    )
    with translation.override(language), timezone.override(zoneinfo.ZoneInfo("UTC")):
        rendered = template.render(Context({"d": MOMENT}))
    assert rendered.split("|") == [date, weekday, moment, short]
