from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "trustapp.agreements"
    label = "agreements"
    default_auto_field = "django.db.models.BigAutoField"
