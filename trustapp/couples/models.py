import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

NAME_MAX_LENGTH = 60


def new_public_id():
    return secrets.token_urlsafe(12)


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class PartnershipQuerySet(models.QuerySet):
    def for_user(self, user):
        """Every partnership the person is or was a member of."""
        return self.filter(memberships__user=user)

    def active(self):
        return self.filter(ended_at__isnull=True)


class Partnership(models.Model):
    public_id = models.CharField(max_length=32, unique=True, default=new_public_id, editable=False)
    # What the two of them call their space; empty for the default (see title_for).
    name = models.CharField(_("Name of your space"), max_length=NAME_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.public_id

    def get_absolute_url(self):
        return reverse("couples:home", args=[self.public_id])

    @property
    def is_active(self):
        return self.ended_at is None

    def member_list(self):
        """Members in slot order, loaded once per instance (from a prefetch when there is one)."""
        if not hasattr(self, "_members"):
            self.remember_members(self.memberships.all())
        return self._members

    def remember_members(self, memberships):
        """Hand over memberships already loaded with their users: member_list() costs nothing."""
        self._members = sorted(memberships, key=lambda m: m.slot)
        for membership in self._members:
            membership.partnership = self

    def with_people(self, items):
        """`items` (rows of this space) as a list, each given this partnership and its people
        (every link to a person: author, recipient, owner, ...) from the members loaded with
        it, so the query that read them needs no join to the people. Anyone else, if ever,
        is read in one query."""
        items = list(items)
        if not items:
            return items
        links = [
            field
            for field in type(items[0])._meta.concrete_fields
            if field.is_relation and field.related_model._meta.label == settings.AUTH_USER_MODEL
        ]
        people = {membership.user_id: membership.user for membership in self.member_list()}
        missing = {getattr(item, field.attname) for item in items for field in links}
        missing -= {None, *people}
        if missing:
            people |= links[0].related_model.objects.in_bulk(missing)
        for item in items:
            if getattr(item, "partnership_id", None) == self.pk:
                item.partnership = self
            for field in links:
                if (person_id := getattr(item, field.attname)) is not None:
                    setattr(item, field.name, people[person_id])
        return items

    def partner_of(self, user):
        """The other member's user, or None while nobody has accepted the invitation."""
        for membership in self.member_list():
            if membership.user_id != user.pk:
                return membership.user
        return None

    @property
    def is_paired(self):
        return len(self.member_list()) == 2

    def title_for(self, user):
        """The space's name as `user` reads it: the one the two of them chose, else
        "Alex & Sam" (the reader first) once both are in, else "Your shared space"."""
        return self.name or self.default_title_for(user)

    def default_title_for(self, user):
        partner = self.partner_of(user)
        if partner is None:
            return gettext("Your shared space")
        return gettext("%(me)s & %(them)s") % {"me": user.name, "them": partner.name}


class Membership(models.Model):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    slot = models.PositiveSmallIntegerField()
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["slot"]
        constraints = [
            # The database itself forbids a third member.
            models.UniqueConstraint(fields=["partnership", "slot"], name="one_member_per_slot"),
            models.UniqueConstraint(fields=["partnership", "user"], name="one_membership_per_user"),
            models.CheckConstraint(condition=Q(slot__in=[1, 2]), name="slot_is_one_or_two"),
        ]

    def __str__(self):
        return f"{self.user} in {self.partnership}"


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            declined_at__isnull=True,
            expires_at__gt=timezone.now(),
        )


class Invitation(models.Model):
    """A single-use link to join a partnership. Only a hash of its token is stored."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="invitations"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    email = models.EmailField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declined_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation to {self.partnership}"

    @classmethod
    def lifetime(cls):
        return timedelta(days=settings.INVITATION_DAYS)

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_pending(self):
        return not (self.accepted_at or self.revoked_at or self.declined_at or self.is_expired)
