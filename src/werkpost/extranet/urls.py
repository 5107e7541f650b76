from django.urls import path

from werkpost.extranet import access_views, views

app_name = "extranet"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("profile/", views.profile, name="profile"),
    path("follow/<int:page_id>/", views.follow, name="follow"),
    path("feedback/", views.feedback, name="feedback"),
    path("terms/accept/", views.terms, name="terms"),
    path("access/", access_views.index, name="access-management"),
    path("access/<int:user_id>/", access_views.colleague, name="access-colleague"),
    path("access/<int:user_id>/role/", access_views.colleague_role, name="access-role"),
    path("access/<int:user_id>/leave/", access_views.colleague_remove, name="access-leave"),
    path("access/<int:user_id>/mail/", access_views.colleague_mail, name="access-mail"),
]
