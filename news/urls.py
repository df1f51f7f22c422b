from django.urls import path

from news import feeds, views

app_name = "news"

urlpatterns = [
    path("news/", views.news_list, name="list"),
    path("news/feed/", feeds.NewsFeed(), name="feed"),
    path("news/<slug:slug>/", views.news_detail, name="detail"),
]
