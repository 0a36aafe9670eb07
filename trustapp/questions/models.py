"""Today's question: a library of light questions (loaded from the data files in
`library/`), the question of each day for each shared space, and each partner's few words."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from trustapp.lib.i18n import active_language
from trustapp.notifications.schedule import DIGEST_AT


def in_language(texts):
    """The words for the current language, else English (every question has English)."""
    return texts.get(active_language()) or texts.get(settings.LANGUAGE_CODE, "")


class Question(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    theme = models.SlugField(max_length=40)
    # {language code: words}; English always, translations beside it.
    texts = models.JSONField(default=dict)
    position = models.PositiveSmallIntegerField(default=0)
    # False once its data file no longer has it; kept because past days point at it.
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["theme", "position"]

    def __str__(self):
        return self.text

    @property
    def text(self):
        return in_language(self.texts)


class DayQuestion(models.Model):
    """The question two partners share on one day. Made the first time either looks."""

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="day_questions"
    )
    day = models.DateField()
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="daily_uses")
    # The words as they were asked: editing the library never rewrites a past day.
    texts = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    revealed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "day"], name="one_question_a_day"),
        ]

    def __str__(self):
        return f"{self.day}: {self.text}"

    def get_absolute_url(self):
        return reverse("questions:day", args=[self.partnership.public_id, self.day.isoformat()])

    @property
    def text(self):
        return in_language(self.texts)

    @property
    def is_revealed(self):
        return self.revealed_at is not None


class Answer(models.Model):
    """One partner's few words on a day's question, or their choice to pass on it."""

    day_question = models.ForeignKey(DayQuestion, on_delete=models.CASCADE, related_name="answers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=300, blank=True)
    passed = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day_question", "user"], name="one_answer_a_day"),
        ]

    def __str__(self):
        return f"{self.user} on {self.day_question_id}"


class QuestionEmail(models.Model):
    """Whether, and at what local time, one person likes the day's question by email.
    Nobody gets it until they ask for it. `next_at` (UTC) is what the dispatcher reads."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_email"
    )
    is_on = models.BooleanField(default=False)
    local_time = models.TimeField(default=DIGEST_AT)
    next_at = models.DateTimeField(null=True, blank=True)
    last_due_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(
                fields=["next_at"], name="question_email_next", condition=Q(next_at__isnull=False)
            )
        ]

    def __str__(self):
        return f"Today's question emails for {self.user}"
