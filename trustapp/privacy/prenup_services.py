"""Rules of the data prenup: proposing, agreeing, and carrying it out after a space ends."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trustapp.couples.models import Membership, Partnership
from trustapp.notifications.notify import notify_partner
from trustapp.privacy.prenup import DataChoice, DataPrenup, grace_period
from trustapp.privacy.prenup_forms import JoiningChoiceForm


class PrenupError(Exception):
    """Why a change cannot happen, in words a person can read."""


def _locked(partnership):
    prenup, _created = DataPrenup.objects.select_for_update().get_or_create(partnership=partnership)
    return prenup


def _clear_proposal(prenup):
    prenup.proposed_choice = ""
    prenup.proposed_by = None
    prenup.proposed_at = None


def _tell(partnership, *, recipient, actor, kind, subject, message, values=None):
    notify_partner(
        partnership=partnership,
        recipient=recipient,
        actor=actor,
        kind=kind,
        subject=subject,
        message=message,
        values=values,
        path=reverse("privacy:prenup", args=[partnership.public_id]),
    )


def prenup_propose(*, partnership, user, choice):
    """Suggest a choice. Suggesting what the partner already suggested agrees to it."""
    partner = partnership.partner_of(user)
    if partner is None:
        raise PrenupError(_("You choose this together, once your partner has joined."))
    if choice not in DataChoice.values:
        raise PrenupError(_("Please pick one of the three options."))
    with transaction.atomic():
        prenup = _locked(partnership)
        if prenup.proposed_choice == choice and prenup.proposed_by_id == partner.pk:
            return _agree(prenup, user, choice)
        if prenup.was_chosen and prenup.choice == choice:
            if prenup.has_proposal:  # going back to what stands: nothing left to agree
                _clear_proposal(prenup)
                prenup.save()
                return prenup
            raise PrenupError(_("That is already what you both chose."))
        prenup.proposed_choice = choice
        prenup.proposed_by = user
        prenup.proposed_at = timezone.now()
        prenup.save()
    _tell(
        partnership,
        recipient=partner,
        actor=user,
        kind="data_choice_proposed",
        subject=gettext_lazy("%(name)s made a suggestion about your shared data"),
        message=gettext_lazy(
            "%(name)s suggested what should happen to what you share if your space ever "
            "ends. Nothing changes unless you agree too."
        ),
        values={"name": user.name},
    )
    return prenup


def prenup_agree(*, partnership, user, choice):
    """Agree to the partner's suggestion; `choice` is the one the person saw."""
    with transaction.atomic():
        prenup = _locked(partnership)
        return _agree(prenup, user, choice)


def _agree(prenup, user, choice):
    if not prenup.has_proposal or prenup.proposed_choice != choice:
        raise PrenupError(_("The suggestion changed a moment ago. Please have another look."))
    if prenup.proposed_by_id == user.pk:
        raise PrenupError(
            _("This is your own suggestion. It takes effect once your partner agrees.")
        )
    proposer = prenup.proposed_by
    prenup.choice = choice
    prenup.agreed_at = timezone.now()
    _clear_proposal(prenup)
    prenup.save()
    partnership = prenup.partnership
    _tell(
        partnership,
        recipient=proposer,
        actor=user,
        kind="data_choice_agreed",
        subject=gettext_lazy("%(name)s agreed to your suggestion"),
        message=gettext_lazy("%(name)s agreed: if your space ever ends, %(choice)s."),
        values={"name": user.name, "choice": _choice_sentence(choice)},
    )
    return prenup


def prenup_proposal_clear(*, partnership, user):
    """Take back one's own suggestion, or prefer to keep what stands. Either may."""
    with transaction.atomic():
        prenup = _locked(partnership)
        if not prenup.has_proposal:
            return prenup
        proposer = prenup.proposed_by
        _clear_proposal(prenup)
        prenup.save()
    if proposer is not None and proposer.pk != user.pk:
        _tell(
            partnership,
            recipient=proposer,
            actor=user,
            kind="data_choice_declined",
            subject=gettext_lazy("%(name)s would rather keep your current choice"),
            message=gettext_lazy(
                "%(name)s would rather keep what you chose about your shared data for now. "
                "You can talk about it and suggest again at any time."
            ),
            values={"name": user.name},
        )
    return prenup


def _choice_sentence(choice):
    return {
        DataChoice.KEEP_ALL: gettext_lazy("each of you keeps a copy of everything you shared"),
        DataChoice.OWN_WORDS: gettext_lazy("each of you keeps only your own words"),
        DataChoice.DELETE: gettext_lazy("what you shared is deleted"),
    }[choice]


# -- When a space ends ------------------------------------------------------------------


def prenup_partnership_ended(partnership):
    """Called inside `partnership_leave`: the choice is fixed and its date is set."""
    prenup, _created = DataPrenup.objects.select_for_update().get_or_create(partnership=partnership)
    prenup.applies_at = partnership.ended_at + grace_period()
    _clear_proposal(prenup)
    prenup.save()


def archives_apply_due(*, now=None, limit=100):
    """Carry out the choice of every ended space whose grace period is over.

    Returns how many spaces were closed. Safe to run twice, and on two workers at once.
    """
    now = now or timezone.now()
    due = list(
        DataPrenup.objects.filter(applies_at__lte=now, partnership__ended_at__isnull=False)
        .exclude(choice=DataChoice.KEEP_ALL)
        .order_by("applies_at")
        .values_list("partnership_id", flat=True)[:limit]
    )
    closed = sum(1 for partnership_id in due if archive_apply(partnership_id, now=now))
    purge_deleted_people()
    return closed


def archive_apply(partnership_id, *, now=None):
    """Each member with an account keeps what the choice says; then the space is deleted."""
    from trustapp.privacy.export import has_words, partnership_data
    from trustapp.privacy.models import PersonalCopy
    from trustapp.privacy.rules import Scope

    now = now or timezone.now()
    with transaction.atomic():
        partnership = (
            Partnership.objects.select_for_update(skip_locked=True)
            .filter(pk=partnership_id, ended_at__isnull=False)
            .first()
        )
        if partnership is None:  # gone already, or another worker is on it
            return False
        prenup = DataPrenup.objects.filter(partnership=partnership).first()
        if prenup is None or prenup.choice == DataChoice.KEEP_ALL:
            return False
        if prenup.applies_at is None or prenup.applies_at > now:
            return False
        scope = Scope.OWN if prenup.choice == DataChoice.OWN_WORDS else Scope.PRIVATE
        members = partnership.memberships.select_related("user").filter(
            user__deleted_at__isnull=True
        )
        for membership in members:
            data = partnership_data(partnership, membership.user, scope)
            if has_words(data):
                PersonalCopy.objects.create(
                    user=membership.user,
                    scope=scope,
                    started_at=partnership.created_at,
                    ended_at=partnership.ended_at,
                    data=data,
                )
        partnership.delete()
    return True


def purge_deleted_people():
    """Spaces nobody with an account is left in, then deleted accounts nothing points to."""
    live_member = Membership.objects.filter(
        partnership=OuterRef("pk"), user__deleted_at__isnull=True
    )
    Partnership.objects.filter(ended_at__isnull=False).exclude(Exists(live_member)).delete()
    get_user_model().objects.filter(deleted_at__isnull=False, memberships__isnull=True).delete()


def prenup_choose_on_joining(*, partnership, user, answers):
    """The choice made while accepting the invitation, suggested to the inviter, who agrees
    or not from the space's home. Skipped or unreadable: the most private option stands."""
    form = JoiningChoiceForm(answers)
    if not form.is_valid() or form.cleaned_data["data_choice"] == JoiningChoiceForm.LATER:
        return None
    try:
        return prenup_propose(
            partnership=partnership, user=user, choice=form.cleaned_data["data_choice"]
        )
    except PrenupError:
        return None
