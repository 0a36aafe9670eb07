from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "trustapp.agreements"
    label = "agreements"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.agreements.cards import home_card
        from trustapp.couples import cards

        cards.add("agreements", "agreements/_home_card.html", home_card)
