"""The one pipeline for every vacancy input:

    bytes → parse → canonical VacancyDocument → validate → decide → apply → record

`check` does the part without database writes (parse result → document → every check);
`apply_items` decides, applies and records a list of checked items in one transaction. A PUT
is a list of one, a batch chunk a few hundred, and a dry run stops before applying. Actions
(close, republish, withdraw) share the record step.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from pydantic import ValidationError

from werkpost.core import clock
from werkpost.core.audit import Actor
from werkpost.core.bulk import Serialised, new
from werkpost.core.errors import INTERNAL_ERROR
from werkpost.core.ids import public_id
from werkpost.core.messages import Message, Severity, messages_bounded
from werkpost.partners.models import Partner
from werkpost.vacancies import messages as m
from werkpost.vacancies import publication, services
from werkpost.vacancies.document import (
    VACANCY_ID_RE,
    IsoDate,
    Part,
    Publication,
    VacancyDocument,
    canonical_json,
    content_digest,
)
from werkpost.vacancies.models import Batch, Outcome, TransferAction, TransferResult, Vacancy
from werkpost.vacancies.parsing import Parsed, ParseError, parse_body
from werkpost.vacancies.selectors import effective_status, vacancy_get
from werkpost.vacancies.validation import (
    CheckContext,
    pointer,
    score_document,
    structure_messages,
    validate_document,
)

log = logging.getLogger(__name__)

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


def _records(found: Sequence[Message], parsed: Parsed | None = None) -> list[dict[str, Any]]:
    """Messages as a transfer result stores them: errors first, bounded in number and size."""
    return [msg.to_record() for msg in _located(messages_bounded(_sorted(found)), parsed)]


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


@dataclass
class Item:
    """One vacancy input on its way through the pipeline (a PUT, a dry run or a batch item)."""

    parsed: Parsed | ParseError
    received_at: dt.datetime
    content_type: str
    raw_text: str
    vacancy_id: str = ""
    doc: VacancyDocument | None = None
    found: list[Message] = field(default_factory=list)
    canonical: dict[str, Any] = field(default_factory=dict)
    digest: str = ""
    quality: dict[str, Any] = field(default_factory=dict)
    batch_index: int | None = None
    valid: bool = False  # set by `check`: a document without errors, to plan and apply
    publication: Publication | None = None  # the document's publication part: all that applying reads of it

    @property
    def problem(self) -> ParseError | None:
        return self.parsed if isinstance(self.parsed, ParseError) else None

    def failed(self, vacancy_id: str | None = None) -> Item:
        """This item as a rejection for an unexpected failure while handling it (logged with its
        traceback): the item still gets its one result, and the others in its batch go on."""
        self.parsed = ParseError(INTERNAL_ERROR)
        self.vacancy_id = self.vacancy_id or vacancy_id or ""
        self.found = [INTERNAL_ERROR("")]
        self.doc, self.valid, self.publication = None, False, None
        return self

    def detached(self) -> Item:
        """The checked item without what only checking needed (the parsed data, the document
        model), so it is cheap to hand to another process for applying. In place: a helper
        sends the item on and never reads it again."""
        if isinstance(self.parsed, Parsed):  # what applying reads of it: the XPaths of an XML input
            self.parsed = Parsed(None, self.parsed.xpaths) if self.parsed.xpaths else _NOTHING_PARSED
        self.doc = None
        return self


_NOTHING_PARSED = Parsed(None)  # one object: pickled once per chunk of detached items


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def _bad_characters(value: Any, path: str = "") -> Iterator[Message]:
    """Control characters (NUL above all) and lone surrogates, in keys or values: text we could
    neither store nor show."""
    if isinstance(value, str):
        if _CONTROL.search(value):
            yield m.INVALID_CHARACTER(path)
    elif isinstance(value, dict):
        for key, item in value.items():
            if _CONTROL.search(key):
                yield m.INVALID_CHARACTER(path)  # the key itself cannot be named in a pointer
            else:
                yield from _bad_characters(item, path + pointer([key]))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _bad_characters(item, f"{path}/{index}")


def _structure(
    data: Any, vacancy_id: str | None, *, plain_text: bool = False
) -> tuple[str, VacancyDocument | None, list[Message]]:
    found: list[Message] = [] if plain_text else list(_bad_characters(data))
    if found:
        return vacancy_id or "", None, found
    body_id = data.pop("vacancyId", None) if isinstance(data, dict) else None
    if vacancy_id is not None:  # PUT: the URL names the vacancy; a body may repeat it
        if not VACANCY_ID_RE.match(vacancy_id):
            found.append(m.INVALID_VACANCY_ID("/vacancyId"))
        if body_id is not None and body_id != vacancy_id:
            found.append(m.VACANCY_ID_MISMATCH("/vacancyId", url=vacancy_id))
    elif body_id is None:  # POST /validate and batch items carry the id in the body
        vacancy_id = ""
        found.append(m.REQUIRED("/vacancyId"))
    elif not isinstance(body_id, str):
        vacancy_id = ""
        found.append(m.WRONG_TYPE("/vacancyId", expected="text"))
    elif not VACANCY_ID_RE.match(body_id):
        vacancy_id = ""
        found.append(m.INVALID_VACANCY_ID("/vacancyId"))
    else:
        vacancy_id = body_id
    try:
        doc = VacancyDocument.model_validate(data)
    except ValidationError as exc:
        return vacancy_id, None, found + structure_messages(exc)
    return vacancy_id, doc, found


def check(item: Item, vacancy_id: str | None, context: CheckContext) -> Item:
    """Parse result → canonical document → every check (no database writes). `vacancy_id`
    comes from the URL, or None when the document carries it (validate, batch items)."""
    try:
        return _check(item, vacancy_id, context)
    except Exception:
        log.exception("checking vacancy %r (batch item %s) failed", item.vacancy_id or vacancy_id, item.batch_index)
        return item.failed(vacancy_id)


def _check(item: Item, vacancy_id: str | None, context: CheckContext) -> Item:
    if item.problem is not None:
        item.vacancy_id = vacancy_id or ""
        item.found = [Message(item.problem.problem.code, Severity.ERROR, "", item.problem.params)]
        return item
    assert isinstance(item.parsed, Parsed)
    item.vacancy_id, doc, found = _structure(item.parsed.data, vacancy_id, plain_text=item.parsed.plain_text)
    found = item.parsed.messages + found
    if doc is not None:
        doc, checks = validate_document(doc, context)
        found += checks
    item.doc, item.found = doc, found
    item.valid = doc is not None and decide(found) != Outcome.REJECTED
    if item.valid and doc is not None:
        item.publication = doc.publication
        # Serialised once, here: the text is hashed and, in a batch, written as it is.
        canonical = doc.canonical()
        text = canonical_json(canonical)
        item.canonical, item.digest = Serialised(canonical, text), content_digest(text)
        quality = score_document(doc, found)
        item.quality = Serialised(quality, json.dumps(quality))
    return item


def _result(
    item: Item,
    partner: Partner,
    environment: str,
    *,
    http_status: int,
    outcome: Outcome = Outcome.REJECTED,
    status: str = "",
    version: int | None = None,
    found: Sequence[Message] | None = None,
    transfer_id: str | None,
    batch: Batch | None = None,
) -> TransferResult:
    return transfer_result_new(
        partner=partner,
        environment=environment,
        vacancy_id=item.vacancy_id,
        action=TransferAction.UPSERT,
        outcome=outcome,
        found=item.found if found is None else found,
        http_status=http_status,
        received_at=item.received_at,
        transfer_id=transfer_id,
        status=status,
        version=version,
        raw_text=item.raw_text,
        content_type=item.content_type,
        batch=batch,
        batch_index=item.batch_index,
        parsed=item.parsed if isinstance(item.parsed, Parsed) else None,
    )


def transfer_result_new(
    *,
    partner: Partner,
    environment: str,
    vacancy_id: str,
    action: TransferAction,
    outcome: Outcome,
    found: Sequence[Message],
    http_status: int,
    received_at: dt.datetime,
    transfer_id: str | None,
    status: str = "",
    version: int | None = None,
    raw_text: str = "",
    content_type: str = "",
    batch: Batch | None = None,
    batch_index: int | None = None,
    parsed: Parsed | None = None,
) -> TransferResult:
    """A transfer result, unsaved: the one place where one is built (a PUT, a batch item, a dry
    run, an action, a close by the PES), so that every result bounds and orders its messages the
    same way. Without `transfer_id` it is shown but never recorded (a dry run)."""
    return new(
        TransferResult,
        transfer_id=transfer_id or "",
        partner=partner,
        environment=environment,
        vacancy_id=vacancy_id,
        action=action,
        outcome=outcome,
        status=status,
        version=version,
        messages=_records(found, parsed),
        received_at=received_at,
        http_status=http_status,
        raw_payload=raw_text,
        content_type=content_type,
        batch=batch,
        batch_index=batch_index,
    )


def plan(item: Item, existing: Vacancy | None, today: dt.date) -> tuple[publication.UpsertPlan | None, list[Message]]:
    """What applying a checked item does to the stored vacancy, and every message its result
    carries. One function for a PUT, a batch item and a dry run, so they cannot drift apart.
    No plan: the item is rejected."""
    if not item.valid:
        return None, item.found
    try:
        upsert, window_found = publication.plan_upsert(item.publication, item.digest, existing, today)
    except Exception:
        log.exception("planning vacancy %r (batch item %s) failed", item.vacancy_id, item.batch_index)
        return None, item.failed().found
    return upsert, item.found + (upsert.messages if upsert else window_found)


def _rejected(
    item: Item,
    partner: Partner,
    environment: str,
    found: Sequence[Message],
    existing: Vacancy | None,
    today: dt.date,
    *,
    transfer_id: str | None,
    batch: Batch | None = None,
) -> TransferResult:
    return _result(
        item,
        partner,
        environment,
        http_status=(item.problem.problem.status or 400) if item.problem else 422,
        found=found,
        transfer_id=transfer_id,
        status=effective_status(existing, today) if existing else "",
        version=existing.version if existing else None,
        batch=batch,
    )


def apply_items(
    partner: Partner,
    environment: str,
    items: Sequence[Item],
    *,
    today: dt.date,
    batch: Batch | None = None,
    actor: Actor | None = None,
    notes: Sequence[Message] = (),
) -> list[TransferResult]:
    """Decide, apply and record checked items in one transaction: the vacancies they name are
    locked and read once, accepted documents written in bulk, one result recorded per item.
    The actor is the partner unless given (a correction by the PES, which adds its `notes` to
    each accepted item's result).

    An item that makes applying fail unexpectedly does not take the others down: the items are
    applied again one by one, and the one that fails alone is recorded as rejected with
    `server.internal_error`. A failing database is no item's fault and is raised."""
    actor = actor or Actor.partner(partner.supplier_id)
    try:
        return _apply_items_retried(partner, environment, items, today, batch, actor, notes)
    except (OperationalError, InterfaceError):
        raise
    except Exception:
        if len(items) > 1:
            log.warning("applying %s items failed; applying them one by one", len(items), exc_info=True)
            return [
                result
                for item in items
                for result in apply_items(
                    partner, environment, [item], today=today, batch=batch, actor=actor, notes=notes
                )
            ]
        if items[0].problem is not None and items[0].problem.problem is INTERNAL_ERROR:
            raise  # even recording the failure failed
        log.exception("applying vacancy %r (batch item %s) failed", items[0].vacancy_id, items[0].batch_index)
        return _apply_items_retried(partner, environment, [items[0].failed()], today, batch, actor, notes)


def _apply_items_retried(
    partner: Partner,
    environment: str,
    items: Sequence[Item],
    today: dt.date,
    batch: Batch | None,
    actor: Actor,
    notes: Sequence[Message],
) -> list[TransferResult]:
    for attempt in range(2):  # a concurrent first PUT of the same id makes the loser update instead
        try:
            with transaction.atomic():
                return _apply_items(partner, environment, items, today, batch, actor, notes)
        except IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")


def _apply_items(
    partner: Partner,
    environment: str,
    items: Sequence[Item],
    today: dt.date,
    batch: Batch | None,
    actor: Actor,
    notes: Sequence[Message],
) -> list[TransferResult]:
    # Lock order: the partner, then its vacancies, as the sanctions do (a partner taken offline
    # locks its vacancies under the partner's lock); vacancies first could deadlock with them.
    # Recording the results locks the partner anyway, so this only takes that lock earlier.
    Partner.objects.select_for_update().filter(pk=partner.pk).values_list("pk", flat=True).first()
    named = {item.vacancy_id for item in items if VACANCY_ID_RE.match(item.vacancy_id)}
    current: dict[str, Vacancy] = {}
    if named:
        for vacancy in Vacancy.objects.select_for_update(of=("self",)).filter(
            partner=partner, environment=environment, vacancy_id__any_of=named
        ):
            vacancy.partner = partner  # already loaded; saves a join and a lock on it
            current[vacancy.vacancy_id] = services.vacancy_settle(vacancy=vacancy, today=today)
    now = clock.now()
    results, changes = [], []
    for item in items:
        transfer_id = public_id("tr")
        existing = current.get(item.vacancy_id)
        upsert, found = plan(item, existing, today)
        if upsert is None:
            results.append(
                _rejected(item, partner, environment, found, existing, today, transfer_id=transfer_id, batch=batch)
            )
            continue
        change = services.vacancy_plan_apply(
            vacancy=existing,
            partner=partner,
            environment=environment,
            vacancy_id=item.vacancy_id,
            plan=upsert,
            canonical=item.canonical,
            digest=item.digest,
            transfer_id=transfer_id,
            quality=item.quality,
            now=now,
        )
        changes.append(change)
        current[item.vacancy_id] = change.vacancy
        if notes:
            found = [*found, *notes]
        results.append(
            _result(
                item,
                partner,
                environment,
                http_status=201 if change.created else 200,
                outcome=decide(found),
                status=change.vacancy.status,
                version=change.vacancy.version,
                found=found,
                transfer_id=transfer_id,
                batch=batch,
            )
        )
    services.vacancies_upsert(changes=changes, actor=actor)
    return services.transfer_results_record(results)


def submit(sub: Submission) -> Result:
    """Run one document through the whole pipeline (or all but apply/record for a dry run)."""
    today = clock.today()
    oversized = len(sub.body) > settings.WERKPOST_API_MAX_BODY_BYTES
    try:
        parsed: Parsed | ParseError = parse_body(sub.body, sub.content_type)
    except ParseError as exc:
        parsed = exc
    item = Item(
        parsed=parsed,
        received_at=sub.received_at,
        content_type=sub.content_type,
        raw_text="" if oversized else sub.body.decode("utf-8", errors="replace"),
    )
    check(item, sub.vacancy_id, CheckContext(today=today, environment=sub.environment))
    if sub.dry_run:
        return _dry_run(sub, item, today)
    if item.problem is not None and not item.vacancy_id:  # nothing named, nothing to record
        return Result(
            _result(
                item, sub.partner, sub.environment, http_status=item.problem.problem.status or 400, transfer_id=None
            ),
            problem=item.problem,
        )
    result = apply_items(sub.partner, sub.environment, [item], today=today)[0]
    return Result(result, created=result.http_status == 201, problem=item.problem)


def _dry_run(sub: Submission, item: Item, today: dt.date) -> Result:
    """The same decisions as a real PUT, without locks, writes or a recorded result."""
    existing = vacancy_get(sub.partner, sub.environment, item.vacancy_id) if item.vacancy_id else None
    upsert, found = plan(item, existing, today)
    if upsert is None:
        result = _rejected(item, sub.partner, sub.environment, found, existing, today, transfer_id=None)
        return Result(result, problem=item.problem)
    result = _result(
        item,
        sub.partner,
        sub.environment,
        http_status=200,
        outcome=decide(found),
        found=found,
        status=upsert.status,
        version=upsert.version,
        transfer_id=None,
    )
    return Result(result)


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
        result = transfer_result_new(
            partner=partner,
            environment=environment,
            vacancy_id=vacancy_id,
            action=action,
            outcome=outcome,
            found=found,
            http_status=status,
            received_at=received_at,
            transfer_id=transfer_id,
            status=effective_status(vacancy, clock.today()) if vacancy else "",
            version=vacancy.version if vacancy else None,
            raw_text=raw_text,
            content_type=content_type,
        )
        return services.transfer_results_record([result])[0]

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
