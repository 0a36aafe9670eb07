"""A few weeks of past check-ins for the demo partners, so the trend has a shape."""

from datetime import timedelta

from django.utils import timezone

from trustapp.checkins.models import ActionPoint, AgendaItem, Answer, CheckIn

# (alice connected, alice trusted, bob connected, bob trusted), oldest first.
RATINGS = [(3, 4, 2, 3), (3, 3, 3, 4), (4, 4, 3, 4), (2, 3, 3, 3), (4, 5, 4, 4)]
WENT_WELL = [
    ("Our slow Sunday breakfast.", "You picked me up from the station in the rain."),
    ("We finally sorted the holiday dates.", "Cooking together on Wednesday."),
    ("You asked about my exam and really listened.", "The walk by the river."),
    ("We got through a busy week without snapping.", "Your note on the fridge."),
    ("Dancing in the kitchen.", "Telling you about work felt easy."),
]
STEPS = [
    ("Phones away at dinner on Friday", "both"),
    ("Book the train for the visit", "bob"),
    ("Ask for help sooner when I am tired", "alice"),
    ("A walk together at the weekend", "both"),
    ("Write down what we want from the summer", "both"),
]


def seed(partnership, alice, bob):
    now = timezone.now()
    owners = {"alice": alice, "bob": bob, "both": None}
    weeks = len(RATINGS)
    for index, (a_conn, a_trust, b_conn, b_trust) in enumerate(RATINGS):
        opened = now - timedelta(days=7 * (weeks - index), hours=2)
        checkin = CheckIn.objects.create(
            partnership=partnership, opened_at=opened, closed_at=opened + timedelta(hours=1)
        )
        alice_well, bob_well = WENT_WELL[index]
        Answer.objects.create(
            checkin=checkin,
            author=alice,
            connected=a_conn,
            trusted=a_trust,
            went_well=alice_well,
            on_my_mind="Work is loud this month." if index % 2 else "",
            i_need="An evening for just the two of us.",
            created_at=opened,
            updated_at=opened,
        )
        Answer.objects.create(
            checkin=checkin,
            author=bob,
            connected=b_conn,
            trusted=b_trust,
            went_well=bob_well,
            on_my_mind="My sister's visit." if index == 3 else "",
            i_need="A bit of quiet after work.",
            created_at=opened,
            updated_at=opened,
        )
        text, owner = STEPS[index]
        ActionPoint.objects.create(
            checkin=checkin,
            text=text,
            owner=owners[owner],
            for_both=owner == "both",
            added_by=alice,
            created_at=opened,
            done_at=opened + timedelta(days=3) if index < weeks - 1 else None,
        )
        if index == 2:
            AgendaItem.objects.create(
                partnership=partnership,
                added_by=bob,
                text="How we split the chores when one of us travels",
                created_at=opened - timedelta(days=2),
                talked_about_at=opened,
                talked_about_in=checkin,
            )
    AgendaItem.objects.create(
        partnership=partnership, added_by=alice, text="Plans for my birthday weekend"
    )
