from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trustapp.calendar.services import entry_ics, ics_response
from trustapp.checkins import services
from trustapp.checkins.dates import checkin_entries
from trustapp.checkins.forms import (
    ActionPointEditForm,
    ActionPointForm,
    AgendaItemEditForm,
    AgendaItemForm,
    AnswerForm,
    RemoveForm,
    ScheduleForm,
)
from trustapp.checkins.models import ActionPoint, AgendaItem, CheckIn, CheckInCadence
from trustapp.checkins.trend import trend_for
from trustapp.couples import cards
from trustapp.couples.access import partnership_view
from trustapp.lib.htmx import render_page, wants_partial
from trustapp.lib.safe_next import safe_next

# htmx stops polling when a response carries this status.
STOP_POLLING = 286


def _get_checkin_for_user(partnership, pk):
    checkin = get_object_or_404(CheckIn, partnership=partnership, pk=pk)
    checkin.partnership = partnership  # loaded already, with its members
    return checkin


def _answers_context(request, partnership, checkin, answer_form=None):
    answers = services.answers_for(checkin, request.user)
    editing = request.GET.get("edit") is not None
    can_answer = (partnership.is_active and checkin.is_open and not answers.revealed) and (
        answers.mine is None or editing or answer_form is not None
    )
    if can_answer and answer_form is None:
        answer_form = AnswerForm(instance=answers.mine)
    # "Did you feel heard?", from a higher app through couples' registry.
    reveal_sections = []
    if answers.revealed:
        reveal_sections = cards.sections_for(
            "reveal",
            partnership=partnership,
            user=request.user,
            here=checkin.get_absolute_url(),
            checkin=checkin,
        )
    return {
        "answers": answers,
        "reveal_sections": reveal_sections,
        "answer_form": answer_form if can_answer else None,
        # Wait for the partner's answer live, unless the reader is changing their own.
        "polling": (
            checkin.is_open and answers.mine is not None and not answers.revealed and not can_answer
        ),
    }


def _agenda_context(request, partnership, checkin, agenda_form=None):
    is_latest = not checkin.is_open and services.is_latest(checkin)
    accepts_items = partnership.is_active and (checkin.is_open or is_latest)
    context = {
        "agenda_items": services.topics_on(
            checkin, partnership=partnership, include_waiting=accepts_items
        ),
        "agenda_form": (agenda_form or AgendaItemForm()) if accepts_items else None,
        "is_latest": is_latest,
    }
    if checkin.is_open:
        context["revisit_agreements"] = services.agreements_due_for_revisit(partnership)
        context["prompt"] = services.prompt_of_the_week(partnership)
    return context


def _actions_context(request, partnership, checkin, action_form=None, steps=None):
    partner = partnership.partner_of(request.user)
    if partnership.is_active and checkin.is_open and action_form is None:
        action_form = ActionPointForm(user=request.user, partner=partner)
    if steps is None:
        steps = services.steps_of(checkin, partnership=partnership)
    return {
        "action_points": steps,
        "action_form": action_form if partnership.is_active and checkin.is_open else None,
    }


def _base_context(request, partnership, checkin):
    return {
        "partnership": partnership,
        "checkin": checkin,
        "partner": partnership.partner_of(request.user),
        "can_write": partnership.is_active,
        "return_to": checkin.get_absolute_url(),
    }


# Each region htmx may swap: how to build its context, and the name of its form.
REGIONS = {
    "answers": (_answers_context, "answer_form"),
    "agenda": (_agenda_context, "agenda_form"),
    "actions": (_actions_context, "action_form"),
}


# What a change said, kept for the page a plain form (no JavaScript) is sent back to.
SAID = "checkins:said"


def _page_context(request, partnership, checkin, forms=None, previous=...):
    """`previous`: the check-in before, when read with this one (`...`: not read yet);
    then `checkin.cadence` is the partnership's rhythm, read with them."""
    forms = forms or {}
    if previous is ...:
        previous = services.previous_checkin(checkin)
        cadence = services.cadence_of(partnership)
    else:
        cadence = checkin.cadence
    steps, previous_steps = services.steps_of_each(checkin, previous, partnership=partnership)
    context = {
        **_base_context(request, partnership, checkin),
        "cadence_label": CheckInCadence(cadence).label,
        "next_due": services.next_due_date(checkin, cadence),
        "look_back": services.look_back(checkin, previous, previous_steps),
        "appreciation_url": services.appreciation_url(partnership),
    }
    context |= _answers_context(request, partnership, checkin, forms.get("answer_form"))
    context |= _agenda_context(request, partnership, checkin, forms.get("agenda_form"))
    context |= _actions_context(request, partnership, checkin, forms.get("action_form"), steps)
    if checkin.is_open:
        # "I need a pause", from repair through couples' registry.
        context["pause_sections"] = cards.sections_for(
            "pause",
            partnership=partnership,
            user=request.user,
            here=context["return_to"],
            about=_("your check-in"),
        )
    said = request.session.pop(SAID, None)  # written only when there was something
    if said:
        context |= {"said_in": said["in"], "error": said["error"], "notice": said["notice"]}
    return context


@dataclass
class Editing:
    """The one topic or small step its region shows as a form: to change it (`form`), or
    to confirm removing it (no form). `changed` says why it reads differently now."""

    item: object
    form: object = None
    changed: str = ""


def _render_region(
    request,
    partnership,
    checkin,
    region,
    *,
    status=200,
    form=None,
    error=None,
    editing=None,
    focus=None,
    notice=None,
):
    """The named partial for htmx, else the whole page (a form with errors, JS off).
    `editing`: an item shown as a form; `focus`: the item whose links take the focus."""
    build, form_name = REGIONS[region]
    shown = {"editing": editing, "focus": focus}
    if wants_partial(request):
        context = _base_context(request, partnership, checkin)
        context |= build(request, partnership, checkin, form)
        context |= shown | {"error": error, "notice": notice}
    else:
        context = _page_context(request, partnership, checkin, {form_name: form}) | shown
        if error:
            context |= {"said_in": region, "error": error}
    return render_page(request, "checkins/detail.html", context, partial=region, status=status)


def _after_change(request, partnership, checkin, region, error=None, *, focus=None, notice=None):
    """htmx gets the region again, with the reason if nothing changed; a plain form goes
    back to that region of the page (to the item, with `focus`)."""
    if wants_partial(request):
        return _render_region(
            request, partnership, checkin, region, error=error, focus=focus, notice=notice
        )
    if error or notice:
        # The page comes back scrolled to this region: its words wait there, not at the top.
        request.session[SAID] = {
            "in": region,
            "error": str(error or ""),
            "notice": str(notice or ""),
        }
    return redirect(f"{checkin.get_absolute_url()}#{focus.anchor if focus else region}")


@partnership_view(paired=True)
@require_GET
def current(request, partnership):
    """The page a reminder links to: today's check-in, or a button that opens it when a
    new one is due (a GET never opens one)."""
    latest, due = services.checkin_now(partnership)
    if due:
        return render(
            request, "checkins/start.html", {"partnership": partnership, "latest": latest}
        )
    if latest is None:
        return redirect("checkins:history", public_id=partnership.public_id)
    return redirect(latest)


@partnership_view(paired=True)
@require_GET
def next_ics(request, partnership):
    """The next check-in as a file to open in a calendar app (one event, no rule)."""
    if not partnership.is_active:
        raise Http404
    [entry] = checkin_entries(request.user, [partnership])
    return ics_response(entry_ics(request.user, entry), filename="check-in.ics")


@partnership_view(paired=True)
@require_POST
def start(request, partnership):
    checkin = services.checkin_start(partnership=partnership)
    return redirect(checkin)


@partnership_view(paired=True)
@require_GET
def detail(request, partnership, pk):
    try:
        checkin, previous = services.with_previous(partnership, pk)
    except CheckIn.DoesNotExist:
        raise Http404 from None
    context = _page_context(request, partnership, checkin, previous=previous)
    return render(request, "checkins/detail.html", context)


@partnership_view(paired=True)
@require_POST
def answer(request, partnership, pk):
    checkin = _get_checkin_for_user(partnership, pk)
    mine = services.answers_for(checkin, request.user).mine
    form = AnswerForm(request.POST, instance=mine)
    if not form.is_valid():
        return _render_region(request, partnership, checkin, "answers", status=422, form=form)
    try:
        services.answer_save(checkin=checkin, user=request.user, data=form.answer_data())
    except services.CheckInError as error:
        return _after_change(request, partnership, checkin, "answers", str(error))
    return _after_change(request, partnership, checkin, "answers")


@partnership_view(paired=True)
@require_GET
def answers(request, partnership, pk):
    """Polled every few seconds while waiting for the partner. `?seen=waiting` and still
    waiting: 204, no page work. Otherwise the region again, with 286 (stop polling) once
    both answered or the check-in is finished."""
    checkin = _get_checkin_for_user(partnership, pk)
    if request.GET.get("seen") == services.WAITING and wants_partial(request):
        if services.answers_state(checkin, request.user) == services.WAITING:
            return HttpResponse(status=204)
    if not wants_partial(request):
        return redirect(checkin.get_absolute_url() + "#answers")
    context = _base_context(request, partnership, checkin)
    context |= _answers_context(request, partnership, checkin)
    response = render_page(request, "checkins/detail.html", context, partial="answers")
    if context["answers"].revealed or not checkin.is_open:
        response.status_code = STOP_POLLING
    return response


@partnership_view(paired=True)
@require_POST
def agenda_add(request, partnership, pk):
    checkin = _get_checkin_for_user(partnership, pk)
    form = AgendaItemForm(request.POST)
    if not form.is_valid():
        return _render_region(request, partnership, checkin, "agenda", status=422, form=form)
    services.agenda_add(partnership=partnership, user=request.user, text=form.cleaned_data["text"])
    return _after_change(request, partnership, checkin, "agenda")


@partnership_view(paired=True)
@require_POST
def agenda_talked(request, partnership, item_pk):
    item = get_object_or_404(AgendaItem, partnership=partnership, pk=item_pk)
    checkin = partnership.checkins.open().first()
    if checkin is None:
        messages.error(request, _("Topics are ticked off during a check-in. Start one first."))
        return redirect("checkins:current", public_id=partnership.public_id)
    services.agenda_talked_about(
        item=item, checkin=checkin, talked=request.POST.get("talked") == "1"
    )
    return _after_change(request, partnership, checkin, "agenda")


@partnership_view(paired=True)
@require_POST
def action_add(request, partnership, pk):
    checkin = _get_checkin_for_user(partnership, pk)
    form = ActionPointForm(
        request.POST, user=request.user, partner=partnership.partner_of(request.user)
    )
    if not form.is_valid():
        return _render_region(request, partnership, checkin, "actions", status=422, form=form)
    try:
        services.action_point_add(
            checkin=checkin, user=request.user, text=form.cleaned_data["text"], owner=form.owner()
        )
    except services.CheckInError as error:
        return _after_change(request, partnership, checkin, "actions", str(error))
    return _after_change(request, partnership, checkin, "actions")


@partnership_view(paired=True)
@require_POST
def action_done(request, partnership, action_pk):
    action = get_object_or_404(
        ActionPoint.objects.select_related("owner", "checkin"),
        checkin__partnership=partnership,
        pk=action_pk,
    )
    action.mark(done=request.POST.get("done") == "1", by=request.user)
    return_to = safe_next(request, action.checkin.get_absolute_url())
    action.editable = services.step_is_editable(action, partnership=partnership)
    if wants_partial(request):
        context = {"action": action, "partnership": partnership, "can_write": True}
        return render(request, "checkins/_action_point.html", context | {"return_to": return_to})
    return redirect(f"{return_to}#action-{action.pk}")


# -- Changing and removing a topic or a small step --------------------------------------
# Each is shown as a form inside its region (htmx swaps the region; without JavaScript the
# whole page comes back with that item open), so removing takes a second, deliberate POST.


def _get_topic(partnership, item_pk):
    return services.TOPIC.queryset().filter(partnership=partnership, pk=item_pk).first()


def _get_step(checkin, action_pk):
    step = services.STEP.queryset().filter(checkin=checkin, pk=action_pk).first()
    if step is not None:
        step.checkin = checkin  # with its partnership and members
    return step


def _cannot_change(request, partnership, checkin, region, item):
    """The answer when `item` is gone or settled, or the person changed their mind."""
    if item is None:
        gone = services.TOPIC.gone if region == "agenda" else services.STEP.gone
        return _render_region(request, partnership, checkin, region, status=404, error=str(gone))
    try:
        services.require_editable(item, partnership=partnership)
    except services.CheckInError as error:
        return _after_change(request, partnership, checkin, region, str(error))
    if "cancel" in request.GET:
        return _after_change(request, partnership, checkin, region, focus=item)
    return None


def _edit(request, partnership, checkin, region, item, make_form, save):
    """GET: the item as a form. POST: save it; or the form again keeping what was typed,
    with 422 when it does not fit and 409 when the item changed meanwhile."""
    if response := _cannot_change(request, partnership, checkin, region, item):
        return response
    if request.method == "GET":
        editing = Editing(item, make_form(None))
        return _render_region(request, partnership, checkin, region, editing=editing)
    form = make_form(request.POST)
    if not form.is_valid():
        editing = Editing(item, form)
        return _render_region(request, partnership, checkin, region, status=422, editing=editing)
    try:
        saved = save(**form.changes())
    except services.ItemChanged as changed:
        editing = Editing(changed.item, form.keep_typed(changed.item.version), str(changed))
        return _render_region(request, partnership, checkin, region, status=409, editing=editing)
    except services.CheckInError as error:
        return _after_change(request, partnership, checkin, region, str(error))
    return _after_change(request, partnership, checkin, region, focus=saved)


def _remove(request, partnership, checkin, region, item, notice):
    """GET: asks first. POST: removes the version that was confirmed; when it changed
    meanwhile, asks again showing how it reads now."""
    if response := _cannot_change(request, partnership, checkin, region, item):
        return response
    form = RemoveForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        status = 422 if form.is_bound else 200
        return _render_region(
            request, partnership, checkin, region, status=status, editing=Editing(item)
        )
    try:
        services.item_remove(
            partnership=partnership, item=item, expected_version=form.cleaned_data["version"]
        )
    except services.ItemChanged as changed:
        editing = Editing(changed.item, changed=str(changed))
        return _render_region(request, partnership, checkin, region, status=409, editing=editing)
    except services.CheckInError as error:
        return _after_change(request, partnership, checkin, region, str(error))
    return _after_change(request, partnership, checkin, region, notice=notice % {"text": item.text})


@partnership_view(paired=True)
@require_http_methods(["GET", "POST"])
def agenda_edit(request, partnership, pk, item_pk):
    checkin = _get_checkin_for_user(partnership, pk)
    item = _get_topic(partnership, item_pk)
    return _edit(
        request,
        partnership,
        checkin,
        "agenda",
        item,
        lambda data: AgendaItemEditForm(data, item=item),
        lambda **changes: services.topic_edit(partnership=partnership, item=item, **changes),
    )


@partnership_view(paired=True)
@require_http_methods(["GET", "POST"])
def agenda_remove(request, partnership, pk, item_pk):
    checkin = _get_checkin_for_user(partnership, pk)
    item = _get_topic(partnership, item_pk)
    notice = _("“%(text)s” is off the agenda.")
    return _remove(request, partnership, checkin, "agenda", item, notice)


@partnership_view(paired=True)
@require_http_methods(["GET", "POST"])
def action_edit(request, partnership, pk, action_pk):
    checkin = _get_checkin_for_user(partnership, pk)
    step = _get_step(checkin, action_pk)
    partner = partnership.partner_of(request.user)
    return _edit(
        request,
        partnership,
        checkin,
        "actions",
        step,
        lambda data: ActionPointEditForm(data, item=step, user=request.user, partner=partner),
        lambda **changes: services.step_edit(partnership=partnership, step=step, **changes),
    )


@partnership_view(paired=True)
@require_http_methods(["GET", "POST"])
def action_remove(request, partnership, pk, action_pk):
    checkin = _get_checkin_for_user(partnership, pk)
    step = _get_step(checkin, action_pk)
    notice = _("“%(text)s” is no longer one of your small steps.")
    return _remove(request, partnership, checkin, "actions", step, notice)


@partnership_view(paired=True)
@require_POST
def finish(request, partnership, pk):
    checkin = _get_checkin_for_user(partnership, pk)
    if checkin.is_open:
        services.checkin_close(checkin=checkin, user=request.user)
        messages.success(request, _("Check-in finished. Thank you for making the time."))
    return redirect(checkin)


@partnership_view(paired=True)
@require_GET
def history(request, partnership):
    paginator = Paginator(services.history_for(partnership), 20)
    # Counted without the per-check-in counts: they would only add joins to this count.
    paginator.count = partnership.checkins.count()
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "partnership": partnership,
        "page": page,
        "partner": partnership.partner_of(request.user),
    }
    return render_page(request, "checkins/history.html", context, partial="list")


@partnership_view(paired=True)
@require_GET
def trend(request, partnership):
    context = {
        "partnership": partnership,
        "trend": trend_for(partnership, request.user),
    }
    return render(request, "checkins/trend.html", context)


@partnership_view(paired=True)
@require_http_methods(["GET", "POST"])
def schedule(request, partnership):
    initial = {"cadence": services.cadence_of(partnership)}
    form = ScheduleForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            services.schedule_set(
                partnership=partnership, user=request.user, cadence=form.cleaned_data["cadence"]
            )
            messages.success(request, _("Your check-in rhythm is saved."))
            return redirect("checkins:current", public_id=partnership.public_id)
        return render(
            request,
            "checkins/schedule.html",
            {"partnership": partnership, "form": form},
            status=422,
        )
    return render(request, "checkins/schedule.html", {"partnership": partnership, "form": form})
