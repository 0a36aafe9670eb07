"""The appreciation log in a person's download (see trustapp/privacy/rules.py).

Shared appreciations appear as the person saw them, their own private notes too; a
partner's private notes never do.
"""

from trustapp.appreciations.models import Appreciation, Reaction, ReadMarker
from trustapp.privacy.rules import keeps, who


def export_partnership(partnership, user, scope):
    appreciations = (
        Appreciation.objects.visible_to(user)
        .filter(partnership=partnership)
        .prefetch_related("qualities")
        .order_by("happened_on", "pk")
    )
    reactions = dict(Reaction.choices)
    items = []
    for a in appreciations:
        shared = a.is_shared
        item = {"by": who(user, a.author_id), "to": who(user, a.recipient_id)}
        if keeps(scope, user, author_id=a.author_id, shared=shared):
            item |= {
                "text": a.text,
                "happened_on": a.happened_on,
                "qualities": a.quality_values(),
                "written_at": a.created_at,
                "edited_at": a.edited_at,
                "shared_at": a.shared_at,
            }
            if a.kept_kind:  # "I noticed you kept this": what was kept, as it read then
                item |= {"noticed_kept": a.kept_kind, "kept_words": a.kept_words}
        # The recipient's reaction and reply are their own words.
        answer_kept = shared and keeps(scope, user, author_id=a.recipient_id, shared=True)
        if answer_kept and (a.reaction or a.reply):
            item |= {
                "reaction": str(reactions.get(a.reaction, "")) if a.reaction else "",
                "reacted_at": a.reacted_at,
                "reply": a.reply,
                "replied_at": a.replied_at,
            }
        if len(item) > 2:
            items.append(item)
    return items


def count_rows(user):
    return Appreciation.objects.visible_to(user).filter(partnership__memberships__user=user).count()


def delete_private(user):
    """Private notes nobody else ever saw, and the "last opened" marker."""
    Appreciation.objects.filter(author=user, shared_at__isnull=True).delete()
    ReadMarker.objects.filter(user=user).delete()
