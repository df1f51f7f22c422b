from django.urls import path

from directory import views

app_name = "directory"

urlpatterns = [
    path("directory/", views.directory, name="directory"),
    path("directory/<int:pk>/", views.member_card, name="card"),
]
