from django.urls import path

from trustapp.checkins import views

app_name = "checkins"

urlpatterns = [
    path("", views.current, name="current"),
    path("start/", views.start, name="start"),
    path("history/", views.history, name="history"),
    path("trend/", views.trend, name="trend"),
    path("rhythm/", views.schedule, name="schedule"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/answer/", views.answer, name="answer"),
    path("<int:pk>/answers/", views.answers, name="answers"),
    path("<int:pk>/agenda/", views.agenda_add, name="agenda_add"),
    path("<int:pk>/actions/", views.action_add, name="action_add"),
    path("<int:pk>/finish/", views.finish, name="finish"),
    path("agenda/<int:item_pk>/talked/", views.agenda_talked, name="agenda_talked"),
    path("actions/<int:action_pk>/done/", views.action_done, name="action_done"),
]
