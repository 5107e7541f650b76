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
from functools import cache
from operator import attrgetter
from typing import Any

from django.db import connections, models, router

COPY_MIN_ROWS = 20  # below this an INSERT is as fast, and a single PUT stays one statement


class Serialised(dict[str, Any]):
    """A JSON object that carries its own JSON text, made once where the object was built (for
    a batch item: in a check helper, where the text was needed for the content digest anyway),
    so that writing it by COPY does not serialise it again. Everywhere else it is a dict."""

    __slots__ = ("text",)

    def __init__(self, value: dict[str, Any], text: str) -> None:
        super().__init__(value)
        self.text = text

    def __reduce__(self) -> tuple[Any, ...]:
        # Between processes only the text travels: pickling the nested dict as well cost four
        # times as much as parsing the text again.
        return _serialised, (self.text,)


def _serialised(text: str) -> Serialised:
    return Serialised(json.loads(text), text)


def new[M: models.Model](model: type[M], **values: Any) -> M:
    """`model(**values)` for the rows a batch appends by the thousand: Django's generic
    Model.__init__ costs ~15-20 µs per object, this a fraction of it. Fields not given get
    their default; a related object given by field name is cached as `model(...)` would."""
    defaults, factories, relations = _blank(model)
    obj = model.__new__(model)
    state = obj.__dict__
    state.update(defaults)
    obj._state = models.base.ModelState()
    for name, value in values.items():
        attname = relations.get(name)
        if attname is None:
            state[name] = value
        else:
            state[attname] = None if value is None else value.pk
            obj._state.fields_cache[name] = value
    for attname, field in factories:
        if attname not in values:
            state[attname] = field.get_default()  # a fresh dict or list for each object
    return obj


@cache
def _blank(model: type[models.Model]) -> tuple[dict[str, Any], list[tuple[str, Any]], dict[str, str]]:
    """Constant defaults by attname, the fields whose default is made per object, and the
    attname of each foreign key by field name."""
    defaults: dict[str, Any] = {}
    factories: list[tuple[str, Any]] = []
    relations: dict[str, str] = {}
    for field in model._meta.concrete_fields:
        if field.is_relation:
            relations[field.name] = field.attname
        if field.has_default() and callable(field.default):
            factories.append((field.attname, field))
        else:
            defaults[field.attname] = field.get_default()
    return defaults, factories, relations


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
    columns, row_of = _row_writer(model, alias)
    _prepare_related(model, objs)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [opts.db_table, str(pk.column), len(objs)],
        )
        for obj, (pk_value,) in zip(objs, cursor.fetchall(), strict=True):
            setattr(obj, pk.attname, pk_value)
        sql = f"COPY {quote(opts.db_table)} ({', '.join(quote(column) for column in columns)}) FROM STDIN"
        with connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
            for obj in objs:
                copy.write_row(row_of(obj))
    for obj in objs:
        obj._state.adding = False
        obj._state.db = alias
    return objs


def _prepare_related(model: type[models.Model], objs: Sequence[models.Model]) -> None:
    """What Model._prepare_related_fields_for_save does for foreign keys, at a fifth of the cost:
    a related object saved after it was assigned gives its pk now; an unsaved one is refused."""
    relations = _relations(model)
    for obj in objs:
        cache = obj._state.fields_cache
        if not cache:
            continue
        state = obj.__dict__
        for name, attname, target in relations:
            related = cache.get(name)
            if related is None:
                continue
            value = getattr(related, target)
            if value is None:
                raise ValueError(
                    f"bulk_insert() prohibited to prevent data loss due to unsaved related object '{name}'."
                )
            if state[attname] is None:
                state[attname] = value
            elif state[attname] != value:
                del cache[name]  # the key was set to another object since: the key wins, as in Django


@cache
def _relations(model: type[models.Model]) -> list[tuple[str, str, str]]:
    return [
        (field.name, field.attname, field.target_field.attname)
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey)
    ]


# Fields whose Python value psycopg writes as it is (Django's get_db_prep_save returns it
# unchanged for these on PostgreSQL), when the value has one of the plain types below.
_PLAIN_FIELDS = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.DateField,  # DateTimeField is a DateField, but `aware` handles it first
    models.ForeignKey,
    models.AutoField,
    models.BigAutoField,
)
_PLAIN_VALUES = (str, int, bool, dt.date, type(None))


@cache
def _row_writer(model: type[models.Model], alias: str) -> tuple[list[str], Callable[[models.Model], list[Any]]]:
    """The columns of `model` and obj → the row COPY writes: all attributes read in one go,
    then converted only where Django would convert them (JSON, naive or odd values)."""
    connection = connections[alias]
    fields = list(model._meta.concrete_fields)
    read = attrgetter(*(field.attname for field in fields))
    fixes: list[tuple[int, Callable[[models.Model, Any], Any]]] = []
    for index, field in enumerate(fields):
        fix = _converter(field, connection)
        if fix is not None:
            fixes.append((index, fix))

    def row_of(obj: models.Model) -> list[Any]:
        row = list(read(obj))
        for index, fix in fixes:
            row[index] = fix(obj, row[index])
        return row

    return [str(field.column) for field in fields], row_of


def _converter(field: Any, connection: Any) -> Callable[[models.Model, Any], Any] | None:
    """(obj, value) → the value COPY writes for `field`, or None when the value goes as it is."""

    def generic(obj: models.Model, value: Any) -> Any:
        return field.get_db_prep_save(field.pre_save(obj, True), connection=connection)

    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return generic
    if isinstance(field, models.JSONField):
        encoder = field.encoder

        def json_value(obj: models.Model, value: Any) -> Any:
            if isinstance(value, Serialised):
                return value.text
            return None if value is None else json.dumps(value, cls=encoder)

        return json_value
    if isinstance(field, models.DateTimeField):

        def aware(obj: models.Model, value: Any) -> Any:
            return generic(obj, value) if isinstance(value, dt.datetime) and value.tzinfo is None else value

        return aware
    if isinstance(field, _PLAIN_FIELDS):

        def plain(obj: models.Model, value: Any) -> Any:
            return value if isinstance(value, _PLAIN_VALUES) else generic(obj, value)

        return plain
    return generic
