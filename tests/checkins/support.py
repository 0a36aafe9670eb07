"""Small builders for check-in tests."""

from django.urls import reverse

from trustapp.checkins.models import ActionPoint, AgendaItem, Answer, CheckIn


def open_checkin(partnership, **fields):
    return CheckIn.objects.create(partnership=partnership, **fields)


def answer(checkin, user, connected=4, trusted=5, **texts):
    return Answer.objects.create(
        checkin=checkin, author=user, connected=connected, trusted=trusted, **texts
    )


def action_point(checkin, text="Phones away at dinner", owner=None, **fields):
    return ActionPoint.objects.create(
        checkin=checkin, text=text, owner=owner, for_both=owner is None, **fields
    )


def topic(partnership, user, text="Chores", **fields):
    return AgendaItem.objects.create(partnership=partnership, added_by=user, text=text, **fields)


def url(name, partnership, *args):
    return reverse(f"checkins:{name}", args=[partnership.public_id, *args])


ANSWER_POST = {
    "connected": "4",
    "trusted": "3",
    "went_well": "The walk on Sunday",
    "on_my_mind": "Work is loud",
    "i_need": "A quiet evening",
}
