"""What the data choice shows on the home of a space, under its cards."""

from trustapp.privacy.prenup import prenup_of
from trustapp.privacy.prenup_forms import ChoiceForm


def home_card(partnership, user):
    """The space's choice (a default if unset), and the form while there is one to make."""
    prenup = prenup_of(partnership)
    open_choice = partnership.is_active and (not prenup.was_chosen or prenup.has_proposal)
    return {"prenup": prenup, "form": ChoiceForm.for_prenup(prenup) if open_choice else None}
