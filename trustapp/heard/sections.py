"""What "did you feel heard?" adds to the reveal of a conversation or a check-in, through
couples' registry: conversations and check-ins show it without knowing this app."""

from django.urls import reverse

from trustapp.heard import services
from trustapp.heard.forms import FeelingForm


def reveal_section(*, partnership, user, here, conversation=None, checkin=None):
    """This person's own note on this reveal, and the form to give or change it. One query."""
    if conversation is not None:
        about, pk, name = "conversation", conversation.pk, "heard:conversation"
    else:
        about, pk, name = "checkin", checkin.pk, "heard:checkin"
    mine = services.feeling_of(user, conversation=conversation, checkin=checkin)
    form = None
    if partnership.is_active:
        initial = {"understood": mine.understood, "cared_for": mine.cared_for} if mine else {}
        form = FeelingForm(initial=initial, about=about)
    return {
        "partnership": partnership,
        "id": f"heard-{about}-{pk}",
        "action": reverse(name, args=[partnership.public_id, pk]),
        "mine": mine,
        "form": form,
        "here": here,
    }
