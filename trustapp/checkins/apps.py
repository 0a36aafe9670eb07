from django.apps import AppConfig
from django.urls import reverse


def check_in_path(partnership):
    return reverse("checkins:current", args=[partnership.public_id])


def revisit_on_agenda(sender, agreement, user, **kwargs):
    from trustapp.checkins.services import agenda_add_revisit

    agenda_add_revisit(agreement=agreement, user=user)


class CheckinsConfig(AppConfig):
    name = "trustapp.checkins"
    label = "checkins"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.agreements.signals import revisit_needs_conversation
        from trustapp.calendar import entries
        from trustapp.checkins.cards import home_card, home_waiting, kept
        from trustapp.checkins.dates import checkin_entries
        from trustapp.couples import cards
        from trustapp.couples import kept as kept_things
        from trustapp.notifications import content

        cards.add("checkins", "checkins/_home_card.html", home_card, waiting=home_waiting)

        # A reminder opens this space's check-in.
        content.provide("check_in_path", check_in_path)

        # The next check-in of each space in the person's calendar feed.
        entries.add("checkins", checkin_entries)
        # The partner may notice a small step done (an appreciation).
        kept_things.add("step", kept)

        # An agreement whose revisit date brought no two yeses comes to the next check-in.
        revisit_needs_conversation.connect(revisit_on_agenda, dispatch_uid="checkins.revisit")
