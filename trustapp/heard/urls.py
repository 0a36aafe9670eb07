from django.urls import path

from trustapp.heard import views

app_name = "heard"

urlpatterns = [
    path("", views.trend, name="trend"),
    path("share/", views.share, name="share"),
    path("conversation/<int:pk>/", views.conversation, name="conversation"),
    path("check-in/<int:pk>/", views.checkin, name="checkin"),
]
