from django.urls import path

from trustapp.accounts import privacy_views, views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("privacy/", privacy_views.privacy, name="privacy"),
    path("data/", privacy_views.export, name="export"),
    path("data/<str:token>/", privacy_views.export_download, name="export_download"),
    path("copies/<int:pk>/", privacy_views.copy_detail, name="copy"),
    path("copies/<int:pk>/download/", privacy_views.copy_download, name="copy_download"),
    path("copies/<int:pk>/delete/", privacy_views.copy_delete, name="copy_delete"),
    path("delete/", privacy_views.delete_account, name="delete"),
    path("goodbye/", privacy_views.goodbye, name="goodbye"),
]
