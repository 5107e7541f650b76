from django.urls import path

from werkpost.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("keys/", views.keys, name="keys"),
    path("requests/", views.request_log, name="request-log"),
    path("results/", views.results, name="results"),
    path("webhooks/", views.webhooks, name="webhooks"),
    path("webhooks/<int:endpoint_id>/deliveries/<int:delivery_id>/", views.webhook_delivery, name="webhook-delivery"),
    path("samples/", views.samples, name="samples"),
    path("samples/<str:name>", views.sample_download, name="sample"),
]
