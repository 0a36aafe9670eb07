"""Included at the site root: the setting lives with the account, the feed under cal/."""

from django.urls import path

from trustapp.calendar import views

app_name = "calendar"

urlpatterns = [
    path("me/calendar/", views.calendar_settings, name="settings"),
    path("cal/<str:token>.ics", views.feed, name="feed"),
]
