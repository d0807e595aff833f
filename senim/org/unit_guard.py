"""The database keeps an employee's (and a position's) unit inside its company.

PostgreSQL: a composite foreign key (company_id, unit_id) → org_unit (company_id, id), which the
unique constraint `org_unit_company_id_uniq` makes possible (MATCH SIMPLE: a null unit is not
checked). SQLite cannot add a foreign key to an existing table, so there triggers refuse the same
rows on insert and update. Installed by migration org.0003; `install` is idempotent."""

from typing import Any

TABLES = ("org_employee", "org_position")

_SQLITE_CHECK = """
CREATE TRIGGER IF NOT EXISTS {table}_unit_company_{when} BEFORE {event} ON {table}
WHEN NEW.unit_id IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM org_unit WHERE id = NEW.unit_id AND company_id = NEW.company_id)
BEGIN SELECT RAISE(ABORT, 'the unit belongs to another company'); END
"""


def _statements(vendor: str) -> list[str]:
    statements: list[str] = []
    for table in TABLES:
        if vendor == "postgresql":
            statements += [
                f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {table}_unit_company_fk",
                f"ALTER TABLE {table} ADD CONSTRAINT {table}_unit_company_fk FOREIGN KEY (company_id, unit_id) "
                "REFERENCES org_unit (company_id, id)",
            ]
        elif vendor == "sqlite":
            statements += [
                _SQLITE_CHECK.format(table=table, when="ins", event="INSERT"),
                _SQLITE_CHECK.format(table=table, when="upd", event="UPDATE OF unit_id, company_id"),
            ]
    return statements


def install(connection: Any) -> None:
    with connection.cursor() as cursor:
        for statement in _statements(connection.vendor):
            cursor.execute(statement)


def remove(connection: Any) -> None:
    with connection.cursor() as cursor:
        for table in TABLES:
            if connection.vendor == "postgresql":
                cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {table}_unit_company_fk")
            elif connection.vendor == "sqlite":
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_unit_company_ins")
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_unit_company_upd")
