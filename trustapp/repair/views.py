from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseStopPolling

from trustapp.couples.access import partnership_view
from trustapp.lib.htmx import render_page, wants_partial
from trustapp.lib.safe_next import safe_next
from trustapp.repair import services
from trustapp.repair.forms import ApologyForm, MomentForm, PauseForm, StepForm
from trustapp.repair.models import Moment
from trustapp.repair.sections import pause_section
from trustapp.repair.steps import STEPS, step_of

PAGE_SIZE = 20
CHANGED_EVENT = "repair-changed"


def _get_moment_for_user(partnership, pk):
    moment = get_object_or_404(Moment, partnership=partnership, pk=pk)
    moment.partnership = partnership  # loaded already, with its members
    return moment


# -- The list and starting one -----------------------------------------------------------


def _render_index(request, partnership, form=None, status=200):
    moments = services.with_states(partnership.repair_moments.all(), request.user)
    page = Paginator(moments, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "partnership": partnership,
        "page": page,
        "form": form or MomentForm(),
        "pause": pause_section(
            partnership=partnership,
            user=request.user,
            here=request.path,
            about=_("looking back together"),
        ),
    }
    return render_page(request, "repair/index.html", context, partial="items", status=status)


@partnership_view(paired=True)
@require_GET
def index(request, partnership):
    return _render_index(request, partnership)


@partnership_view(paired=True)
@require_POST
def start(request, partnership):
    form = MomentForm(request.POST)
    if form.is_valid():
        try:
            moment = services.moment_start(
                partnership=partnership, user=request.user, title=form.cleaned_data["title"]
            )
        except services.RepairError as error:
            form.add_error("title", str(error))
        else:
            return redirect(moment)
    return _render_index(request, partnership, form=form, status=422)


# -- One moment --------------------------------------------------------------------------


def _status(moment, user, sides):
    state = services.moment_state(moment, sides)
    return {
        "public_id": moment.partnership.public_id,
        "pk": moment.pk,
        "state": state,
        # After the reveal it keeps following "I hear you" and apologies, until a stop.
        "poll": state != "stopped" and moment.partnership.is_active,
        "i_finished": sides.i_finished,
        "partner_finished": sides.partner_finished,
        "revealed": moment.is_revealed,
        "stopped": moment.is_stopped,
    }


def _current_step(request, sides, number=None):
    """The step the form shows: the one asked for (?step=), else where this person is."""
    step = step_of(number or request.GET.get("step"))
    if step is None:
        step = STEPS[(sides.mine.step if sides.mine else 1) - 1]
    return step


def _moment_context(request, partnership, moment, *, step_form=None, apology_form=None):
    partner = partnership.partner_of(request.user)
    sides = services.sides_for(moment, request.user)
    can_write = partnership.is_active and not moment.is_stopped
    context = {
        "partnership": partnership,
        "moment": moment,
        "partner": partner,
        "sides": sides,
        "steps": STEPS,
        "can_write": can_write,
        "status": _status(moment, request.user, sides),
        "pause": pause_section(
            partnership=partnership,
            user=request.user,
            here=moment.get_absolute_url(),
            about=_("“%(title)s”") % {"title": moment.title},
        ),
    }
    if not moment.is_revealed:
        asked = step_form.step if step_form is not None else _current_step(request, sides)
        editing = request.GET.get("step") is not None or step_form is not None
        writing = can_write and (not sides.i_finished or editing)
        if writing and step_form is None:
            initial = getattr(sides.mine, asked.field, "") if sides.mine else ""
            step_form = StepForm(step=asked, initial={"text": initial})
            step_form.step = asked
        context |= {"step": asked, "step_form": step_form if writing else None}
        context["mine_steps"] = (
            [(step, getattr(sides.mine, step.field)) for step in STEPS] if sides.mine else []
        )
    else:
        mine, theirs = sides.mine, sides.theirs
        context["pairs"] = [
            (step, getattr(mine, step.field), getattr(theirs, step.field)) for step in STEPS
        ]
        if can_write and not mine.apology_accepted_at:
            context["apology_form"] = apology_form or ApologyForm(initial={"text": mine.apology})
        context["helps"] = [
            (label, reflection, _carried_link(partnership, reflection))
            for label, reflection in ((_("Yours"), mine), (partner.name, theirs))
            if reflection.would_help
        ]
    return context


def _carried_link(partnership, reflection):
    if reflection.agreement_id:
        return reverse("agreements:detail", args=[partnership.public_id, reflection.agreement_id])
    if reflection.agenda_item_id:
        return reverse("checkins:current", args=[partnership.public_id])
    return None


def _render_moment(request, partnership, moment, status=200, **forms):
    context = _moment_context(request, partnership, moment, **forms)
    return render_page(request, "repair/moment.html", context, partial="moment", status=status)


@partnership_view(paired=True)
@require_GET
def moment(request, partnership, pk):
    return _render_moment(request, partnership, _get_moment_for_user(partnership, pk))


@partnership_view(paired=True)
@require_GET
def status(request, partnership, pk):
    """Polled while the page is open: 204 while nothing changed, else the new status line
    with an event that reloads the page's region (the reveal, a stop, what follows)."""
    moment = _get_moment_for_user(partnership, pk)
    if not wants_partial(request):
        return redirect(moment)
    sides = services.sides_for(moment, request.user)
    row = _status(moment, request.user, sides)
    seen = request.GET.get("seen")
    if seen == row["state"]:
        return HttpResponse(status=204)
    content = render(request, "repair/_status.html", {"status": row, "moment": moment}).content
    response = HttpResponse(content) if row["poll"] else HttpResponseStopPolling(content)
    if row["revealed"] or row["stopped"]:
        response["HX-Trigger"] = CHANGED_EVENT
    return response


def _after_post(request, partnership, moment, message, anchor="moment"):
    if wants_partial(request):
        moment = _get_moment_for_user(partnership, moment.pk)
        context = _moment_context(request, partnership, moment) | {"notice": message}
        return render(request, "repair/moment.html#moment", context)
    messages.success(request, message)
    return redirect(f"{moment.get_absolute_url()}#{anchor}")


def _refused(request, partnership, moment, error):
    if wants_partial(request):
        context = _moment_context(request, partnership, moment) | {"error": str(error)}
        return render(request, "repair/moment.html#moment", context, status=409)
    messages.error(request, str(error))
    return redirect(moment)


@partnership_view(paired=True)
@require_POST
def write(request, partnership, pk):
    moment = _get_moment_for_user(partnership, pk)
    step = step_of(request.POST.get("step"))
    if step is None:
        return _refused(request, partnership, moment, _("That step does not exist."))
    form = StepForm(request.POST, step=step)
    form.step = step
    if form.is_valid():
        try:
            reflection = services.step_save(
                moment=moment, user=request.user, number=step.number, text=form.cleaned_data["text"]
            )
        except services.RepairError as error:
            if moment.is_revealed or moment.is_stopped:
                return _refused(request, partnership, moment, error)
            form.add_error("text", str(error))
        else:
            if moment.is_revealed:
                message = _("You have both finished. Here are your two sides.")
            elif reflection.is_finished:
                message = _("Saved. It stays with you until you have both finished.")
            else:
                message = _("Saved, just for you for now.")
            return _after_post(request, partnership, moment, message)
    return _render_moment(request, partnership, moment, 422, step_form=form)


@partnership_view(paired=True)
@require_POST
def hear(request, partnership, pk):
    moment = _get_moment_for_user(partnership, pk)
    try:
        services.hear(moment=moment, user=request.user)
    except services.RepairError as error:
        return _refused(request, partnership, moment, error)
    return _after_post(request, partnership, moment, _("Said: I hear you."), "after")


@partnership_view(paired=True)
@require_POST
def apology(request, partnership, pk):
    moment = _get_moment_for_user(partnership, pk)
    form = ApologyForm(request.POST)
    if form.is_valid():
        try:
            services.apology_offer(moment=moment, user=request.user, text=form.cleaned_data["text"])
        except services.RepairError as error:
            form.add_error("text", str(error))
        else:
            return _after_post(request, partnership, moment, _("Your apology is there."), "after")
    return _render_moment(request, partnership, moment, 422, apology_form=form)


@partnership_view(paired=True)
@require_POST
def accept(request, partnership, pk):
    moment = _get_moment_for_user(partnership, pk)
    try:
        services.apology_accept(moment=moment, user=request.user)
    except services.RepairError as error:
        return _refused(request, partnership, moment, error)
    return _after_post(request, partnership, moment, _("You accepted the apology."), "after")


@partnership_view(paired=True)
@require_POST
def carry(request, partnership, pk):
    moment = _get_moment_for_user(partnership, pk)
    author = next(
        (m.user_id for m in partnership.member_list() if str(m.user_id) == request.POST.get("of")),
        None,
    )
    try:
        reflection = services.carry(
            moment=moment, user=request.user, author_id=author, to=request.POST.get("to")
        )
    except services.RepairError as error:
        return _refused(request, partnership, moment, error)
    if reflection.carried_to == reflection.CarriedTo.AGREEMENT:
        message = _("It is an agreement proposal now, waiting for you both to agree.")
    else:
        message = _("It is on the agenda of your next check-in.")
    return _after_post(request, partnership, moment, message, "helps")


@partnership_view(paired=True)
@require_POST
def stop(request, partnership, pk):
    moment = _get_moment_for_user(partnership, pk)
    try:
        services.moment_stop(moment=moment, user=request.user)
    except services.RepairError as error:
        return _refused(request, partnership, moment, error)
    return _after_post(request, partnership, moment, _("Stopped. Nothing more happens here."))


# -- Pauses ------------------------------------------------------------------------------


def _return_path(request, partnership):
    """Where the pause was asked for: a page of this space, else its home."""
    home = partnership.get_absolute_url()
    target = safe_next(request, home)
    return target if target.startswith(f"/p/{partnership.public_id}/") else home


@partnership_view(paired=True)
@require_http_methods(["GET", "POST"])
def pause(request, partnership):
    back = _return_path(request, partnership)
    if request.method == "POST":
        form = PauseForm(request.POST)
        if form.is_valid():
            try:
                services.pause_start(
                    partnership=partnership,
                    user=request.user,
                    minutes=form.cleaned_data["minutes"],
                    about=form.cleaned_data["about"],
                    path=back,
                )
            except services.RepairError as error:
                form.add_error("minutes", str(error))
            else:
                messages.success(
                    request, _("Take the time you need. It is all here when you are back.")
                )
                return redirect(back)
        status = 422
    else:
        form = PauseForm(initial={"next": back, "about": request.GET.get("about", "")[:200]})
        status = 200
    context = {"partnership": partnership, "form": form, "back": back}
    return render(request, "repair/pause.html", context, status=status)


@partnership_view(paired=True)
@require_POST
def pause_end(request, partnership, pause_pk):
    pause = services.pause_end(partnership=partnership, user=request.user, pause_id=pause_pk)
    if pause is not None:
        messages.success(
            request,
            _("Welcome back.") if pause.user_id == request.user.pk else _("The pause is over."),
        )
    return redirect(_return_path(request, partnership))
