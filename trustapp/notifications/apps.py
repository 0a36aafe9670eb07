from django.apps import AppConfig


def stop_reminders(sender, partnership, **kwargs):
    from trustapp.notifications.services import reminders_partnership_ended

    reminders_partnership_ended(partnership)


class NotificationsConfig(AppConfig):
    name = "trustapp.notifications"
    label = "notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.couples.signals import partnership_ended

        # Ending a space stops its reminders in the same transaction.
        partnership_ended.connect(stop_reminders, dispatch_uid="notifications.stop_reminders")
