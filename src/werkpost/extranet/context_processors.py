"""What the site layout needs on every page: the menu, footer links and the feedback form."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from werkpost.extranet import selectors
from werkpost.extranet.forms import FeedbackForm


def extranet(request: HttpRequest) -> dict[str, Any]:
    if request.path.startswith(("/api/", "/admin/")):
        return {}
    user = request.user
    footer = {
        page.slug: page
        for page in selectors.readable_pages(user).filter(slug__in=["disclaimer", "gebruiksvoorwaarden"]).specific()
    }
    return {
        "nav_sections": selectors.menu_sections(user),
        "footer_pages": footer,
        "feedback_form": FeedbackForm.blank(request),
    }
