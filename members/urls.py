from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("partners/", views.partner_list, name="partners"),
]
