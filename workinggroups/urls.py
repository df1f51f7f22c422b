from django.urls import path

from workinggroups import views

app_name = "workinggroups"

urlpatterns = [
    path("about/", views.about, name="about"),
    path("groups/<slug:slug>/", views.group_detail, name="detail"),
    path("recommendations/", views.recommendation_list, name="recommendations"),
    path("recommendations/<str:code>/", views.recommendation_detail, name="recommendation"),
]
