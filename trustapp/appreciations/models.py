from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TEXT_MAX_LENGTH = 1000
REPLY_MAX_LENGTH = 280
KEPT_WORDS_MAX_LENGTH = 300


class Quality(models.TextChoices):
    """The trust qualities an act can show. A fixed list, so it can be counted."""

    RELIABLE = "reliable", _("Reliable")
    HONEST = "honest", _("Honest")
    SUPPORTIVE = "supportive", _("Supportive")
    KIND = "kind", _("Kind")
    PATIENT = "patient", _("Patient")
    PRESENT = "present", _("Present")
    OPEN = "open", _("Open")


class Reaction(models.TextChoices):
    THANKS = "thanks", _("Thank you")
    HEART = "heart", _("Heart")


class AppreciationQuerySet(models.QuerySet):
    def shared(self):
        return self.filter(shared_at__isnull=False)

    def visible_to(self, user):
        """Shared appreciations, plus the reader's own private notes."""
        return self.filter(Q(shared_at__isnull=False) | Q(author=user))


class Appreciation(models.Model):
    """Something one partner noticed the other do. Private to its author until shared."""

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="appreciations"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(_("what they did"), max_length=TEXT_MAX_LENGTH)
    happened_on = models.DateField(_("when"))
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    # Null while it is a private note only its author sees.
    shared_at = models.DateTimeField(null=True, blank=True)
    reaction = models.CharField(max_length=16, choices=Reaction.choices, blank=True)
    reacted_at = models.DateTimeField(null=True, blank=True)
    reply = models.CharField(max_length=REPLY_MAX_LENGTH, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    # Set when it began as "I noticed you kept this": which kind of thing (a small step,
    # an agreement), its id, and its words as they were then.
    kept_kind = models.CharField(max_length=16, blank=True)
    kept_id = models.PositiveBigIntegerField(null=True, blank=True)
    kept_words = models.CharField(max_length=KEPT_WORDS_MAX_LENGTH, blank=True)

    objects = AppreciationQuerySet.as_manager()

    # What a card shows beyond the row, set by the view that draws it: "new since your
    # last visit", and why a reaction could not be saved. Defaults here, so a card asking
    # for them finds an answer instead of failing a template lookup.
    is_new = False
    reaction_error = ""

    class Meta:
        ordering = ["-happened_on", "-id"]
        indexes = [
            # The log's order and keyset cursor, month filter and weekly chart.
            models.Index(
                fields=["partnership", "-happened_on", "-id"], name="appreciation_log_order"
            ),
            # The log filtered by who wrote it.
            models.Index(
                fields=["partnership", "author", "-happened_on", "-id"],
                name="appreciation_by_author",
            ),
            # "New since your last visit" and shared_since().
            models.Index(
                fields=["partnership", "recipient", "shared_at"], name="appreciation_new_for"
            ),
            models.Index(fields=["partnership", "shared_at"], name="appreciation_shared_at"),
        ]
        constraints = [
            # Noticing the same kept thing twice on one day keeps one appreciation.
            models.UniqueConstraint(
                fields=["author", "kept_kind", "kept_id", "happened_on"],
                condition=~Q(kept_kind=""),
                name="one_noticing_a_day",
            )
        ]

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return reverse("appreciations:detail", args=[self.partnership.public_id, self.pk])

    @property
    def is_shared(self):
        return self.shared_at is not None

    def remember_qualities(self, values):
        """Hand over the quality values a list read for all its rows at once."""
        self._quality_values = values

    def quality_labels(self):
        """Labels of the qualities, in the fixed list's order."""
        chosen = set(self.quality_values())
        return [label for value, label in Quality.choices if value in chosen]

    def quality_values(self):
        """From what a list handed over (`remember_qualities`), else from a prefetch."""
        if hasattr(self, "_quality_values"):
            return list(self._quality_values)
        return [q.quality for q in self.qualities.all()]


class AppreciationQuality(models.Model):
    appreciation = models.ForeignKey(
        Appreciation, on_delete=models.CASCADE, related_name="qualities"
    )
    quality = models.CharField(max_length=16, choices=Quality.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["appreciation", "quality"], name="one_quality_per_appreciation"
            )
        ]
        # Filtering the log by a quality.
        indexes = [models.Index(fields=["quality", "appreciation"], name="appreciation_quality")]

    def __str__(self):
        return self.quality


class ReadMarker(models.Model):
    """When a person last opened the log, for their own "new" highlighting only.

    It is never shown to the partner: there are no read receipts and no "last seen".
    `previous_seen_at` keeps the highlight steady while the same visit loads more pages.
    """

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()
    previous_seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "user"], name="one_read_marker")
        ]

    def __str__(self):
        return f"{self.user} in {self.partnership}"
