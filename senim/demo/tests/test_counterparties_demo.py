"""The counterparties demo: built through the module's services, its indicators compute on it, and
its pages open for the demo officer."""

import pytest
from django.test import Client
from django.utils import timezone

from senim.accounts.models import User
from senim.core import indicators
from senim.counterparties.models import Application, Contract, Counterparty, RegisterEntry, VerificationCase
from senim.demo import builder

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def test_the_demo_has_each_decision_each_level_and_indicators_that_add_up():
    assert builder.build()
    assert Counterparty.objects.count() >= 300
    year = timezone.localdate().year
    assert Contract.objects.filter(date__year=year - 1).count() == 1400
    assert Contract.objects.filter(approved_by__isnull=False).count() >= 100
    assert set(Application.objects.exclude(decision="").values_list("decision", flat=True)) == {
        "register",
        "one_off",
        "reference",
        "no_consideration",
        "refuse",
    }
    assert set(VerificationCase.objects.values_list("level", flat=True)) == {"simplified", "standard", "enhanced"}
    assert VerificationCase.objects.filter(status="awaiting_second").exists()
    values = {v.code: (v.value, v.previous) for v in indicators.compute_values(year=year, company_id=None)}
    assert values["counterparties.contracts"] == (
        Contract.objects.filter(date__year=year).count(),
        Contract.objects.filter(date__year=year - 1).count(),
    )
    applications = values["counterparties.applications"]
    assert applications == (
        Application.objects.filter(filed_on__year=year).count(),
        Application.objects.filter(filed_on__year=year - 1).count(),
    )
    by_refusal = sum(values[f"counterparties.applications.refusal.{r}"][0] for r in ("questionnaire", "clause", "both"))
    assert by_refusal == applications[0]
    assert (
        values["counterparties.register_entries"][1] == RegisterEntry.objects.filter(start_date__year=year - 1).count()
    )
    assert Counterparty.objects.filter(is_significant=True).exists()  # the screening step ran
    client = Client()
    client.force_login(User.objects.get(username="officer"))
    for url in (
        "/counterparties/list/",
        "/counterparties/significant/",
        "/counterparties/coverage/",
        "/counterparties/register/",
        "/counterparties/applications/",
        "/counterparties/verifications/",
        "/indicators/",
        "/",
    ):
        assert client.get(url).status_code == 200, url
