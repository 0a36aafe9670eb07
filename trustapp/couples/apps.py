from django.apps import AppConfig


class CouplesConfig(AppConfig):
    name = "trustapp.couples"
    label = "couples"
    default_auto_field = "django.db.models.BigAutoField"
