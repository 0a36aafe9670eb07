from django.apps import AppConfig


class DatesConfig(AppConfig):
    name = "trustapp.dates"
    label = "dates"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.calendar import entries
        from trustapp.couples import cards
        from trustapp.dates.cards import calendar_entries, home_card, home_waiting

        cards.add("dates", "dates/_home_card.html", home_card, waiting=home_waiting)
        entries.add("our_dates", calendar_entries)
