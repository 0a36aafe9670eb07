"""Rules of guided conversations: the tender deck, drawing prompts, private answers and
the reveal, and what happens after two people talked."""

import hashlib
import random
import time
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trustapp.conversations.models import Answer, Conversation, Prompt, PromptChoice, TenderOptIn
from trustapp.lib.i18n import translations_of
from trustapp.notifications.notify import notify_partner

ANSWER_MAX_LENGTH = 5000
TAKEAWAY_MAX_LENGTH = 2000


class ConversationError(Exception):
    """Why something cannot be done right now, in words a person can read."""


class AlreadyRevealed(ConversationError):
    """Both partners answered already, so answers are fixed now."""


class TakeawayConflict(ConversationError):
    """The takeaway changed since the form was opened; `version` is the current one."""

    def __init__(self, message, version):
        super().__init__(message)
        self.version = version


# The tender deck -------------------------------------------------------------------


def tender_unlocked(partnership):
    """True only when both partners turned the tender deck on. Asked once per request:
    the answer is kept on the partnership object until `tender_set` changes it."""
    if "_tender_unlocked" not in partnership.__dict__:
        opted = set()
        if len(partnership.member_list()) == 2:
            opted = set(
                TenderOptIn.objects.filter(partnership=partnership).values_list(
                    "user_id", flat=True
                )
            )
        partnership.__dict__["_tender_unlocked"] = _both_opted_in(partnership, opted)
    return partnership.__dict__["_tender_unlocked"]


def _both_opted_in(partnership, opted_user_ids):
    members = {membership.user_id for membership in partnership.member_list()}
    return len(members) == 2 and members <= opted_user_ids


def tender_opted_in(partnership, user):
    return TenderOptIn.objects.filter(partnership=partnership, user=user).exists()


def tender_set(*, partnership, user, on):
    """Turn the tender deck on or off for one partner. Turning it off locks it again."""
    partnership.__dict__.pop("_tender_unlocked", None)
    week_prompt_forget(partnership.pk)
    if on:
        TenderOptIn.objects.get_or_create(partnership=partnership, user=user)
    else:
        TenderOptIn.objects.filter(partnership=partnership, user=user).delete()


def prompts_for(partnership, *, unlocked=None):
    """Prompts this partnership may see: the tender deck only once both opted in."""
    if unlocked is None:
        unlocked = tender_unlocked(partnership)
    prompts = Prompt.objects.active().select_related("topic")
    return prompts if unlocked else prompts.filter(topic__is_tender=False)


# Stars and hides -------------------------------------------------------------------


def prompt_choose(*, partnership, user, prompt, starred=None, hidden=None):
    """Set one person's star and/or hide on a prompt (explicit values: safe to repeat)."""
    changes = {"updated_at": timezone.now()}
    if starred is not None:
        changes["starred"] = starred
    if hidden is not None:
        changes["hidden"] = hidden
    choice, _created = PromptChoice.objects.update_or_create(
        partnership=partnership, user=user, prompt=prompt, defaults=changes
    )
    if hidden is not None:
        week_prompt_forget(partnership.pk)
    return choice


def _hidden_by_members(partnership):
    return PromptChoice.objects.filter(partnership=partnership, hidden=True).values("prompt_id")


# Picking prompts -------------------------------------------------------------------


def _week_key(partnership, day):
    year, week, _weekday = day.isocalendar()
    return f"{partnership.public_id}:{year}-W{week:02d}"


# Several pages show the week's prompt, so it is kept in the cache for the week. A change
# of what it depends on (a hide, the tender deck, the library) moves a generation number.
WEEK_PROMPT_SECONDS = 60 * 60  # also bounds how long a prompt edited in the admin lingers
LIBRARY_GENERATION = "week-prompt:library"


def _generation_key(partnership_id):
    return f"week-prompt:gen:{partnership_id}"


def week_prompt_forget(partnership_id=None):
    """Pick this week's prompt again: for one partnership, or for all (library changed)."""
    key = LIBRARY_GENERATION if partnership_id is None else _generation_key(partnership_id)
    cache.set(key, time.time_ns(), None)


def prompt_of_the_week(partnership, *, today=None):
    """The same prompt for both partners all ISO week long, or None if none is left.

    Never from the tender deck unless both opted in. Prompts either partner hid are
    skipped. Each prompt gets a score from a hash of (partnership, week, slug) and the
    highest wins, so hiding or adding other prompts does not change this week's pick.
    """
    day = today or timezone.now().date()
    own_key, key = _generation_key(partnership.pk), f"week-prompt:{_week_key(partnership, day)}"
    # One round trip: the pick is kept with the generations it was made under, and is
    # picked again when either moved on since.
    found = cache.get_many([LIBRARY_GENERATION, own_key, key])
    generations = (found.get(LIBRARY_GENERATION, 0), found.get(own_key, 0))
    kept = found.get(key)
    if kept is not None and kept[0] == generations:
        return kept[1] or None
    prompt = _prompt_of_the_week(partnership, day) or False  # False: none left, kept too
    cache.set(key, (generations, prompt), WEEK_PROMPT_SECONDS)
    return prompt or None


def _prompt_of_the_week(partnership, day):
    candidates = list(
        prompts_for(partnership)
        .exclude(pk__in=_hidden_by_members(partnership))
        .values_list("pk", "slug")
    )
    pick = _week_pick(candidates, _week_key(partnership, day), slug=lambda row: row[1])
    return None if pick is None else Prompt.objects.select_related("topic").get(pk=pick[0])


def prompts_of_the_week(partnerships, *, today=None):
    """`prompt_of_the_week` for many partnerships at once, in three queries in all:
    {partnership pk: prompt or None}. Reminder emails use it for a whole batch."""
    day = today or timezone.now().date()
    partnerships = list(partnerships)
    ids = [partnership.pk for partnership in partnerships]
    prompts = list(Prompt.objects.active().select_related("topic").order_by("pk"))
    opted, hidden = defaultdict(set), defaultdict(set)
    for partnership_id, user_id in TenderOptIn.objects.filter(partnership_id__in=ids).values_list(
        "partnership_id", "user_id"
    ):
        opted[partnership_id].add(user_id)
    for partnership_id, prompt_id in PromptChoice.objects.filter(
        partnership_id__in=ids, hidden=True
    ).values_list("partnership_id", "prompt_id"):
        hidden[partnership_id].add(prompt_id)
    picks = {}
    for partnership in partnerships:
        unlocked = _both_opted_in(partnership, opted[partnership.pk])
        candidates = [
            prompt
            for prompt in prompts
            if (unlocked or not prompt.topic.is_tender) and prompt.pk not in hidden[partnership.pk]
        ]
        key = _week_key(partnership, day)
        picks[partnership.pk] = _week_pick(candidates, key, slug=lambda prompt: prompt.slug)
    return picks


def _week_pick(candidates, key, *, slug):
    """The candidate whose hash of (week key, slug) is highest; None when there are none."""
    if not candidates:
        return None
    return max(candidates, key=lambda c: hashlib.sha256(f"{key}:{slug(c)}".encode()).digest())


def prompt_draw(*, partnership, depth=None, exclude_pk=None):
    """A random prompt at `depth` (any when None), preferring ones not talked about yet."""
    prompts = prompts_for(partnership).exclude(pk__in=_hidden_by_members(partnership))
    if depth:
        prompts = prompts.filter(depth=depth)
    if exclude_pk:
        prompts = prompts.exclude(pk=exclude_pk)
    talked = Exists(Conversation.objects.filter(partnership=partnership, prompt=OuterRef("pk")))
    rows = list(prompts.annotate(talked=talked).values_list("pk", "talked"))
    ids = [pk for pk, was_talked in rows if not was_talked] or [pk for pk, _talked in rows]
    if not ids:
        return None
    return Prompt.objects.select_related("topic").get(pk=random.choice(ids))


# Conversations ---------------------------------------------------------------------


def with_answer_state(conversations, user):
    """Annotate whether `user` and their partner answered, without loading any answer.

    An answer taken back does not count: its author may answer again."""
    answers = Answer.objects.filter(conversation=OuterRef("pk"), withdrawn_at__isnull=True)
    return conversations.annotate(
        i_answered=Exists(answers.filter(user=user)),
        partner_answered=Exists(answers.exclude(user=user)),
    )


def conversation_start(*, partnership, user, prompt):
    """Start talking about `prompt`, or join the open conversation already on it.

    Returns (conversation, created).
    """
    if prompt.topic.is_tender and not tender_unlocked(partnership):
        raise ConversationError(_("This prompt is in the tender deck, which is still closed."))
    open_conversations = Conversation.objects.filter(
        partnership=partnership, prompt=prompt, talked_at__isnull=True
    )
    existing = open_conversations.first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            conversation = Conversation.objects.create(
                partnership=partnership,
                prompt=prompt,
                question=prompt.question,
                translations=translations_of(prompt, ["question"]),
                started_by=user,
            )
    except IntegrityError:
        # The partner started the same prompt a moment ago: join theirs.
        return open_conversations.get(), False
    return conversation, True


def _clean_text(text, limit, *, too_long):
    text = (text or "").strip()
    if len(text) > limit:
        raise ConversationError(too_long % {"limit": limit})
    return text


def answer_submit(*, conversation, user, text="", just_talk=False):
    """Save one partner's private answer, or their wish to just talk.

    An answer can be changed until both partners have answered; the second answer
    reveals the conversation. Returns the answer.
    """
    if just_talk:
        kind, text = Answer.Kind.TALK, ""
    else:
        kind = Answer.Kind.WRITTEN
        text = _clean_text(
            text,
            ANSWER_MAX_LENGTH,
            too_long=_("Please keep your answer under %(limit)s characters."),
        )
        if not text:
            raise ConversationError(_("Write a few words first, or choose “Let’s just talk”."))
    partnership = conversation.partnership
    with transaction.atomic():
        # Lock the conversation so two answers arriving together reveal exactly once.
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if locked.revealed_at is not None:
            raise AlreadyRevealed(
                _("You have both answered already, so answers can no longer be changed.")
            )
        now = timezone.now()
        answer, created = Answer.objects.update_or_create(
            conversation=locked,
            user=user,
            defaults={"kind": kind, "text": text, "updated_at": now, "withdrawn_at": None},
            create_defaults={"kind": kind, "text": text, "created_at": now, "updated_at": now},
        )
        others = locked.answers.exclude(user=user).filter(withdrawn_at__isnull=True).exists()
        if others:
            locked.revealed_at = now
            locked.save(update_fields=["revealed_at"])
        conversation.revealed_at = locked.revealed_at
    names = {"name": user.name}
    if others:
        kind = "conversation_revealed"
        subject = gettext_lazy("%(name)s answered too")
        message = gettext_lazy(
            "%(name)s answered the prompt you answered, so you can now see each other’s answers."
        )
    elif created:
        kind = "conversation_answered"
        subject = gettext_lazy("%(name)s answered a conversation prompt")
        message = gettext_lazy(
            "%(name)s answered a conversation prompt. Their answer stays private until you "
            "add yours, whenever you are ready."
        )
    else:
        return answer  # an edit before the reveal is nobody else's news
    notify_partner(
        partnership=partnership,
        recipient=partnership.partner_of(user),
        actor=user,
        kind=kind,
        subject=subject,
        message=message,
        values=names,
        path=conversation.get_absolute_url(),
    )
    return answer


def answer_withdraw(*, conversation, user):
    """Take an answer back after the reveal: its words are erased, the fact stays visible.

    Before they talked, the conversation is open again: the partner's answer is private
    again until its author answers anew, one for one as the first time."""
    with transaction.atomic():
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        answer = (
            Answer.objects.select_for_update()
            .filter(conversation=conversation, user=user, withdrawn_at__isnull=True)
            .first()
        )
        if answer is None or not answer.is_written:
            raise ConversationError(_("There is no written answer of yours to take back."))
        if locked.revealed_at is None:
            raise ConversationError(
                _("Your answer is still private. You can change it instead of taking it back.")
            )
        answer.text = ""
        answer.withdrawn_at = timezone.now()
        answer.save(update_fields=["text", "withdrawn_at"])
        if locked.talked_at is None:
            locked.revealed_at = None
            locked.save(update_fields=["revealed_at"])
        conversation.revealed_at = locked.revealed_at
    return answer


def conversation_mark_talked(*, conversation, user, takeaway=""):
    """Record that the two of them talked about it, with an optional shared takeaway."""
    takeaway = _clean_text(
        takeaway,
        TAKEAWAY_MAX_LENGTH,
        too_long=_("Please keep the takeaway under %(limit)s characters."),
    )
    if conversation.revealed_at is None:
        raise ConversationError(_("This opens once you have both answered."))
    if conversation.talked_at is not None:
        return conversation
    now = timezone.now()
    conversation.talked_at = now
    conversation.talked_by = user
    fields = ["talked_at", "talked_by"]
    if takeaway:
        conversation.takeaway = takeaway
        conversation.takeaway_by = user
        conversation.takeaway_at = now
        conversation.takeaway_version += 1
        fields += ["takeaway", "takeaway_by", "takeaway_at", "takeaway_version"]
    conversation.save(update_fields=fields)
    return conversation


def takeaway_save(*, conversation, user, text, version):
    """Change the shared takeaway, unless the partner changed it since `version`."""
    text = _clean_text(
        text,
        TAKEAWAY_MAX_LENGTH,
        too_long=_("Please keep the takeaway under %(limit)s characters."),
    )
    if conversation.talked_at is None:
        raise ConversationError(_("Mark that you talked about it first."))
    changed = Conversation.objects.filter(pk=conversation.pk, takeaway_version=version).update(
        takeaway=text,
        takeaway_by=user,
        takeaway_at=timezone.now(),
        takeaway_version=version + 1,
    )
    conversation.refresh_from_db(
        fields=["takeaway", "takeaway_by", "takeaway_at", "takeaway_version"]
    )
    if not changed:
        raise TakeawayConflict(
            _(
                "Your partner changed the takeaway while you were editing. Their version "
                "is shown above and yours is still in the box: save again to use yours."
            ),
            conversation.takeaway_version,
        )
    return conversation


# What each partner may see -----------------------------------------------------------


@dataclass(frozen=True)
class PartnerAnswer:
    """The partner's side of a conversation as one person may see it.

    `text` is filled only when the answers have been exchanged: before that, the
    partner's words never leave the database for this person.
    """

    answered: bool = False
    just_talk: bool = False
    withdrawn: bool = False
    kept_private: bool = False  # they wrote, but this person chose to just talk
    text: str = ""


def conversation_status(partnership, pk, user):
    """What the waiting page polls for: revealed?, talked?, who answered (never what; an
    answer taken back counts as none), and the partner's name. None when the space has no
    such conversation.

    One read of plain values: the conversation joined to its answers (a row for each, at
    most two), as the poll asks every few seconds and shows nothing else of it."""
    rows = list(
        Conversation.objects.filter(partnership_id=partnership.pk, pk=pk)
        .order_by()
        .values_list("revealed_at", "talked_at", "answers__user_id", "answers__withdrawn_at")
    )
    if not rows:
        return None
    revealed_at, talked_at = rows[0][:2]
    answered = {
        user_id
        for _revealed, _talked, user_id, withdrawn_at in rows
        if user_id is not None and withdrawn_at is None
    }
    partner = partnership.partner_of(user)
    return {
        "revealed": revealed_at is not None,
        "talked": talked_at is not None,
        "i_answered": user.pk in answered,
        "partner_answered": bool(answered - {user.pk}),
        "partner_name": partner.name if partner else "",
    }


def answers_for(conversation, user, answers=None):
    """(my answer or None, PartnerAnswer) for `user` in `conversation`."""
    if answers is None:
        answers = list(conversation.answers.all())
    mine = next((a for a in answers if a.user_id == user.pk), None)
    theirs = next((a for a in answers if a.user_id != user.pk), None)
    if conversation.revealed_at is None and mine is not None and mine.is_withdrawn:
        mine = None  # taken back before the talk: theirs to answer again
    if theirs is None:
        return mine, PartnerAnswer()
    if conversation.revealed_at is None:
        if theirs.is_withdrawn:
            return mine, PartnerAnswer(withdrawn=True)
        return mine, PartnerAnswer(answered=True)
    if not theirs.is_written:
        return mine, PartnerAnswer(answered=True, just_talk=True)
    if theirs.is_withdrawn:
        return mine, PartnerAnswer(answered=True, withdrawn=True)
    if mine is None or not mine.is_written:
        # Answers are exchanged one for one: someone who chose to just talk does not
        # get to read a written answer.
        return mine, PartnerAnswer(answered=True, kept_private=True)
    return mine, PartnerAnswer(answered=True, text=theirs.text)


def link_with_params(url_name, partnership, **params):
    """A link into another feature if it exists yet (agreements, appreciations), else None."""
    try:
        url = reverse(url_name, args=[partnership.public_id])
    except NoReverseMatch:
        return None
    return f"{url}?{urlencode(params)}" if params else url
