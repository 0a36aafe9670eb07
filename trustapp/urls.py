from django.contrib import admin
from django.urls import include, path

from trustapp import views
from trustapp.accounts import views as accounts_views
from trustapp.couples import views as couples_views

urlpatterns = [
    path("", couples_views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/", views.offline, name="offline"),
    path("go/<slug:section>/", views.shortcut, name="shortcut"),
    path("safety/", views.safety, name="safety"),
    # Django's set_language: the language switcher of the signed-out pages posts here.
    path("i18n/", include("django.conf.urls.i18n")),
    # Our wrapper first: it explains an expired code, then hands over to allauth.
    path("accounts/confirm-email/", accounts_views.email_verification_sent),
    path("accounts/logout/", accounts_views.logout, name="account_logout"),
    path("accounts/2fa/authenticate/", accounts_views.mfa_authenticate),
    path("accounts/", include("allauth.urls")),
    path("me/", include("trustapp.accounts.urls")),
    path("", include("trustapp.couples.urls")),
    path("p/<str:public_id>/agreements/", include("trustapp.agreements.urls")),
    path("p/<str:public_id>/appreciations/", include("trustapp.appreciations.urls")),
    path("p/<str:public_id>/conversations/", include("trustapp.conversations.urls")),
    path("p/<str:public_id>/check-ins/", include("trustapp.checkins.urls")),
    path("p/<str:public_id>/good-news/", include("trustapp.wins.urls")),
    path("p/<str:public_id>/our-dates/", include("trustapp.dates.urls")),
    path("", include("trustapp.questions.urls")),  # p/<id>/today/, me/todays-question/, r/
    path("p/<str:public_id>/repair/", include("trustapp.repair.urls")),
    path("p/<str:public_id>/heard/", include("trustapp.heard.urls")),
    path("", include("trustapp.notifications.urls")),  # me/reminders/, r/<token>/
    path("", include("trustapp.privacy.urls")),  # me/data/, p/<id>/our-data/
    path("", include("trustapp.calendar.urls")),  # me/calendar/, cal/<token>.ics
    path("admin/", admin.site.urls),
]
