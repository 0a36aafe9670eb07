from django.apps import AppConfig


def fix_data_choice(sender, partnership, **kwargs):
    from trustapp.privacy.prenup_services import prenup_partnership_ended

    prenup_partnership_ended(partnership)


def choose_on_joining(sender, partnership, user, answers, **kwargs):
    from trustapp.privacy.prenup_services import prenup_choose_on_joining

    prenup_choose_on_joining(partnership=partnership, user=user, answers=answers)


class PrivacyConfig(AppConfig):
    name = "trustapp.privacy"
    label = "privacy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.couples import cards
        from trustapp.couples.signals import invitation_accepted, partnership_ended
        from trustapp.privacy.cards import (
            accept_section,
            home_card,
            leave_section,
            past_spaces_section,
        )

        cards.add("data choice", "privacy/_prenup_home.html", home_card, below=True)
        cards.add_section("leave", "data choice", "privacy/_prenup_leave.html", leave_section)
        cards.add_section("accept", "data choice", "privacy/_prenup_accept.html", accept_section)
        cards.add_section(
            "spaces", "past spaces", "privacy/_copies_of_past_spaces.html", past_spaces_section
        )

        # Ending a space fixes its data choice and the day it is carried out, atomically.
        partnership_ended.connect(fix_data_choice, dispatch_uid="privacy.fix_data_choice")
        invitation_accepted.connect(choose_on_joining, dispatch_uid="privacy.choose_on_joining")
