from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "trustapp.agreements"
    label = "agreements"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.agreements.cards import home_card, home_waiting, kept, waiting_counts
        from trustapp.agreements.dates import revisit_entries
        from trustapp.calendar import entries
        from trustapp.couples import cards
        from trustapp.couples import kept as kept_things

        cards.add("agreements", "agreements/_home_card.html", home_card, waiting=home_waiting)
        # {"agreements": n, "boundaries": m, "total": n + m} waiting for this person.
        cards.add_badge("agreements", waiting_counts)

        # Each revisit date in the calendar feed of both partners.
        entries.add("agreement_revisits", revisit_entries)
        # The partner may notice an agreement in force being kept (an appreciation).
        kept_things.add("agreement", kept)
