from django.apps import AppConfig
from django.db.models.signals import post_migrate


def load_library_after_migrate(sender, using, apps=None, **kwargs):
    """Keep categories and starter agreements in step with their data files (new words and
    translations included) after every `migrate`, once the tables have their current shape."""
    from trustapp.agreements.library import load
    from trustapp.agreements.models import Category, StarterAgreement
    from trustapp.lib.library import tables_are_current

    if using != "default" or not tables_are_current(apps, (Category, StarterAgreement)):
        return
    load()


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
        post_migrate.connect(load_library_after_migrate, sender=self)
