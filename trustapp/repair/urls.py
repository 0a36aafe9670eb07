from django.urls import path

from trustapp.repair import ending_views, track_views, views

app_name = "repair"

urlpatterns = [
    path("", views.index, name="index"),
    path("start/", views.start, name="start"),
    path("pause/", views.pause, name="pause"),
    path("pause/<int:pause_pk>/end/", views.pause_end, name="pause_end"),
    path("track/", track_views.track, name="track"),
    path("track/status/", track_views.status, name="track_status"),
    path("track/choose/", track_views.choose, name="track_choose"),
    path("track/pace/", track_views.pace, name="track_pace"),
    path("track/stop/", track_views.stop, name="track_stop"),
    path("track/acknowledge/", track_views.acknowledge, name="track_acknowledge"),
    path("track/ask/", track_views.ask, name="track_ask"),
    path("track/q/<int:question_pk>/", track_views.answer, name="track_answer"),
    path("track/commit/", track_views.commit, name="track_commit"),
    path("track/checkin/", track_views.checkin, name="track_checkin"),
    path("track/consent/", track_views.consent, name="track_consent"),
    path("track/summary/", track_views.summary, name="track_summary"),
    path("ending/", ending_views.letters, name="letters"),
    path("ending/letter/", ending_views.letter, name="letter"),
    path("ending/support/", ending_views.support, name="support"),
    path("<int:pk>/", views.moment, name="moment"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/write/", views.write, name="write"),
    path("<int:pk>/hear/", views.hear, name="hear"),
    path("<int:pk>/apology/", views.apology, name="apology"),
    path("<int:pk>/accept/", views.accept, name="accept"),
    path("<int:pk>/carry/", views.carry, name="carry"),
    path("<int:pk>/stop/", views.stop, name="stop"),
]
