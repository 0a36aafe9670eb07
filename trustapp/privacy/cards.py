"""What privacy shows on couples' pages: the data choice on a space's home and when
leaving, and the copies kept of past spaces on the list of spaces."""

from trustapp.privacy.prenup import prenup_of
from trustapp.privacy.prenup_forms import ChoiceForm, JoiningChoiceForm


def leave_section(*, partnership, user):
    """What happens to the shared words when this person leaves: the space's choice."""
    return {"prenup": prenup_of(partnership)}


def past_spaces_section(*, user):
    """What the person kept of spaces that ended (the copies' data stays unread)."""
    return {"copies": list(user.personal_copies.defer("data"))}


def home_card(partnership, user):
    """The space's choice (a default if unset), and the form while the partner's suggestion
    waits for `user` (the choice itself is first offered when accepting the invitation)."""
    prenup = prenup_of(partnership)
    open_choice = partnership.is_active and prenup.has_proposal and prenup.proposed_by_id != user.pk
    return {"prenup": prenup, "form": ChoiceForm.for_prenup(prenup) if open_choice else None}


def accept_section(*, invitation):
    """The data choice, offered gently while joining (a suggestion to the inviter)."""
    return {"form": JoiningChoiceForm(), "inviter": invitation.created_by}
