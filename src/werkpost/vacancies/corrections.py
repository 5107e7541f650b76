"""Corrections by the PES (art. 5, R15): staff edit a vacancy's texts (remove illegal or
discriminating statements, fix disturbing language errors) or close it. A correction goes
through the one pipeline, as a partner's update would, and both are recorded as transfer
results in the partner's feed with a message that says what the PES did and why."""

from __future__ import annotations

import json

from django.db import transaction

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.errors import CodedError
from werkpost.core.ids import public_id
from werkpost.core.messages import Severity, render_text
from werkpost.vacancies import messages as m
from werkpost.vacancies import publication, services
from werkpost.vacancies.models import Outcome, TransferAction, TransferResult, Vacancy
from werkpost.vacancies.parsing import ParseError, parse_body
from werkpost.vacancies.pipeline import Item, apply_items, check
from werkpost.vacancies.selectors import effective_status
from werkpost.vacancies.validation import CheckContext

TEXT_FIELDS = ("title", "description", "profile", "offer")  # what the PES may correct
CLOSED_BY_PES_REASON = "pes"  # closedReason of a vacancy the PES closed


def vacancy_correct(*, vacancy: Vacancy, texts: dict[str, str], reason: str, actor: Actor) -> TransferResult:
    """Replace some of the vacancy's texts; the corrected document passes the whole check and
    becomes the next version, recorded as an upsert with `vacancy.corrected_by_pes`."""
    reason = reason.strip()
    if not reason:
        raise CodedError(m.PES_REASON_REQUIRED)
    document = dict(vacancy.document)
    changed = sorted(f for f in TEXT_FIELDS if f in texts and texts[f] != (document.get(f) or ""))
    if not changed:
        raise CodedError(m.PES_NOTHING_CHANGED)
    for name in changed:
        if texts[name]:
            document[name] = texts[name]
        else:
            document.pop(name, None)  # an emptied optional text is left out, as a partner would
    body = json.dumps(document, ensure_ascii=False).encode()
    today = clock.today()
    try:
        parsed = parse_body(body, "application/json")
    except ParseError as exc:  # the stored document always parses; this guards the edit
        raise CodedError(
            m.PES_CORRECTION_INVALID, message=render_text(exc.problem.code), code=exc.problem.code, path="/"
        ) from exc
    item = Item(parsed=parsed, received_at=clock.now(), content_type="application/json", raw_text=body.decode())
    check(item, vacancy.vacancy_id, CheckContext(today=today, environment=vacancy.environment))
    errors = [msg for msg in item.found if msg.severity == Severity.ERROR]
    plan, window_found = (
        publication.plan_upsert(item.publication, item.digest, vacancy, today) if item.valid else (None, [])
    )
    errors += [msg for msg in window_found if msg.severity == Severity.ERROR]
    if errors or plan is None:
        first = errors[0]
        raise CodedError(
            m.PES_CORRECTION_INVALID, message=render_text(first.code, first.params), code=first.code, path=first.path
        )
    note = m.CORRECTED_BY_PES("", fields=", ".join(changed), reason=reason)
    with transaction.atomic():
        result = apply_items(vacancy.partner, vacancy.environment, [item], today=today, actor=actor, notes=[note])[0]
        audit_log(  # the transfer result tells the partner; the audit log records the staff action
            "vacancies.vacancy.corrected_by_pes",
            actor=actor,
            subject=vacancy,
            tenant=vacancy.partner.supplier_id,
            data={
                "vacancyId": vacancy.vacancy_id,
                "environment": vacancy.environment,
                "fields": changed,
                "reason": reason,
                "version": result.version,
                "transferId": result.transfer_id,
            },
        )
    return result


def vacancy_close_by_pes(*, vacancy: Vacancy, reason: str, actor: Actor) -> TransferResult:
    """Close the vacancy (closedReason `pes`), recorded as a close with `vacancy.closed_by_pes`."""
    reason = reason.strip()
    if not reason:
        raise CodedError(m.PES_REASON_REQUIRED)
    with transaction.atomic():
        vacancy = Vacancy.objects.select_for_update(of=("self",)).select_related("partner").get(pk=vacancy.pk)
        try:
            services.vacancy_close(vacancy=vacancy, reason=CLOSED_BY_PES_REASON, actor=actor, note=reason)
        except services.TransitionNotAllowedError as exc:
            raise CodedError(m.ACTION_NOT_ALLOWED, action=exc.action, status=exc.status) from exc
        result = TransferResult(
            transfer_id=public_id("tr"),
            partner=vacancy.partner,
            environment=vacancy.environment,
            vacancy_id=vacancy.vacancy_id,
            action=TransferAction.CLOSE,
            outcome=Outcome.ACCEPTED,
            messages=[m.CLOSED_BY_PES("", reason=reason).to_record()],
            status=effective_status(vacancy, clock.today()),
            version=vacancy.version,
            received_at=clock.now(),
            http_status=200,
        )
        return services.transfer_results_record([result])[0]
