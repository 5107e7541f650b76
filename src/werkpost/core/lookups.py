"""`field__any_of=[…]`: `IN (…)` for many values, as one array parameter on PostgreSQL.

A batch chunk looks up a few hundred vacancies at once. With `__in`, every value is its own
placeholder, and psycopg splits and converts the long query text in Python on each call; as
`= ANY(%s)` the list is one parameter. Elsewhere it is exactly `__in`."""

from __future__ import annotations

from typing import Any

from django.db.models import CharField
from django.db.models.lookups import In


@CharField.register_lookup
class AnyOf(In):
    lookup_name = "any_of"

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*lhs_params, list(self.rhs)]
