"""Included at the site root: settings live with the account, links from emails under r/."""

from django.urls import path

from trustapp.notifications import views

app_name = "notifications"

urlpatterns = [
    path("me/reminders/", views.reminder_settings, name="settings"),
    path("me/reminders/pause/", views.pause, name="pause"),
    path("me/reminders/resume/", views.resume, name="resume"),
    path("me/reminders/push/", views.push_choices, name="push_choices"),
    path("me/reminders/devices/", views.device_add, name="device_add"),
    path("me/reminders/devices/<int:device_id>/rename/", views.device_rename, name="device_rename"),
    path("me/reminders/devices/<int:device_id>/remove/", views.device_remove, name="device_remove"),
    path("r/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("r/snooze/<str:token>/", views.snooze, name="snooze"),
]
