"""Rules of pairing: creating a partnership, inviting, accepting, leaving."""

import secrets

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from trustapp.couples import emails
from trustapp.couples.models import (
    NAME_MAX_LENGTH,
    Invitation,
    Membership,
    Partnership,
    hash_token,
)
from trustapp.couples.signals import partnership_ended


class InvitationError(Exception):
    """Why an invitation cannot be accepted, in words a person can read."""


def partnership_create(*, user, name=""):
    with transaction.atomic():
        partnership = Partnership.objects.create(name=clean_name(name))
        Membership.objects.create(partnership=partnership, user=user, slot=1)
    return partnership


def clean_name(name):
    """A space's name on one line, spaces collapsed: "" means the default (title_for)."""
    return " ".join((name or "").split())[:NAME_MAX_LENGTH]


def partnership_rename(*, partnership, name):
    """Either partner names the space, or (with "") gives it back its default."""
    partnership.name = clean_name(name)
    partnership.save(update_fields=["name"])
    return partnership


def invitation_create(*, partnership, created_by, email=""):
    """Create a fresh invitation; earlier pending links of this partnership stop working.

    Returns (invitation, token). The token is shown once and never stored.
    """
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        partnership.invitations.pending().update(revoked_at=now)
        invitation = Invitation.objects.create(
            partnership=partnership,
            created_by=created_by,
            token_hash=hash_token(token),
            email=email,
            created_at=now,
            expires_at=now + Invitation.lifetime(),
        )
    if email:
        transaction.on_commit(lambda: emails.send_invitation(invitation, token))
    return invitation, token


def invitation_for_token(token):
    return (
        Invitation.objects.select_related("partnership", "created_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


def invitation_problem(invitation, user):
    """The reason this person cannot accept the invitation, or None."""
    if invitation is None:
        return _("This invitation link is not valid. Ask your partner for a new one.")
    if invitation.accepted_at:
        return _("This invitation has already been used. Ask your partner for a new link.")
    if invitation.revoked_at:
        return _("This invitation was withdrawn. Ask your partner for a new link.")
    if invitation.declined_at:
        return _("This invitation was declined. Ask your partner for a new link.")
    if invitation.is_expired:
        return _("This invitation has expired. Invitations last 7 days; ask for a new link.")
    if not invitation.partnership.is_active:
        return _("This partnership has ended, so it can no longer be joined.")
    if user is not None and user.is_authenticated:
        if invitation.created_by_id == user.pk:
            return _("This is your own invitation. Share the link with your partner instead.")
        if invitation.partnership.memberships.filter(user=user).exists():
            return _("You are already in this partnership.")
    return None


def invitation_accept(*, token, user):
    """Join the partnership behind the token. Exactly one person can win a given link."""
    try:
        with transaction.atomic():
            invitation = (
                Invitation.objects.select_for_update()
                .select_related("partnership", "created_by")
                .filter(token_hash=hash_token(token))
                .first()
            )
            problem = invitation_problem(invitation, user)
            if problem:
                raise InvitationError(problem)
            partnership = invitation.partnership
            if partnership.memberships.count() >= 2:
                raise InvitationError(_("This partnership already has two partners."))
            # The unique (partnership, slot) constraint is the last word on a race.
            Membership.objects.create(partnership=partnership, user=user, slot=2)
            invitation.accepted_at = timezone.now()
            invitation.accepted_by = user
            invitation.save(update_fields=["accepted_at", "accepted_by"])
    except IntegrityError as error:
        raise InvitationError(_("This partnership already has two partners.")) from error
    return partnership


def invitation_decline(*, token, user):
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update().filter(token_hash=hash_token(token)).first()
        )
        problem = invitation_problem(invitation, user)
        if problem:
            raise InvitationError(problem)
        invitation.declined_at = timezone.now()
        invitation.save(update_fields=["declined_at"])
    return invitation


def invitation_revoke(*, invitation):
    if invitation.is_pending:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


def invitations_forget(*, user, addresses):
    """A deleted account leaves no address behind: neither the ones they invited, nor
    their own on invitations sent to them."""
    sent_or_to_them = Q(created_by=user) | Q(accepted_by=user)
    for address in addresses:
        sent_or_to_them |= Q(email__iexact=address)
    Invitation.objects.filter(sent_or_to_them).exclude(email="").update(email="")


def partnership_leave(*, partnership, user, tell_partner=True):
    """Leave, alone, at any time. The space becomes a read-only archive for both.

    `tell_partner=False` when the caller tells them itself (deleting an account)."""
    now = timezone.now()
    with transaction.atomic():
        partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
        membership = partnership.memberships.select_related("user").get(user=user)
        if membership.left_at is None:
            membership.left_at = now
            membership.save(update_fields=["left_at"])
        if partnership.ended_at is None:
            partnership.ended_at = now
            partnership.ended_by = user
            partnership.save(update_fields=["ended_at", "ended_by"])
            partnership.invitations.pending().update(revoked_at=now)
            partnership_ended.send(sender=Partnership, partnership=partnership)
            partner = partnership.partner_of(user)
            if partner is not None and tell_partner:
                transaction.on_commit(
                    lambda: emails.send_partner_left(
                        partnership=partnership, leaver=user, partner=partner
                    )
                )
    return partnership
