"""Extranet pages (Wagtail), page follows, digests and feedback.

Every page type derives from one concrete `ExtranetPage`, so the access types of every page
live in one table and "which pages may this user read" is one query (see selectors.py).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from werkpost.accounts.models import AccessType

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "code", "hr"]


class ExtranetPage(Page):
    """What all extranet pages share: an English title, an intro and the access types."""

    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    intro = models.TextField(_("intro"), blank=True, help_text=_("One or two sentences; shown in search and digests."))
    access_types = ParentalManyToManyField(
        AccessType,
        blank=True,
        related_name="pages",
        verbose_name=_("access types"),
        help_text=_(
            "Empty: a public page. Otherwise only users with one of these access types read this page "
            "and every page below it."
        ),
    )

    is_creatable = False

    content_panels = [*Page.content_panels, FieldPanel("title_en"), FieldPanel("intro")]
    settings_panels = [
        MultiFieldPanel(
            [FieldPanel("access_types", widget=forms.CheckboxSelectMultiple)], heading=_("Who may read this page")
        ),
        *Page.settings_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("title_en"),
        index.SearchField("intro"),
    ]

    class Meta:
        verbose_name = _("extranet page")

    @property
    def display_title(self) -> str:
        if self.title_en and (get_language() or "nl").startswith("en"):
            return self.title_en
        return self.title

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from werkpost.extranet import selectors  # the page asks its own selectors; no cycle at import

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.page_context(request.user, self))
        return context


class HomePage(ExtranetPage):
    body = RichTextField(_("body"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*ExtranetPage.content_panels, FieldPanel("body")]
    search_fields = [*ExtranetPage.search_fields, index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "extranet/home_page.html"

    class Meta:
        verbose_name = _("extranet home page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from werkpost.extranet import selectors

        context = super().get_context(request, *args, **kwargs)
        tiles = selectors.home_tiles(request.user, self)
        context["app_tiles"] = [tile for tile in tiles if tile.kind == "app"]
        context["section_tiles"] = [tile for tile in tiles if tile.kind == "section"]
        rules = selectors.restrictions()
        context["public_sections"] = [
            page
            for page in selectors.readable_pages(request.user).child_of(self).specific()
            if not selectors.is_secured(page, rules)
        ]
        return context


class ContentPage(ExtranetPage):
    body = RichTextField(_("body"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*ExtranetPage.content_panels, FieldPanel("body")]
    search_fields = [*ExtranetPage.search_fields, index.SearchField("body")]
    template = "extranet/content_page.html"

    class Meta:
        verbose_name = _("content page")


class TermsPage(ExtranetPage):
    """The terms of use: raising the version asks every user to accept them again (R26)."""

    body = RichTextField(_("body"), blank=True, features=RICH_TEXT_FEATURES)
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        help_text=_("Raise this number when a change must be accepted again by every user."),
    )

    content_panels = [*ExtranetPage.content_panels, FieldPanel("version"), FieldPanel("body")]
    search_fields = [*ExtranetPage.search_fields, index.SearchField("body")]
    max_count = 1
    template = "extranet/content_page.html"

    class Meta:
        verbose_name = _("terms of use")


class Follow(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="follow_once")]
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.user} → {self.page_id}"


class DigestRun(models.Model):
    """One digest period of one user, done: the unique key makes a second run a no-op."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_runs")
    period = models.CharField(max_length=10)  # "2026-11-23" (daily) or "2026-W48" (weekly)
    ran_at = models.DateTimeField()
    page_count = models.PositiveIntegerField(default=0)  # 0: nothing changed, nothing sent

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "period"], name="digest_once_per_period")]

    def __str__(self) -> str:
        return f"{self.user} · {self.period}"


class Feedback(models.Model):
    page = models.ForeignKey(Page, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    url = models.CharField(_("address"), max_length=500)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    message = models.TextField(_("message"))
    language = models.CharField(max_length=2)
    created_at = models.DateTimeField(_("received"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self) -> str:
        return f"{self.url}: {self.message[:60]}"
