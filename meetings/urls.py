from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("meetings/<slug:slug>/", views.meeting_detail, name="detail"),
    path("summaries/<slug:slug>/", views.summary_detail, name="summary"),
    path("documents/<uuid:uuid>/", views.document_download, name="document"),
]
