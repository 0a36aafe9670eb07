from django.urls import path

from trustapp.appreciations import views

app_name = "appreciations"

urlpatterns = [
    path("", views.log, name="log"),
    path("new/", views.new, name="new"),
    path("looking-back/", views.looking_back, name="looking_back"),
    path("noticed/<str:kind>/<int:pk>/", views.notice, name="notice"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/share/", views.share, name="share"),
    path("<int:pk>/react/", views.react, name="react"),
    path("<int:pk>/reply/", views.reply, name="reply"),
]
