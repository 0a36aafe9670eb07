from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "trustapp.agreements"
    label = "agreements"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.agreements.cards import home_card, kept, waiting_counts
        from trustapp.couples import cards
        from trustapp.couples import kept as kept_things

        cards.add("agreements", "agreements/_home_card.html", home_card)
        # {"agreements": n, "boundaries": m, "total": n + m} waiting for this person.
        cards.add_badge("agreements", waiting_counts)
        # The partner may notice an agreement in force being kept (an appreciation).
        kept_things.add("agreement", kept)
