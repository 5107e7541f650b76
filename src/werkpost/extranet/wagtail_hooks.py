"""Wagtail glue: access types guard every page; feedback and extranet users in the back-office."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from werkpost.accounts.selectors import access_types_by_code
from werkpost.extranet import admin_views, selectors
from werkpost.extranet.models import Feedback


@hooks.register("before_serve_page")
def enforce_access_types(page: Page, request: HttpRequest, serve_args: Any, serve_kwargs: Any) -> HttpResponse | None:
    """Anonymous → login; logged in without the access type → 403 naming it. Never the content."""
    access = selectors.page_access(request.user, page)
    if access.allowed:
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    context = {"page": page, "needed": access_types_by_code(access.needed)}
    return render(request, "extranet/no_access.html", context, status=403)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Feedback arrives from the site: editors read and delete it, never write it."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action not in ("add", "change") and super().user_has_permission(user, action)


class FeedbackViewSet(ModelViewSet):
    model = Feedback
    icon = "comment"
    menu_label = _("Feedback")
    add_to_admin_menu = True
    menu_order = 300
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["created_at", "url", "message", "email"]
    list_filter = ["language"]
    search_fields = ["message", "url", "email"]
    form_fields = ["message"]
    inspect_view_fields = ["created_at", "url", "page", "email", "language", "message"]


register_permission_policy(Feedback, ReadOnlyPolicy(Feedback))


@hooks.register("register_admin_viewset")
def register_feedback() -> FeedbackViewSet:
    return FeedbackViewSet("feedback")


@hooks.register("register_admin_urls")
def register_user_admin() -> list[Any]:
    return [path("extranet-users/", include((admin_views.urlpatterns, "extranet_users"), namespace="extranet_users"))]


@hooks.register("register_admin_menu_item")
def user_admin_menu_item() -> MenuItem:
    return MenuItem(_("Extranet users"), reverse("extranet_users:index"), icon_name="group", order=310)


class AccessTypesMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return admin_views.may_manage_access_types(request.user, "view")


@hooks.register("register_admin_menu_item")
def access_types_menu_item() -> MenuItem:
    return AccessTypesMenuItem(_("Access types"), reverse("extranet_users:access-types"), icon_name="key", order=311)
