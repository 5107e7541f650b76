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

from collections.abc import Sequence

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
        with connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
            for obj in objs:
                copy.write_row(
                    [field.get_db_prep_save(field.pre_save(obj, True), connection=connection) for field in fields]
                )
    for obj in objs:
        obj._state.adding = False
        obj._state.db = alias
    return objs
