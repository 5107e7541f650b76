"""The daily results mail to each partner's technical contact."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpost.core import clock
from werkpost.core.environments import Environment
from werkpost.partners.models import Partner
from werkpost.portal.mail import on_commit_mail
from werkpost.portal.models import ResultsMailSent
from werkpost.portal.selectors import open_issues
from werkpost.vacancies.models import Outcome, TransferResult

# --- the daily results mail -------------------------------------------------------------------

MAIL_ISSUES = 10  # open issues listed in the mail; the dashboard has them all


def results_mails_send(*, day: dt.date) -> int:
    """Mail each partner's technical contact when `day` had rejected transfers or warnings
    (unless the partner opted out). Idempotent: one mail per partner and day."""
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(day, dt.time.min, tzinfo=tz)
    end = start + dt.timedelta(days=1)
    rows = (
        TransferResult.objects.filter(received_at__gte=start, received_at__lt=end)
        .values("partner_id", "environment", "outcome")
        .annotate(n=Count("id"))
    )
    counts: dict[int, dict[str, dict[str, int]]] = {}
    for counted in rows:
        per_env = counts.setdefault(counted["partner_id"], {}).setdefault(counted["environment"], {})
        per_env[counted["outcome"]] = counted["n"]
    sent = 0
    partners = Partner.objects.filter(
        pk__in=list(counts), status=Partner.Status.ACTIVE, results_mail_opt_out=False
    ).exclude(technical_contact_email="")
    for partner in partners:
        summary = [
            {
                "environment": env,
                "rejected": c.get(Outcome.REJECTED, 0),
                "with_warnings": c.get(Outcome.ACCEPTED_WITH_WARNINGS, 0),
                "total": sum(c.values()),
            }
            for env, c in sorted(counts[partner.pk].items(), key=lambda item: item[0] != Environment.PRODUCTION)
        ]
        if not any(row["rejected"] or row["with_warnings"] for row in summary):
            continue
        with transaction.atomic():
            _record, created = ResultsMailSent.objects.get_or_create(
                partner=partner, day=day, defaults={"sent_at": clock.now(), "counts": {"environments": summary}}
            )
            if not created:
                continue
            issues: list[dict[str, Any]] = []
            for row in summary:
                for result in open_issues(partner, str(row["environment"]), limit=MAIL_ISSUES)[
                    : MAIL_ISSUES - len(issues)
                ]:
                    codes = [msg["code"] for msg in result.messages if msg.get("severity") in ("error", "warning")]
                    issues.append(
                        {
                            "vacancy_id": result.vacancy_id,
                            "environment": row["environment"],
                            "outcome": result.outcome,
                            "codes": codes[:5],
                        }
                    )
            transaction.on_commit(
                on_commit_mail(
                    partner,
                    "results_daily",
                    _("werkpost: transfer results of %(supplier_id)s need attention"),
                    {"day": day, "counts": summary, "issues": issues},
                )
            )
            sent += 1
    return sent
