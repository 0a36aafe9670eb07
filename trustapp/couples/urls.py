from django.urls import path

from trustapp.couples import views

app_name = "couples"

urlpatterns = [
    path("p/new/", views.partnership_create, name="create"),
    path("p/<str:public_id>/", views.partnership_home, name="home"),
    path("p/<str:public_id>/name/", views.rename, name="rename"),
    path("p/<str:public_id>/tour/", views.tour, name="tour"),
    path("p/<str:public_id>/invite/", views.invite, name="invite"),
    path(
        "p/<str:public_id>/invite/<int:pk>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("p/<str:public_id>/leave/", views.leave, name="leave"),
    path("invite/<str:token>/", views.invitation, name="invitation"),
    path("invite/<str:token>/respond/", views.invitation_respond, name="invitation_respond"),
]
