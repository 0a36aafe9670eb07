"""Mutual agreements (revised, consented to by both) and personal boundaries.

An agreement's words live in immutable revisions. Consent belongs to one exact revision,
so no edit can ever change text someone agreed to: a change is a new revision. The
agreement row carries a small cached summary (status, agreed and pending revision) that
the services in `services.py` recompute from the consents inside one locked transaction.
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ImmutableRowError(Exception):
    """Raised when code tries to rewrite a row that people have relied on."""


class Category(models.Model):
    """Loaded from data/categories.toml; a slug never changes."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=80)
    description = models.CharField(max_length=200, blank=True)
    # The other languages' words, {"de": {"name": "..."}}, from the data file's sub-tables;
    # shown through trustapp.lib.i18n.translated (the `translated` template filter).
    translations = models.JSONField(default=dict, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name


class StarterAgreement(models.Model):
    """A starting point from the library in data/starter_agreements.toml."""

    slug = models.SlugField(max_length=80, unique=True)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="starters")
    title = models.CharField(max_length=120)
    text = models.TextField()
    why = models.TextField(blank=True)
    # The other languages' words, {"de": {"title": "..."}}, from the data file's sub-tables;
    # shown through trustapp.lib.i18n.translated (the `translated` template filter).
    translations = models.JSONField(default=dict, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["category__position", "position"]

    def __str__(self):
        return self.title


class AgreementQuerySet(models.QuerySet):
    def open(self):
        """Agreements still alive: proposed, in force or needing a conversation."""
        return self.exclude(status__in=[Agreement.Status.RETIRED, Agreement.Status.SET_ASIDE])

    def in_force(self):
        return self.filter(status=Agreement.Status.IN_FORCE)

    def due_for_revisit(self, partnership, today=None):
        """In force with a revisit date that has come (today in the active time zone)."""
        today = today or timezone.localdate()
        return (
            self.in_force()
            .filter(partnership=partnership, revisit_on__lte=today)
            .order_by("revisit_on", "pk")
        )

    def waiting_on(self, user):
        """Open agreements that wait for `user`: a proposal they have not agreed to yet, or
        their partner's request to retire one."""
        return self.filter(self.waiting_condition(user))

    def with_my_yes(self, user):
        """Each with `my_yes`, whether `user` stands behind its pending words: with the row,
        all Agreement.waits_for needs (the whole waiting rule as one annotation costs more
        to build than this and the rule worked out on the row)."""
        return self.annotate(my_yes=Exists(AgreementQuerySet._my_standing_yes(user)))

    @staticmethod
    def _my_standing_yes(user):
        return Consent.objects.filter(
            revision=OuterRef("pending_revision"), user=user, withdrawn_at__isnull=True
        )

    @staticmethod
    def waiting_condition(user):
        """The rule of waiting_on; Agreement.waits_for says the same of one row."""
        consented = AgreementQuerySet._my_standing_yes(user)
        # A retired or set-aside agreement keeps its history (who asked to retire it),
        # but waits for nobody.
        closed = Q(status__in=[Agreement.Status.RETIRED, Agreement.Status.SET_ASIDE])
        return ~closed & (
            (Q(pending_revision__isnull=False) & ~Exists(consented))
            | (Q(retire_requested_by__isnull=False) & ~Q(retire_requested_by=user))
        )

    def summary(self, partnership):
        """Counts for the home card, in one query of one row per status (the home renders
        on every visit, and a plain grouping is cheaper to build than filtered counts),
        with the earliest revisit date of each: `first_revisit` of those in force says
        whether any is due before anyone asks which."""
        rows = (
            self.filter(partnership=partnership)
            .order_by()
            .values_list("status")
            .annotate(n=Count("pk"), first=Min("revisit_on"))
        )
        counts, first = {}, {}
        for status, n, first_revisit in rows:
            counts[status], first[status] = n, first_revisit
        return {
            "total": sum(counts.values()),
            "in_force": counts.get(Agreement.Status.IN_FORCE, 0),
            "needs_conversation": counts.get(Agreement.Status.NEEDS_CONVERSATION, 0),
            "first_revisit": first.get(Agreement.Status.IN_FORCE),
        }


class Agreement(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for agreement")
        IN_FORCE = "in_force", _("In force")
        NEEDS_CONVERSATION = "needs_conversation", _("Needs a conversation")
        SET_ASIDE = "set_aside", _("Set aside")
        RETIRED = "retired", _("Retired")

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="agreements"
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="agreements")
    # The title of the revision that currently speaks for the agreement: the agreed one,
    # or the latest proposal while nothing has been agreed yet.
    title = models.CharField(max_length=120)
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.PROPOSED)
    agreed_revision = models.ForeignKey(
        "AgreementRevision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pending_revision = models.ForeignKey(
        "AgreementRevision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revisit_on = models.DateField(null=True, blank=True)
    retire_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    retire_requested_at = models.DateTimeField(null=True, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # Bumped by every change of state; a save carries the version it started from.
    version = models.PositiveIntegerField(default=1)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["category__position", "title", "pk"]
        indexes = [
            models.Index(fields=["partnership", "status"]),
            models.Index(fields=["partnership", "revisit_on"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:detail", args=[self.partnership.public_id, self.pk])

    def get_status_display(self):
        """The status in words. Django's own hashes every choice's label to find this one,
        a translation each, on every call (a list shows one per row)."""
        try:
            return str(self.Status(self.status).label)
        except ValueError:
            return self.status

    @property
    def is_in_force(self):
        return self.status == self.Status.IN_FORCE

    @property
    def is_open(self):
        return self.status not in (self.Status.RETIRED, self.Status.SET_ASIDE)

    @property
    def current_revision(self):
        """The words that speak for the agreement now: agreed ones, else the proposal."""
        return self.agreed_revision or self.pending_revision

    def waits_for(self, user):
        """Whether it waits for `user` (AgreementQuerySet.waiting_condition's rule), on a row
        read with_my_yes."""
        if not self.is_open:
            return False
        if self.pending_revision_id is not None and not self.my_yes:
            return True
        return self.retire_requested_by_id not in (None, user.pk)

    def is_due_for_revisit(self, today=None):
        today = today or timezone.localdate()
        return self.is_in_force and self.revisit_on is not None and self.revisit_on <= today


class WrittenOnce(models.Model):
    """A row people rely on word for word (consent, acknowledgment): no update path."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRowError(
                f"This {self._meta.verbose_name} cannot be changed; write a new one."
            )
        super().save(*args, **kwargs)


class AgreementRevision(WrittenOnce):
    """One version of an agreement's words. Never changed once written."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=120)
    text = models.TextField()
    why = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="one_revision_number"),
        ]

    def __str__(self):
        return f"{self.agreement_id} v{self.number}"


class Consent(models.Model):
    """One person's yes to one exact revision, until they withdraw it."""

    revision = models.ForeignKey(
        AgreementRevision, on_delete=models.CASCADE, related_name="consents"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    given_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["given_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "user"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_standing_consent_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.user_id} on {self.revision_id}"

    @property
    def is_standing(self):
        return self.withdrawn_at is None


class Comment(models.Model):
    """A short note in an agreement's "let's talk about it" thread."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Comment {self.pk} on {self.agreement_id}"


class AgreementEvent(models.Model):
    """What happened to an agreement and when: the history's timeline."""

    # Each label is what happened, said without a subject ("Proposed it · Alex"): a name
    # and "you" need different verb forms in most languages, a label needs none.
    class Kind(models.TextChoices):
        PROPOSED = "proposed", pgettext_lazy("agreement event", "Proposed it")
        SUGGESTED = "suggested", pgettext_lazy("agreement event", "Suggested a change")
        AGREED = "agreed", pgettext_lazy("agreement event", "Both agreed: it is in force")
        CHANGED = (
            "changed",
            pgettext_lazy("agreement event", "Both agreed to the change: it is in force"),
        )
        CONSENTED = "consented", pgettext_lazy("agreement event", "Agreed")
        WITHDRAWN = "withdrawn", pgettext_lazy("agreement event", "Withdrew consent")
        TAKEN_BACK = "taken_back", pgettext_lazy("agreement event", "Took back the suggestion")
        DECLINED = (
            "declined",
            pgettext_lazy("agreement event", "Preferred not to take the suggestion"),
        )
        RETIRE_REQUESTED = (
            "retire_requested",
            pgettext_lazy("agreement event", "Asked to retire it"),
        )
        RETIRE_CANCELLED = "retire_cancelled", pgettext_lazy("agreement event", "Chose to keep it")
        RETIRED = "retired", pgettext_lazy("agreement event", "Both agreed to retire it")
        DETAILS = (
            "details",
            pgettext_lazy("agreement event", "Changed its category or revisit date"),
        )
        REAFFIRMED = (
            "reaffirmed",
            pgettext_lazy("agreement event", "Both said yes again at the revisit date"),
        )
        REVISITED = (
            "revisited",
            pgettext_lazy("agreement event", "Looked at it again: it needs a conversation"),
        )

    # Done by both: no one person is named beside them.
    BY_BOTH = frozenset({Kind.AGREED, Kind.CHANGED, Kind.RETIRED, Kind.REAFFIRMED})

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision = models.ForeignKey(
        AgreementRevision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["agreement", "kind", "created_at"])]

    def __str__(self):
        return f"{self.kind} on {self.agreement_id}"

    @property
    def is_by_both(self):
        return self.kind in self.BY_BOTH


class BoundaryQuerySet(models.QuerySet):
    def waiting_on(self, user):
        """Partner's boundaries whose current words `user` has not acknowledged yet."""
        acknowledged = Acknowledgment.objects.filter(
            revision=OuterRef("current_revision"), user=user
        )
        return (
            self.filter(current_revision__isnull=False)
            .exclude(owner=user)
            .exclude(Exists(acknowledged))
        )


class Boundary(models.Model):
    """A personal boundary one partner states; it needs no consent, only acknowledgment."""

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="boundaries"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="boundaries"
    )
    current_revision = models.ForeignKey(
        "BoundaryRevision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    objects = BoundaryQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "boundaries"

    def __str__(self):
        return f"Boundary {self.pk}"

    @property
    def text(self):
        return self.current_revision.text if self.current_revision else ""


class BoundaryRevision(WrittenOnce):
    boundary = models.ForeignKey(Boundary, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["boundary", "number"], name="one_boundary_revision_number"
            ),
        ]

    def __str__(self):
        return f"Boundary {self.boundary_id} v{self.number}"


class Acknowledgment(models.Model):
    """ "I have read this and will respect it", for one exact revision of a boundary."""

    revision = models.ForeignKey(
        BoundaryRevision, on_delete=models.CASCADE, related_name="acknowledgments"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    acknowledged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["revision", "user"], name="one_acknowledgment"),
        ]

    def __str__(self):
        return f"{self.user_id} acknowledged {self.revision_id}"


class RevisitAnswer(models.Model):
    """One partner's fresh answer when an agreement's revisit date has come. Private
    until both have answered for the same date; then both show together."""

    class Answer(models.TextChoices):
        YES = "yes", _("Still yes")
        UNSURE = "unsure", _("Unsure")
        TALK = "talk", _("Let’s talk")

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="revisit_answers"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The revisit date this answers (the agreement's date moves on afterwards).
    due_on = models.DateField()
    answer = models.CharField(max_length=8, choices=Answer.choices)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "answered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "user", "due_on"], name="one_revisit_answer_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.user_id} on {self.agreement_id} at {self.due_on}"
