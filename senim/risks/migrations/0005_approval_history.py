"""Keep the approvals of exercises given before risks moved onto core.approvals as that pattern's
history (`core.ApprovalDecision`, once). A function's earlier review is not backfilled: the function
does not record who reviewed it."""

import datetime as dt

from django.db import migrations


def backfill(apps, schema_editor):  # type: ignore[no-untyped-def]
    Decision = apps.get_model("core", "ApprovalDecision")
    Exercise = apps.get_model("risks", "Exercise")
    kept = set(Decision.objects.filter(object_type="risks.exercise").values_list("object_id", flat=True))
    rows = [
        Decision(
            object_type="risks.exercise",
            object_id=exercise.pk,
            step="risks.exercise_approval",
            decision="approve",
            decided_by_id=exercise.approved_by_id,
            created_at=dt.datetime.combine(exercise.approved_on, dt.time(12), tzinfo=dt.UTC)
            if exercise.approved_on
            else exercise.updated_at,
            decided_on=exercise.approved_on or exercise.updated_at.date(),
        )
        for exercise in Exercise.objects.filter(status="approved").exclude(pk__in=kept).iterator()
    ]
    Decision.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("risks", "0004_assessment_matrix"),
        ("core", "0008_approval_outcome"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
