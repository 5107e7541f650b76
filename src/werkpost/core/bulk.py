"""Appending many rows at once: `bulk_insert` is `bulk_create` for append-only rows, with
PostgreSQL's COPY for large lists.

Django's bulk_create on PostgreSQL sends every column as one array parameter; psycopg builds
those arrays in Python, which for JSON documents costs more than everything else in a batch
chunk. COPY streams the same rows in PostgreSQL's text format instead. The primary keys are
taken from the table's sequence first (in order, in the caller's transaction), so the objects
get their `pk` exactly as with bulk_create, and rows keep their order. Unique violations raise
Django's IntegrityError as usual.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connections, models, router

COPY_MIN_ROWS = 20  # below this an INSERT is as fast, and a single PUT stays one statement


def bulk_insert[M: models.Model](model: type[M], objs: Sequence[M]) -> list[M]:
    """Insert new objects (their pk unset) and set their pk; returns them."""
    objs = list(objs)
    alias = router.db_for_write(model)
    connection = connections[alias]
    if connection.vendor != "postgresql" or len(objs) < COPY_MIN_ROWS:
        return model._default_manager.using(alias).bulk_create(objs)
    opts = model._meta
    pk = opts.pk
    assert isinstance(pk, models.AutoField | models.BigAutoField | models.SmallAutoField)
    quote = connection.ops.quote_name
    fields = list(opts.concrete_fields)
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_insert")  # type: ignore[attr-defined]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [opts.db_table, str(pk.column), len(objs)],
        )
        for obj, (pk_value,) in zip(objs, cursor.fetchall(), strict=True):
            setattr(obj, pk.attname, pk_value)
        columns = ", ".join(quote(str(field.column)) for field in fields)
        sql = f"COPY {quote(opts.db_table)} ({columns}) FROM STDIN"
        convert = [_converter(field, connection) for field in fields]
        with connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
            for obj in objs:
                copy.write_row([to_db(obj) for to_db in convert])
    for obj in objs:
        obj._state.adding = False
        obj._state.db = alias
    return objs


# Fields whose Python value psycopg writes as it is (Django's get_db_prep_save returns it
# unchanged for these on PostgreSQL), when the value has one of the plain types below.
_PLAIN_FIELDS = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.DateField,  # DateTimeField too
    models.ForeignKey,
    models.AutoField,
    models.BigAutoField,
)
_PLAIN_VALUES = (str, int, bool, dt.date, type(None))


def _converter(field: Any, connection: Any) -> Callable[[models.Model], Any]:
    """obj → the value COPY writes for `field`: Django's own conversion, with shortcuts for
    plain values and JSON (serialised here, in the text form COPY reads)."""
    attname = field.attname

    def generic(obj: models.Model) -> Any:
        return field.get_db_prep_save(field.pre_save(obj, True), connection=connection)

    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return generic
    if isinstance(field, models.JSONField):
        encoder = field.encoder

        def json_value(obj: models.Model) -> Any:
            value = getattr(obj, attname)
            return None if value is None else json.dumps(value, cls=encoder)

        return json_value
    if isinstance(field, _PLAIN_FIELDS):

        def plain(obj: models.Model) -> Any:
            value = getattr(obj, attname)
            if not isinstance(value, _PLAIN_VALUES) or (isinstance(value, dt.datetime) and value.tzinfo is None):
                return generic(obj)  # e.g. a naive datetime, which Django makes aware
            return value

        return plain
    return generic
