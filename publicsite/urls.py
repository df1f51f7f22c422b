from django.urls import path, re_path

from publicsite import credibility, views

app_name = "publicsite"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("contact/", credibility.contact, name="contact"),
    path("privacy/", credibility.privacy, name="privacy"),
    path("groups/<slug:slug>/", views.group_detail, name="group"),
    path("recommendations/", views.recommendation_list, name="recommendations"),
    # Codes are letters, digits, dots, dashes and underscores; anything else (a NUL byte…) is a 404.
    re_path(r"^recommendations/(?P<code>[-A-Za-z0-9_.]{1,30})/$", views.recommendation_detail, name="recommendation"),
    path("roadmaps/", views.roadmap_list, name="roadmaps"),
    path("roadmaps/<slug:slug>/", views.roadmap_detail, name="roadmap"),
]
