from django.urls import path

from trustapp.checkins import views

app_name = "checkins"

urlpatterns = [
    path("", views.current, name="current"),
    path("start/", views.start, name="start"),
    path("history/", views.history, name="history"),
    path("trend/", views.trend, name="trend"),
    path("rhythm/", views.schedule, name="schedule"),
    path("next.ics", views.next_ics, name="next_ics"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/answer/", views.answer, name="answer"),
    path("<int:pk>/answers/", views.answers, name="answers"),
    path("<int:pk>/agenda/", views.agenda_add, name="agenda_add"),
    path("<int:pk>/agenda/<int:item_pk>/change/", views.agenda_edit, name="agenda_edit"),
    path("<int:pk>/agenda/<int:item_pk>/remove/", views.agenda_remove, name="agenda_remove"),
    path("<int:pk>/actions/", views.action_add, name="action_add"),
    path("<int:pk>/actions/<int:action_pk>/change/", views.action_edit, name="action_edit"),
    path("<int:pk>/actions/<int:action_pk>/remove/", views.action_remove, name="action_remove"),
    path("<int:pk>/finish/", views.finish, name="finish"),
    path("agenda/<int:item_pk>/talked/", views.agenda_talked, name="agenda_talked"),
    path("actions/<int:action_pk>/done/", views.action_done, name="action_done"),
]
