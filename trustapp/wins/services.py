"""Sharing good news, answering it, and keeping the answer in the appreciation log."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trustapp.appreciations.models import Quality
from trustapp.appreciations.services import appreciation_create
from trustapp.notifications.notify import notify_partner
from trustapp.wins.models import Win


class WinError(Exception):
    """Why something cannot happen to a win, in words a person can read."""


def win_share(*, partnership, author, text):
    partner = partnership.partner_of(author)
    if partner is None:
        raise WinError(_("Good news is shared once your partner has joined."))
    with transaction.atomic():
        win = Win.objects.create(partnership=partnership, author=author, text=text)
        notify_partner(
            partnership=partnership,
            recipient=partner,
            actor=author,
            kind="win",
            subject=gettext_lazy("%(name)s has good news"),
            message=gettext_lazy("%(name)s shared something good that happened to them."),
            values={"name": author.name},
            path=win.get_absolute_url(),
        )
    return win


def win_respond(*, win, user, text):
    """The partner's one answer. A second answer is refused, even in a race."""
    if win.author_id == user.pk:
        raise WinError(_("This is your own news; the answer is your partner's to give."))
    now = timezone.now()
    with transaction.atomic():
        updated = Win.objects.filter(pk=win.pk, responded_at__isnull=True).update(
            response=text, responded_at=now
        )
        if not updated:
            raise WinError(_("You have already answered this one."))
        win.response, win.responded_at = text, now
        notify_partner(
            partnership=win.partnership,
            recipient=win.author,
            actor=user,
            kind="win_response",
            subject=gettext_lazy("%(name)s answered your good news"),
            message=gettext_lazy("%(name)s wrote back about your good news."),
            values={"name": user.name},
            path=win.get_absolute_url(),
        )
    return win


def win_keep(*, win, user):
    """The one who shared keeps the answer as an appreciation of their partner's support.
    Keeping twice keeps one."""
    if win.author_id != user.pk or not win.has_response:
        raise WinError(_("Only the one who shared the news can keep its answer."))
    with transaction.atomic():
        locked = Win.objects.select_for_update().get(pk=win.pk)
        if locked.kept_id is not None:
            win.kept_id = locked.kept_id
            return win
        appreciation = appreciation_create(
            partnership=win.partnership,
            author=user,
            text=_("When I told you “%(news)s”, you answered: “%(words)s”")
            % {"news": win.text, "words": win.response},
            happened_on=timezone.localdate(win.responded_at),
            qualities=[Quality.SUPPORTIVE],
        )
        Win.objects.filter(pk=win.pk).update(kept=appreciation)
        win.kept = appreciation
    return win


def unanswered_for(partnership, user):
    """The partner's latest news that `user` has not answered yet, if any."""
    return (
        Win.objects.filter(partnership=partnership, responded_at__isnull=True)
        .exclude(author=user)
        .first()
    )
