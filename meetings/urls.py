from django.urls import path, re_path

from meetings import attendance_views, feeds, pdf, personal_calendar, reply_views, views

app_name = "meetings"

urlpatterns = [
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/<int:year>/<int:month>/", views.calendar_month, name="calendar_month"),
    path("calendar/public.ics", feeds.public_calendar, name="calendar_ics"),
    path("calendar/personal/<str:token>.ics", personal_calendar.personal_calendar, name="personal_calendar"),
    path("my/", views.dashboard, name="dashboard"),
    path("meetings/<slug:slug>/rsvp/", views.rsvp, name="rsvp"),
    # A reply from the invitation e-mail's signed link, without signing in (meetings/rsvp_links.py).
    path("reply/<str:token>/", reply_views.rsvp_link, name="rsvp_link"),
    path("meetings/<slug:slug>/minutes/comment/", views.comment_minutes, name="minutes_comment"),
    path("meetings/<slug:slug>/minutes/approve/", views.approve_minutes_view, name="minutes_approve"),
    path("meetings/<slug:slug>/agenda.pdf", pdf.agenda_pdf, name="agenda_pdf"),
    path("meetings/<slug:slug>/minutes.pdf", pdf.minutes_pdf, name="minutes_pdf"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="detail"),
    # The secretariat's screens outside the admin.
    path(
        "staff/meetings/<slug:slug>/attendance/",
        attendance_views.attendance_register,
        name="attendance_register",
    ),
    path(
        "staff/meetings/<slug:slug>/attendance/organisations/",
        attendance_views.attendance_organizations,
        name="attendance_organizations",
    ),
    path("staff/meetings/<slug:slug>/attendance.csv", attendance_views.attendance_csv, name="attendance_csv"),
    path("silence/<int:pk>/break/", views.break_silence, name="break_silence"),
    # A recommendation not yet adopted, for those the policy lets read it (codes as on the public page).
    re_path(
        r"^recommendations/(?P<code>[-A-Za-z0-9_.]{1,30})/draft/$",
        views.recommendation_draft,
        name="recommendation_draft",
    ),
    path("summaries/", views.summary_list, name="summaries"),
    path("summaries/feed/", feeds.SummaryFeed(), name="summary_feed"),
    path("summaries/<slug:slug>/", views.summary_detail, name="summary"),
    path("documents/<uuid:uuid>/", views.document_download, name="document"),
]
