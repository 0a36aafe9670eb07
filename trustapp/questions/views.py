from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseStopPolling

from trustapp.couples.access import partnership_view
from trustapp.couples.models import Membership
from trustapp.lib.htmx import render_page, wants_partial
from trustapp.notifications.tokens import LinkExpired, read_token, read_token_about
from trustapp.questions import services
from trustapp.questions.emails import ANSWER_LINK, STOP_LINK
from trustapp.questions.forms import AnswerForm, EmailChoiceForm
from trustapp.questions.models import DayQuestion

PAST_PAGE_SIZE = 20
CHANGED_EVENT = "question-changed"


def _get_day_for_user(partnership, day):
    """A day this space was asked, up to the couple's day, else 404."""
    try:
        on = date.fromisoformat(day)
    except ValueError:
        raise Http404 from None
    if on > services.couple_day(partnership):
        raise Http404  # a day the partner cannot answer yet
    day_question = get_object_or_404(DayQuestion, partnership=partnership, day=on)
    day_question.partnership = partnership  # already loaded, with its members
    return day_question


def _status(partnership, user, day_question, mine, theirs):
    partner = partnership.partner_of(user)
    return {
        "public_id": partnership.public_id,
        "day": day_question.day.isoformat(),
        "revealed": day_question.is_revealed,
        "i_answered": mine is not None,
        "partner_answered": theirs.answered,
        "partner_name": partner.name if partner else "",
        "state": services.state_of(day_question, mine, theirs),
        "poll": partnership.is_active and not day_question.is_revealed,
    }


def _render_day(request, partnership, day_question, *, status=200, form=None, notice=None):
    user = request.user
    context = {"partnership": partnership, "day_question": day_question, "notice": notice}
    if day_question is not None:
        mine, theirs = services.sides(day_question, user)
        context |= {
            "mine": mine,
            "theirs": theirs,
            "partner": partnership.partner_of(user),
            "is_today": day_question.day == services.couple_day(partnership),
            "status": _status(partnership, user, day_question, mine, theirs),
            "form": form or AnswerForm(initial={"text": mine.text if mine else ""}),
        }
    return render_page(request, "questions/day.html", context, partial="day", status=status)


@partnership_view(paired=True)
@require_GET
def today(request, partnership):
    return _render_day(request, partnership, services.today_question(partnership))


@partnership_view(paired=True)
@require_GET
def day(request, partnership, day):
    return _render_day(request, partnership, _get_day_for_user(partnership, day))


@partnership_view(paired=True)
@require_GET
def status(request, partnership, day):
    """What an open day polls every few seconds: 204 while nothing changed, the new status
    line when something did, with an event that reloads the day once it is revealed."""
    day_question = _get_day_for_user(partnership, day)
    if not wants_partial(request):
        return redirect(day_question)
    mine, theirs = services.sides(day_question, request.user)
    row = _status(partnership, request.user, day_question, mine, theirs)
    seen = request.GET.get("seen")
    if seen == row["state"] and row["poll"]:
        return HttpResponse(status=204)
    content = render(request, "questions/_status.html", {"status": row}).content
    response = HttpResponse(content) if row["poll"] else HttpResponseStopPolling(content)
    if row["revealed"] and seen != "revealed":
        response["HX-Trigger"] = CHANGED_EVENT
    return response


@partnership_view(paired=True)
@require_POST
def answer(request, partnership, day):
    day_question = _get_day_for_user(partnership, day)
    form = AnswerForm(request.POST)
    passed = "pass" in request.POST
    if form.is_valid():
        try:
            services.answer_save(
                day_question=day_question,
                user=request.user,
                text=form.cleaned_data["text"],
                passed=passed,
            )
        except services.AlreadyRevealed as error:
            if not wants_partial(request):
                messages.info(request, str(error))
                return redirect(day_question)
            return _render_day(request, partnership, day_question, status=409, notice=str(error))
        except services.QuestionError as error:
            form.add_error("text", str(error))
        else:
            notice = _("Passed for today. That is fine.") if passed else _("Saved.")
            if wants_partial(request):
                return _render_day(request, partnership, day_question, notice=notice)
            messages.success(request, notice)
            return redirect(f"{day_question.get_absolute_url()}#day")
    return _render_day(request, partnership, day_question, status=422, form=form)


@partnership_view(paired=True)
@require_GET
def past(request, partnership):
    """Earlier days, newest first, as each person may see them. No counts, no gaps shown."""
    days = (
        DayQuestion.objects.filter(
            partnership=partnership, day__lte=services.couple_day(partnership)
        )
        .prefetch_related("answers")
        .order_by("-day")
    )
    page = Paginator(days, PAST_PAGE_SIZE).get_page(request.GET.get("page"))
    services.with_answers(page.object_list, request.user)
    context = {"partnership": partnership, "page": page}
    return render_page(request, "questions/past.html", context, partial="items")


# The daily email ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def email_settings(request):
    choice = services.email_choice(request.user)
    initial = {"is_on": "1" if choice.is_on else "0", "local_time": choice.local_time}
    form = EmailChoiceForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            choice = services.email_choose(user=request.user, **form.cleaned_data)
            if choice.is_on:
                messages.success(request, _("Saved. The question comes once a day at that time."))
            else:
                messages.success(request, _("Saved. No emails about the day's question."))
            return redirect("questions:email_settings")
        status = 422
    return render(
        request, "questions/email_settings.html", {"form": form, "choice": choice}, status=status
    )


def _link_problem(request, expired):
    return render(
        request,
        "notifications/link_problem.html",
        {"expired": expired},
        status=410 if expired else 400,
    )


@require_http_methods(["GET", "POST"])
def from_email(request, token):
    """Answer one day's question straight from the email, without signing in. The page
    shows the question and the person's own words, never their partner's."""
    try:
        user, about = read_token_about(token, ANSWER_LINK)
    except LinkExpired:
        return _link_problem(request, expired=True)
    membership = None
    if user is not None:
        membership = (
            Membership.objects.select_related("partnership")
            .filter(user=user, partnership__public_id=str(about.get("p")), left_at__isnull=True)
            .first()
        )
    day_question = None
    if membership is not None and membership.partnership.is_active:
        try:
            on = date.fromisoformat(str(about.get("d")))
        except ValueError:
            return _link_problem(request, expired=False)
        day_question = DayQuestion.objects.filter(
            partnership=membership.partnership, day=on
        ).first()
    if day_question is None:
        return _link_problem(request, expired=False)
    form = AnswerForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_save(
                day_question=day_question,
                user=user,
                text=form.cleaned_data["text"],
                passed="pass" in request.POST,
            )
        except services.AlreadyRevealed:
            return redirect("questions:from_email", token=token)
        except services.QuestionError as error:
            form.add_error("text", str(error))
            status = 422
        else:
            return redirect("questions:from_email", token=token)
    mine = day_question.answers.filter(user=user).first()
    context = {"day_question": day_question, "mine": mine, "form": form, "person": user}
    return render(request, "questions/from_email.html", context, status=status)


# Mail programs send the RFC 8058 one-click POST with no session and no CSRF token; the
# signed, expiring token in the URL is what authorises it.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def stop_emails(request, token):
    try:
        user, _action = read_token(token, STOP_LINK)
    except LinkExpired:
        return _link_problem(request, expired=True)
    if user is None:
        return _link_problem(request, expired=False)
    if request.method == "POST":
        services.emails_stop(user)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return render(request, "questions/stop_emails.html", {"done": True})
        return redirect("questions:stop_emails", token=token)
    done = not services.email_choice(user).is_on
    return render(request, "questions/stop_emails.html", {"done": done, "token": token})
