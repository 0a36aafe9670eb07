"""Good news in a person's download (see trustapp/privacy/rules.py).

Good news is shared the moment it is written, and so is the answer to it: each person's
copy holds the news and answers as they read them, narrowed by scope to their own words.
"""

from trustapp.privacy.rules import keeps, who
from trustapp.wins.models import Win


def export_partnership(partnership, user, scope):
    items = []
    for win in Win.objects.filter(partnership=partnership).order_by("pk"):
        item = {"by": who(user, win.author_id)}
        if keeps(scope, user, author_id=win.author_id, shared=True):
            item |= {"text": win.text, "shared_at": win.created_at}
        # The answer is always the other partner's: mine when the news was theirs.
        answer_by = user.pk if win.author_id != user.pk else None
        if win.has_response and keeps(scope, user, author_id=answer_by, shared=True):
            item |= {
                "answer": win.response,
                "answered_at": win.responded_at,
                "answer_kept_in_appreciation_log": win.kept_id is not None,
            }
        if len(item) > 1:
            items.append(item)
    return items


def count_rows(user):
    return Win.objects.filter(partnership__memberships__user=user).count()


def delete_private(user):
    """Nothing: good news and its answer are shared the moment they are written, so they
    stay with the space like every shared word (the couple's data choice decides)."""
