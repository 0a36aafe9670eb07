from django.urls import path

from trustapp.wins import views

app_name = "wins"

urlpatterns = [
    path("", views.index, name="index"),
    path("share/", views.share, name="share"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/answer/", views.respond, name="respond"),
    path("<int:pk>/keep/", views.keep, name="keep"),
]
