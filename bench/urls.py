"""The app's URLs plus `bench/floor/`: a trivial view behind the same middleware.

The floor is what a request costs before any view work: session, user and time zone,
CSRF, security headers, CSP. Every page's requests per second are reported as a share
of the floor's, which keeps the numbers comparable on a noisy machine.
"""

from django.http import HttpResponse
from django.urls import path

from trustapp.urls import urlpatterns as app_urlpatterns


def floor(request):
    # Touch the user the way every signed-in page does (the middleware already has).
    return HttpResponse(
        f"ok {int(request.user.is_authenticated)}", content_type="text/plain; charset=utf-8"
    )


urlpatterns = [path("bench/floor/", floor, name="bench_floor"), *app_urlpatterns]
