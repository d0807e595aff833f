"""Make the audit table append-only in the database itself: UPDATE and DELETE raise errors,
whatever code (or person with a SQL prompt and the application's credentials) tries them."""

from django.db import migrations

from senim.core import audit_guard


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: audit_guard.install(schema_editor.connection),
            lambda apps, schema_editor: audit_guard.remove(schema_editor.connection),
        )
    ]
