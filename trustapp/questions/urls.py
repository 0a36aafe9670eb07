"""Included at the site root: the space's pages under p/<id>/today/, the email choice with
the account, and the links from emails (which need no sign-in) under r/."""

from django.urls import path

from trustapp.questions import views

app_name = "questions"

urlpatterns = [
    path("p/<str:public_id>/today/", views.today, name="today"),
    path("p/<str:public_id>/today/past/", views.past, name="past"),
    path("p/<str:public_id>/today/<str:day>/", views.day, name="day"),
    path("p/<str:public_id>/today/<str:day>/answer/", views.answer, name="answer"),
    path("p/<str:public_id>/today/<str:day>/status/", views.status, name="status"),
    path("me/todays-question/", views.email_settings, name="email_settings"),
    path("r/question/<str:token>/", views.from_email, name="from_email"),
    path("r/question-emails/<str:token>/", views.stop_emails, name="stop_emails"),
]
