"""Fast inserts and updates for large imports.

`bulk_create` compiles every row through Django's SQL compiler, which dominates the time of a
35,000-row import. Here each field still prepares its value exactly as Django would
(`pre_save`, then `get_db_prep_save`), but rows go to the driver in one `executemany` per batch.
Use only for plain new rows of one concrete model: no signals are sent, no ids are fetched back
(give the objects their keys beforehand, as UUID defaults do).
"""

from collections.abc import Sequence
from typing import Any

from django.db import connection, models


def _insert_sql(model: type[models.Model], fields: Sequence[models.Field]) -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(f.column)) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    return f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608 (names from the model)


def bulk_insert(model: type[models.Model], objects: Sequence[models.Model], *, batch_size: int = 5000) -> int:
    """Insert `objects` (new rows of `model`) and return how many."""
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and f.get_default() is None)]
    sql = _insert_sql(model, fields)
    with connection.cursor() as cursor:
        for start in range(0, len(objects), batch_size):
            rows = [
                [field.get_db_prep_save(field.pre_save(obj, add=True), connection) for field in fields]
                for obj in objects[start : start + batch_size]
            ]
            cursor.executemany(sql, rows)
    return len(objects)


def bulk_insert_values(
    model: type[models.Model], names: Sequence[str], rows: Sequence[Sequence[Any]], *, batch_size: int = 5000
) -> int:
    """Insert rows given as plain values for the fields `names`, skipping model instances
    altogether (their construction is the next largest cost after SQL compilation)."""
    fields = [model._meta.get_field(name) for name in names]
    sql = _insert_sql(model, fields)  # type: ignore[arg-type]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            prepared = [
                [field.get_db_prep_save(value, connection) for field, value in zip(fields, row, strict=True)]  # type: ignore[union-attr]
                for row in rows[start : start + batch_size]
            ]
            cursor.executemany(sql, prepared)
    return len(rows)


def bulk_update_rows(
    model: type[models.Model], objects: Sequence[models.Model], names: Sequence[str], *, batch_size: int = 5000
) -> int:
    """Write the fields `names` of `objects` (existing rows of `model`) by primary key: one
    `executemany` of a plain UPDATE per batch, where `bulk_update` compiles a CASE per field and row
    (minutes for 35,000 rows). Each value is prepared as Django would (`pre_save`, then
    `get_db_prep_save`); no signals are sent."""
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    pk = model._meta.pk
    assert pk is not None
    assignments = ", ".join(f"{quote(str(f.column))} = %s" for f in fields)  # type: ignore[union-attr]
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote(str(pk.column))} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(objects), batch_size):
            rows = [
                [field.get_db_prep_save(field.pre_save(obj, add=False), connection) for field in fields]  # type: ignore[union-attr]
                + [pk.get_db_prep_value(obj.pk, connection)]
                for obj in objects[start : start + batch_size]
            ]
            cursor.executemany(sql, rows)
    return len(objects)
