from django.urls import path

from werkpost.api import api
from werkpost.core import views as core_views

urlpatterns = [
    path("api/v1/", api.urls),
    path("docs/messages/", core_views.message_index, name="message-index"),
    path("docs/messages/<str:code>", core_views.message_page, name="message-page"),
]
