"""Check-ins and reminder settings in a person's download (see
trustapp/privacy/rules.py).

A partner's check-in answer appears only where both answered: the same rule the
check-in page follows. Reminder settings belong to the person, not to a space.
"""

from django.db.models import Prefetch, Q

from trustapp.checkins.models import ActionPoint, AgendaItem, Answer, CheckIn
from trustapp.notifications.models import (
    PartnerNotice,
    PushSubscription,
    ReminderDelivery,
    ReminderPreference,
)
from trustapp.privacy.rules import Scope, keeps, who

ANSWER_FIELDS = ("connected", "trusted", "went_well", "on_my_mind", "i_need")


def export_partnership(partnership, user, scope):
    checkins = (
        CheckIn.objects.filter(partnership=partnership)
        .prefetch_related(
            Prefetch("answers", queryset=Answer.objects.order_by("created_at", "pk")),
            Prefetch("action_points", queryset=ActionPoint.objects.order_by("created_at", "pk")),
        )
        .order_by("opened_at", "pk")
    )
    items = []
    for checkin in checkins:
        answers = {answer.author_id: answer for answer in checkin.answers.all()}
        mine = answers.pop(user.pk, None)
        theirs = next(iter(answers.values()), None)
        both = mine is not None and theirs is not None
        item = {"opened_at": checkin.opened_at, "closed_at": checkin.closed_at}
        kept = False
        if mine is not None and keeps(scope, user, author_id=user.pk, shared=both):
            item["your_answer"] = _answer(mine)
            kept = True
        if both and keeps(scope, user, author_id=theirs.author_id, shared=True):
            item["partner_answer"] = _answer(theirs)
            kept = True
        elif scope == Scope.SEEN:
            # Only the fact that they answered, which the check-in page shows too.
            item["partner_answered"] = theirs is not None
        steps = [
            {
                "text": point.text,
                "for": "both" if point.for_both else who(user, point.owner_id),
                "added_by": who(user, point.added_by_id),
                "done_at": point.done_at,
            }
            for point in checkin.action_points.all()
            if keeps(scope, user, author_id=point.added_by_id, shared=True)
        ]
        if steps:
            item["action_points"] = steps
            kept = True
        if kept or scope == Scope.SEEN:
            items.append(item)
    agenda = [
        {
            "text": entry.text,
            "by": who(user, entry.added_by_id),
            "added_at": entry.created_at,
            "talked_about_at": entry.talked_about_at,
        }
        for entry in AgendaItem.objects.filter(partnership=partnership).order_by("created_at")
        if keeps(scope, user, author_id=entry.added_by_id, shared=True)
    ]
    return {"checkins": items, "agenda": agenda}


def _answer(answer):
    return {name: getattr(answer, name) for name in ANSWER_FIELDS} | {
        "written_at": answer.created_at,
        "changed_at": answer.updated_at,
    }


def export_devices(user):
    """The devices that show this person's notifications: names and dates, never the keys
    or the push address (they are the browser's, and useless to anyone else)."""
    return [
        {"name": device.name, "added": device.created_at}
        for device in PushSubscription.objects.filter(user=user)
    ]


def export_reminders(user):
    preference = ReminderPreference.objects.filter(user=user).first()
    if preference is None:
        return {"chosen": False}
    return {
        "chosen": True,
        "push": {
            "check_in_reminders": preference.push_reminders,
            "partner_activity": preference.push_activity,
            "todays_question": preference.push_question,
            "pause_ending": preference.push_pause,
            "quiet_from": preference.quiet_from,
            "quiet_until": preference.quiet_until,
        },
        "how_often": preference.cadence,
        "how_often_label": str(preference.get_cadence_display()),
        "weekday": preference.get_weekday_display(),
        "day_of_month": preference.day_of_month,
        "local_time": preference.local_time,
        "time_zone": preference.time_zone,
        "paused_until": preference.paused_until,
        "partner_activity_emails": preference.activity_emails,
        "partner_activity_emails_label": str(preference.get_activity_emails_display()),
        "next_reminder_at": preference.next_run_at,
    }


def count_rows(user):
    partnerships = user.memberships.values("partnership_id")
    return (
        CheckIn.objects.filter(partnership__in=partnerships).count()
        + ActionPoint.objects.filter(checkin__partnership__in=partnerships).count()
        + AgendaItem.objects.filter(partnership__in=partnerships).count()
    )


def delete_private(user):
    """Answers the partner never saw, and everything about this person's reminders."""
    unrevealed = CheckIn.objects.with_answer_count().filter(
        answer_count__lt=2, pk__in=Answer.objects.filter(author=user).values("checkin_id")
    )
    Answer.objects.filter(author=user, checkin__in=unrevealed).delete()
    # Notices for them, and those about them (their name and words) in a partner's history.
    PartnerNotice.objects.filter(Q(recipient=user) | Q(actor=user)).delete()
    ReminderDelivery.objects.filter(user=user).delete()
    ReminderPreference.objects.filter(user=user).delete()
    PushSubscription.objects.filter(user=user).delete()
