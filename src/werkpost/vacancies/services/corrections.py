"""Corrections by the PES (art. 5, R15): staff edit a vacancy's texts (remove illegal or
discriminating statements, fix disturbing language errors) or close it. A correction goes
through the one pipeline, as a partner's update would, and both are recorded as transfer
results in the partner's feed with a message that says what the PES did and why."""

from __future__ import annotations

import json
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_noop

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.errors import CodedError
from werkpost.core.ids import public_id
from werkpost.core.messages import Severity, render_text
from werkpost.vacancies import messages as m
from werkpost.vacancies.models import Outcome, TransferAction, TransferResult, Vacancy, VacancyStatus
from werkpost.vacancies.parsing import parse_body
from werkpost.vacancies.pipeline import Item, apply_items, check, transfer_result_new
from werkpost.vacancies.selectors import effective_status
from werkpost.vacancies.services import lifecycle as services
from werkpost.vacancies.validation import CheckContext

TEXT_FIELDS = ("title", "description", "profile", "offer")  # what the PES may correct
CLOSED_BY_PES_REASON = services.PES_CLOSED


def vacancy_correct(
    *, vacancy: Vacancy, texts: dict[str, str], reason: str, actor: Actor, version: int | None = None
) -> TransferResult:
    """Replace some of the vacancy's texts; the corrected document passes the whole check and
    becomes the next version, recorded as an upsert with `vacancy.corrected_by_pes`. `version`
    is the one staff saw: a partner's update in between refuses the correction."""
    reason = reason.strip()
    if not reason:
        raise CodedError(m.PES_REASON_REQUIRED)
    texts = {name: value.replace("\r\n", "\n") for name, value in texts.items()}  # browsers send CRLF
    with transaction.atomic():
        vacancy = Vacancy.objects.select_for_update(of=("self",)).select_related("partner").get(pk=vacancy.pk)
        if version is not None and vacancy.version != version:
            raise CodedError(m.PES_CHANGED_MEANWHILE, version=vacancy.version)
        if vacancy.status == VacancyStatus.WITHDRAWN:  # a correction must not bring it back
            raise CodedError(m.ACTION_NOT_ALLOWED, action=gettext_noop("correct"), status=vacancy.status)
        document = dict(vacancy.document)
        changed = sorted(f for f in TEXT_FIELDS if f in texts and texts[f] != (document.get(f) or ""))
        if not changed:
            raise CodedError(m.PES_NOTHING_CHANGED)
        for name in changed:
            if texts[name]:
                document[name] = texts[name]
            else:
                document.pop(name, None)  # an emptied optional text is left out, as a partner would
        # Without dates an update keeps the vacancy's current window (also a past one): the
        # dates in the stored document may be older than a republish.
        document.pop("publication", None)
        result = _apply_correction(vacancy, document, changed, reason, actor)
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


def _refused(first: dict[str, Any]) -> CodedError:
    """The first error a corrected document would get, as a refusal to staff."""
    return CodedError(
        m.PES_CORRECTION_INVALID,
        message=render_text(first["code"], first.get("params")),
        code=first["code"],
        path=first.get("path", ""),
    )


def _apply_correction(
    vacancy: Vacancy, document: dict[str, Any], changed: list[str], reason: str, actor: Actor
) -> TransferResult:
    body = json.dumps(document, ensure_ascii=False).encode()
    today = clock.today()
    item = Item(
        parsed=parse_body(body, "application/json"),  # our own stored document: it parses
        received_at=clock.now(),
        content_type="application/json",
        raw_text=body.decode(),
    )
    check(item, vacancy.vacancy_id, CheckContext(today=today, environment=vacancy.environment))
    errors = [msg.to_record() for msg in item.found if msg.severity == Severity.ERROR]
    if errors:
        raise _refused(errors[0])
    note = m.CORRECTED_BY_PES("", fields=", ".join(changed), reason=reason)
    result = apply_items(vacancy.partner, vacancy.environment, [item], today=today, actor=actor, notes=[note])[0]
    if result.outcome == Outcome.REJECTED:  # e.g. the window: undo the recorded rejection with the rest
        raise _refused(next(r for r in result.messages if r["severity"] == Severity.ERROR))
    return result


def vacancy_close_by_pes(*, vacancy: Vacancy, reason: str, actor: Actor) -> TransferResult:
    """Close the vacancy (closedReason `pes`), also while a sanction keeps it suspended;
    recorded as a close with `vacancy.closed_by_pes`."""
    reason = reason.strip()
    if not reason:
        raise CodedError(m.PES_REASON_REQUIRED)
    with transaction.atomic():
        vacancy = Vacancy.objects.select_for_update(of=("self",)).select_related("partner").get(pk=vacancy.pk)
        # A close that is not allowed raises services.TransitionNotAllowedError, a CodedError.
        services.vacancy_close(vacancy=vacancy, reason=CLOSED_BY_PES_REASON, actor=actor, note=reason, by_pes=True)
        result = transfer_result_new(
            partner=vacancy.partner,
            environment=vacancy.environment,
            vacancy_id=vacancy.vacancy_id,
            action=TransferAction.CLOSE,
            outcome=Outcome.ACCEPTED,
            found=[m.CLOSED_BY_PES("", reason=reason)],
            http_status=200,
            received_at=clock.now(),
            transfer_id=public_id("tr"),
            status=effective_status(vacancy, clock.today()),
            version=vacancy.version,
        )
        return services.transfer_results_record([result])[0]
