"""Included at the site root: a person's own data under me/, a couple's data choice under p/."""

from django.urls import path

from trustapp.privacy import prenup_views, views

app_name = "privacy"

urlpatterns = [
    path("me/privacy/", views.privacy, name="privacy"),
    path("me/data/", views.export, name="export"),
    path("me/data/<str:token>/", views.export_download, name="export_download"),
    path("me/copies/<int:pk>/", views.copy_detail, name="copy"),
    path("me/copies/<int:pk>/download/", views.copy_download, name="copy_download"),
    path("me/copies/<int:pk>/delete/", views.copy_delete, name="copy_delete"),
    path("me/delete/", views.delete_account, name="delete"),
    path("me/goodbye/", views.goodbye, name="goodbye"),
    path("p/<str:public_id>/our-data/", prenup_views.prenup, name="prenup"),
    path("p/<str:public_id>/our-data/suggest/", prenup_views.prenup_propose, name="prenup_propose"),
    path("p/<str:public_id>/our-data/agree/", prenup_views.prenup_agree, name="prenup_agree"),
    path("p/<str:public_id>/our-data/keep/", prenup_views.prenup_clear, name="prenup_clear"),
]
