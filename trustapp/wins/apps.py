from django.apps import AppConfig


class WinsConfig(AppConfig):
    name = "trustapp.wins"
    label = "wins"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.couples import cards
        from trustapp.wins.cards import home_card

        cards.add("wins", "wins/_home_card.html", home_card)
