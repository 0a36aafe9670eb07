from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from trustapp.lib.htmx import render_page, wants_partial
from trustapp.notifications import push, services
from trustapp.notifications.forms import (
    DeviceForm,
    DeviceNameForm,
    PushChoicesForm,
    ReminderPreferenceForm,
)
from trustapp.notifications.models import ActivityEmails, PushSubscription
from trustapp.notifications.tokens import LinkExpired, read_token


def _settings_context(request, preference, form, push_form=None):
    has_partner = bool(services.partnerships_to_remind(request.user))
    return {
        # Read only where the page shows them, not by the htmx reminder form's answer.
        "devices": PushSubscription.objects.filter(user=request.user),
        "push_form": push_form or PushChoicesForm(instance=preference),
        "push_key": push.public_key(),
        "form": form,
        "preference": preference,
        "has_partner": has_partner,
        "paused": preference.pk is not None and preference.is_paused(),
        "next_reminder_at": services.next_reminder_at(preference) if has_partner else None,
    }


@login_required
@require_http_methods(["GET", "POST"])
def reminder_settings(request):
    preference = services.preference_for(request.user)
    form = ReminderPreferenceForm(
        request.POST if request.method == "POST" else None, instance=preference
    )
    if request.method == "POST" and form.is_valid():
        preference = services.preference_save(user=request.user, **form.cleaned_data)
        if not wants_partial(request):
            messages.success(request, _("Saved. Your reminders follow your new choices."))
            return redirect("notifications:settings")
        form = ReminderPreferenceForm(instance=preference)
        context = _settings_context(request, preference, form) | {"saved": True}
    else:
        context = _settings_context(request, preference, form)
    return render_page(request, "notifications/settings.html", context, partial="settings")


@login_required
@require_POST
def push_choices(request):
    preference = services.preference_for(request.user)
    form = PushChoicesForm(request.POST, instance=preference)
    if not form.is_valid():
        context = _settings_context(
            request, preference, ReminderPreferenceForm(instance=preference), form
        )
        return render(request, "notifications/settings.html", context, status=400)
    services.preference_save(user=request.user, **form.cleaned_data)
    messages.success(request, _("Saved. Your devices follow your new choices."))
    return redirect("notifications:settings")


@login_required
@require_POST
def device_add(request):
    """A browser that subscribed (app.js posts what the Push API gave it)."""
    form = DeviceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("This browser could not be added. Please try again later."))
        return redirect("notifications:settings")
    services.device_subscribe(user=request.user, **form.cleaned_data)
    messages.success(request, _("This device will show your notifications now."))
    return redirect("notifications:settings")


@login_required
@require_POST
def device_rename(request, device_id):
    device = get_object_or_404(PushSubscription, user=request.user, pk=device_id)
    form = DeviceNameForm(request.POST)
    if form.is_valid():
        services.device_rename(user=request.user, device_id=device.pk, **form.cleaned_data)
        messages.success(request, _("Renamed."))
    else:
        messages.error(request, form.errors["name"][0])
    return redirect("notifications:settings")


@login_required
@require_POST
def device_remove(request, device_id):
    device = get_object_or_404(PushSubscription, user=request.user, pk=device_id)
    services.device_remove(user=request.user, device_id=device.pk)
    removed = _("Removed. Nothing more will come to %(name)s.") % {"name": device.name}
    messages.success(request, removed)
    return redirect("notifications:settings")


@login_required
@require_POST
def pause(request):
    services.reminders_pause(user=request.user)
    messages.success(request, _("Reminders are paused for two weeks. Enjoy the quiet."))
    return redirect("notifications:settings")


@login_required
@require_POST
def resume(request):
    services.reminders_resume(user=request.user)
    messages.success(request, _("Reminders are back on."))
    return redirect("notifications:settings")


def _person_for(request, token, *actions):
    """(person, action, None), or (None, None, a page saying why the link cannot be used)."""
    expired = False
    try:
        user, action = read_token(token, *actions)
    except LinkExpired:
        user, action, expired = None, None, True
    if user is None:
        page = render(
            request,
            "notifications/link_problem.html",
            {"expired": expired},
            status=410 if expired else 400,
        )
        return None, None, page
    return user, action, None


# Mail programs send the RFC 8058 one-click POST with no session and no CSRF token; the
# signed, expiring token in the URL is what authorises it.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    user, what, problem = _person_for(request, token, "reminders", "activity")
    if problem:
        return problem
    if request.method == "POST":
        preference = services.reminders_unsubscribe(user=user, what=what)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            # Mail programs want a plain 200, not a redirect.
            context = {"what": what, "preference": preference, "done": True}
            return render(request, "notifications/unsubscribe.html", context)
        return redirect("notifications:unsubscribe", token=token)
    preference = services.preference_for(user)
    if what == "activity":
        done = preference.activity_emails == ActivityEmails.OFF
    else:
        done = not preference.is_on
    context = {"what": what, "preference": preference, "done": done, "token": token}
    return render(request, "notifications/unsubscribe.html", context)


@require_http_methods(["GET", "POST"])
def snooze(request, token):
    user, _action, problem = _person_for(request, token, "snooze")
    if problem:
        return problem
    if request.method == "POST":
        services.reminders_pause(user=user)
        return redirect("notifications:snooze", token=token)
    preference = services.preference_for(user)
    return render(
        request,
        "notifications/snooze.html",
        {"preference": preference, "paused": preference.is_paused(), "token": token},
    )
