"""Repair: reflecting on a hard moment privately, side by side once both have written,
and a pause with a promised return."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Moment(models.Model):
    """A hard moment one partner asked the two of them to look back on."""

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="repair_moments"
    )
    title = models.CharField(_("What moment is it about?"), max_length=200)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    # Set once, when the second partner finishes: from then on both see both.
    revealed_at = models.DateTimeField(null=True, blank=True)
    # Either partner may stop it alone, at any time.
    stopped_at = models.DateTimeField(null=True, blank=True)
    stopped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["partnership", "-started_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("repair:moment", args=[self.partnership.public_id, self.pk])

    @property
    def is_revealed(self):
        return self.revealed_at is not None

    @property
    def is_stopped(self):
        return self.stopped_at is not None


class Reflection(models.Model):
    """One partner's private side of a moment, written step by step."""

    class CarriedTo(models.TextChoices):
        AGREEMENT = "agreement", _("An agreement proposal")
        CHECKIN = "checkin", _("Our next check-in")

    moment = models.ForeignKey(Moment, on_delete=models.CASCADE, related_name="reflections")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    felt = models.TextField(blank=True)
    saw = models.TextField(blank=True)
    touched = models.TextField(blank=True)
    my_part = models.TextField(blank=True)
    would_help = models.TextField(blank=True)
    # The step this person is on (1 to 5); finished once the last one is saved.
    step = models.PositiveSmallIntegerField(default=1)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # After the reveal: this person said "I hear you" to the other.
    heard_at = models.DateTimeField(null=True, blank=True)
    apology = models.TextField(blank=True)
    apology_at = models.DateTimeField(null=True, blank=True)
    # Set by the other partner when they accept this person's apology.
    apology_accepted_at = models.DateTimeField(null=True, blank=True)
    # Where this person's "would help" went, in one click by either partner.
    carried_to = models.CharField(max_length=12, choices=CarriedTo, blank=True)
    carried_at = models.DateTimeField(null=True, blank=True)
    carried_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agreement = models.ForeignKey(
        "agreements.Agreement", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agenda_item = models.ForeignKey(
        "checkins.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["moment", "author"], name="one_reflection_per_person"),
        ]

    def __str__(self):
        return f"{self.author} on {self.moment_id}"

    @property
    def is_finished(self):
        return self.finished_at is not None


class Pause(models.Model):
    """ "I need a pause", with the time its author promised to come back."""

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="repair_pauses"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Where it was asked for, to come back to: a path inside the space and its name.
    about = models.CharField(max_length=200, blank=True)
    path = models.CharField(max_length=300)
    started_at = models.DateTimeField(default=timezone.now)
    return_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The one gentle note at `return_at`, waiting in the outbox until then.
    reminder = models.ForeignKey(
        "notifications.PartnerNotice",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "user"],
                condition=Q(ended_at__isnull=True),
                name="one_open_pause_per_person",
            ),
        ]

    def __str__(self):
        return f"Pause of {self.user} until {self.return_at:%Y-%m-%d %H:%M}"

    def is_on(self, now=None):
        return self.ended_at is None and self.return_at > (now or timezone.now())


# -- Rebuilding after a betrayal ---------------------------------------------------------


class Role(models.TextChoices):
    HURT = "hurt", _("I was the one who was hurt")
    BROKE = "broke", _("I was the one who broke trust")
    BOTH = "both", _("Each of us, in our own way")


class TrackChoice(models.Model):
    """One partner's private yes to the rebuilding track, before the other said yes too.
    Nobody else ever learns of it: once both said yes a Track opens and both rows go."""

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="repair_track_choices"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=8, choices=Role)
    chosen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "user"], name="one_track_choice"),
        ]

    def __str__(self):
        return f"{self.user} said yes in {self.partnership_id}"


class Track(models.Model):
    """Rebuilding after a betrayal, opened once both partners said yes."""

    class Stage(models.IntegerChoices):
        ACKNOWLEDGING = 1, _("Acknowledging")
        QUESTIONS = 2, _("Questions")
        COMMITMENTS = 3, _("Commitments")
        PATIENCE = 4, _("Patience")
        HELP = 5, _("Help")

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="repair_tracks"
    )
    # Who was hurt and who broke trust; `both_ways` when each holds both roles.
    hurt = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    broke = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    both_ways = models.BooleanField(default=False)
    stage = models.PositiveSmallIntegerField(choices=Stage, default=Stage.ACKNOWLEDGING)
    opened_at = models.DateTimeField(default=timezone.now)
    paused_at = models.DateTimeField(null=True, blank=True)
    stopped_at = models.DateTimeField(null=True, blank=True)
    stopped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership"],
                condition=Q(stopped_at__isnull=True),
                name="one_open_track",
            ),
        ]

    def __str__(self):
        return f"Rebuilding in {self.partnership_id}"

    def get_absolute_url(self):
        return reverse("repair:track", args=[self.partnership.public_id])

    def was_hurt(self, user):
        return self.both_ways or self.hurt_id == user.pk

    def broke_trust(self, user):
        return self.both_ways or self.broke_id == user.pk

    @property
    def is_paused(self):
        return self.paused_at is not None

    @property
    def is_stopped(self):
        return self.stopped_at is not None


class Acknowledgement(models.Model):
    """What the partner who broke trust did and what it did to the other, in their words.
    A draft only its author reads, until they share it."""

    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="acknowledgements")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    what = models.TextField(blank=True)
    impact = models.TextField(blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["track", "author"], name="one_acknowledgement"),
        ]

    def __str__(self):
        return f"{self.author} on track {self.track_id}"


class TrackQuestion(models.Model):
    """A question the hurt partner asks in writing. The answer is a draft only the one
    answering reads, until they give it. Either may say "not yet"."""

    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="questions")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField()
    asked_at = models.DateTimeField(default=timezone.now)
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    not_yet_at = models.DateTimeField(null=True, blank=True)
    not_yet_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["asked_at", "pk"]

    def __str__(self):
        return self.text[:60]

    @property
    def is_answered(self):
        return self.answered_at is not None


class Commitment(models.Model):
    """An agreement proposal made from the track (the agreement itself lives in agreements)."""

    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="commitments")
    agreement = models.ForeignKey(
        "agreements.Agreement", on_delete=models.CASCADE, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Commitment {self.agreement_id} of track {self.track_id}"


class SummaryConsent(models.Model):
    """One partner's yes to a summary for their therapist. Deleting it takes it back."""

    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="consents")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    given_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["track", "user"], name="one_summary_consent"),
        ]

    def __str__(self):
        return f"{self.user} agrees to a summary of track {self.track_id}"


# -- Ending with care --------------------------------------------------------------------


class ClosingLetter(models.Model):
    """A letter one former partner writes after the space ended: the one thing anyone may
    still write in an ended space. The other reads it only while its writer shares it."""

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="closing_letters"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "author"], name="one_closing_letter"),
        ]

    def __str__(self):
        return f"Closing letter of {self.author} in {self.partnership_id}"
