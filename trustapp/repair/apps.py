from django.apps import AppConfig


def end_pauses(sender, partnership, **kwargs):
    from trustapp.repair.services import pauses_partnership_ended

    pauses_partnership_ended(partnership)


def end_track(sender, partnership, **kwargs):
    from trustapp.repair.track import track_ended

    track_ended(partnership)


class RepairConfig(AppConfig):
    name = "trustapp.repair"
    label = "repair"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.couples import cards
        from trustapp.couples.signals import partnership_ended
        from trustapp.repair.sections import home_card, home_waiting, pause_section, spaces_section

        cards.add("repair", "repair/_home_card.html", home_card, waiting=home_waiting)
        # Conversations and check-ins show it without knowing repair exists.
        cards.add_section("pause", "repair", "repair/_pause.html", pause_section)
        # After a space someone else ended: support, on the list of spaces.
        cards.add_section("spaces", "repair", "repair/_spaces.html", spaces_section)
        partnership_ended.connect(end_pauses, dispatch_uid="repair.end_pauses")
        partnership_ended.connect(end_track, dispatch_uid="repair.end_track")
