from django.urls import path

from meetings import feeds, views

app_name = "meetings"

urlpatterns = [
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/<int:year>/<int:month>/", views.calendar_month, name="calendar_month"),
    path("calendar/public.ics", feeds.public_calendar, name="calendar_ics"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="detail"),
    path("summaries/", views.summary_list, name="summaries"),
    path("summaries/feed/", feeds.SummaryFeed(), name="summary_feed"),
    path("summaries/<slug:slug>/", views.summary_detail, name="summary"),
    path("documents/<uuid:uuid>/", views.document_download, name="document"),
]
