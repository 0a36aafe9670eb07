"""A pause's length reads naturally in each language, decimal mark included."""

from django.utils import translation

from trustapp.repair.forms import pause_label


def test_a_pause_of_an_hour_and_a_half_uses_the_language_s_decimal_mark():
    with translation.override("en"):
        assert pause_label(90).startswith("1.5")
    with translation.override("de"):
        assert pause_label(90).startswith("1,5")


def test_whole_hours_and_minutes_are_counted_not_decimals():
    with translation.override("en"):
        assert pause_label(120) == "2 hours"
        assert pause_label(20) == "20 minutes"
