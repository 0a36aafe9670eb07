"""Every URL of the app, walked from the URL configuration, and one real object of each kind
for alice and bob's space, so a walk can fill each path with ids that exist."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


@dataclass(frozen=True)
class Route:
    route: str  # e.g. "p/<str:public_id>/appreciations/<int:pk>/edit/"
    namespace: str  # e.g. "appreciations"
    name: str

    @property
    def in_partnership(self):
        return "<str:public_id>" in self.route

    def parameters(self):
        return [m[2] or m[3] for m in PARAMETER.finditer(self.route)]

    def fill(self, values, default="x"):
        """The path with each parameter replaced by values[name] (or `default`)."""

        def value(match):
            name = match[2] or match[3]
            return str(values.get(name, default))

        path = PARAMETER.sub(value, self.route)
        return "/" + path.replace("^", "").replace("$", "").replace(".*", "")


def walk(patterns=None, prefix="", namespace=""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield Route(prefix + str(entry.pattern), namespace, entry.name or "")


def routes():
    found = sorted(set(walk()), key=lambda r: r.route)
    assert len([r for r in found if r.in_partnership]) >= 4, found  # the walk found the space
    return found


def build_world(partnership, alice, bob):
    """One of each kind in alice and bob's space; the values each URL parameter takes."""
    from tests.agreements.conftest import propose
    from tests.appreciations.conftest import make_appreciation
    from tests.checkins.support import action_point, open_checkin, topic
    from trustapp.agreements import library as agreement_library
    from trustapp.agreements import services as agreements
    from trustapp.calendar.services import feed_turn_on
    from trustapp.conversations import services as conversations
    from trustapp.conversations.library import load_prompts
    from trustapp.conversations.models import Prompt
    from trustapp.couples import services as couples
    from trustapp.dates.models import OurDate
    from trustapp.notifications import services
    from trustapp.notifications.tokens import make_token
    from trustapp.questions import services as questions
    from trustapp.questions.library import load_questions
    from trustapp.repair import services as repair
    from trustapp.repair import track as rebuilding
    from trustapp.wins import services as wins

    # A browser test (transactional) run earlier on this worker empties the data libraries.
    agreement_library.load()
    load_prompts()
    load_questions()
    agreement = propose(partnership, alice)
    boundary = agreements.boundary_state(partnership=partnership, owner=alice, text="Knock first.")
    appreciation = make_appreciation(partnership, alice, bob)
    prompt = Prompt.objects.filter(is_active=True).select_related("topic").first()
    conversation, _ = conversations.conversation_start(
        partnership=partnership, user=alice, prompt=prompt
    )
    checkin = open_checkin(partnership)
    item = topic(partnership, alice)
    step = action_point(checkin)
    step.mark(done=True, by=alice)  # so its partner may notice it (appreciations)
    day_question = questions.today_question(partnership)
    moment = repair.moment_start(partnership=partnership, user=alice, title="A hard evening")
    pause = repair.pause_start(
        partnership=partnership, user=bob, minutes=30, about="", path=partnership.get_absolute_url()
    )
    rebuilding.choose(partnership=partnership, user=alice, role="hurt")
    track = rebuilding.choose(partnership=partnership, user=bob, role="broke")
    rebuilding.set_pace(track=track, user=alice, stage=track.Stage.HELP)
    track_question = rebuilding.ask(track=track, user=alice, text="What happened?")
    win = wins.win_share(partnership=partnership, author=bob, text="I got the job!")
    device = services.device_subscribe(
        user=alice,
        endpoint="https://push.example.net/send/alice",
        p256dh="B" * 87,
        auth="A" * 22,
        name="Alice's phone",
    )
    our_date = OurDate.objects.create(
        partnership=partnership, name="Moving day", day=win.created_at.date()
    )
    solo = couples.partnership_create(user=alice)
    invitation, token = couples.invitation_create(partnership=solo, created_by=alice)
    by_namespace = {
        "agreements": boundary.pk,
        "appreciations": appreciation.pk,
        "conversations": conversation.pk,
        "checkins": checkin.pk,
        "couples": invitation.pk,
        "repair": moment.pk,
        "wins": win.pk,
        "dates": our_date.pk,
    }
    values = {
        "public_id": partnership.public_id,
        "item_pk": item.pk,
        "action_pk": step.pk,
        "pause_pk": pause.pk,
        "question_pk": track_question.pk,
        "device_id": device.pk,
        "token": token,
        "slug": prompt.slug,
        "day": day_question.day.isoformat(),
        "kind": "step",
    }
    return {
        "values": values,
        "pk": by_namespace,
        "agreement": agreement,
        "topic_slug": prompt.topic.slug,
        "reminder_token": make_token(alice, "snooze"),
        "question_token": make_token(
            alice, "question", p=partnership.public_id, d=day_question.day.isoformat()
        ),
        "question_emails_token": make_token(alice, "question_emails"),
        "calendar_token": feed_turn_on(user=alice).token,
    }


def real_values(world, route):
    """The parameters of `route` filled with real ids of alice and bob's objects."""
    values = dict(world["values"])
    values["pk"] = world["pk"].get(route.namespace, 1)
    if route.namespace == "agreements" and "boundaries" not in route.route:
        values["pk"] = world["agreement"].pk
    if "/noticed/" in route.route:
        values["pk"] = values["action_pk"]
    if "topics/" in route.route:
        values["slug"] = world["topic_slug"]
    if route.route.startswith("r/"):
        values["token"] = world["reminder_token"]
    if route.route.startswith("r/question"):
        kind = "question_emails" if "emails" in route.route else "question"
        values["token"] = world[f"{kind}_token"]
    if route.route.startswith("cal/"):
        values["token"] = world["calendar_token"]
    return values
