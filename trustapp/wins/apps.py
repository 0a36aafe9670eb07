from django.apps import AppConfig


class WinsConfig(AppConfig):
    name = "trustapp.wins"
    label = "wins"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.couples import cards
        from trustapp.couples import memories as on_this_day
        from trustapp.wins.cards import home_card, home_waiting, memories

        cards.add("wins", "wins/_home_card.html", home_card, waiting=home_waiting)
        on_this_day.add("wins", memories)
