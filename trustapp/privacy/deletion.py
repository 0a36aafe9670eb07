"""Delete my account: private data goes at once, shared spaces follow their data prenup.

What only this person ever saw (private notes, unrevealed answers, reminders, downloads,
sign-in details) is deleted now. Each space they were in ends, and their partner is told.
Their words in a shared archive stay only as long as that space's choice says; until then
the account row stays behind as a nameless "Partner" with no way to sign in, and
it is deleted once no archive points to it any more.
"""

import secrets

from allauth.account.models import EmailAddress
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from trustapp.couples.models import Membership, Partnership
from trustapp.couples.services import invitations_forget, partnership_leave
from trustapp.lib.i18n import later
from trustapp.lib.mail import absolute_url, send_templated
from trustapp.notifications.services import reminders_stop_for_user
from trustapp.privacy import rules as account_privacy
from trustapp.privacy.export import AREAS
from trustapp.privacy.prenup import prenup_of
from trustapp.privacy.prenup_services import purge_deleted_people


def account_delete(*, user):
    """Delete `user`'s account. Returns the partners who were told."""
    name = user.name
    with transaction.atomic():
        partnerships = list(
            Partnership.objects.for_user(user)
            .select_for_update(of=("self",))
            .prefetch_related(
                Prefetch("memberships", queryset=Membership.objects.select_related("user"))
            )
        )
        told = []
        for partnership in partnerships:
            if not partnership.is_active:
                continue
            partner = partnership.partner_of(user)
            partnership_leave(partnership=partnership, user=user, tell_partner=False)
            if partner is not None and partner.deleted_at is None:
                told.append((partner, partnership))
        reminders_stop_for_user(user)
        invitations_forget(user=user, addresses=_addresses_of(user))
        for module in AREAS.values():
            module.delete_private(user)
        account_privacy.delete_private(user)
        _anonymise(user)
        purge_deleted_people()
    for partner, partnership in told:
        transaction.on_commit(
            lambda partner=partner, partnership=partnership: _tell_partner(
                partner=partner, partnership=partnership, name=name
            )
        )
    return [partner for partner, _partnership in told]


def _addresses_of(user):
    return {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}


def _anonymise(user):
    """Nothing left that says who this was, and no way to sign in as them."""
    user.email = f"deleted-{secrets.token_hex(8)}@deleted.invalid"
    user.display_name = ""
    user.time_zone = "UTC"
    user.discreet_emails = False
    user.theme = "system"
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.deleted_at = timezone.now()
    user.set_unusable_password()  # also ends every session still signed in
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _tell_partner(*, partner, partnership, name):
    partnership = Partnership.objects.filter(pk=partnership.pk).first()
    prenup = prenup_of(partnership) if partnership is not None else None
    send_templated(
        to=partner.email,
        user=partner,
        template="privacy/email/partner_deleted_account",
        subject=later(lambda: _("%(name)s has closed their Trustapp account") % {"name": name}),
        context={
            "partner": partner,
            "name": name,
            "prenup": prenup,
            "applies_at": prenup.when_it_applies() if prenup else None,
            "link": absolute_url(partnership.get_absolute_url()) if partnership else None,
        },
    )
