"""Writes for the extranet: follows, feedback, digests and the starter content."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Page, Site
from wagtail.search import index

from werkpost.accounts.models import AccessType, Profile
from werkpost.accounts.services import access_types_load
from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.errors import CodedError
from werkpost.extranet import messages as m
from werkpost.extranet import selectors
from werkpost.extranet.models import ContentPage, DigestRun, ExtranetPage, Feedback, Follow, HomePage, TermsPage
from werkpost.extranet.starter_content import StarterContent, StarterPage, content_language, starter_content_read


class ExtranetError(CodedError):
    """A request the extranet refuses; nothing was changed."""


# --- follows -------------------------------------------------------------------------------


def follow_add(*, user: Any, page: Page) -> Follow:
    """Follow a page the user may read; following needs at least one access type (R25)."""
    if not selectors.can_follow(user):
        raise ExtranetError(m.FOLLOW_NEEDS_ACCESS_TYPE)
    if not selectors.page_access(user, page).allowed or not page.live:
        raise ExtranetError(m.PAGE_NOT_FOLLOWABLE)
    with transaction.atomic():
        follow, _ = Follow.objects.get_or_create(user=user, page=page, defaults={"created_at": clock.now()})
    return follow


def follow_remove(*, user: Any, page: Page) -> bool:
    deleted, _ = Follow.objects.filter(user=user, page=page).delete()
    return bool(deleted)


# --- feedback --------------------------------------------------------------------------------


def feedback_submit(*, url: str, message: str, email: str, user: Any, page: Page | None, language: str) -> Feedback:
    """Store the feedback and tell the editors by e-mail once it is stored."""
    message = message.strip()
    if not message:
        raise ExtranetError(m.FEEDBACK_EMPTY)
    with transaction.atomic():
        feedback = Feedback.objects.create(
            page=page,
            url=url[:500],
            user=user if user.is_authenticated else None,
            email=email or (user.email if user.is_authenticated else ""),
            message=message,
            language=language,
            created_at=clock.now(),
        )
        transaction.on_commit(lambda: _mail_editors(feedback))
    return feedback


def _mail_editors(feedback: Feedback) -> None:
    with translation.override("nl"):
        context = {"feedback": feedback, "public_url": settings.PUBLIC_URL}
        subject = render_to_string("extranet/email/feedback_subject.txt", context).strip()
        body = render_to_string("extranet/email/feedback.txt", context)
    mail = EmailMultiAlternatives(subject, body, to=[settings.WERKPOST_EDITORS_EMAIL])
    if feedback.email:
        mail.reply_to = [feedback.email]
    mail.send()


def feedback_purge(*, now: dt.datetime | None = None) -> int:
    """Feedback holds personal data (e-mail address): kept for the retention period only."""
    cutoff = (now or clock.now()) - dt.timedelta(days=settings.WERKPOST_FEEDBACK_RETENTION_DAYS)
    deleted, _ = Feedback.objects.filter(created_at__lt=cutoff).delete()
    return deleted


# --- digests ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DigestReport:
    sent: int
    empty: int


def digest_period(frequency: str, now: dt.datetime) -> str | None:
    """The period due at `now` (local time), or None when this frequency is not due yet."""
    local = timezone.localtime(now)
    if local.hour < settings.WERKPOST_DIGEST_HOUR and frequency == Profile.DigestFrequency.DAILY:
        return None
    if frequency == Profile.DigestFrequency.DAILY:
        return local.date().isoformat()
    if frequency == Profile.DigestFrequency.WEEKLY:
        if local.weekday() == 0 and local.hour < settings.WERKPOST_DIGEST_HOUR:
            return None  # Monday, before the morning run: last week's digest is already done
        year, week, _ = local.isocalendar()
        return f"{year}-W{week:02d}"
    return None


def digests_send(*, now: dt.datetime | None = None) -> DigestReport:
    """Send every due digest. Safe to run twice, late, or after downtime: one run per user and
    period, and a watermark so no change is ever listed twice."""
    now = now or clock.now()
    sent = empty = 0
    profiles = Profile.objects.exclude(digest_frequency=Profile.DigestFrequency.NEVER).filter(user__is_active=True)
    for profile_id, frequency in profiles.values_list("id", "digest_frequency"):
        period = digest_period(frequency, now)
        if period is None:
            continue
        result = _digest_one(profile_id, period, now)
        if result is not None:
            sent += result > 0
            empty += result == 0
    return DigestReport(sent, empty)


def _digest_one(profile_id: int, period: str, now: dt.datetime) -> int | None:
    """One user's digest for one period: the number of pages listed, None if already done."""
    with transaction.atomic():
        profile = Profile.objects.select_for_update().select_related("user").get(id=profile_id)
        user = profile.user
        if DigestRun.objects.filter(user=user, period=period).exists():
            return None
        pages = _changed_pages(user, since=profile.digest_watermark, until=now)
        try:
            with transaction.atomic():
                DigestRun.objects.create(user=user, period=period, ran_at=now, page_count=len(pages))
        except IntegrityError:  # another run got here first
            return None
        profile.digest_watermark = now
        profile.save(update_fields=["digest_watermark"])
        if pages:
            transaction.on_commit(lambda: _mail_digest(user, profile.language, pages, period))
    return len(pages)


def _changed_pages(user: Any, *, since: dt.datetime | None, until: dt.datetime) -> list[ExtranetPage]:
    """Followed pages the user can read now, published after both `since` and the follow."""
    followed = Follow.objects.filter(user=user, page__in=selectors.readable_pages(user))
    pages = []
    for follow in followed.select_related("page"):
        published = follow.page.last_published_at
        if published is None or published > until:
            continue
        if (since is None or published > since) and published > follow.created_at:
            pages.append(follow.page.specific)
    return sorted(pages, key=lambda p: p.last_published_at, reverse=True)


def _mail_digest(user: Any, language: str, pages: list[ExtranetPage], period: str) -> None:
    with translation.override(language):
        # No request, so no context processor: the HTML part's lang attribute needs the language here.
        context = {
            "user": user,
            "pages": pages,
            "period": period,
            "public_url": settings.PUBLIC_URL,
            "LANGUAGE_CODE": language,
        }
        subject = render_to_string("extranet/email/digest_subject.txt", context).strip()
        text = render_to_string("extranet/email/digest.txt", context)
        html = render_to_string("extranet/email/digest.html", context)
    mail = EmailMultiAlternatives(subject, text, to=[user.email])
    mail.attach_alternative(html, "text/html")
    mail.send()


# --- starter content -------------------------------------------------------------------------


def extranet_prepare(*, actor: Actor) -> HomePage:
    """The access types (new ones added, edited ones kept) and, the first time, the starter pages."""
    content = starter_content_read()
    existing = set(AccessType.objects.values_list("code", flat=True))
    new_rows = [row for row in content.access_types if row["code"] not in existing]
    if new_rows:
        access_types_load(rows=new_rows, actor=actor)
    return starter_content_load(actor=actor, content=content)


def starter_content_load(*, actor: Actor, content: StarterContent | None = None) -> HomePage:
    """The extranet home with the starter pages, once: an existing home page is left alone.

    The site has one language (WAGTAIL_I18N_ENABLED is off): the pages get the texts in the
    installation's language (LANGUAGE_CODE: "nl", "nl-be" → Dutch, "en" → English; Dutch for
    any other), and the English title in `title_en` either way."""
    existing = HomePage.objects.first()
    if existing is not None:
        return existing
    content = content or starter_content_read()
    language = content_language(settings.LANGUAGE_CODE)
    with transaction.atomic():
        root = Page.get_first_root_node()
        site = Site.objects.filter(is_default_site=True).first()
        # Wagtail's own "Welcome" placeholder is replaced by our home page.
        for placeholder in Page.objects.filter(depth=2, content_type__model="page"):
            placeholder.delete()
        root.refresh_from_db()
        text = content.home[language]
        home = HomePage(title=text.title, title_en=content.home["en"].title, slug="home", intro=text.intro)
        root.add_child(instance=home)
        home.save_revision().publish()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="werkpost"
            )
        else:
            site.root_page = home
            site.save()
        types = {t.code: t for t in AccessType.objects.all()}
        for spec in content.pages:
            _add_page(home, spec, types, language)
        pages = sum(1 for _ in content.all_pages())
        audit_log(
            "extranet.starter_content.loaded", actor=actor, subject=home, data={"pages": pages, "language": language}
        )
    pages_index(home.get_descendants(inclusive=True))
    return home


def pages_index(pages: Iterable[Page]) -> None:
    """Put pages in the search index now. Page saves queue this as a task for the worker; the
    starter content (loaded before any worker runs) is searchable at once."""
    for page in pages:
        index.insert_or_update_object(page.specific)


def _add_page(parent: Page, spec: StarterPage, types: dict[str, AccessType], language: str) -> None:
    # extranet_prepare adds missing types first; called on its own, a secured page never goes public.
    missing = [code for code in spec.access_types if code not in types]
    if missing:
        raise ExtranetError(m.STARTER_CONTENT_INVALID, slug=spec.slug, codes=", ".join(sorted(missing)))
    text = spec.texts[language]
    page_class = TermsPage if spec.kind == "terms" else ContentPage
    page = page_class(
        title=text.title,
        title_en=spec.texts["en"].title,
        slug=spec.slug,
        intro=text.intro,
        body=text.body,
        show_in_menus=parent.depth == 2,
    )
    parent.add_child(instance=page)
    page.access_types.set([types[code] for code in spec.access_types])
    page.save_revision().publish()
    for child in spec.children:
        _add_page(page, child, types, language)
