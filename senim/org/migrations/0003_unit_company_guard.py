"""An employee's (and a position's) unit belongs to its company, in the database itself: a
composite foreign key on PostgreSQL, insert/update checks on SQLite (org.unit_guard)."""

from django.db import migrations, models

from senim.org import unit_guard


class Migration(migrations.Migration):
    dependencies = [("org", "0002_import_job")]

    operations = [
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.UniqueConstraint(fields=("company", "id"), name="org_unit_company_id_uniq"),
        ),
        migrations.RunPython(
            lambda apps, schema_editor: unit_guard.install(schema_editor.connection),
            lambda apps, schema_editor: unit_guard.remove(schema_editor.connection),
        ),
    ]
