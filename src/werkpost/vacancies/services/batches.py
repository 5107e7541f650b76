"""Batches: many vacancies in one file (in a registered batch format: JSON Lines, an HR-XML
envelope), each item run through the one pipeline by the task worker.

Receiving streams the body to the spool dir, counts the items and refuses oversized files
before any work starts. Processing checks items outside any transaction and applies them in
chunks; a chunk's transfer results and the batch's progress commit together, and the
(batch, item index) constraint makes every item's result unique. A worker killed at any point
loses at most the chunk it was working on: a lease expires and the batch resumes after the
last committed chunk. Batches of different partners take turns.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import itertools
import logging
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import F, Q
from django.tasks import task
from django.utils.translation import gettext_lazy as _

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.errors import INTERNAL_ERROR, problem_type
from werkpost.core.ids import public_id
from werkpost.partners.models import Partner
from werkpost.vacancies.batch_formats import BatchFormatReader, Spooled, Unit, batch_format, batch_format_for
from werkpost.vacancies.models import Batch, BatchStatus, Outcome
from werkpost.vacancies.parallel import GC_THRESHOLDS, Pool, usable_cpus
from werkpost.vacancies.parsing import Parsed, ParseError, media_type
from werkpost.vacancies.pipeline import Item, apply_items, check
from werkpost.vacancies.validation import CheckContext

log = logging.getLogger(__name__)

CHUNK_ITEMS = 500  # items per transaction
TURN_SECONDS = 5.0  # how long a batch runs while another partner's batch waits
READ_BLOCK = 1024 * 1024


def lease() -> dt.timedelta:
    """How long a worker holds a batch without renewing it (each chunk renews it); after
    that the batch counts as abandoned and `batches_recover` queues it again."""
    return dt.timedelta(seconds=settings.WERKPOST_BATCH_LEASE_SECONDS)


TOO_LARGE = problem_type(
    "batch.too_large",
    413,
    _("The batch file is larger than %(limit)s bytes."),
    _("Batch files are limited in size so that every partner's batches are processed in time."),
    _("Split the file into several batches."),
)
TOO_MANY_ITEMS = problem_type(
    "batch.too_many_items",
    413,
    _("The batch holds %(count)s vacancies; at most %(limit)s are allowed."),
    _("A batch may hold a limited number of vacancies."),
    _("Split the file into several batches."),
)
EMPTY = problem_type(
    "batch.empty",
    400,
    _("The batch file holds no vacancies."),
    _("A batch needs at least one vacancy: one JSON document per line, or PositionOpening elements."),
    _("Check that the file is not empty and that the Content-Type matches its format."),
)
IDEMPOTENCY_CONFLICT = problem_type(
    "batch.idempotency_conflict",
    409,
    _("This Idempotency-Key was used for another file."),
    _("The same Idempotency-Key with the same file returns the first batch; with another file it is refused."),
    _("Use a new Idempotency-Key for every new file (for example a UUID)."),
)
UNSUPPORTED = problem_type(
    "batch.unsupported_media_type",
    415,
    _("Batches take application/x-ndjson or application/xml, not %(content_type)s."),
    _("A batch is a JSON Lines file (one vacancy per line, with its vacancyId) or an HR-XML envelope."),
    _("Send Content-Type: application/x-ndjson or application/xml."),
)


class BatchRefusedError(Exception):
    def __init__(self, problem: Any, **params: Any) -> None:
        super().__init__(problem.code)
        self.problem = problem
        self.params = params


def spool_dir() -> Path:
    path = Path(settings.WERKPOST_BATCH_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


# --- receiving -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    batch: Batch
    created: bool  # False: the same Idempotency-Key and file returned the existing batch


def batch_receive(
    *,
    partner: Partner,
    environment: str,
    stream: IO[bytes],
    content_type: str,
    length: int | None,
    idempotency_key: str = "",
) -> Received:
    """Spool the file, count its items, refuse what exceeds the limits, then create the batch
    and queue its processing (on commit)."""
    kind, _params = media_type(content_type)
    reader = batch_format_for(kind)
    if reader is None:
        raise BatchRefusedError(UNSUPPORTED, content_type=content_type or "(none)")
    limit = settings.WERKPOST_BATCH_MAX_BYTES
    if length is not None and length > limit:
        raise BatchRefusedError(TOO_LARGE, limit=limit)
    batch_id = public_id("ba")
    path = spool_dir() / f"{batch_id}.{reader.name}"
    try:
        size, digest, lines = _spool(stream, path, limit)
        count = _count(reader, Spooled(path, size, lines))
        if count == 0:
            raise BatchRefusedError(EMPTY)
        if count > settings.WERKPOST_BATCH_MAX_ITEMS:
            raise BatchRefusedError(TOO_MANY_ITEMS, count=count, limit=settings.WERKPOST_BATCH_MAX_ITEMS)
        if idempotency_key:
            earlier = Batch.objects.filter(
                partner=partner, environment=environment, idempotency_key=idempotency_key
            ).first()
            if earlier is not None:
                path.unlink(missing_ok=True)
                if earlier.sha256 != digest:
                    raise BatchRefusedError(IDEMPOTENCY_CONFLICT)
                return Received(earlier, created=False)
        with transaction.atomic():
            batch = Batch.objects.create(
                batch_id=batch_id,
                partner=partner,
                environment=environment,
                format=reader.name,
                file_name=path.name,
                size_bytes=size,
                sha256=digest,
                idempotency_key=idempotency_key,
                total=count,
                created_at=clock.now(),
            )
            audit_log(
                "vacancies.batch.received",
                actor=Actor.partner(partner.supplier_id),
                subject=batch,
                tenant=partner.supplier_id,
                data={"batchId": batch_id, "items": count, "bytes": size},
            )
            transaction.on_commit(lambda: _enqueue(batch.batch_id))
        return Received(batch, created=True)
    except IntegrityError:  # the same key arrived twice at once: answer like the earlier one
        path.unlink(missing_ok=True)
        earlier = Batch.objects.get(partner=partner, environment=environment, idempotency_key=idempotency_key)
        if earlier.sha256 != digest:
            raise BatchRefusedError(IDEMPOTENCY_CONFLICT) from None
        return Received(earlier, created=False)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _spool(stream: IO[bytes], path: Path, limit: int) -> tuple[int, str, int]:
    """Copy the body to disk in blocks: (size, sha256, number of non-empty lines: cheap here,
    and a line-based format then counts its items without a second pass)."""
    digest, size, lines = hashlib.sha256(), 0, 0
    pending = False  # the current line (which may span blocks) has content
    with path.open("wb") as out:
        while block := stream.read(READ_BLOCK):
            size += len(block)
            if size > limit:
                raise BatchRefusedError(TOO_LARGE, limit=limit)
            digest.update(block)
            out.write(block)
            *complete, rest = block.split(b"\n")
            for segment in complete:
                lines += pending or bool(segment.strip())
                pending = False
            pending = pending or bool(rest.strip())
    return size, digest.hexdigest(), lines + pending


def _count(reader: BatchFormatReader, spooled: Spooled) -> int:
    try:
        return reader.count(spooled)
    except ParseError as exc:
        raise BatchRefusedError(exc.problem, **exc.params) from None


def _enqueue(batch_id: str) -> None:
    process_batch.enqueue(batch_id)


# --- processing ------------------------------------------------------------------------------


def _units(batch: Batch, path: Path, *, portable: bool) -> Iterator[Unit]:
    """The items from where the batch stands. `portable`: units another process can take."""
    reader = batch_format(batch.format)
    return reader.units(path, index=batch.processed, offset=batch.resume_offset, portable=portable)


def _to_item(reader: BatchFormatReader, unit: Unit, received_at: dt.datetime) -> Item:
    index, source, _offset = unit
    raw = ""
    parsed: Parsed | ParseError
    try:
        raw = reader.raw_text(source)
        parsed = reader.parse(source)
    except ParseError as exc:
        parsed = exc
    except Exception:  # one item's failure is that item's result, never the batch's end
        log.exception("reading batch item %s failed", index)
        return Item(
            parsed=Parsed(None), received_at=received_at, content_type="", raw_text=raw, batch_index=index
        ).failed()
    return Item(parsed=parsed, received_at=received_at, content_type="", raw_text=raw, batch_index=index)


def _context(batch: Batch) -> CheckContext:
    return CheckContext(today=clock.today(), environment=batch.environment)


# What a helper gets: the format's name, the context, when the items were received, and the units.
Task = tuple[str, CheckContext, dt.datetime, list[Unit]]


def _check_units(job: Task) -> list[Item]:
    """Check a chunk of units (in a helper process): the items, detached for applying."""
    fmt, context, received_at, units = job
    reader = batch_format(fmt)
    return [check(_to_item(reader, unit, received_at), None, context).detached() for unit in units]


def _helpers(batch: Batch) -> int:
    """How many helper processes check items while the worker applies them: by default one per
    usable CPU, for batches of several chunks; 0 checks in the worker itself."""
    configured = settings.WERKPOST_BATCH_CHECK_PROCESSES
    helpers = (usable_cpus() if usable_cpus() > 1 else 0) if configured is None else int(configured)
    return helpers if batch.total - batch.processed >= 2 * CHUNK_ITEMS else 0


def _checked_chunks(batch: Batch, path: Path, helpers: int) -> Generator[tuple[list[Item], int]]:
    """Checked items in file order, CHUNK_ITEMS at a time, with the file offset after each
    chunk. A ParseError of the file itself is raised after the complete chunks before it.

    With helpers, the worker first checks the first item once (which loads the code tables and
    rule settings), then forks the helpers, which share what it loaded, for every chunk."""
    reader = batch_format(batch.format)
    units = _units(batch, path, portable=helpers > 0)
    if not helpers:
        while chunk := list(itertools.islice(units, CHUNK_ITEMS)):
            context = _context(batch)  # once per chunk, as for the helpers
            yield [check(_to_item(reader, unit, batch.created_at), None, context) for unit in chunk], chunk[-1][2]
        return
    first = list(itertools.islice(units, 1))
    if not first:
        return
    check(_to_item(reader, first[0], batch.created_at), None, _context(batch))  # warm-up only
    units = itertools.chain(first, units)
    offsets: list[int] = []

    def tasks() -> Iterator[Task]:
        while chunk := list(itertools.islice(units, CHUNK_ITEMS)):
            offsets.append(chunk[-1][2])
            yield batch.format, _context(batch), batch.created_at, chunk

    with Pool(_check_units, helpers) as pool:
        for position, items in enumerate(pool.map(tasks())):
            yield items, offsets[position]


def _claim(batch_pk: int) -> bool:
    now = clock.now()
    claimed = Batch.objects.filter(
        Q(lease_until__isnull=True) | Q(lease_until__lt=now),
        pk=batch_pk,
        status__in=[BatchStatus.RECEIVED, BatchStatus.PROCESSING],
    ).update(status=BatchStatus.PROCESSING, lease_until=now + lease())
    if claimed:
        Batch.objects.filter(pk=batch_pk, started_at__isnull=True).update(started_at=now)
    return bool(claimed)


def batch_process(*, batch_id: str, others_waiting: Callable[[Batch], bool] | None = None) -> str:
    """Process a batch from where it stands until it is done, or until its turn is over while
    another partner's batch waits (then it is queued again). Returns the batch status."""
    batch = Batch.objects.select_related("partner").filter(batch_id=batch_id).first()
    if batch is None or not _claim(batch.pk):
        return batch.status if batch else "missing"
    batch.refresh_from_db()
    path = spool_dir() / batch.file_name
    waiting = others_waiting or _other_partner_waiting
    started = time.monotonic()
    chunks = _checked_chunks(batch, path, _helpers(batch))
    thresholds = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)  # as in the helpers, for the worker's own share
    try:
        for chunk, offset in chunks:
            _commit_chunk(batch, chunk, offset)
            if time.monotonic() - started > TURN_SECONDS and waiting(batch):
                Batch.objects.filter(pk=batch.pk).update(lease_until=None)
                transaction.on_commit(lambda: _enqueue(batch.batch_id))
                return BatchStatus.PROCESSING
    except ParseError as exc:  # the file broke off mid-way (e.g. malformed XML): what was read is kept
        return _finish(batch, BatchStatus.FAILED, exc.problem.code)
    except (OperationalError, InterfaceError):
        raise  # the database, not the batch: the lease runs out and the batch resumes
    except Exception:
        # Items fail one by one (pipeline), so this is the batch itself: requeued, it would
        # fail again every minute for ever. What was committed is kept.
        log.exception("batch %s failed", batch.batch_id)
        return _finish(batch, BatchStatus.FAILED, INTERNAL_ERROR.code)
    finally:
        chunks.close()  # stops the helpers
        gc.set_threshold(*thresholds)
    return _finish(batch, BatchStatus.DONE)


@task
def process_batch(batch_id: str) -> str:
    """The task that runs batch_process: queued when a batch arrives, after its turn, and by
    batches_recover. Defined here, beside what queues it (vacancies.tasks holds the periodic
    jobs, which call this module), so neither module imports the other inside a function."""
    return batch_process(batch_id=batch_id)


def _commit_chunk(batch: Batch, chunk: list[Item], offset: int) -> None:
    with transaction.atomic():
        results = apply_items(batch.partner, batch.environment, chunk, today=clock.today(), batch=batch)
        outcomes = [r.outcome for r in results]
        Batch.objects.filter(pk=batch.pk).update(
            processed=F("processed") + len(results),
            accepted=F("accepted") + outcomes.count(Outcome.ACCEPTED),
            accepted_with_warnings=F("accepted_with_warnings") + outcomes.count(Outcome.ACCEPTED_WITH_WARNINGS),
            rejected=F("rejected") + outcomes.count(Outcome.REJECTED),
            resume_offset=offset,
            lease_until=clock.now() + lease(),
        )
    batch.processed += len(chunk)


def _finish(batch: Batch, status: BatchStatus, error_code: str = "") -> str:
    with transaction.atomic():
        Batch.objects.filter(pk=batch.pk).update(
            status=status, error_code=error_code, finished_at=clock.now(), lease_until=None
        )
        batch.refresh_from_db()
        audit_log(
            f"vacancies.batch.{status}",
            actor=Actor.system("worker"),
            subject=batch,
            tenant=batch.partner.supplier_id,
            data={
                "batchId": batch.batch_id,
                "processed": batch.processed,
                "rejected": batch.rejected,
                "error": error_code,
            },
        )
    # The file holds personal data (contact names); results and payloads of rejected items stay.
    (spool_dir() / batch.file_name).unlink(missing_ok=True)
    return status


def _other_partner_waiting(batch: Batch) -> bool:
    return Batch.objects.filter(status=BatchStatus.RECEIVED).exclude(partner_id=batch.partner_id).exists()


def batches_recover() -> int:
    """Queue again every unfinished batch whose worker stopped renewing its lease (killed,
    restarted) or whose task was lost. Idempotent: a batch is only ever claimed by one worker."""
    now = clock.now()
    stale = Batch.objects.filter(
        Q(status=BatchStatus.PROCESSING, lease_until__lt=now)
        | Q(status=BatchStatus.PROCESSING, lease_until__isnull=True)
        | Q(status=BatchStatus.RECEIVED, created_at__lt=now - lease())
    ).values_list("batch_id", flat=True)
    ids = list(stale)
    for batch_id in ids:
        _enqueue(batch_id)
    return len(ids)


def spool_cleanup() -> int:
    """Remove spool files of batches that no longer exist (e.g. a crash between spooling and
    creating the batch)."""
    known = set(
        Batch.objects.exclude(status__in=[BatchStatus.DONE, BatchStatus.FAILED]).values_list("file_name", flat=True)
    )
    removed = 0
    cutoff = time.time() - 3600
    for path in spool_dir().iterdir():
        if path.name not in known and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
