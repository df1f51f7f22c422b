"""The member's own pages under /accounts/, beside sign-in and passwords (`accounts.urls`)."""

from django.urls import path

from members import views

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/calendar/", views.calendar_token, name="calendar_token"),
]
