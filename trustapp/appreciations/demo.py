"""A few weeks of demo appreciations between Alice and Bob."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from trustapp.appreciations.models import Appreciation, AppreciationQuality

# (days ago, by alice?, text, qualities, reaction, reply)
ENTRIES = [
    (
        66,
        True,
        "Picked me up from the late train without being asked twice.",
        ["reliable"],
        "heart",
        "",
    ),
    (
        58,
        False,
        "Told me straight away that the dent in the car was from her parking. No drama.",
        ["honest", "open"],
        "thanks",
        "Thank you for taking it so calmly.",
    ),
    (
        51,
        True,
        "Listened to my long story about work and did not try to fix it.",
        ["present", "patient"],
        "",
        "",
    ),
    (
        44,
        False,
        "Called my mum on her birthday when I was stuck in a meeting.",
        ["kind", "supportive"],
        "heart",
        "",
    ),
    (
        37,
        True,
        "Did the grocery run on his busiest day because he had said he would.",
        ["reliable"],
        "thanks",
        "",
    ),
    (
        30,
        False,
        "Asked how my appointment went, and remembered the details.",
        ["present", "kind"],
        "",
        "",
    ),
    (
        23,
        True,
        "Said 'I am not ready to talk yet, give me an hour' and then came back after an hour.",
        ["honest", "reliable"],
        "heart",
        "I noticed that too. It helped me.",
    ),
    (16, False, "Stayed patient while I was grumpy all evening.", ["patient"], "", ""),
    (9, True, "Left a note on the fridge before my exam.", ["supportive", "kind"], "", ""),
    (4, False, "Told me what was on her mind instead of going quiet.", ["open", "honest"], "", ""),
    (1, False, "Made space on Sunday for the two of us, phones away.", ["present"], "", ""),
]


def seed(partnership, alice, bob):
    now = timezone.now()
    for days_ago, by_alice, text, qualities, reaction, reply in ENTRIES:
        author, recipient = (alice, bob) if by_alice else (bob, alice)
        day = timezone.localdate() - timedelta(days=days_ago)
        written = timezone.make_aware(datetime.combine(day, time(20, 0)))
        written = min(written, now)
        appreciation = Appreciation.objects.create(
            partnership=partnership,
            author=author,
            recipient=recipient,
            text=text,
            happened_on=day,
            created_at=written,
            shared_at=written,
            reaction=reaction,
            reacted_at=written + timedelta(hours=2) if reaction else None,
            reply=reply,
            replied_at=written + timedelta(hours=3) if reply else None,
        )
        AppreciationQuality.objects.bulk_create(
            [AppreciationQuality(appreciation=appreciation, quality=q) for q in qualities]
        )
    # Something for "on this day": the same day, a month ago.
    today = timezone.localdate()
    previous = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    try:
        month_ago = previous.replace(day=today.day)
    except ValueError:  # the 31st, and last month was shorter
        month_ago = None
    if month_ago is not None:
        appreciation = Appreciation.objects.create(
            partnership=partnership,
            author=bob,
            recipient=alice,
            text="Came with me to the hard appointment and waited outside.",
            happened_on=month_ago,
            created_at=now,
            shared_at=now,
        )
        AppreciationQuality.objects.create(appreciation=appreciation, quality="supportive")
    # One private note Alice has not shared yet.
    Appreciation.objects.create(
        partnership=partnership,
        author=alice,
        recipient=bob,
        text="He fixed the wobbly chair without mentioning it. I want to tell him properly.",
        happened_on=timezone.localdate(),
    )
