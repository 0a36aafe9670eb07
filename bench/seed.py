"""Realistic data for the load benchmark, written through the apps' own services.

    DJANGO_SETTINGS_MODULE=bench.settings python -m bench.seed seed      # once per database
    DJANGO_SETTINGS_MODULE=bench.settings python -m bench.seed prepare   # every run: JSON

`seed` writes one couple with a year of use (Alice and Bob: hundreds of appreciations,
dozens of agreements with revisions and consents, boundaries, conversations, weekly
check-ins) through the services the pages use, on a clock that walks through the year.
Then a few thousand other couples, written in bulk, so every table is big enough that a
missing index or a query per row shows. `prepare` signs Alice and Bob in (database
sessions, like a browser that signed in) and prints what the runner needs as JSON.
"""

import json
import random
import sys
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from unittest import mock

OTHER_COUPLES = 3000
DOMAIN = "bench.example.org"
ALICE = f"alice@{DOMAIN}"
BOB = f"bob@{DOMAIN}"
DAYS = 365

WORDS = (
    "made tea noticed listened remembered called waited cooked asked fixed carried drove "
    "planned laughed apologised shared helped wrote brought cleaned booked walked stayed "
    "the a my our your late early quietly again without being asked after work on Sunday "
    "for me with the kids at the station about the trip before the meeting"
).split()


def _sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


class Clock:
    """`django.utils.timezone.now`, walked forward by the seed: the year happens in order."""

    def __init__(self, start):
        self.current = start

    def __call__(self):
        return self.current

    def at(self, moment):
        self.current = moment
        return moment


@contextmanager
def clock(start):
    fake = Clock(start)
    with mock.patch("django.utils.timezone.now", fake):
        yield fake


def _evening(day, hour=20, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


# -- One couple with a year of use ------------------------------------------------------


def _people():
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    from trustapp.accounts.models import User
    from trustapp.couples.models import Membership, Partnership

    password = make_password("trust-bench-2026")
    alice = User.objects.create(
        email=ALICE, display_name="Alice", time_zone="Europe/Berlin", password=password
    )
    bob = User.objects.create(
        email=BOB, display_name="Bob", time_zone="America/New_York", password=password
    )
    for user in (alice, bob):
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    started = datetime.now(UTC) - timedelta(days=DAYS + 2)
    partnership = Partnership.objects.create(created_at=started)
    Membership.objects.create(partnership=partnership, user=alice, slot=1, joined_at=started)
    Membership.objects.create(partnership=partnership, user=bob, slot=2, joined_at=started)
    return Partnership.objects.get(pk=partnership.pk), alice, bob


def _appreciations(partnership, alice, bob, rng, tick):
    from trustapp.appreciations import services
    from trustapp.appreciations.models import Appreciation, Quality

    today = date.today()
    created = []
    for days_ago in range(DAYS, 0, -1):
        day = today - timedelta(days=days_ago)
        for _ in range(rng.choice((0, 1, 1, 1, 2, 2))):
            author, other = (alice, bob) if rng.random() < 0.5 else (bob, alice)
            tick(_evening(day, rng.randint(7, 22), rng.randint(0, 59)))
            appreciation = services.appreciation_create(
                partnership=partnership,
                author=author,
                text=_sentence(rng, rng.randint(6, 30)),
                happened_on=day,
                qualities=rng.sample(Quality.values, rng.randint(1, 3)),
                share=rng.random() > 0.08,
            )
            if appreciation.is_shared and rng.random() < 0.6:
                tick(_evening(day, 23))
                services.appreciation_react(
                    appreciation=appreciation, user=other, reaction=rng.choice(("thanks", "heart"))
                )
                if rng.random() < 0.3:
                    services.appreciation_reply(
                        appreciation=appreciation, user=other, text=_sentence(rng, 6)
                    )
            created.append(appreciation)
    # Some fresh ones Alice has not opened the log for yet, and a few from today.
    for index in range(4):
        tick(datetime.now(UTC) - timedelta(hours=5 - index))
        services.appreciation_create(
            partnership=partnership,
            author=bob,
            text=_sentence(rng, 14),
            happened_on=today,
            qualities=[Quality.KIND],
        )
    return Appreciation.objects.filter(partnership=partnership).count()


def _agreements(partnership, alice, bob, rng, tick):
    from trustapp.agreements import library, services
    from trustapp.agreements.models import Agreement, StarterAgreement

    library.load()
    starters = list(StarterAgreement.objects.select_related("category"))
    rng.shuffle(starters)
    today = date.today()

    def fresh(agreement):
        return Agreement.objects.get(pk=agreement.pk)

    def consent(agreement, user):
        agreement = fresh(agreement)
        revision = agreement.pending_revision_id or agreement.agreed_revision_id
        return services.agreement_consent(agreement=agreement, user=user, revision_id=revision)

    with services.notifications_off():
        for index in range(40):
            starter = starters[index % len(starters)]
            day = today - timedelta(days=DAYS - index * 8)
            tick(_evening(day, 19))
            author, other = (alice, bob) if index % 2 else (bob, alice)
            agreement = services.agreement_propose(
                partnership=partnership,
                author=author,
                title=starter.title if index < len(starters) else f"{starter.title} ({index})",
                text=starter.text,
                why=starter.why,
                category=starter.category,
                revisit_on=today + timedelta(days=rng.randint(-20, 200)) if index % 3 else None,
            )
            if index >= 36:
                continue  # still a proposal: waiting for the other one
            tick(_evening(day, 21))
            agreement = consent(agreement, other)
            # Changes over the year: suggested, talked about, agreed again.
            for change in range(rng.choice((0, 1, 1, 2, 3))):
                tick(_evening(day + timedelta(days=20 * (change + 1)), 20))
                agreement = fresh(agreement)
                services.agreement_suggest_change(
                    agreement=agreement,
                    author=other if change % 2 else author,
                    title=agreement.title,
                    text=f"{starter.text} {_sentence(rng, 10)}",
                    why=_sentence(rng, 8),
                    expected_version=agreement.version,
                )
                services.comment_add(
                    agreement=fresh(agreement), author=author, text=_sentence(rng, 9)
                )
                agreement = consent(agreement, author if change % 2 else other)
            if index in (5, 11, 17):
                tick(_evening(day + timedelta(days=90), 20))
                services.agreement_withdraw(
                    agreement=fresh(agreement), user=bob, note=_sentence(rng, 10)
                )
            elif index in (7, 13, 19):
                tick(_evening(day + timedelta(days=100), 20))
                services.agreement_retire(agreement=fresh(agreement), user=alice)
                services.agreement_retire(agreement=fresh(agreement), user=bob)
        for index in range(8):
            owner, other = (alice, bob) if index % 2 else (bob, alice)
            tick(_evening(today - timedelta(days=DAYS - 30 * index), 18))
            boundary = services.boundary_state(
                partnership=partnership, owner=owner, text=_sentence(rng, 16)
            )
            if index % 3 == 0:
                boundary = services.boundary_edit(
                    boundary=boundary,
                    owner=owner,
                    text=_sentence(rng, 18),
                    expected_version=boundary.version,
                )
            if index != 6:
                boundary.refresh_from_db()
                services.boundary_acknowledge(
                    boundary=boundary, user=other, revision_id=boundary.current_revision_id
                )
    return Agreement.objects.filter(partnership=partnership).count()


def _conversations(partnership, alice, bob, rng, tick):
    from trustapp.conversations import services
    from trustapp.conversations.models import Conversation, Prompt

    prompts = list(Prompt.objects.active().filter(topic__is_tender=False).order_by("pk"))
    rng.shuffle(prompts)
    today = date.today()
    for index, prompt in enumerate(prompts[:60]):
        day = today - timedelta(days=DAYS - index * 6)
        tick(_evening(day, 20))
        conversation, _created = services.conversation_start(
            partnership=partnership, user=alice if index % 2 else bob, prompt=prompt
        )
        Conversation.objects.filter(pk=conversation.pk).update(started_at=_evening(day, 20))
        if index >= 58:
            continue
        services.answer_submit(conversation=conversation, user=alice, text=_sentence(rng, 30))
        if index >= 56:
            continue  # Alice answered; Bob's turn: the page polls for it
        tick(_evening(day + timedelta(days=1), 21))
        services.answer_submit(conversation=conversation, user=bob, text=_sentence(rng, 30))
        if index < 50:
            tick(_evening(day + timedelta(days=2), 21))
            services.conversation_mark_talked(
                conversation=conversation, user=alice, takeaway=_sentence(rng, 15)
            )
    # Prompt choices: a few starred, a few hidden.
    for prompt in prompts[60:66]:
        services.prompt_choose(partnership=partnership, user=alice, prompt=prompt, starred=True)
    for prompt in prompts[66:69]:
        services.prompt_choose(partnership=partnership, user=alice, prompt=prompt, hidden=True)
    return Conversation.objects.filter(partnership=partnership).count()


def _checkins(partnership, alice, bob, rng):
    from trustapp.checkins.models import ActionPoint, AgendaItem, Answer, CheckIn

    now = datetime.now(UTC)
    weeks = DAYS // 7
    checkin = None
    for week in range(weeks, -1, -1):
        opened = now - timedelta(days=7 * week, hours=1)
        is_current = week == 0
        checkin = CheckIn.objects.create(
            partnership=partnership,
            opened_at=opened,
            closed_at=None if is_current else opened + timedelta(hours=1),
            closed_by=None if is_current else alice,
        )
        for person in (alice, bob):
            if is_current and person is bob:
                continue  # Bob has not answered this week's yet: Alice's page polls
            Answer.objects.create(
                checkin=checkin,
                author=person,
                connected=rng.randint(2, 5),
                trusted=rng.randint(2, 5),
                went_well=_sentence(rng, 12),
                on_my_mind=_sentence(rng, 10) if rng.random() < 0.6 else "",
                i_need=_sentence(rng, 8),
                created_at=opened,
                updated_at=opened,
            )
        for _ in range(rng.randint(0, 2)):
            AgendaItem.objects.create(
                partnership=partnership,
                added_by=rng.choice((alice, bob)),
                text=_sentence(rng, 8),
                created_at=opened - timedelta(days=2),
                talked_about_at=None if is_current else opened,
                talked_about_in=None if is_current else checkin,
            )
        for _ in range(rng.randint(1, 3)):
            ActionPoint.objects.create(
                checkin=checkin,
                text=_sentence(rng, 7),
                owner=rng.choice((alice, bob, None)),
                for_both=False,
                added_by=alice,
                created_at=opened,
                done_at=None if is_current or rng.random() < 0.2 else opened + timedelta(days=3),
            )
    ActionPoint.objects.filter(owner__isnull=True, checkin__partnership=partnership).update(
        for_both=True
    )
    return CheckIn.objects.filter(partnership=partnership).count()


# -- A few thousand other couples, in bulk ----------------------------------------------


def _other_couples(count, rng):
    from trustapp.accounts.models import User
    from trustapp.agreements.models import (
        Acknowledgment,
        Agreement,
        AgreementEvent,
        AgreementRevision,
        Boundary,
        BoundaryRevision,
        Category,
        Comment,
        Consent,
    )
    from trustapp.appreciations.models import (
        Appreciation,
        AppreciationQuality,
        Quality,
        ReadMarker,
    )
    from trustapp.checkins.models import ActionPoint, AgendaItem, CheckIn
    from trustapp.checkins.models import Answer as CheckInAnswer
    from trustapp.conversations.models import Answer, Conversation, Prompt, PromptChoice
    from trustapp.couples.models import Membership, Partnership

    now = datetime.now(UTC)
    today = now.date()
    zones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Europe/London"]
    users = User.objects.bulk_create(
        [
            User(
                email=f"person{index}@{DOMAIN}",
                display_name=f"Person {index}",
                time_zone=zones[index % len(zones)],
                password="!",
                date_joined=now - timedelta(days=rng.randint(1, DAYS)),
            )
            for index in range(count * 2)
        ],
        batch_size=5000,
    )
    partnerships = Partnership.objects.bulk_create(
        [Partnership(created_at=now - timedelta(days=rng.randint(1, DAYS))) for _ in range(count)],
        batch_size=5000,
    )
    Membership.objects.bulk_create(
        [
            Membership(partnership=partnerships[index // 2], user=user, slot=index % 2 + 1)
            for index, user in enumerate(users)
        ],
        batch_size=5000,
    )
    pairs = [(p, users[2 * i], users[2 * i + 1]) for i, p in enumerate(partnerships)]

    # Appreciations: about thirty each, over the year, each with a quality or two.
    rows = []
    for partnership, first, second in pairs:
        for index in range(rng.randint(10, 50)):
            day = today - timedelta(days=rng.randint(0, DAYS))
            author, recipient = (first, second) if index % 2 else (second, first)
            moment = _evening(day, rng.randint(7, 22))
            rows.append(
                Appreciation(
                    partnership=partnership,
                    author=author,
                    recipient=recipient,
                    text=_sentence(rng, 10),
                    happened_on=day,
                    created_at=moment,
                    shared_at=moment if index % 9 else None,
                    reaction=rng.choice(("", "thanks", "heart")),
                )
            )
    appreciations = Appreciation.objects.bulk_create(rows, batch_size=5000)
    AppreciationQuality.objects.bulk_create(
        [
            AppreciationQuality(appreciation=a, quality=quality)
            for a in appreciations
            for quality in rng.sample(Quality.values, rng.randint(1, 2))
        ],
        batch_size=5000,
    )

    # Agreements: a handful each, agreed by both, some changed once.
    categories = list(Category.objects.all())
    agreements = Agreement.objects.bulk_create(
        [
            Agreement(
                partnership=partnership,
                category=rng.choice(categories),
                title=_sentence(rng, 4),
                status=Agreement.Status.IN_FORCE,
                created_by=first,
                created_at=now - timedelta(days=rng.randint(1, DAYS)),
                revisit_on=today + timedelta(days=rng.randint(-30, 300)),
            )
            for partnership, first, second in pairs
            for _ in range(rng.randint(2, 8))
        ],
        batch_size=5000,
    )
    members = {p.pk: (first, second) for p, first, second in pairs}
    revisions = AgreementRevision.objects.bulk_create(
        [
            AgreementRevision(
                agreement=agreement,
                number=number,
                title=agreement.title,
                text=_sentence(rng, 25),
                author=members[agreement.partnership_id][number % 2],
                created_at=agreement.created_at + timedelta(days=number),
            )
            for agreement in agreements
            for number in range(1, rng.choice((1, 1, 2)) + 1)
        ],
        batch_size=5000,
    )
    latest = {}
    for revision in revisions:
        latest[revision.agreement_id] = revision
    Consent.objects.bulk_create(
        [
            Consent(revision=revision, user=user, given_at=revision.created_at)
            for revision in revisions
            for user in members[revision.agreement.partnership_id]
        ],
        batch_size=5000,
    )
    AgreementEvent.objects.bulk_create(
        [
            AgreementEvent(
                agreement_id=agreement_id,
                kind=AgreementEvent.Kind.AGREED,
                actor=revision.author,
                revision=revision,
                created_at=revision.created_at,
            )
            for agreement_id, revision in latest.items()
        ],
        batch_size=5000,
    )
    for agreement in agreements:
        agreement.agreed_revision = latest[agreement.pk]
    Agreement.objects.bulk_update(agreements, ["agreed_revision"], batch_size=5000)
    Comment.objects.bulk_create(
        [
            Comment(agreement=agreement, author=first, text=_sentence(rng, 8))
            for agreement in agreements[::3]
            for first in members[agreement.partnership_id][:1]
        ],
        batch_size=5000,
    )

    # Boundaries: one each, acknowledged by the partner.
    boundaries = Boundary.objects.bulk_create(
        [
            Boundary(partnership=partnership, owner=person)
            for partnership, first, second in pairs
            for person in (first, second)
        ],
        batch_size=5000,
    )
    boundary_revisions = BoundaryRevision.objects.bulk_create(
        [BoundaryRevision(boundary=b, number=1, text=_sentence(rng, 12)) for b in boundaries],
        batch_size=5000,
    )
    for boundary, revision in zip(boundaries, boundary_revisions, strict=True):
        boundary.current_revision = revision
    Boundary.objects.bulk_update(boundaries, ["current_revision"], batch_size=5000)
    Acknowledgment.objects.bulk_create(
        [
            Acknowledgment(revision=revision, user=partner)
            for boundary, revision in zip(boundaries, boundary_revisions, strict=True)
            for partner in members[boundary.partnership_id]
            if partner.pk != boundary.owner_id
        ],
        batch_size=5000,
    )
    ReadMarker.objects.bulk_create(
        [
            ReadMarker(partnership=partnership, user=person, seen_at=now - timedelta(days=1))
            for partnership, first, second in pairs
            for person in (first, second)
        ],
        batch_size=5000,
    )

    # Conversations: a few each, answered by both.
    prompts = list(Prompt.objects.active().filter(topic__is_tender=False))
    conversations = Conversation.objects.bulk_create(
        [
            Conversation(
                partnership=partnership,
                prompt=prompt,
                question=prompt.question,
                started_by=first,
                started_at=(started := now - timedelta(days=rng.randint(1, DAYS))),
                revealed_at=started + timedelta(days=1),
                talked_at=started + timedelta(days=2),
            )
            for partnership, first, second in pairs
            for prompt in rng.sample(prompts, 4)
        ],
        batch_size=5000,
    )
    Answer.objects.bulk_create(
        [
            Answer(
                conversation=conversation,
                user=user,
                text=_sentence(rng, 20),
                created_at=conversation.started_at,
                updated_at=conversation.started_at,
            )
            for conversation in conversations
            for user in members[conversation.partnership_id]
        ],
        batch_size=5000,
    )

    PromptChoice.objects.bulk_create(
        [
            PromptChoice(partnership=partnership, user=first, prompt=prompt, starred=True)
            for partnership, first, second in pairs
            for prompt in rng.sample(prompts, 3)
        ],
        batch_size=5000,
    )

    # Check-ins: a dozen each, both answered.
    checkins = CheckIn.objects.bulk_create(
        [
            CheckIn(
                partnership=partnership,
                opened_at=now - timedelta(days=7 * week + 1),
                closed_at=now - timedelta(days=7 * week),
            )
            for partnership, first, second in pairs
            for week in range(1, 13)
        ],
        batch_size=5000,
    )
    CheckInAnswer.objects.bulk_create(
        [
            CheckInAnswer(
                checkin=checkin,
                author=user,
                connected=rng.randint(1, 5),
                trusted=rng.randint(1, 5),
                went_well=_sentence(rng, 8),
                created_at=checkin.opened_at,
                updated_at=checkin.opened_at,
            )
            for checkin in checkins
            for user in members[checkin.partnership_id]
        ],
        batch_size=5000,
    )
    ActionPoint.objects.bulk_create(
        [
            ActionPoint(checkin=checkin, text=_sentence(rng, 6), for_both=True)
            for checkin in checkins
        ],
        batch_size=5000,
    )
    AgendaItem.objects.bulk_create(
        [
            AgendaItem(partnership=partnership, added_by=first, text=_sentence(rng, 6))
            for partnership, first, second in pairs
        ],
        batch_size=5000,
    )
    return {
        "couples": count,
        "appreciations": len(appreciations),
        "agreements": len(agreements),
        "conversations": len(conversations),
        "checkins": len(checkins),
    }


def _other_sessions(count):
    """Signed-in sessions of other people, so the session table is not tiny."""
    from django.contrib.sessions.models import Session
    from django.utils.crypto import get_random_string

    expire = datetime.now(UTC) + timedelta(days=20)
    Session.objects.bulk_create(
        [
            Session(session_key=get_random_string(32), session_data="e30:", expire_date=expire)
            for _ in range(count)
        ],
        batch_size=5000,
    )


def seed():
    from django.db import connection, transaction

    from trustapp.notifications.models import PartnerNotice

    rng = random.Random(2026)
    with transaction.atomic():
        partnership, alice, bob = _people()
        with clock(datetime.now(UTC) - timedelta(days=DAYS)) as fake:
            counts = {
                "appreciations": _appreciations(partnership, alice, bob, rng, fake.at),
                "agreements": _agreements(partnership, alice, bob, rng, fake.at),
                "conversations": _conversations(partnership, alice, bob, rng, fake.at),
            }
        counts["checkins"] = _checkins(partnership, alice, bob, rng)
        # A year of partner notices would have gone out in daily digests long ago.
        PartnerNotice.objects.all().delete()
        others = _other_couples(OTHER_COUPLES, rng)
        _other_sessions(4000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"alice and bob": counts, "others": others}


POOL_TITLE = "Ask before we say yes for each other"


def _consent_pool(size):
    """A proposal waiting for a first yes in each of `size` other couples, and the partner
    it waits for signed in: the consent row gives every one of them that first yes, as a
    person does (saying yes again writes nothing, so it would measure almost nothing).

    Proposals a run has answered are in force; the next run proposes a fresh one there."""
    from django.conf import settings
    from django.test import Client

    from trustapp.agreements import services
    from trustapp.agreements.models import Agreement, Category
    from trustapp.couples.models import Partnership

    couples = list(
        Partnership.objects.exclude(memberships__user__email__in=(ALICE, BOB))
        .filter(ended_at__isnull=True)
        .prefetch_related("memberships__user")
        .order_by("pk")[:size]
    )
    waiting = dict(
        Agreement.objects.filter(
            partnership__in=couples, title=POOL_TITLE, status=Agreement.Status.PROPOSED
        ).values_list("partnership_id", "pk")
    )
    category = Category.objects.order_by("pk").first()
    pool = []
    for couple in couples:
        proposer, partner = (m.user for m in sorted(couple.memberships.all(), key=lambda m: m.slot))
        if couple.pk not in waiting:
            services.agreement_propose(
                partnership=couple,
                author=proposer,
                title=POOL_TITLE,
                text="When one of us is asked on the other's behalf, we say we will check first.",
                category=category,
            )
        pool.append((couple, partner))
    proposals = {
        a.partnership_id: a
        for a in Agreement.objects.filter(
            partnership__in=couples, title=POOL_TITLE, status=Agreement.Status.PROPOSED
        )
    }
    requests = []
    for couple, partner in pool:
        client = Client()
        client.force_login(partner)
        proposal = proposals[couple.pk]
        requests.append(
            (
                couple.public_id,
                proposal.pk,
                proposal.pending_revision_id,
                client.cookies[settings.SESSION_COOKIE_NAME].value,
            )
        )
    return requests


def prepare(consent_pool=2000):
    """Sign Alice and Bob in and collect what the runner needs to address each page."""
    from django.conf import settings
    from django.test import Client

    from trustapp.accounts.models import User
    from trustapp.agreements.models import Agreement
    from trustapp.appreciations.models import Appreciation
    from trustapp.checkins.models import CheckIn
    from trustapp.conversations.models import Conversation
    from trustapp.couples.models import Partnership

    alice = User.objects.get(email=ALICE)
    bob = User.objects.get(email=BOB)
    partnership = Partnership.objects.get(memberships__user=alice)
    cookies = {}
    for user in (alice, bob):
        client = Client()
        client.force_login(user)
        cookies[user.display_name.lower()] = client.cookies[settings.SESSION_COOKIE_NAME].value
    received = list(
        Appreciation.objects.filter(
            partnership=partnership, recipient=alice, shared_at__isnull=False
        )
        .order_by("-happened_on", "-pk")
        .values_list("pk", flat=True)[:40]
    )
    in_force = list(
        Agreement.objects.filter(partnership=partnership, status=Agreement.Status.IN_FORCE)
        .order_by("pk")
        .values_list("pk", "agreed_revision_id")[:20]
    )
    waiting = (
        Conversation.objects.filter(partnership=partnership, revealed_at__isnull=True)
        .filter(answers__user=alice)
        .values_list("pk", flat=True)
        .first()
    )
    open_checkin = CheckIn.objects.filter(partnership=partnership, closed_at__isnull=True).get()
    return {
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "cookies": cookies,
        "public_id": partnership.public_id,
        "received_appreciations": received,
        "in_force_agreements": in_force,
        "consent_pool": _consent_pool(consent_pool),
        "agreement": in_force[0][0],
        "waiting_conversation": waiting,
        "open_checkin": open_checkin.pk,
        "counts": {
            "appreciations": Appreciation.objects.filter(partnership=partnership).count(),
            "agreements": Agreement.objects.filter(partnership=partnership).count(),
            "conversations": Conversation.objects.filter(partnership=partnership).count(),
            "checkins": CheckIn.objects.filter(partnership=partnership).count(),
            "couples": Partnership.objects.count(),
            "all appreciations": Appreciation.objects.count(),
        },
    }


def main(argv):
    import django

    django.setup()
    command = argv[1] if len(argv) > 1 else ""
    if command == "seed":
        print(json.dumps(seed()))
    elif command == "prepare":
        print(json.dumps(prepare()))
    else:
        sys.exit("usage: python -m bench.seed seed|prepare")


if __name__ == "__main__":
    main(sys.argv)
