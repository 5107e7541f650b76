"""Wagtail glue for the PES back-office: the partner screens and the onboarding queue."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from werkpost.portal import admin_views


class PartnerStaffMenuItem(MenuItem):
    """Shown only to staff who may manage partners."""

    def is_shown(self, request: HttpRequest) -> bool:
        return admin_views.may_manage_partners(request.user)


@hooks.register("register_admin_urls")
def register_partner_admin() -> list[Any]:
    return [
        path("partners/", include((admin_views.urlpatterns, "pes_partners"), namespace="pes_partners")),
        path(
            "onboarding-queue/",
            include((admin_views.queue_urlpatterns, "pes_onboarding"), namespace="pes_onboarding"),
        ),
    ]


@hooks.register("register_admin_menu_item")
def partners_menu_item() -> MenuItem:
    return PartnerStaffMenuItem(_("Partners"), reverse("pes_partners:index"), icon_name="site", order=320)


@hooks.register("register_admin_menu_item")
def onboarding_queue_menu_item() -> MenuItem:
    return PartnerStaffMenuItem(_("Onboarding queue"), reverse("pes_onboarding:queue"), icon_name="tasks", order=330)
