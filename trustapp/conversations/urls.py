from django.urls import path

from trustapp.conversations import views

app_name = "conversations"

urlpatterns = [
    path("", views.index, name="index"),
    path("draw/", views.draw, name="draw"),
    path("tender/", views.tender, name="tender"),
    path("starred/", views.starred, name="starred"),
    path("hidden/", views.hidden, name="hidden"),
    path("history/", views.history, name="history"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("prompts/<slug:slug>/", views.prompt, name="prompt"),
    path("prompts/<slug:slug>/start/", views.start, name="start"),
    path("prompts/<slug:slug>/star/", views.star, name="star"),
    path("prompts/<slug:slug>/hide/", views.hide, name="hide"),
    path("<int:pk>/", views.conversation, name="conversation"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/answer/", views.answer, name="answer"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/talked/", views.talked, name="talked"),
    path("<int:pk>/takeaway/", views.takeaway, name="takeaway"),
]
