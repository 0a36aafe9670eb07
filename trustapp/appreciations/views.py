from datetime import date

from django.contrib import messages
from django.db.models import Q
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from trustapp.appreciations import services
from trustapp.appreciations.charts import weekly_chart
from trustapp.appreciations.forms import AppreciationForm, LogFilterForm, NoticeForm, ReplyForm
from trustapp.appreciations.models import TEXT_MAX_LENGTH, Appreciation, AppreciationQuality
from trustapp.couples.access import partnership_view
from trustapp.couples.memories import on_this_day
from trustapp.lib.htmx import render_page, wants_partial
from trustapp.lib.safe_next import safe_next

# Ten cards: about three phone screens; the last one loads the next ten as it comes into
# view (htmx), or the pager's plain link does.
PAGE_SIZE = 10


def _get_appreciation_for_user(partnership, user, pk):
    """An appreciation of this partnership the person may read, else 404."""
    queryset = Appreciation.objects.visible_to(user).filter(partnership=partnership)
    appreciation = get_object_or_404(queryset, pk=pk)
    _complete([appreciation], partnership)
    return appreciation


def _get_own(partnership, user, pk):
    appreciation = _get_appreciation_for_user(partnership, user, pk)
    if appreciation.author_id != user.pk:
        raise Http404
    return appreciation


def _get_received(partnership, user, pk):
    appreciation = _get_appreciation_for_user(partnership, user, pk)
    if appreciation.recipient_id != user.pk or not appreciation.is_shared:
        raise Http404
    return appreciation


def _log_url(partnership):
    return reverse("appreciations:log", args=[partnership.public_id])


def _anchored(url, appreciation):
    return f"{url.split('#')[0]}#appreciation-{appreciation.pk}"


def _render_item(request, partnership, appreciation, *, reply_form=None, status=200):
    return render(
        request,
        "appreciations/_item.html",
        {
            "a": appreciation,
            "partnership": partnership,
            "partner": partnership.partner_of(request.user),
            "back": safe_next(request, appreciation.get_absolute_url()),
            "reply_form": reply_form,
        },
        status=status,
    )


def _parse_cursor(value):
    """`<happened_on>_<id>` of the last entry shown; anything else means the first page."""
    try:
        day, pk = value.split("_")
        return date.fromisoformat(day), int(pk)
    except (ValueError, AttributeError):
        return None


def _filter(queryset, filters, user, partner):
    if filters.get("by") == "me":
        queryset = queryset.filter(author=user)
    elif filters.get("by") == "partner":
        queryset = queryset.filter(author=partner)
    if quality := filters.get("quality"):
        queryset = queryset.filter(qualities__quality=quality)
    if month := filters.get("month"):
        # By year and month, not up to the 1st of the next month: after 9999-12 there is none.
        queryset = queryset.filter(happened_on__year=month.year, happened_on__month=month.month)
    if text := filters.get("q"):
        queryset = queryset.filter(text__icontains=text)
    return queryset


def _page_after(queryset, cursor):
    """One page of the log after `cursor`, and the cursor of the page after it (or None)."""
    if cursor is not None:
        day, pk = cursor
        queryset = queryset.filter(Q(happened_on__lt=day) | Q(happened_on=day, pk__lt=pk))
    page = list(queryset.order_by("-happened_on", "-pk")[: PAGE_SIZE + 1])
    if len(page) <= PAGE_SIZE:
        return page, None
    page = page[:PAGE_SIZE]
    return page, f"{page[-1].happened_on.isoformat()}_{page[-1].pk}"


def _complete(page, partnership):
    """What the cards show besides the rows, without a join or a prefetch: the people from
    the members, the qualities of the whole page from one plain read."""
    chosen = {appreciation.pk: set() for appreciation in page}
    if chosen:
        rows = AppreciationQuality.objects.filter(appreciation_id__in=chosen).values_list(
            "appreciation_id", "quality"
        )
        for appreciation_id, quality in rows:
            chosen[appreciation_id].add(quality)
    for appreciation in partnership.with_people(page):
        appreciation.remember_qualities(chosen[appreciation.pk])


def _months(visible):
    """The months that have entries, newest first. Sorted here: `dates()` would also sort
    in SQL and filter out empty days the column cannot hold."""
    months = visible.order_by().values_list(TruncMonth("happened_on"), flat=True).distinct()
    return sorted(months, reverse=True)


@partnership_view(paired=True)
@require_safe
def log(request, partnership):
    """Newest first, a page at a time by keyset: the query count never grows with the log."""
    user = request.user
    partner = partnership.partner_of(user)
    partial = wants_partial(request)
    cursor = _parse_cursor(request.GET.get("before", ""))
    visible = Appreciation.objects.visible_to(user).filter(partnership=partnership)

    months = [] if partial else _months(visible)
    filter_form = LogFilterForm(request.GET or None, partner=partner, months=months)
    page, next_cursor = _page_after(_filter(visible, filter_form.filters(), user, partner), cursor)
    next_url = None
    if next_cursor:
        params = request.GET.copy()
        params["before"] = next_cursor
        next_url = f"{request.path}?{params.urlencode()}"

    new_count, new_list = 0, []
    if cursor is None and not partial:
        visit = services.open_log(partnership, user)
        new_count, new_list, since = visit.new_count, visit.new_list, visit.since
    else:  # a later page of the same visit keeps the same highlight
        since = services.highlight_since(partnership, user)
    _complete(page, partnership)
    for appreciation in page:
        appreciation.is_new = (
            appreciation.recipient_id == user.pk
            and appreciation.shared_at is not None
            and appreciation.shared_at > since
        )
    # New ones dated further back than this page would be missed without a link.
    on_page = {appreciation.pk for appreciation in page}

    context = {
        "partnership": partnership,
        "partner": partner,
        "appreciations": page,
        "next_url": next_url,
        "is_partial": partial,
        "cursor": cursor,
        "filter_form": filter_form,
        "is_filtered": filter_form.is_filtered,
        "form": AppreciationForm(partner=partner),
        "new_count": new_count,
        "new_elsewhere": [item for item in new_list if item.pk not in on_page],
        "back": request.get_full_path(),
    }
    return render_page(request, "appreciations/log.html", context, partial="page")


@partnership_view(paired=True)
@require_http_methods(["GET", "HEAD", "POST"])
def new(request, partnership):
    """Log an appreciation. `?text=` prefills it, so other features can link here."""
    partner = partnership.partner_of(request.user)
    status = 200
    if request.method == "POST":
        form = AppreciationForm(request.POST, partner=partner)
        if form.is_valid():
            share = "private" not in request.POST
            appreciation = services.appreciation_create(
                partnership=partnership,
                author=request.user,
                text=form.cleaned_data["text"],
                happened_on=form.cleaned_data["happened_on"],
                qualities=form.cleaned_data["qualities"],
                share=share,
            )
            if share:
                messages.success(
                    request,
                    _("Shared with %(name)s. Thank you for noticing.") % {"name": partner.name},
                )
            else:
                messages.success(
                    request, _("Saved as a private note. Only you can see it until you share it.")
                )
            return redirect(_anchored(safe_next(request, _log_url(partnership)), appreciation))
        status = 422
    else:
        text = request.GET.get("text", "")[:TEXT_MAX_LENGTH]
        form = AppreciationForm(initial={"text": text} if text else None, partner=partner)
    return render(
        request,
        "appreciations/new.html",
        {
            "partnership": partnership,
            "partner": partner,
            "form": form,
            "next": safe_next(request, ""),
        },
        status=status,
    )


@partnership_view(paired=True)
@require_safe
def detail(request, partnership, pk):
    appreciation = _get_appreciation_for_user(partnership, request.user, pk)
    return render(
        request,
        "appreciations/detail.html",
        {
            "partnership": partnership,
            "partner": partnership.partner_of(request.user),
            "a": appreciation,
            "back": appreciation.get_absolute_url(),
        },
    )


@partnership_view(paired=True)
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, partnership, pk):
    appreciation = _get_own(partnership, request.user, pk)
    partner = partnership.partner_of(request.user)
    status = 200
    if request.method == "POST":
        form = AppreciationForm(request.POST, partner=partner)
        if form.is_valid():
            services.appreciation_update(
                appreciation=appreciation,
                text=form.cleaned_data["text"],
                happened_on=form.cleaned_data["happened_on"],
                qualities=form.cleaned_data["qualities"],
                share="share" in request.POST,
            )
            messages.success(request, _("Your changes are saved."))
            return redirect(_anchored(safe_next(request, _log_url(partnership)), appreciation))
        status = 422
    else:
        form = AppreciationForm(
            initial={
                "text": appreciation.text,
                "happened_on": appreciation.happened_on,
                "qualities": appreciation.quality_values(),
            },
            partner=partner,
        )
    return render(
        request,
        "appreciations/edit.html",
        {
            "partnership": partnership,
            "partner": partner,
            "a": appreciation,
            "form": form,
            "next": safe_next(request, ""),
        },
        status=status,
    )


@partnership_view(paired=True)
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request, partnership, pk):
    appreciation = _get_own(partnership, request.user, pk)
    if request.method == "POST":
        services.appreciation_delete(appreciation=appreciation)
        messages.success(request, _("Deleted."))
        return redirect(_log_url(partnership))
    return render(
        request,
        "appreciations/delete.html",
        {
            "partnership": partnership,
            "partner": partnership.partner_of(request.user),
            "a": appreciation,
        },
    )


@partnership_view(paired=True)
@require_POST
def share(request, partnership, pk):
    appreciation = _get_own(partnership, request.user, pk)
    services.appreciation_share(appreciation=appreciation)
    if wants_partial(request):
        return _render_item(request, partnership, appreciation)
    partner = partnership.partner_of(request.user)
    messages.success(request, _("Shared with %(name)s.") % {"name": partner.name})
    return redirect(_anchored(safe_next(request, _log_url(partnership)), appreciation))


@partnership_view(paired=True)
@require_POST
def react(request, partnership, pk):
    appreciation = _get_received(partnership, request.user, pk)
    try:
        services.appreciation_react(
            appreciation=appreciation, user=request.user, reaction=request.POST.get("reaction", "")
        )
    except services.AppreciationError as error:
        if wants_partial(request):
            appreciation.reaction_error = str(error)
            return _render_item(request, partnership, appreciation, status=422)
        messages.error(request, str(error))
        return redirect(
            _anchored(safe_next(request, appreciation.get_absolute_url()), appreciation)
        )
    if wants_partial(request):
        return _render_item(request, partnership, appreciation)
    return redirect(_anchored(safe_next(request, appreciation.get_absolute_url()), appreciation))


@partnership_view(paired=True)
@require_POST
def reply(request, partnership, pk):
    appreciation = _get_received(partnership, request.user, pk)
    form = ReplyForm(request.POST, auto_id=f"reply-{appreciation.pk}-%s")
    if form.is_valid():
        try:
            services.appreciation_reply(
                appreciation=appreciation, user=request.user, text=form.cleaned_data["reply"]
            )
        except services.AppreciationError as error:
            form.add_error(None, str(error))
    if form.is_valid():
        if wants_partial(request):
            return _render_item(request, partnership, appreciation)
        return redirect(
            _anchored(safe_next(request, appreciation.get_absolute_url()), appreciation)
        )
    if wants_partial(request):
        return _render_item(request, partnership, appreciation, reply_form=form, status=422)
    return render(
        request,
        "appreciations/detail.html",
        {
            "partnership": partnership,
            "partner": partnership.partner_of(request.user),
            "a": appreciation,
            "back": safe_next(request, appreciation.get_absolute_url()),
            "reply_form": form,
        },
        status=422,
    )


@partnership_view(paired=True)
@require_http_methods(["GET", "HEAD", "POST"])
def notice(request, partnership, kind, pk):
    """ "I noticed you kept this": one tap on a small step done or an agreement in force.

    A page of its own too, for a line that was too long without JavaScript.
    """
    context = {"partnership": partnership, "kind": kind, "ref": pk}
    try:
        kept = services.find_kept(partnership=partnership, user=request.user, kind=kind, pk=pk)
    except services.AppreciationError as error:
        if request.method != "POST":
            raise Http404 from None
        # Undone or changed since the page was drawn: say so, calmly, where it was tapped.
        if wants_partial(request):
            return render(request, "appreciations/_notice.html", context | {"error": error})
        messages.info(request, str(error))
        return redirect(safe_next(request, _log_url(partnership)))
    back = safe_next(request, kept.url)
    context |= {"kept": kept, "next": back, "partner": partnership.partner_of(request.user)}
    if request.method != "POST":
        return render(request, "appreciations/notice.html", context | {"form": NoticeForm()})
    form = NoticeForm(request.POST, auto_id=f"notice-{kind}-{pk}-%s")
    if not form.is_valid():
        template = "_notice.html" if wants_partial(request) else "notice.html"
        return render(request, f"appreciations/{template}", context | {"form": form}, status=422)
    noticed = services.appreciation_notice(
        partnership=partnership,
        author=request.user,
        kind=kind,
        pk=pk,
        line=form.cleaned_data["line"],
    )
    if wants_partial(request):
        return render(request, "appreciations/_notice.html", context | {"noticed": noticed})
    messages.success(
        request,
        _("You told %(name)s you noticed. It is in your appreciation log.")
        % {"name": noticed.recipient.name},
    )
    return redirect(back)


@partnership_view(paired=True)
@require_safe
def looking_back(request, partnership):
    today = timezone.localdate()
    members = [m.user for m in partnership.member_list()]
    weeks = services.weekly_counts(partnership, members, today)
    noticed = services.qualities_noticed(partnership)
    # From everything the two of you shared, not only appreciations.
    memories = on_this_day(partnership, request.user, today)
    return render(
        request,
        "appreciations/looking_back.html",
        {
            "partnership": partnership,
            "partner": partnership.partner_of(request.user),
            "chart": weekly_chart(weeks, members, today),
            "noticed": [
                {"person": person, "qualities": noticed.get(person.pk, [])} for person in members
            ],
            "memories": memories,
            "today": today,
            "back": request.get_full_path(),
        },
    )
