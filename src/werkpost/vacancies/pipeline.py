"""The one pipeline for every vacancy input:

    bytes → parse → canonical VacancyDocument → validate → decide → apply → record

A PUT, a dry-run validation and (later) each batch item run exactly this code. Actions
(close, republish, withdraw) share the decide/record half.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from pydantic import ValidationError

from werkpost.core import clock
from werkpost.core.audit import Actor
from werkpost.core.ids import public_id
from werkpost.core.messages import Message, Severity
from werkpost.partners.models import Partner
from werkpost.vacancies import messages as m
from werkpost.vacancies import publication, services
from werkpost.vacancies.document import VACANCY_ID_RE, IsoDate, Part, VacancyDocument, content_digest
from werkpost.vacancies.models import Outcome, TransferAction, TransferResult, Vacancy
from werkpost.vacancies.parsing import Parsed, ParseError, parse_body
from werkpost.vacancies.selectors import effective_status, vacancy_get
from werkpost.vacancies.validation import (
    CheckContext,
    pointer,
    score_document,
    structure_messages,
    validate_document,
)

# --- decide ----------------------------------------------------------------------------------


def decide(found: Sequence[Message]) -> Outcome:
    severities = {msg.severity for msg in found}
    if Severity.ERROR in severities:
        return Outcome.REJECTED
    if Severity.WARNING in severities:
        return Outcome.ACCEPTED_WITH_WARNINGS
    return Outcome.ACCEPTED


def _located(found: list[Message], parsed: Parsed | None) -> list[Message]:
    """Messages about an XML input also name the XPath of the element they concern."""
    if parsed is None or not parsed.xpaths:
        return found
    return [msg if msg.xpath else replace(msg, xpath=parsed.xpath_for(msg.path)) for msg in found]


def _sorted(found: Sequence[Message]) -> list[Message]:
    rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(found, key=lambda msg: rank[msg.severity])


# --- the pipeline --------------------------------------------------------------------------


@dataclass
class Submission:
    partner: Partner
    environment: str
    body: bytes
    content_type: str
    vacancy_id: str | None = None  # None: taken from the body (POST /validate)
    dry_run: bool = False
    received_at: dt.datetime = field(default_factory=clock.now)


@dataclass
class Result:
    """What the pipeline produced; `result` is unsaved for a dry run."""

    result: TransferResult
    created: bool = False
    problem: ParseError | None = None  # a request-level failure (400, 413, 415)
    not_found: bool = False
    conflict: bool = False

    @property
    def http_status(self) -> int:
        return self.result.http_status


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def _bad_characters(value: Any, path: str = "") -> Iterator[Message]:
    """Control characters (NUL above all) and lone surrogates, in keys or values: text we could
    neither store nor show."""
    if isinstance(value, str):
        if _CONTROL.search(value):
            yield m.INVALID_CHARACTER(path)
    elif isinstance(value, dict):
        for key, item in value.items():
            child = pointer([key]) if not _CONTROL.search(key) else "/?"
            if child == "/?":
                yield m.INVALID_CHARACTER(path)
            else:
                yield from _bad_characters(item, path + child)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _bad_characters(item, f"{path}/{index}")


def _structure(data: Any, vacancy_id: str | None) -> tuple[str, VacancyDocument | None, list[Message]]:
    found: list[Message] = list(_bad_characters(data))
    if found:
        return vacancy_id or "", None, found
    if vacancy_id is None:  # POST /validate carries the id in the body
        vacancy_id = ""
        if isinstance(data, dict):
            raw_id = data.pop("vacancyId", None)
            if raw_id is None:
                found.append(m.REQUIRED("/vacancyId"))
            else:
                if not isinstance(raw_id, str):
                    found.append(m.WRONG_TYPE("/vacancyId", expected="text"))
                elif not VACANCY_ID_RE.match(raw_id):
                    found.append(m.INVALID_VACANCY_ID("/vacancyId"))
                else:
                    vacancy_id = raw_id
    elif not VACANCY_ID_RE.match(vacancy_id):
        found.append(m.INVALID_VACANCY_ID("/vacancyId"))
    try:
        doc = VacancyDocument.model_validate(data)
    except ValidationError as exc:
        return vacancy_id, None, found + structure_messages(exc)
    return vacancy_id, doc, found


def submit(sub: Submission) -> Result:
    """Run a document through the whole pipeline (or all but apply/record for a dry run)."""
    transfer_id = public_id("tr")
    today = clock.today()
    oversized = len(sub.body) > settings.WERKPOST_API_MAX_BODY_BYTES
    raw_text = "" if oversized else sub.body.decode("utf-8", errors="replace")

    sources: list[Parsed] = []  # the parsed input, once there is one: it maps paths to XPaths

    def result(
        vacancy_id: str,
        found: Sequence[Message],
        http_status: int,
        *,
        outcome: Outcome = Outcome.REJECTED,
        status: str = "",
        version: int | None = None,
    ) -> TransferResult:
        fields: dict[str, Any] = {
            "transfer_id": None if sub.dry_run else transfer_id,  # a dry run records nothing
            "partner": sub.partner,
            "environment": sub.environment,
            "vacancy_id": vacancy_id,
            "action": TransferAction.UPSERT,
            "outcome": outcome,
            "messages": _located(_sorted(found), sources[0] if sources else None),
            "received_at": sub.received_at,
            "http_status": http_status,
            "status": status,
            "version": version,
            "raw_payload": raw_text,
            "content_type": sub.content_type,
        }
        if sub.dry_run or not vacancy_id:
            return _unsaved(**fields)
        return services.transfer_result_record(**fields)

    def rejected(vacancy_id: str, found: Sequence[Message], http_status: int = 422) -> TransferResult:
        existing = vacancy_get(sub.partner, sub.environment, vacancy_id) if vacancy_id else None
        if existing is None:
            return result(vacancy_id, found, http_status)
        return result(
            vacancy_id, found, http_status, status=effective_status(existing, today), version=existing.version
        )

    # parse
    try:
        parsed = parse_body(sub.body, sub.content_type)
    except ParseError as exc:
        msg = Message(exc.problem.code, Severity.ERROR, "", exc.params)
        return Result(rejected(sub.vacancy_id or "", [msg], exc.problem.status or 400), problem=exc)
    sources.append(parsed)
    # canonical document and validate
    vacancy_id, doc, found = _structure(parsed.data, sub.vacancy_id)
    found = parsed.messages + found
    if doc is not None:
        doc, checks = validate_document(doc, CheckContext(today=today, environment=sub.environment))
        found += checks
    if doc is None or decide(found) == Outcome.REJECTED:
        return Result(rejected(vacancy_id, found))
    canonical = doc.canonical()
    digest = content_digest(canonical)
    # decide
    if sub.dry_run:
        plan, window_found = publication.plan_upsert(
            doc.publication, digest, vacancy_get(sub.partner, sub.environment, vacancy_id), today
        )
        if plan is None:
            return Result(rejected(vacancy_id, found + window_found))
        found += plan.messages
        return Result(result(vacancy_id, found, 200, outcome=decide(found), status=plan.status, version=plan.version))
    # apply and record, in one transaction with the vacancy's row locked
    for attempt in range(2):  # a concurrent first PUT of the same id makes the loser update instead
        try:
            with transaction.atomic():
                existing = (
                    Vacancy.objects.select_for_update(of=("self",))
                    .filter(partner=sub.partner, environment=sub.environment, vacancy_id=vacancy_id)
                    .first()
                )
                if existing is not None:
                    existing.partner = sub.partner  # already loaded; saves a join and a lock on it
                    services.vacancy_settle(vacancy=existing, today=today)
                plan, window_found = publication.plan_upsert(doc.publication, digest, existing, today)
                if plan is None:
                    return Result(rejected(vacancy_id, found + window_found))
                vacancy = services.vacancy_upsert(
                    partner=sub.partner,
                    environment=sub.environment,
                    vacancy_id=vacancy_id,
                    canonical=canonical,
                    digest=digest,
                    plan=plan,
                    existing=existing,
                    transfer_id=transfer_id,
                    actor=Actor.partner(sub.partner.supplier_id),
                    quality=score_document(doc, found),
                )
                found += plan.messages
                created = existing is None
                tr = result(
                    vacancy_id,
                    found,
                    201 if created else 200,
                    outcome=decide(found),
                    status=vacancy.status,
                    version=vacancy.version,
                )
                return Result(tr, created=created)
        except IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")


def _unsaved(**fields: Any) -> TransferResult:
    """A result that is shown but not recorded (dry runs, bodies that name no vacancy)."""
    fields["messages"] = [msg.to_record() for msg in fields["messages"]]
    fields.pop("raw_payload", None)
    return TransferResult(**fields)


# --- actions -------------------------------------------------------------------------------


class CloseBody(Part):
    reason: str  # checked below, so that a wrong reason is a coded message


class RepublishBody(Part):
    end: IsoDate | None = None


CLOSE_REASONS = ("filled", "cancelled")


def act(
    *,
    partner: Partner,
    environment: str,
    vacancy_id: str,
    action: TransferAction,
    body: bytes = b"",
    content_type: str = "",
) -> Result:
    """Close, republish or withdraw a vacancy; always records one transfer result."""
    transfer_id = public_id("tr")
    received_at = clock.now()
    actor = Actor.partner(partner.supplier_id)
    raw_text = body.decode("utf-8", errors="replace")

    def record(outcome: Outcome, found: Sequence[Message], status: int, vacancy: Vacancy | None) -> TransferResult:
        return services.transfer_result_record(
            status=effective_status(vacancy, clock.today()) if vacancy else "",
            version=vacancy.version if vacancy else None,
            transfer_id=transfer_id,
            partner=partner,
            environment=environment,
            vacancy_id=vacancy_id,
            action=action,
            outcome=outcome,
            messages=_sorted(found),
            received_at=received_at,
            http_status=status,
            raw_payload=raw_text,
            content_type=content_type,
        )

    payload: dict[str, Any] = {}
    if body.strip():
        try:
            parsed = parse_body(body, content_type).data
        except ParseError as exc:
            msg = Message(exc.problem.code, Severity.ERROR, "", exc.params)
            status = exc.problem.status or 400
            return Result(
                record(Outcome.REJECTED, [msg], status, vacancy_get(partner, environment, vacancy_id)), problem=exc
            )
        payload = parsed if isinstance(parsed, dict) else {"": parsed}

    found: list[Message] = []
    reason, end = "", None
    try:
        if action == TransferAction.CLOSE:
            reason = CloseBody.model_validate(payload).reason
            if reason not in CLOSE_REASONS:
                found = [m.INVALID_VALUE("/reason", expected=" | ".join(CLOSE_REASONS))]
        elif action == TransferAction.REPUBLISH:
            end = RepublishBody.model_validate(payload).end
        elif payload:
            found = [m.UNKNOWN_FIELD("/" + next(iter(payload)))]
    except ValidationError as exc:
        found = structure_messages(exc)

    with transaction.atomic():
        vacancy = (
            Vacancy.objects.select_for_update(of=("self",))
            .filter(partner=partner, environment=environment, vacancy_id=vacancy_id)
            .first()
        )
        if vacancy is None:
            return Result(record(Outcome.REJECTED, [m.NOT_FOUND("", vacancy_id=vacancy_id)], 404, None), not_found=True)
        vacancy.partner = partner
        if found:
            return Result(record(Outcome.REJECTED, found, 422, vacancy))
        try:
            if action == TransferAction.CLOSE:
                services.vacancy_close(vacancy=vacancy, reason=reason, actor=actor)
            elif action == TransferAction.REPUBLISH:
                window, found = publication.republish_window(end, clock.today())
                if window is None:
                    return Result(record(Outcome.REJECTED, found, 422, vacancy))
                services.vacancy_republish(vacancy=vacancy, window=window, actor=actor)
            else:
                services.vacancy_withdraw(vacancy=vacancy, actor=actor)
        except services.TransitionNotAllowedError as exc:
            msg = m.ACTION_NOT_ALLOWED("", action=exc.action, status=exc.status)
            return Result(record(Outcome.REJECTED, [msg], 409, vacancy), conflict=True)
        return Result(record(Outcome.ACCEPTED, [], 200, vacancy))
