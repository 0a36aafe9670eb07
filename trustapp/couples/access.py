"""The partnership scoping every other app uses.

A view under /p/<public_id>/ resolves the partnership from the URL and the signed-in
person's membership. Anyone else gets a 404, never a 403 that would confirm it exists.
"""

from functools import cache, wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404
from django.shortcuts import render

from trustapp.couples.models import Membership, Partnership
from trustapp.lib.sql import prepared_cursor, select_list

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def memberships_orm(public_id):
    """The access check's rows through the ORM: the memberships of the space with this
    public id, in slot order, each with its partnership and user."""
    return list(
        Membership.objects.select_related("partnership", "user")
        .filter(partnership__public_id=public_id)
        .order_by("slot")
    )


@cache
def _access_query():
    """The same query as `memberships_orm`, written once from the models' own columns,
    and for each model in turn the attribute names its columns fill."""
    models = (Membership, Partnership, get_user_model())
    selected = [select_list(model, alias) for alias, model in zip("mpu", models, strict=True)]
    sql = (
        f"SELECT {', '.join(columns for columns, _ in selected)}"
        f' FROM "{Membership._meta.db_table}" m'
        f' JOIN "{Partnership._meta.db_table}" p ON p."id" = m."partnership_id"'
        f' JOIN "{models[2]._meta.db_table}" u ON u."id" = m."user_id"'
        ' WHERE p."public_id" = %s ORDER BY m."slot"'
    )
    return sql, [(model, attnames) for model, (_, attnames) in zip(models, selected, strict=True)]


def memberships_sql(public_id):
    """`memberships_orm` as a prepared statement: it runs on every request of a space, and
    building it with the ORM cost four times what running it does."""
    sql, shape = _access_query()
    with prepared_cursor() as cursor:
        cursor.execute(sql, [public_id])
        rows = cursor.fetchall()
    memberships = []
    for row in rows:
        start, instances = 0, []
        for model, attnames in shape:
            values = row[start : start + len(attnames)]
            instances.append(model.from_db(connection.alias, attnames, values))
            start += len(attnames)
        membership, partnership, person = instances
        membership.partnership, membership.user = partnership, person
        memberships.append(membership)
    return memberships


def get_partnership_for_user(user, public_id):
    """The partnership with this id that `user` is or was a member of, else 404.

    One query on every page: the memberships with their partnership and users, handed to
    the partnership, so `member_list()` and `partner_of()` cost nothing more. Written by
    hand on PostgreSQL (tests/load/test_hand_written_sql.py holds it to the ORM's answer);
    other databases, the embedded SQLite, use the ORM.
    """
    if connection.vendor == "postgresql":
        memberships = memberships_sql(public_id)
    else:
        memberships = memberships_orm(public_id)
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
