from django.urls import path

from trustapp.dates import views

app_name = "dates"

urlpatterns = [
    path("", views.index, name="index"),
    path("add/", views.add, name="add"),
    path("<int:pk>/", views.edit, name="edit"),
    path("<int:pk>/remove/", views.remove, name="remove"),
]
