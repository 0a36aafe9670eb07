"""Pages of rebuilding after a betrayal. One page holds the offer, or the track with its
stages; each form posts to its own URL and comes back to it (no JavaScript needed)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseStopPolling

from trustapp.couples.access import partnership_view
from trustapp.lib.htmx import render_page, wants_partial
from trustapp.repair import track as services
from trustapp.repair.forms import (
    AcknowledgeForm,
    AnswerForm,
    CheckinItemForm,
    ChoiceForm,
    CommitmentForm,
    QuestionForm,
)
from trustapp.repair.guidance import STAGES, stage_of
from trustapp.repair.services import RepairError

CHANGED_EVENT = "repair-track-changed"


def _context(request, partnership, forms=None):
    forms = forms or {}
    track = services.current_track(partnership)
    context = {"partnership": partnership, "track": track, "stages": STAGES}
    if track is None or track.is_stopped:
        choice = services.my_choice(partnership, request.user)
        context |= {
            "my_choice": choice,
            "choice_form": forms.get("choice")
            or ChoiceForm(initial={"role": choice.role if choice else None}),
        }
    if track is not None:
        view = services.view_for(track, request.user)
        can_write = partnership.is_active and not track.is_stopped and not track.is_paused
        ack = view.my_ack
        answers = forms.get("answers", {})
        for question in view.questions:
            question.form = answers.get(question.pk) or AnswerForm(
                prefix=f"q{question.pk}", initial={"text": question.my_draft}
            )
        context |= {
            "view": view,
            "can_write": can_write,
            "was_hurt": track.was_hurt(request.user),
            "broke_trust": track.broke_trust(request.user),
            "ack_form": forms.get("ack")
            or AcknowledgeForm(initial={"what": ack.what, "impact": ack.impact} if ack else None),
            "question_form": forms.get("question") or QuestionForm(),
            "commitment_form": forms.get("commitment") or CommitmentForm(),
            "checkin_form": forms.get("checkin") or CheckinItemForm(),
        }
    return context


def _live(partnership, track, view=None, user=None):
    state = services.track_state(track, view, user)
    # Polled while something can still change; an ended space or a stopped track cannot.
    return {"state": state, "poll": partnership.is_active and not state.startswith("stopped")}


def _render(request, partnership, status=200, **forms):
    context = _context(request, partnership, forms)
    context["live"] = _live(partnership, context["track"], context.get("view"))
    return render_page(request, "repair/track.html", context, partial="body", status=status)


def _done(request, partnership, message, anchor="track"):
    messages.success(request, message)
    return redirect(f"{partnership.get_absolute_url()}repair/track/#{anchor}")


def _refused(request, partnership, error, anchor="track"):
    messages.error(request, str(error))
    return redirect(f"{partnership.get_absolute_url()}repair/track/#{anchor}")


def _open_track(partnership):
    track = services.open_track(partnership)
    if track is None:
        raise Http404
    return track


@partnership_view(paired=True)
@require_GET
def track(request, partnership):
    return _render(request, partnership)


@partnership_view(paired=True)
@require_GET
def status(request, partnership):
    """Polled while the page is open: 204 while nothing both may see changed, else the new
    status line with an event that reloads the page's region."""
    if not wants_partial(request):
        return redirect("repair:track", public_id=partnership.public_id)
    live = _live(partnership, services.current_track(partnership), user=request.user)
    if request.GET.get("seen") == live["state"]:
        return HttpResponse(status=204)
    context = {"partnership": partnership, "live": live}
    content = render(request, "repair/_track_status.html", context).content
    response = HttpResponse(content) if live["poll"] else HttpResponseStopPolling(content)
    response["HX-Trigger"] = CHANGED_EVENT
    return response


@partnership_view(paired=True)
@require_POST
def choose(request, partnership):
    if request.POST.get("off"):
        services.unchoose(partnership=partnership, user=request.user)
        return _done(request, partnership, _("Your yes is taken back. Nobody knew of it."))
    form = ChoiceForm(request.POST)
    if form.is_valid():
        try:
            opened = services.choose(
                partnership=partnership, user=request.user, role=form.cleaned_data["role"]
            )
        except RepairError as error:
            form.add_error("role", str(error))
        else:
            if opened:
                return _done(request, partnership, _("You both said yes. The track is open."))
            return _done(
                request,
                partnership,
                _("Your yes is saved, just for you. It opens only if your partner says yes too."),
            )
    return _render(request, partnership, 422, choice=form)


@partnership_view(paired=True)
@require_POST
def pace(request, partnership):
    track = _open_track(partnership)
    paused = {"pause": True, "resume": False}.get(request.POST.get("do"))
    stage = stage_of(request.POST.get("stage")) if request.POST.get("stage") else None
    if paused is None and stage is None:
        return _refused(request, partnership, _("Please choose a part of the track."))
    try:
        services.set_pace(
            track=track,
            user=request.user,
            stage=stage.number if stage else None,
            paused=paused,
        )
    except RepairError as error:
        return _refused(request, partnership, error)
    if paused:
        return _done(request, partnership, _("Paused. Take up the track again when you are ready."))
    if paused is False:
        return _done(request, partnership, _("The track goes on."))
    return _done(request, partnership, _("You are at “%(stage)s” now.") % {"stage": stage.title})


@partnership_view(paired=True)
@require_POST
def stop(request, partnership):
    track = _open_track(partnership)
    try:
        services.stop(track=track, user=request.user)
    except RepairError as error:
        return _refused(request, partnership, error)
    return _done(request, partnership, _("Stopped. Nothing more happens on this track."))


@partnership_view(paired=True)
@require_POST
def acknowledge(request, partnership):
    track = _open_track(partnership)
    form = AcknowledgeForm(request.POST)
    if form.is_valid():
        try:
            services.acknowledge(
                track=track,
                user=request.user,
                what=form.cleaned_data["what"],
                impact=form.cleaned_data["impact"],
                share=bool(request.POST.get("share")),
            )
        except RepairError as error:
            form.add_error(None, str(error))
        else:
            if request.POST.get("share"):
                return _done(request, partnership, _("Shared with your partner."), "acknowledging")
            return _done(request, partnership, _("Saved, just for you for now."), "acknowledging")
    return _render(request, partnership, 422, ack=form)


def _submit(request, partnership, key, form, action, message, anchor):
    """Post one form of the track: done, or the page again with the words kept."""
    track = _open_track(partnership)
    if form.is_valid():
        try:
            action(track=track, user=request.user, **form.cleaned_data)
        except RepairError as error:
            form.add_error(None, str(error))
        else:
            return _done(request, partnership, message, anchor)
    return _render(request, partnership, 422, **{key: form})


@partnership_view(paired=True)
@require_POST
def ask(request, partnership):
    form = QuestionForm(request.POST)
    message = _("Your question is there.")
    return _submit(request, partnership, "question", form, services.ask, message, "questions")


@partnership_view(paired=True)
@require_POST
def answer(request, partnership, question_pk):
    track = _open_track(partnership)
    if request.POST.get("not_yet"):
        try:
            services.not_yet(track=track, user=request.user, question_id=question_pk)
        except RepairError as error:
            return _refused(request, partnership, error, "questions")
        return _done(request, partnership, _("Not yet. It waits, with no reminders."), "questions")
    form = AnswerForm(request.POST, prefix=f"q{question_pk}")
    if form.is_valid():
        give = bool(request.POST.get("give"))
        try:
            services.answer(
                track=track,
                user=request.user,
                question_id=question_pk,
                text=form.cleaned_data["text"],
                give=give,
            )
        except RepairError as error:
            form.add_error("text", str(error))
        else:
            message = _("Your answer is given.") if give else _("Saved, just for you for now.")
            return _done(request, partnership, message, "questions")
    return _render(request, partnership, 422, answers={question_pk: form})


@partnership_view(paired=True)
@require_POST
def commit(request, partnership):
    form = CommitmentForm(request.POST)
    message = _("It is an agreement proposal now, waiting for you both to agree.")
    return _submit(
        request, partnership, "commitment", form, services.commit, message, "commitments"
    )


@partnership_view(paired=True)
@require_POST
def checkin(request, partnership):
    form = CheckinItemForm(request.POST)
    message = _("It is on your next check-in.")
    return _submit(
        request, partnership, "checkin", form, services.checkin_item, message, "patience"
    )


@partnership_view(paired=True)
@require_POST
def consent(request, partnership):
    track = _open_track(partnership)
    given = request.POST.get("given") == "1"
    try:
        services.consent(track=track, user=request.user, given=given)
    except RepairError as error:
        return _refused(request, partnership, error, "help")
    message = (
        _("You said yes to a summary.") if given else _("Your yes to a summary is taken back.")
    )
    return _done(request, partnership, message, "help")


@partnership_view(paired=True)
@require_GET
def summary(request, partnership):
    """For our therapist: only while both say yes; a 404 otherwise."""
    track = services.current_track(partnership)
    view = services.summary_for(track, request.user) if track is not None else None
    if view is None:
        raise Http404
    context = {"partnership": partnership, "track": track, "view": view}
    text = render_to_string("repair/track_summary.txt", context, request=request)
    if request.GET.get("download"):
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="for-our-therapist.txt"'
        return response
    return render(request, "repair/track_summary.html", context | {"text": text})
