from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from senim.core.crypto import EncryptedTextField, rewrappers


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted value under the newest master key. Put the new key first in "
        "SENIM_MASTER_KEY (old keys after it), run this, then remove the old keys."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for model in apps.get_models():
            fields = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
            if not fields:
                continue
            with transaction.atomic():
                # Reading decrypts with whichever key fits; saving encrypts with the first key.
                for obj in model._default_manager.select_for_update().only("pk", *fields).iterator(chunk_size=500):
                    model._default_manager.filter(pk=obj.pk).update(**{f: getattr(obj, f) for f in fields})
                    total += 1
            self.stdout.write(f"{model._meta.label}: {', '.join(fields)}")
        for label, rewrap_all in rewrappers().items():  # wrapped data keys of the apps
            count = rewrap_all()
            total += count
            self.stdout.write(f"{label}: {count} keys rewrapped")
        self.stdout.write(self.style.SUCCESS(f"Re-encrypted {total} rows under the newest key."))
