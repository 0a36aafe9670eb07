from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseStopPolling

from trustapp.conversations import services
from trustapp.conversations.forms import AnswerForm, DrawForm, TakeawayForm, TalkedForm
from trustapp.conversations.models import Conversation, Prompt, PromptChoice, Topic
from trustapp.couples import cards
from trustapp.couples.access import partnership_view
from trustapp.lib.htmx import render_page, wants_partial
from trustapp.lib.i18n import translated
from trustapp.lib.safe_next import safe_next

HISTORY_PAGE_SIZE = 20
ONGOING_LIMIT = 10
CHANGED_EVENT = "conversation-changed"
# What a conversation in a list shows (conversations/_conversation_state.html and a link).
ONGOING_FIELDS = ("pk", "question", "translations", "talked_at", "revealed_at")
ONGOING_FIELDS += ("i_answered", "partner_answered")


def _with_choices(prompts, partnership, user):
    """Annotate this person's star and hide onto each prompt (no query per prompt)."""
    mine = PromptChoice.objects.filter(partnership=partnership, user=user, prompt=OuterRef("pk"))
    return prompts.annotate(
        is_starred=Exists(mine.filter(starred=True)),
        is_hidden=Exists(mine.filter(hidden=True)),
    )


def _get_prompt_for_user(partnership, user, slug, *, unlocked=None):
    """A prompt this partnership may see (the tender deck only once both opted in), else 404."""
    prompts = _with_choices(services.prompts_for(partnership, unlocked=unlocked), partnership, user)
    return get_object_or_404(prompts, slug=slug)


def _get_conversation_for_user(partnership, pk):
    conversations = Conversation.objects.select_related("prompt__topic")
    conversation = get_object_or_404(conversations, partnership=partnership, pk=pk)
    conversation.partnership = partnership  # already loaded, with its members
    return conversation


# Browsing ----------------------------------------------------------------------------


@partnership_view(paired=True)
@require_GET
def index(request, partnership):
    unlocked = services.tender_unlocked(partnership)
    hidden = PromptChoice.objects.filter(
        partnership_id=partnership.pk, user_id=request.user.pk, hidden=True
    ).values("prompt_id")
    # Values, not instances: the page shows them and links to them. The order is given
    # here: a grouped query leaves out the model's default order.
    topics = (
        Topic.objects.filter(is_active=True)
        .annotate(
            prompt_count=Count(
                "prompts", filter=Q(prompts__is_active=True) & ~Q(prompts__in=hidden)
            )
        )
        .order_by("position", "title")
        .values("slug", "title", "summary", "translations", "is_tender", "prompt_count")
    )
    ongoing = services.with_answer_state(
        Conversation.objects.filter(partnership_id=partnership.pk, talked_at__isnull=True),
        request.user,
    ).values(*ONGOING_FIELDS)[:ONGOING_LIMIT]
    context = {
        "partnership": partnership,
        "week_prompt": services.prompt_of_the_week(partnership),
        "draw_form": DrawForm(tender_unlocked=unlocked),
        "topics": topics,
        "tender_unlocked": unlocked,
        "ongoing": ongoing,
    }
    return render(request, "conversations/index.html", context)


@partnership_view(paired=True)
@require_GET
def draw(request, partnership):
    unlocked = services.tender_unlocked(partnership)
    form = DrawForm(request.GET or {"depth": DrawForm.ANY}, tender_unlocked=unlocked)
    if not form.is_valid():
        messages.error(request, _("Please pick one of the depths in the list."))
        return redirect("conversations:index", public_id=partnership.public_id)
    depth = form.cleaned_data["depth"]
    depth = None if depth == DrawForm.ANY else depth
    after = request.GET.get("after")
    skip = Prompt.objects.filter(slug=after).values("pk").first() if after else None
    prompt = services.prompt_draw(
        partnership=partnership, depth=depth, exclude_pk=skip and skip["pk"]
    )
    if prompt is None:
        messages.info(
            request,
            _("There is no prompt left to draw there. Hidden prompts can be shown again."),
        )
        return redirect("conversations:index", public_id=partnership.public_id)
    url = reverse("conversations:prompt", args=[partnership.public_id, prompt.slug])
    return redirect(f"{url}?drawn={depth or DrawForm.ANY}")


@partnership_view(paired=True)
@require_GET
def topic(request, partnership, slug):
    topic = get_object_or_404(Topic, slug=slug, is_active=True)
    unlocked = services.tender_unlocked(partnership)
    locked = topic.is_tender and not unlocked
    prompts = []
    if not locked:
        prompts = _with_choices(
            topic.prompts.filter(is_active=True).select_related("topic"),
            partnership,
            request.user,
        )
        prompts = [prompt for prompt in prompts if not prompt.is_hidden]
    return render(
        request,
        "conversations/topic.html",
        {"partnership": partnership, "topic": topic, "locked": locked, "prompts": prompts},
    )


@partnership_view(paired=True)
@require_GET
def prompt(request, partnership, slug):
    prompt = _get_prompt_for_user(partnership, request.user, slug)
    open_conversation = partnership.conversations.filter(
        prompt=prompt, talked_at__isnull=True
    ).first()
    drawn = request.GET.get("drawn")
    depths = {"any", *Prompt.Depth.values}
    return render(
        request,
        "conversations/prompt.html",
        {
            "partnership": partnership,
            "prompt": prompt,
            "open_conversation": open_conversation,
            "past_count": partnership.conversations.filter(
                prompt=prompt, talked_at__isnull=False
            ).count(),
            "drawn": drawn if drawn in depths else None,
        },
    )


def _prompt_list(request, partnership, *, template, **filters):
    unlocked = services.tender_unlocked(partnership)
    chosen = PromptChoice.objects.filter(
        partnership=partnership, user=request.user, **filters
    ).values("prompt_id")
    prompts = _with_choices(
        services.prompts_for(partnership, unlocked=unlocked).filter(pk__in=chosen),
        partnership,
        request.user,
    )
    return render(request, template, {"partnership": partnership, "prompts": prompts})


@partnership_view(paired=True)
@require_GET
def starred(request, partnership):
    return _prompt_list(request, partnership, template="conversations/starred.html", starred=True)


@partnership_view(paired=True)
@require_GET
def hidden(request, partnership):
    return _prompt_list(request, partnership, template="conversations/hidden.html", hidden=True)


def _choose(request, partnership, slug, field):
    prompt = _get_prompt_for_user(partnership, request.user, slug)
    value = request.POST.get(field)
    status = 200
    if value in {"1", "0"}:
        services.prompt_choose(
            partnership=partnership, user=request.user, prompt=prompt, **{field: value == "1"}
        )
        prompt = _get_prompt_for_user(partnership, request.user, slug)
    else:
        status = 400
    if wants_partial(request):
        return render(
            request,
            "conversations/_prompt_actions.html",
            {"partnership": partnership, "prompt": prompt},
            status=status,
        )
    if status == 400:
        messages.error(request, _("That did not work. Please try the button again."))
    elif field == "hidden" and value == "1":
        messages.info(request, _("Hidden. You can find it again under “Hidden prompts”."))
    fallback = reverse("conversations:prompt", args=[partnership.public_id, prompt.slug])
    return redirect(safe_next(request, fallback))


@partnership_view(paired=True)
@require_POST
def star(request, partnership, slug):
    return _choose(request, partnership, slug, "starred")


@partnership_view(paired=True)
@require_POST
def hide(request, partnership, slug):
    return _choose(request, partnership, slug, "hidden")


@partnership_view(paired=True)
@require_http_methods(["GET", "POST"])
def tender(request, partnership):
    if request.method == "POST":
        value = request.POST.get("on")
        if value not in {"1", "0"}:
            messages.error(request, _("That did not work. Please try the button again."))
        else:
            services.tender_set(partnership=partnership, user=request.user, on=value == "1")
            if services.tender_unlocked(partnership):
                messages.success(request, _("Tender topics are open for both of you now."))
            elif value == "1":
                messages.success(request, _("Turned on for you."))
            else:
                messages.success(request, _("Turned off. Tender topics are closed again."))
        return redirect("conversations:tender", public_id=partnership.public_id)
    return render(
        request,
        "conversations/tender.html",
        {
            "partnership": partnership,
            "opted_in": services.tender_opted_in(partnership, request.user),
            "unlocked": services.tender_unlocked(partnership),
            "topics": Topic.objects.filter(is_active=True, is_tender=True),
        },
    )


# Conversations -----------------------------------------------------------------------


@partnership_view(paired=True)
@require_POST
def start(request, partnership, slug):
    prompt = _get_prompt_for_user(partnership, request.user, slug)
    try:
        conversation, _created = services.conversation_start(
            partnership=partnership, user=request.user, prompt=prompt
        )
    except services.ConversationError:
        raise Http404 from None
    return redirect(conversation)


def _status(conversation, partner, *, i_answered, partner_answered):
    revealed = conversation.revealed_at is not None
    return {
        "public_id": conversation.partnership.public_id,
        "pk": conversation.pk,
        "revealed": revealed,
        # Until they talked, an answer may still be taken back: the page keeps up.
        "poll": conversation.talked_at is None and conversation.partnership.is_active,
        "i_answered": i_answered,
        "partner_answered": partner_answered,
        "partner_name": partner.name if partner else "",
        "state": "revealed" if revealed else f"{int(i_answered)}{int(partner_answered)}",
    }


def _conversation_context(request, partnership, conversation, notice=None, **forms):
    partner = partnership.partner_of(request.user)
    mine, theirs = services.answers_for(conversation, request.user)
    context = {
        "partnership": partnership,
        "conversation": conversation,
        "prompt": conversation.prompt,
        "partner": partner,
        "mine": mine,
        "theirs": theirs,
        "notice": notice,
        "status": _status(
            conversation, partner, i_answered=mine is not None, partner_answered=theirs.answered
        ),
        "answer_form": forms.get("answer_form")
        or AnswerForm(initial={"text": mine.text if mine else ""}),
        "talked_form": forms.get("talked_form") or TalkedForm(),
        "takeaway_form": forms.get("takeaway_form")
        or TakeawayForm(
            initial={
                "takeaway": conversation.takeaway,
                "version": conversation.takeaway_version,
            }
        ),
    }
    if conversation.revealed_at is not None:
        # "Did you feel heard?", from a higher app through couples' registry.
        context["reveal_sections"] = cards.sections_for(
            "reveal",
            partnership=partnership,
            user=request.user,
            here=conversation.get_absolute_url(),
            conversation=conversation,
        )
    if conversation.takeaway:
        title = Truncator(conversation.takeaway.splitlines()[0]).chars(80)
        why = _("It came out of our conversation about: %(question)s") % {
            "question": translated(conversation, "question")
        }
        context["agreement_link"] = services.link_with_params(
            "agreements:propose",
            partnership,
            title=title,
            text=conversation.takeaway,
            why=Truncator(why).chars(1000),
        )
        context["appreciation_link"] = services.link_with_params(
            "appreciations:new", partnership, text=conversation.takeaway
        )
    return context


def _render_conversation(request, partnership, conversation, status=200, notice=None, **forms):
    context = _conversation_context(request, partnership, conversation, notice, **forms)
    if not wants_partial(request) and conversation.talked_at is None:
        # "I need a pause", from repair through couples' registry.
        about = _("the conversation “%(question)s”") % {
            "question": Truncator(translated(conversation, "question")).chars(120)
        }
        context["pause_sections"] = cards.sections_for(
            "pause",
            partnership=partnership,
            user=request.user,
            here=conversation.get_absolute_url(),
            about=about,
        )
    return render_page(
        request, "conversations/conversation.html", context, partial="conversation", status=status
    )


@partnership_view(paired=True)
@require_GET
def conversation(request, partnership, pk):
    conversation = _get_conversation_for_user(partnership, pk)
    return _render_conversation(request, partnership, conversation)


@partnership_view(paired=True)
@require_GET
def status(request, partnership, pk):
    """What the waiting page polls every few seconds.

    Answers 204 while nothing changed and the new status line when something did. When
    the answers were revealed, or one was taken back, it also sends an event that reloads
    the page's conversation region. Once they talked, it answers 286 (stop polling).
    """
    row = services.conversation_status(partnership, pk, request.user)
    if row is None:
        raise Http404
    public_id = partnership.public_id
    if not wants_partial(request):
        return redirect("conversations:conversation", public_id=public_id, pk=pk)
    revealed = row["revealed"]
    state = "revealed" if revealed else f"{int(row['i_answered'])}{int(row['partner_answered'])}"
    seen = request.GET.get("seen")
    if seen == state and not row["talked"]:
        return HttpResponse(status=204)
    context = {
        "status": row
        | {"public_id": public_id, "pk": pk, "poll": not row["talked"], "state": state}
    }
    content = render(request, "conversations/_status.html", context).content
    response = HttpResponseStopPolling(content) if row["talked"] else HttpResponse(content)
    if revealed != (seen == "revealed"):
        response["HX-Trigger"] = CHANGED_EVENT
    return response


def _after_post(request, partnership, conversation, message=None):
    if wants_partial(request):
        conversation = _get_conversation_for_user(partnership, conversation.pk)
        return _render_conversation(request, partnership, conversation, notice=message)
    if message:
        messages.success(request, message)
    # Back to the region they were in, so the keyboard carries on from there.
    return redirect(f"{conversation.get_absolute_url()}#conversation")


@partnership_view(paired=True)
@require_POST
def answer(request, partnership, pk):
    conversation = _get_conversation_for_user(partnership, pk)
    form = AnswerForm(request.POST)
    just_talk = "just_talk" in request.POST
    if just_talk or form.is_valid():
        try:
            services.answer_submit(
                conversation=conversation,
                user=request.user,
                text="" if just_talk else form.cleaned_data["text"],
                just_talk=just_talk,
            )
        except services.AlreadyRevealed as error:
            conversation = _get_conversation_for_user(partnership, pk)
            if not wants_partial(request):
                messages.info(request, str(error))
                return redirect(conversation)
            return _render_conversation(request, partnership, conversation, 409)
        except services.ConversationError as error:
            form.add_error("text", str(error))
        else:
            # Only what happened: the status line above already says who has answered.
            return _after_post(request, partnership, conversation, _("Your answer is saved."))
    return _render_conversation(request, partnership, conversation, 422, answer_form=form)


@partnership_view(paired=True)
@require_POST
def withdraw(request, partnership, pk):
    conversation = _get_conversation_for_user(partnership, pk)
    try:
        services.answer_withdraw(conversation=conversation, user=request.user)
    except services.ConversationError as error:
        if wants_partial(request):
            return _render_conversation(request, partnership, conversation, 409)
        messages.error(request, str(error))
        return redirect(conversation)
    return _after_post(request, partnership, conversation, _("You took your answer back."))


@partnership_view(paired=True)
@require_POST
def talked(request, partnership, pk):
    conversation = _get_conversation_for_user(partnership, pk)
    form = TalkedForm(request.POST)
    if form.is_valid():
        try:
            services.conversation_mark_talked(
                conversation=conversation,
                user=request.user,
                takeaway=form.cleaned_data["takeaway"],
            )
        except services.ConversationError as error:
            form.add_error(None, str(error))
        else:
            return _after_post(request, partnership, conversation, _("Noted: you talked about it."))
    return _render_conversation(request, partnership, conversation, 422, talked_form=form)


@partnership_view(paired=True)
@require_POST
def takeaway(request, partnership, pk):
    conversation = _get_conversation_for_user(partnership, pk)
    form = TakeawayForm(request.POST)
    if form.is_valid():
        try:
            services.takeaway_save(
                conversation=conversation,
                user=request.user,
                text=form.cleaned_data["takeaway"],
                version=form.cleaned_data["version"],
            )
        except services.TakeawayConflict as error:
            # The partner's version shows on the page, this person's words in the form.
            form = form.keep_typed(error.version)
            form.add_error(None, str(error))
            return _render_conversation(request, partnership, conversation, 409, takeaway_form=form)
        except services.ConversationError as error:
            form.add_error(None, str(error))
        else:
            return _after_post(request, partnership, conversation, _("Takeaway saved."))
    return _render_conversation(request, partnership, conversation, 422, takeaway_form=form)


@partnership_view(paired=True)
@require_GET
def history(request, partnership):
    conversations = services.with_answer_state(partnership.conversations.all(), request.user)
    page = Paginator(conversations, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"partnership": partnership, "page": page}
    return render_page(request, "conversations/history.html", context, partial="items")
