from django.urls import path

from trustapp.agreements import views

app_name = "agreements"

urlpatterns = [
    path("", views.agreement_list, name="list"),
    path("new/", views.propose, name="propose"),
    path("starters/", views.library, name="library"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/agree/", views.agree, name="agree"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/revisit/", views.revisit, name="revisit"),
    path("<int:pk>/set-aside/", views.set_aside, name="set_aside"),
    path("<int:pk>/retire/", views.retire, name="retire"),
    path("<int:pk>/keep/", views.keep, name="keep"),
    path("<int:pk>/suggest/", views.suggest, name="suggest"),
    path("<int:pk>/details/", views.details, name="details"),
    path("<int:pk>/comments/", views.comment, name="comment"),
    path("<int:pk>/history/", views.history, name="history"),
    path("boundaries/", views.boundaries, name="boundaries"),
    path("boundaries/new/", views.boundary_new, name="boundary_new"),
    path("boundaries/<int:pk>/edit/", views.boundary_edit, name="boundary_edit"),
    path(
        "boundaries/<int:pk>/acknowledge/", views.boundary_acknowledge, name="boundary_acknowledge"
    ),
    path("boundaries/<int:pk>/remove/", views.boundary_remove, name="boundary_remove"),
]
