from django.apps import AppConfig


class AppreciationsConfig(AppConfig):
    name = "trustapp.appreciations"
    label = "appreciations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.appreciations.services import new_counts
        from trustapp.notifications import content

        # A reminder says how many appreciations are new to its reader.
        content.provide("new_appreciation_counts", new_counts)
