from django.apps import AppConfig


class AppreciationsConfig(AppConfig):
    name = "trustapp.appreciations"
    label = "appreciations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.appreciations.cards import home_card, home_waiting, memories
        from trustapp.appreciations.services import new_counts
        from trustapp.couples import cards
        from trustapp.couples import memories as on_this_day
        from trustapp.notifications import content

        cards.add("appreciations", "appreciations/_home_card.html", home_card, waiting=home_waiting)
        on_this_day.add("appreciations", memories)

        # A reminder says how many appreciations are new to its reader.
        content.provide("new_appreciation_counts", new_counts)
