from django.urls import path

from werkpost.extranet import views

app_name = "extranet"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("profile/", views.profile, name="profile"),
    path("follow/<int:page_id>/", views.follow, name="follow"),
    path("feedback/", views.feedback, name="feedback"),
    path("terms/accept/", views.terms, name="terms"),
]
