from django.apps import AppConfig


class CalendarConfig(AppConfig):
    name = "trustapp.calendar"
    label = "calendar"
    default_auto_field = "django.db.models.BigAutoField"
