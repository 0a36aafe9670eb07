from django.apps import AppConfig


class AppreciationsConfig(AppConfig):
    name = "trustapp.appreciations"
    label = "appreciations"
    default_auto_field = "django.db.models.BigAutoField"
