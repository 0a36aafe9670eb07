from itertools import groupby

from django.contrib import messages
from django.db.models import Prefetch, Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trustapp.agreements import services
from trustapp.agreements.cards import waiting_counts
from trustapp.agreements.care import touches_checking
from trustapp.agreements.diff import word_diff
from trustapp.agreements.forms import (
    BoundaryEditForm,
    BoundaryForm,
    CommentForm,
    DetailsForm,
    ProposeForm,
    SuggestChangeForm,
    WithdrawForm,
)
from trustapp.agreements.models import (
    Acknowledgment,
    Agreement,
    Boundary,
    Category,
    Consent,
    RevisitAnswer,
    StarterAgreement,
)
from trustapp.couples.access import partnership_view, render_archived
from trustapp.lib.htmx import render_page, wants_partial
from trustapp.lib.i18n import translated

Status = Agreement.Status

# The list's status filter: value → (label, filter).
STATUS_FILTERS = {
    "": (gettext_lazy("Everything current"), lambda qs, user: qs.open()),
    "waiting": (gettext_lazy("Waiting for you"), lambda qs, user: qs.waiting_on(user)),
    "in_force": (gettext_lazy("In force"), lambda qs, user: qs.filter(status=Status.IN_FORCE)),
    "proposed": (
        gettext_lazy("Proposals and suggested changes"),
        lambda qs, user: qs.filter(pending_revision__isnull=False),
    ),
    "needs_conversation": (
        gettext_lazy("Needs a conversation"),
        lambda qs, user: qs.filter(status=Status.NEEDS_CONVERSATION),
    ),
    "closed": (
        gettext_lazy("Retired and set aside"),
        lambda qs, user: qs.filter(status__in=[Status.RETIRED, Status.SET_ASIDE]),
    ),
}


def _get_agreement_for_user(partnership, pk):
    agreement = get_object_or_404(
        Agreement.objects.select_related("category", "agreed_revision", "pending_revision"),
        partnership=partnership,
        pk=pk,
    )
    # The partnership the access check read, members and all: the people come from it.
    partnership.with_people([agreement])
    _with_authors(partnership, agreement)
    return agreement


def _with_authors(partnership, agreement):
    """The agreed and pending words given their authors from the space's members."""
    partnership.with_people(r for r in (agreement.agreed_revision, agreement.pending_revision) if r)


def _get_boundary_for_user(partnership, pk):
    return get_object_or_404(
        Boundary.objects.select_related("owner", "current_revision"),
        partnership=partnership,
        pk=pk,
    )


# Agreements ----------------------------------------------------------------------------


@partnership_view(paired=True)
@require_GET
def agreement_list(request, partnership):
    status = request.GET.get("status", "")
    if status not in STATUS_FILTERS:
        status = ""
    query = request.GET.get("q", "").strip()[:100]
    # The words that speak for each (agreed, else proposed) come as one column: the list
    # shows only their text, so no revision is built.
    agreements = (
        Agreement.objects.filter(partnership=partnership)
        .select_related("category")
        .annotate(excerpt=Coalesce("agreed_revision__text", "pending_revision__text"))
        .with_my_yes(request.user)
    )
    agreements = STATUS_FILTERS[status][1](agreements, request.user)
    if query:
        agreements = agreements.filter(
            Q(title__icontains=query)
            | Q(agreed_revision__text__icontains=query)
            | Q(pending_revision__text__icontains=query)
        )
    today = timezone.localdate()
    agreements = list(agreements)
    # One reverse for the list, not one a row: the paths differ only by the number.
    before, _stand_in, after = reverse(
        "agreements:detail", args=[partnership.public_id, 10**9]
    ).rpartition(str(10**9))
    for agreement in agreements:
        agreement.url = f"{before}{agreement.pk}{after}"
        agreement.waits_for_me = agreement.waits_for(request.user)
        agreement.due = agreement.is_due_for_revisit(today)
    groups = [
        (category, list(items))
        for category, items in groupby(agreements, key=lambda agreement: agreement.category)
    ]
    context = {
        "partnership": partnership,
        "groups": groups,
        "status": status,
        "query": query,
        "status_choices": [(value, label) for value, (label, _f) in STATUS_FILTERS.items()],
        "filtered": bool(status or query),
        "waiting": waiting_counts(partnership, request.user),
    }
    return render_page(request, "agreements/list.html", context, partial="results")


def _propose_initial(request):
    """Prefill from a starter (?template=slug) or from plain ?title=&text=&category=."""
    starter = None
    slug = request.GET.get("template")
    if slug:
        starter = StarterAgreement.objects.select_related("category").filter(slug=slug).first()
    if starter is not None:
        return starter, {
            # The idea in the proposer's language: their words from here on.
            "title": translated(starter, "title"),
            "text": translated(starter, "text"),
            "why": translated(starter, "why"),
            "category": starter.category.slug,
        }
    initial = {key: request.GET[key] for key in ("title", "text", "why") if request.GET.get(key)}
    category = request.GET.get("category")
    if category and Category.objects.filter(slug=category).exists():
        initial["category"] = category
    else:
        initial["category"] = "other"
    return None, initial


@partnership_view(paired=True)
@require_http_methods(["GET", "POST"])
def propose(request, partnership):
    if not partnership.is_active:
        return render_archived(request, partnership)
    starter = None
    care = False
    if request.method == "POST":
        form = ProposeForm(request.POST)
        if form.is_valid():
            words = form.cleaned_data
            care = not words.pop("reflected") and touches_checking(
                words["title"], words["text"], words["why"]
            )
        if form.is_valid() and not care:
            agreement = services.agreement_propose(
                partnership=partnership, author=request.user, **words
            )
            partner = partnership.partner_of(request.user)
            messages.success(
                request,
                _("Proposed. It waits for %(name)s to read and answer.") % {"name": partner.name},
            )
            return redirect(agreement)
        if care:
            # Shown once before the proposer's own yes; what they typed stays.
            data = request.POST.copy()
            data["reflected"] = "1"
            form = ProposeForm(data)
    else:
        starter, initial = _propose_initial(request)
        form = ProposeForm(initial=initial)
    return render(
        request,
        "agreements/propose.html",
        {"partnership": partnership, "form": form, "starter": starter, "care": care},
    )


@partnership_view(paired=True)
@require_GET
def library(request, partnership):
    starters = StarterAgreement.objects.select_related("category")
    groups = [
        (category, list(items)) for category, items in groupby(starters, lambda s: s.category)
    ]
    return render(
        request, "agreements/library.html", {"partnership": partnership, "groups": groups}
    )


def _detail_context(request, partnership, agreement, **extra):
    user = request.user
    agreed, pending = agreement.agreed_revision, agreement.pending_revision
    revisions = [r for r in (agreed, pending) if r is not None]
    consents = partnership.with_people(
        Consent.objects.filter(revision_id__in=[r.pk for r in revisions])
    )
    standing = {(c.revision_id, c.user_id): c for c in consents if c.withdrawn_at is None}
    withdrawals = [c for c in consents if c.withdrawn_at and agreed and c.revision_id == agreed.pk]
    partner = partnership.partner_of(user)
    # A suggestion is shown against what it would replace: the agreed words, or else the
    # proposal it answers.
    base = agreed
    if pending and not agreed and pending.number > 1:
        base = agreement.revisions.filter(number=pending.number - 1).first()
        partnership.with_people([base] if base else [])
    latest_withdrawal = withdrawals[-1] if withdrawals else None
    due = agreement.is_due_for_revisit()
    # Answers matter while the date is open, or to explain why it needs a conversation.
    revisit = (
        services.revisit_view(agreement, user)
        if due or (latest_withdrawal and agreement.status == Status.NEEDS_CONVERSATION)
        else None
    )
    context = {
        "partnership": partnership,
        "agreement": agreement,
        "revisit": revisit,
        # The needs-a-conversation box tells the revisit's answers rather than a withdrawal.
        "revisit_explains": bool(
            revisit
            and revisit["settled"]
            and not revisit["all_yes"]
            and latest_withdrawal
            and latest_withdrawal.withdrawn_at <= revisit["settled_at"]
        ),
        "revisit_answers": RevisitAnswer.Answer.choices,
        "agreed": agreed,
        "pending": pending,
        "partner": partner,
        "can_act": partnership.is_active and agreement.is_open,
        "i_agreed": bool(agreed and (agreed.pk, user.pk) in standing),
        "partner_agreed": bool(agreed and partner and (agreed.pk, partner.pk) in standing),
        "i_agreed_pending": bool(pending and (pending.pk, user.pk) in standing),
        "latest_withdrawal": latest_withdrawal,
        "agreed_consents": [c for c in consents if agreed and c.revision_id == agreed.pk],
        "pending_base": base,
        "pending_diff": word_diff(base.text, pending.text) if base and pending else None,
        # Care or control? Before this person's yes to words about checking on someone.
        "care": _care_before_yes(agreement, user, standing),
        "retire_by_me": agreement.retire_requested_by_id == user.pk,
        "due": due,
        "withdraw_form": WithdrawForm(),
        "comment_form": CommentForm(),
        # Read only where shown (the panel alone, after an action, has none).
        "comments": SimpleLazyObject(lambda: partnership.with_people(agreement.comments.all())),
    }
    context.update(extra)
    return context


def _care_before_yes(agreement, user, standing):
    """Whether the words this person could say yes to now touch checking on someone."""
    if agreement.pending_revision is not None:
        words = agreement.pending_revision
    elif agreement.status == Status.NEEDS_CONVERSATION:
        words = agreement.agreed_revision
    else:
        return False
    if words is None or (words.pk, user.pk) in standing:
        return False
    return touches_checking(words.title, words.text, words.why)


@partnership_view(paired=True)
@require_GET
def detail(request, partnership, pk):
    agreement = _get_agreement_for_user(partnership, pk)
    return render_page(
        request,
        "agreements/detail.html",
        _detail_context(request, partnership, agreement),
        partial="panel",
    )


def _answer(request, partnership, pk, *, done="", error="", status=200, fresh=None, **extra):
    """After an action: the updated panel for htmx, else a redirect with a message.

    `fresh`: the agreement as the action's service left it (read under its lock, and
    written; see _shown_after_write), so it needs no second read; else it is read again."""
    agreement = fresh if fresh is not None else _get_agreement_for_user(partnership, pk)
    if wants_partial(request) or status != 200:
        context = _detail_context(
            request,
            partnership,
            agreement,
            flash=error or done,
            flash_error=bool(error),
            oob=wants_partial(request),  # refresh the "waiting for you" badges too
            **extra,
        )
        return render_page(
            request, "agreements/detail.html", context, partial="panel", status=status
        )
    if error:
        messages.error(request, error)
    elif done:
        messages.success(request, done)
    # Back to the panel they acted in, so the keyboard carries on from there.
    return redirect(f"{agreement.get_absolute_url()}#agreement-panel")


def _shown_after_write(partnership, fresh, *, read):
    """The agreement a service returned, made ready to show as _get_agreement_for_user
    would: its category (the one `read` before the action, while it is the same), the space
    the access check read, and its people from that space's members."""
    if read.category_id == fresh.category_id:
        fresh.category = read.category
    partnership.with_people([fresh])
    _with_authors(partnership, fresh)
    return fresh


def _agreed_message(agreement, partner):
    if agreement.status == Status.IN_FORCE and agreement.pending_revision_id is None:
        return _("You agreed. It is in force for both of you now.")
    return _("You agreed. It waits for %(name)s.") % {"name": partner.name}


@partnership_view(paired=True)
@require_POST
def agree(request, partnership, pk):
    agreement = _get_agreement_for_user(partnership, pk)
    try:
        revision_id = int(request.POST.get("revision", ""))
    except ValueError:
        revision_id = None
    try:
        fresh = services.agreement_consent(
            agreement=agreement, user=request.user, revision_id=revision_id
        )
    except services.AgreementError as error:
        return _answer(request, partnership, pk, error=str(error), status=409)
    return _answer(
        request,
        partnership,
        pk,
        done=_agreed_message(fresh, partnership.partner_of(request.user)),
        fresh=_shown_after_write(partnership, fresh, read=agreement),
    )


@partnership_view(paired=True)
@require_POST
def withdraw(request, partnership, pk):
    agreement = _get_agreement_for_user(partnership, pk)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        context = _detail_context(
            request, partnership, agreement, withdraw_form=form, open_withdraw=True
        )
        return render_page(request, "agreements/detail.html", context, partial="panel")
    try:
        fresh = services.agreement_withdraw(
            agreement=agreement, user=request.user, note=form.cleaned_data["note"]
        )
    except services.AgreementError as error:
        return _answer(request, partnership, pk, error=str(error), status=409)
    partner = partnership.partner_of(request.user)
    return _answer(
        request,
        partnership,
        pk,
        done=_("You withdrew your consent. %(name)s will hear that you would like to talk.")
        % {"name": partner.name},
        fresh=_shown_after_write(partnership, fresh, read=agreement),
    )


@partnership_view(paired=True)
@require_POST
def revisit(request, partnership, pk):
    """A fresh answer at the revisit date: still yes, unsure, or let's talk."""
    agreement = _get_agreement_for_user(partnership, pk)
    try:
        fresh = services.revisit_answer(
            agreement=agreement, user=request.user, answer=request.POST.get("answer", "")
        )
    except services.AgreementError as error:
        return _answer(request, partnership, pk, error=str(error), status=409)
    agreement = _shown_after_write(partnership, fresh, read=agreement)
    partner = partnership.partner_of(request.user)
    if agreement.revisit_on is not None:
        done = _("Your answer stays with you until %(name)s has answered too.")
    elif agreement.status == Status.IN_FORCE:
        done = _("You both said yes again. It stays in force.")
    else:
        done = _(
            "Your answers are side by side. It needs a conversation now, and it is on "
            "your next check-in’s agenda."
        )
    return _answer(request, partnership, pk, done=done % {"name": partner.name}, fresh=agreement)


@partnership_view(paired=True)
@require_POST
def set_aside(request, partnership, pk):
    agreement = _get_agreement_for_user(partnership, pk)
    try:
        fresh = services.agreement_set_aside(agreement=agreement, user=request.user)
    except services.AgreementError as error:
        return _answer(request, partnership, pk, error=str(error), status=409)
    fresh = _shown_after_write(partnership, fresh, read=agreement)
    return _answer(request, partnership, pk, done=_("The suggestion is set aside."), fresh=fresh)


@partnership_view(paired=True)
@require_POST
def retire(request, partnership, pk):
    agreement = _get_agreement_for_user(partnership, pk)
    try:
        fresh = services.agreement_retire(agreement=agreement, user=request.user)
    except services.AgreementError as error:
        return _answer(request, partnership, pk, error=str(error), status=409)
    agreement = _shown_after_write(partnership, fresh, read=agreement)
    if agreement.status == Status.RETIRED:
        done = _("Retired. It stays readable in your history.")
    else:
        done = _("You asked to retire it. It stays in force until %(name)s agrees.") % {
            "name": partnership.partner_of(request.user).name
        }
    return _answer(request, partnership, pk, done=done, fresh=agreement)


@partnership_view(paired=True)
@require_POST
def keep(request, partnership, pk):
    agreement = _get_agreement_for_user(partnership, pk)
    try:
        fresh = services.agreement_keep(agreement=agreement, user=request.user)
    except services.AgreementError as error:
        return _answer(request, partnership, pk, error=str(error), status=409)
    fresh = _shown_after_write(partnership, fresh, read=agreement)
    return _answer(request, partnership, pk, done=_("It stays as it is."), fresh=fresh)


def _conflict_context(conflict):
    fresh = conflict.agreement
    return {
        "conflict": str(conflict),
        "their_revision": fresh.pending_revision or fresh.agreed_revision,
    }


@partnership_view(paired=True)
@require_http_methods(["GET", "POST"])
def suggest(request, partnership, pk):
    agreement = _get_agreement_for_user(partnership, pk)
    if not partnership.is_active:
        return render_archived(request, partnership)
    context = {"partnership": partnership, "agreement": agreement}
    status = 200
    if request.method == "POST":
        form = SuggestChangeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.agreement_suggest_change(
                    agreement=agreement,
                    author=request.user,
                    title=data["title"],
                    text=data["text"],
                    why=data["why"],
                    expected_version=data["version"],
                )
            except services.AgreementConflict as conflict:
                context |= _conflict_context(conflict)
                form = form.keep_typed(conflict.agreement.version)
                status = 409
            except services.AgreementError as error:
                return _answer(request, partnership, pk, error=str(error), status=409)
            else:
                partner = partnership.partner_of(request.user)
                return _answer(
                    request,
                    partnership,
                    pk,
                    done=_(
                        "Your suggestion is saved. It waits for %(name)s; until then the "
                        "agreed words stay as they are."
                    )
                    % {"name": partner.name},
                )
    else:
        if not agreement.is_open:
            return redirect(agreement)
        current = agreement.current_revision
        form = SuggestChangeForm(
            initial={
                "title": current.title,
                "text": current.text,
                "why": "",
                "version": agreement.version,
            }
        )
    context["form"] = form
    return render_page(request, "agreements/suggest.html", context, partial="form", status=status)


@partnership_view(paired=True)
@require_http_methods(["GET", "POST"])
def details(request, partnership, pk):
    agreement = _get_agreement_for_user(partnership, pk)
    if not partnership.is_active:
        return render_archived(request, partnership)
    context = {"partnership": partnership, "agreement": agreement}
    status = 200
    if request.method == "POST":
        form = DetailsForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.agreement_update_details(
                    agreement=agreement,
                    user=request.user,
                    category=data["category"],
                    revisit_on=data["revisit_on"],
                    expected_version=data["version"],
                )
            except services.AgreementConflict as conflict:
                context["conflict"] = str(conflict)
                form = form.keep_typed(conflict.agreement.version)
                status = 409
            else:
                messages.success(request, _("Saved."))
                return redirect(agreement)
    else:
        form = DetailsForm(
            initial={
                "category": agreement.category.slug,
                "revisit_on": agreement.revisit_on,
                "version": agreement.version,
            }
        )
    context["form"] = form
    return render(request, "agreements/details.html", context, status=status)


@partnership_view(paired=True)
@require_POST
def comment(request, partnership, pk):
    agreement = _get_agreement_for_user(partnership, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.comment_add(
            agreement=agreement, author=request.user, text=form.cleaned_data["text"]
        )
        if not wants_partial(request):
            return redirect(
                reverse("agreements:detail", args=[partnership.public_id, pk]) + "#comments"
            )
        form = CommentForm()
    context = _detail_context(request, partnership, agreement, comment_form=form)
    return render_page(request, "agreements/detail.html", context, partial="comments")


@partnership_view(paired=True)
@require_GET
def history(request, partnership, pk):
    agreement = _get_agreement_for_user(partnership, pk)
    revisions = list(
        agreement.revisions.select_related("author").prefetch_related(
            Prefetch("consents", queryset=Consent.objects.select_related("user"))
        )
    )
    by_number = {r.number: r for r in revisions}

    def pick(name, default):
        try:
            return by_number[int(request.GET.get(name, ""))]
        except (ValueError, KeyError):
            return default

    compare_from = pick("from", revisions[-2] if len(revisions) > 1 else None)
    compare_to = pick("to", revisions[-1] if revisions else None)
    comparison = None
    if compare_from and compare_to and compare_from != compare_to:
        comparison = {
            "title": word_diff(compare_from.title, compare_to.title),
            "text": word_diff(compare_from.text, compare_to.text),
        }
    context = {
        "partnership": partnership,
        "agreement": agreement,
        "revisions": revisions,
        "events": agreement.events.select_related("actor", "revision"),
        "compare_from": compare_from,
        "compare_to": compare_to,
        "comparison": comparison,
    }
    return render_page(request, "agreements/history.html", context, partial="comparison")


# Boundaries ----------------------------------------------------------------------------


def _boundaries_context(request, partnership, **extra):
    boundaries = list(
        Boundary.objects.filter(partnership=partnership).select_related("owner", "current_revision")
    )
    acknowledgments = {
        a.revision_id: a
        for a in Acknowledgment.objects.filter(
            revision_id__in=[b.current_revision_id for b in boundaries]
        )
    }
    mine, theirs = [], []
    for boundary in boundaries:
        boundary.acknowledgment = acknowledgments.get(boundary.current_revision_id)
        (mine if boundary.owner_id == request.user.pk else theirs).append(boundary)
    context = {
        "partnership": partnership,
        "partner": partnership.partner_of(request.user),
        "mine": mine,
        "theirs": theirs,
        "form": BoundaryForm(),
        "can_act": partnership.is_active,
    }
    context.update(extra)
    return context


@partnership_view(paired=True)
@require_GET
def boundaries(request, partnership):
    return render(request, "agreements/boundaries.html", _boundaries_context(request, partnership))


@partnership_view(paired=True)
@require_POST
def boundary_new(request, partnership):
    form = BoundaryForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "agreements/boundaries.html",
            _boundaries_context(request, partnership, form=form),
        )
    boundary = services.boundary_state(
        partnership=partnership, owner=request.user, text=form.cleaned_data["text"]
    )
    partner = partnership.partner_of(request.user)
    messages.success(
        request, _("Shared. %(name)s can now read and acknowledge it.") % {"name": partner.name}
    )
    return redirect(
        reverse("agreements:boundaries", args=[partnership.public_id]) + f"#boundary-{boundary.pk}"
    )


def _boundary_answer(request, partnership, boundary, *, flash="", status=200):
    boundary = _get_boundary_for_user(partnership, boundary.pk)
    boundary.acknowledgment = Acknowledgment.objects.filter(
        revision_id=boundary.current_revision_id
    ).first()
    context = {
        "partnership": partnership,
        "boundary": boundary,
        "can_act": partnership.is_active,
        "flash": flash,
        "oob": True,
    }
    return render_page(
        request, "agreements/boundaries.html", context, partial="boundary", status=status
    )


@partnership_view(paired=True)
@require_POST
def boundary_acknowledge(request, partnership, pk):
    boundary = _get_boundary_for_user(partnership, pk)
    try:
        revision_id = int(request.POST.get("revision", ""))
    except ValueError:
        revision_id = None
    try:
        services.boundary_acknowledge(boundary=boundary, user=request.user, revision_id=revision_id)
    except services.AgreementError as error:
        if wants_partial(request):
            return _boundary_answer(request, partnership, boundary, flash=str(error), status=409)
        messages.error(request, str(error))
    else:
        done = _("Thank you. %(name)s will see that you acknowledged it.") % {
            "name": boundary.owner.name
        }
        if wants_partial(request):
            return _boundary_answer(request, partnership, boundary, flash=done)
        messages.success(request, done)
    return redirect(
        reverse("agreements:boundaries", args=[partnership.public_id]) + f"#boundary-{pk}"
    )


@partnership_view(paired=True)
@require_http_methods(["GET", "POST"])
def boundary_edit(request, partnership, pk):
    boundary = _get_boundary_for_user(partnership, pk)
    if boundary.owner_id != request.user.pk:
        raise Http404
    if not partnership.is_active:
        return render_archived(request, partnership)
    context = {"partnership": partnership, "boundary": boundary}
    status = 200
    if request.method == "POST":
        form = BoundaryEditForm(request.POST)
        if form.is_valid():
            try:
                services.boundary_edit(
                    boundary=boundary,
                    owner=request.user,
                    text=form.cleaned_data["text"],
                    expected_version=form.cleaned_data["version"],
                )
            except services.BoundaryConflict as conflict:
                context["conflict"] = str(conflict)
                context["their_text"] = conflict.boundary.text
                form = form.keep_typed(conflict.boundary.version)
                status = 409
            else:
                messages.success(
                    request,
                    _("Saved. %(name)s is asked to acknowledge the new words.")
                    % {"name": partnership.partner_of(request.user).name},
                )
                return redirect(
                    reverse("agreements:boundaries", args=[partnership.public_id])
                    + f"#boundary-{pk}"
                )
    else:
        form = BoundaryEditForm(initial={"text": boundary.text, "version": boundary.version})
    context["form"] = form
    return render(request, "agreements/boundary_edit.html", context, status=status)


@partnership_view(paired=True)
@require_POST
def boundary_remove(request, partnership, pk):
    boundary = _get_boundary_for_user(partnership, pk)
    try:
        services.boundary_remove(boundary=boundary, owner=request.user)
    except services.AgreementError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The boundary is removed."))
    return redirect("agreements:boundaries", public_id=partnership.public_id)
