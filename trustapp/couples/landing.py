"""What the landing page shows of the product: each part of a shared space, a line about it
and a picture of the real app (taken from the seeded demo at phone width, see README)."""

from django.utils.translation import gettext_lazy as _

FEATURES = [
    {
        "icon": "img/illus-appreciations.svg",
        "title": _("Notice the good"),
        "text": _(
            "Write down the small, reliable things your partner does. They can thank you or "
            "reply. A private note stays yours until you choose to share it."
        ),
        "picture": "img/landing-appreciations.webp",
        "size": (585, 672),
        "alt": _(
            "Two appreciations in the app: a private note about a fixed chair, and Bob making "
            "space on Sunday with phones away."
        ),
    },
    {
        "icon": "img/illus-checkin.svg",
        "title": _("Check in together"),
        "text": _(
            "A few quiet minutes now and then: how close you feel, what went well, what you "
            "need. Your answers show side by side once you have both answered."
        ),
        "picture": "img/landing-checkin.webp",
        "size": (585, 495),
        "alt": _("A gentle chart of how connected each partner felt over five check-ins."),
    },
    {
        "icon": "img/illus-agreements.svg",
        "title": _("Agree on what matters"),
        "text": _(
            "An agreement counts while both of you say yes to the same words. Either of you can "
            "suggest a change or take your yes back; then it simply needs a conversation."
        ),
        "picture": "img/landing-agreements.webp",
        "size": (585, 840),
        "alt": _(
            "Agreements in the app: one evening a week together, slow Sunday mornings, and one "
            "that needs a conversation."
        ),
    },
    {
        "icon": "img/illus-conversations.svg",
        "title": _("Talk about what matters"),
        "text": _(
            "Prompts for the talks that build trust, and a light question each day. Each of you "
            "answers privately first; you see each other's answers together."
        ),
        "picture": "img/landing-question.webp",
        "size": (585, 636),
        "alt": _(
            "Today’s question in the app, with a note that answers stay private until both "
            "have answered."
        ),
    },
]
