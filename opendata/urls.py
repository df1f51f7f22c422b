from django.urls import path

from opendata.api import api

urlpatterns = [
    path("v1/", api.urls),
]
