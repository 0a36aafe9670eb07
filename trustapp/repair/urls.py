from django.urls import path

from trustapp.repair import views

app_name = "repair"

urlpatterns = [
    path("", views.index, name="index"),
    path("start/", views.start, name="start"),
    path("pause/", views.pause, name="pause"),
    path("pause/<int:pause_pk>/end/", views.pause_end, name="pause_end"),
    path("<int:pk>/", views.moment, name="moment"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/write/", views.write, name="write"),
    path("<int:pk>/hear/", views.hear, name="hear"),
    path("<int:pk>/apology/", views.apology, name="apology"),
    path("<int:pk>/accept/", views.accept, name="accept"),
    path("<int:pk>/carry/", views.carry, name="carry"),
    path("<int:pk>/stop/", views.stop, name="stop"),
]
