"""Topics and prompts (loaded from the data files in `prompts/`), and the conversations
two partners have about them, with each partner's private answer."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Topic(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    summary = models.TextField()
    # The other languages' words, {"de": {"title": "..."}}, from the data file's sub-tables;
    # shown through trustapp.lib.i18n.translated (the `translated` template filter).
    translations = models.JSONField(default=dict, blank=True)
    # A tender topic is part of the tender deck: it opens only once both partners opted in.
    is_tender = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField(default=0)
    # False once its data file is gone; kept so past conversations still make sense.
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title


class PromptQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, topic__is_active=True)


class Prompt(models.Model):
    class Depth(models.TextChoices):
        LIGHT = "light", pgettext_lazy("conversation depth", "Light")
        DEEPER = "deeper", _("Deeper")
        TENDER = "tender", _("Tender")

    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="prompts")
    slug = models.SlugField(max_length=80, unique=True)
    question = models.TextField()
    note = models.TextField(help_text="How to talk about it.")
    depth = models.CharField(max_length=10, choices=Depth.choices, default=Depth.LIGHT)
    follow_ups = models.JSONField(default=list, blank=True)
    # The other languages' words, {"de": {"question": "..."}}, from the data file's sub-tables;
    # shown through trustapp.lib.i18n.translated (the `translated` template filter).
    translations = models.JSONField(default=dict, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    objects = PromptQuerySet.as_manager()

    class Meta:
        ordering = ["topic__position", "position"]

    def __str__(self):
        return self.question

    @property
    def is_tender(self):
        return self.topic.is_tender


class TenderOptIn(models.Model):
    """One partner turned the tender deck on in one partnership. Deleting it turns it off."""

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="tender_opt_ins"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "user"], name="one_tender_opt_in"),
        ]

    def __str__(self):
        return f"{self.user} opted in to tender topics in {self.partnership}"


class PromptChoice(models.Model):
    """A person's own star or hide on a prompt, within one partnership."""

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="prompt_choices"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    prompt = models.ForeignKey(Prompt, on_delete=models.CASCADE, related_name="choices")
    starred = models.BooleanField(default=False)
    hidden = models.BooleanField(default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "user", "prompt"], name="one_choice_per_prompt"
            ),
        ]

    def __str__(self):
        return f"{self.user} on {self.prompt.slug}"


class Conversation(models.Model):
    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="conversations"
    )
    prompt = models.ForeignKey(Prompt, on_delete=models.PROTECT, related_name="conversations")
    # The question as it was asked: editing the data files never rewrites history.
    question = models.TextField()
    # The prompt's question in the other languages, copied with it: each partner reads the
    # conversation in their own language, and a later edit of the file rewrites neither.
    translations = models.JSONField(default=dict, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    revealed_at = models.DateTimeField(null=True, blank=True)
    talked_at = models.DateTimeField(null=True, blank=True)
    talked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    takeaway = models.TextField(blank=True)
    takeaway_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    takeaway_at = models.DateTimeField(null=True, blank=True)
    # Bumped on each takeaway edit, so two partners editing at once never lose an update.
    takeaway_version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["partnership", "-started_at"])]
        constraints = [
            # Both partners starting the same prompt at once land in one conversation.
            models.UniqueConstraint(
                fields=["partnership", "prompt"],
                condition=Q(talked_at__isnull=True),
                name="one_open_conversation_per_prompt",
            ),
        ]

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return reverse("conversations:conversation", args=[self.partnership.public_id, self.pk])

    @property
    def is_revealed(self):
        return self.revealed_at is not None

    @property
    def is_talked_about(self):
        return self.talked_at is not None


class Answer(models.Model):
    class Kind(models.TextChoices):
        WRITTEN = "written", _("Written answer")
        TALK = "talk", _("Let's just talk")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="answers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.WRITTEN)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="one_answer_per_person"),
        ]

    def __str__(self):
        return f"{self.user} on {self.conversation_id}"

    @property
    def is_written(self):
        return self.kind == self.Kind.WRITTEN

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None
