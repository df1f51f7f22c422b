from django.urls import path

from workinggroups import views

app_name = "workinggroups"

urlpatterns = [
    path("groups/<slug:slug>/", views.group_detail, name="detail"),
    path("recommendations/<str:code>/", views.recommendation_detail, name="recommendation"),
]
