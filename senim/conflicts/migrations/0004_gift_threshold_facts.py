# Gifts keep the facts of their threshold decision instead of a sentence written in Russian at the
# time of declaring (conflicts.gift_texts writes the sentence in the reader's language).

from decimal import Decimal

from django.db import migrations, models


def facts_of(gift, country, thresholds):
    """The facts the service records today (services.gifts._assess), for a gift declared before:
    the decision is recomputed from the gift and the threshold of its year, as the old sentence was."""
    base = {"value": str(gift.value), "currency": gift.currency}
    if gift.kind == "declined":
        return {**base, "reason": "declined"}
    if gift.party_kind == "official":
        return {**base, "reason": "official"}
    year = gift.date.year
    threshold = thresholds.get((country, year))
    if threshold is None:
        return {**base, "reason": "no_threshold", "country": country, "year": year}
    if gift.currency != threshold.currency:
        return {**base, "reason": "other_currency", "threshold_currency": threshold.currency}
    limit = threshold.unit_value * threshold.units
    return {
        **base,
        "reason": "above" if gift.value > limit else "within",
        "country": country,
        "year": year,
        "unit": threshold.unit,
        "units": str(threshold.units.normalize()),
        "unit_value": str(threshold.unit_value),
        "threshold": str(limit.quantize(Decimal("0.01"))),
        "value_units": str((gift.value / threshold.unit_value).quantize(Decimal("0.01"))),
    }


def store_facts(apps, schema_editor):
    Gift = apps.get_model("conflicts", "Gift")
    GiftThreshold = apps.get_model("conflicts", "GiftThreshold")
    Company = apps.get_model("org", "Company")
    thresholds = {(t.country, t.year): t for t in GiftThreshold.objects.all()}
    countries = dict(Company.objects.values_list("id", "country"))
    changed = []
    for gift in Gift.objects.all().iterator(chunk_size=2000):
        gift.threshold_facts = facts_of(gift, countries.get(gift.company_id, ""), thresholds)
        changed.append(gift)
        if len(changed) >= 2000:
            Gift.objects.bulk_update(changed, ["threshold_facts"])
            changed = []
    if changed:
        Gift.objects.bulk_update(changed, ["threshold_facts"])


class Migration(migrations.Migration):

    dependencies = [
        ('conflicts', '0003_declaration_supersedes_unique'),
        ('org', '0002_import_job'),
    ]

    operations = [
        migrations.AddField(
            model_name='gift',
            name='threshold_facts',
            field=models.JSONField(blank=True, default=dict, verbose_name='threshold'),
        ),
        migrations.RunPython(store_facts, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='gift',
            name='threshold_note',
        ),
        migrations.AlterField(
            model_name='gift',
            name='status',
            field=models.CharField(choices=[('recorded', 'Recorded, no approval needed'), ('pending', 'Awaiting approval'), ('approved', 'Approved'), ('refused', 'Refused')], default='recorded', max_length=10, verbose_name='status'),
        ),
    ]
