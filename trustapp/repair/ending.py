"""Ending with care: after a space ends (leaving stays instant and solitary, in couples),
each former partner may write a closing letter and choose whether the other reads it; the
one who was left is offered a page of support. Nothing here tells anyone anything."""

from django.utils import timezone
from django.utils.translation import gettext as _

from trustapp.repair.models import ClosingLetter
from trustapp.repair.services import RepairError, _clean
from trustapp.repair.steps import TEXT_MAX_LENGTH

LETTER_MAX_LENGTH = TEXT_MAX_LENGTH


def was_left(partnership, user):
    """The space ended and someone else ended it: `user` was the one left."""
    return (
        not partnership.is_active
        and partnership.ended_by_id is not None
        and partnership.ended_by_id != user.pk
    )


def letters_for(partnership, user):
    """(mine, theirs): theirs only while its writer shares it. One query."""
    letters = list(ClosingLetter.objects.filter(partnership=partnership))
    mine = next((letter for letter in letters if letter.author_id == user.pk), None)
    theirs = next(
        (letter for letter in letters if letter.author_id != user.pk and letter.shared_at), None
    )
    return mine, theirs


def letter_save(*, partnership, user, text, action):
    """`action`: "save" keeps it as it is shared or not; "share" and "unshare" change that.
    Only in an ended space: before the end there is nothing to close."""
    if partnership.is_active:
        raise RepairError(_("A closing letter can be written once a space has ended."))
    text = _clean(text, LETTER_MAX_LENGTH, _("Please keep your letter under %(limit)s characters."))
    if action not in ("save", "share", "unshare"):
        raise RepairError(_("Please save or share your letter."))
    if action == "share" and not text:
        raise RepairError(_("Write your letter first, then you can share it."))
    letter, _created = ClosingLetter.objects.get_or_create(partnership=partnership, author=user)
    letter.text = text
    letter.updated_at = timezone.now()
    if action == "share":
        letter.shared_at = letter.shared_at or letter.updated_at
    elif action == "unshare":
        letter.shared_at = None
    letter.save()
    return letter
