"""Keep the decisions taken before conflicts moved onto core.approvals as that pattern's history: a
reviewed declaration and a decided gift get the `core.ApprovalDecision` the services now record
(once; the objects' own fields are left as they are)."""

from django.db import migrations
from django.utils import timezone


def backfill(apps, schema_editor):  # type: ignore[no-untyped-def]
    Decision = apps.get_model("core", "ApprovalDecision")
    Declaration = apps.get_model("conflicts", "Declaration")
    Gift = apps.get_model("conflicts", "Gift")
    kept = set(
        Decision.objects.filter(object_type__in=["conflicts.declaration", "conflicts.gift"]).values_list(
            "object_id", flat=True
        )
    )
    rows = []
    for declaration in Declaration.objects.exclude(outcome="").exclude(pk__in=kept).iterator():
        rows.append(
            Decision(
                object_type="conflicts.declaration",
                object_id=declaration.pk,
                step="declaration.review",
                decision="approve",
                outcome=declaration.outcome,
                comment=declaration.review_comment,
                decided_by_id=declaration.reviewed_by_id,
                created_at=declaration.reviewed_at or declaration.updated_at,
                decided_on=timezone.localtime(declaration.reviewed_at or declaration.updated_at).date(),
            )
        )
    for gift in Gift.objects.filter(status__in=["approved", "refused"]).exclude(pk__in=kept).iterator():
        rows.append(
            Decision(
                object_type="conflicts.gift",
                object_id=gift.pk,
                step="gift.decision",
                decision="approve" if gift.status == "approved" else "refuse",
                comment=gift.decision_comment,
                decided_by_id=gift.decided_by_id,
                created_at=gift.decided_at or gift.updated_at,
                decided_on=timezone.localtime(gift.decided_at or gift.updated_at).date(),
            )
        )
    Decision.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("conflicts", "0005_history_external_ids"),
        ("core", "0008_approval_outcome"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
