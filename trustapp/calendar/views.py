from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from trustapp.calendar import services
from trustapp.calendar.models import CalendarFeed
from trustapp.lib.htmx import render_page
from trustapp.lib.i18n import recipient_language


@login_required
@require_http_methods(["GET", "POST"])
def calendar_settings(request):
    feed = services.feed_for(request.user)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "on":
            feed = services.feed_turn_on(user=request.user)
            messages.success(request, _("Your calendar address is ready below."))
        elif action == "off" and feed is not None:
            feed.turn_off()
            messages.success(request, _("Your calendar address no longer works."))
        else:
            messages.error(request, _("That did not work. Please choose one of the buttons."))
        return redirect("calendar:settings")
    address = None
    if feed is not None and feed.is_on:
        address = request.build_absolute_uri(feed.get_absolute_url())
    return render_page(request, "calendar/settings.html", {"feed": feed, "address": address})


@never_cache
@require_GET
def feed(request, token):
    """The subscribed calendar. No sign-in: the address itself is the secret."""
    calendar_feed = CalendarFeed.from_token(token)
    if calendar_feed is None:
        raise Http404
    # Fetched by a calendar app, not the person: written in the language of their profile.
    with recipient_language(calendar_feed.user):
        return services.ics_response(services.feed_ics(calendar_feed.user))
