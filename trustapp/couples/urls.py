from django.urls import path

from trustapp.couples import prenup_views, views

app_name = "couples"

urlpatterns = [
    path("p/new/", views.partnership_create, name="create"),
    path("p/<str:public_id>/", views.partnership_home, name="home"),
    path("p/<str:public_id>/invite/", views.invite, name="invite"),
    path(
        "p/<str:public_id>/invite/<int:pk>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("p/<str:public_id>/leave/", views.leave, name="leave"),
    path("p/<str:public_id>/our-data/", prenup_views.prenup, name="prenup"),
    path("p/<str:public_id>/our-data/suggest/", prenup_views.prenup_propose, name="prenup_propose"),
    path("p/<str:public_id>/our-data/agree/", prenup_views.prenup_agree, name="prenup_agree"),
    path("p/<str:public_id>/our-data/keep/", prenup_views.prenup_clear, name="prenup_clear"),
    path("invite/<str:token>/", views.invitation, name="invitation"),
    path("invite/<str:token>/respond/", views.invitation_respond, name="invitation_respond"),
]
