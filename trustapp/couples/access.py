"""The partnership scoping every other app uses.

A view under /p/<public_id>/ resolves the partnership from the URL and the signed-in
person's membership. Anyone else gets a 404, never a 403 that would confirm it exists.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from trustapp.couples.models import Membership

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def get_partnership_for_user(user, public_id):
    """The partnership with this id that `user` is or was a member of, else 404.

    One query on every page: the memberships with their partnership and users, handed to
    the partnership, so `member_list()` and `partner_of()` cost nothing more. Unordered:
    `remember_members` puts the two in slot order, and an ORDER BY costs more to build than
    that sort of two rows.
    """
    memberships = list(
        Membership.objects.select_related("partnership", "user")
        .filter(partnership__public_id=public_id)
        .order_by()
    )
    if not any(membership.user_id == user.pk for membership in memberships):
        raise Http404
    partnership = memberships[0].partnership
    partnership.remember_members(memberships)
    return partnership


def render_archived(request, partnership):
    """The calm answer to a write in a space that has ended."""
    return render(request, "couples/archived.html", {"partnership": partnership}, status=403)


def partnership_view(view=None, *, archive_ok=False, paired=False):
    """Resolve `public_id` into a partnership the signed-in person belongs to.

    The view receives `partnership` instead of `public_id`. Once a partnership has
    ended it is a read-only archive: any write answers with a calm explanation,
    unless the view is marked `archive_ok` (leaving, exporting, deleting one's part).
    A `paired` view needs both partners; before the second joins it shows how to invite.
    """

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, public_id, *args, **kwargs):
            partnership = get_partnership_for_user(request.user, public_id)
            request.partnership = partnership
            if request.method not in SAFE_METHODS and not partnership.is_active and not archive_ok:
                return render_archived(request, partnership)
            if paired and not partnership.is_paired:
                return render(request, "couples/waiting.html", {"partnership": partnership})
            return view(request, partnership, *args, **kwargs)

        return wrapper

    return decorator(view) if view is not None else decorator
