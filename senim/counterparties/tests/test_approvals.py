"""Issue 13: every approval step of the counterparties module follows core's one pattern: a queue on
the approver's dashboard, a comment, approve / return for rework / refuse, who must approve next,
and an e-mail to those who may decide when something waits for them."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.core.approvals import decision_history, queue_for
from senim.counterparties import services
from senim.counterparties.tests.factories import CounterpartyFactory, OwnerFactory
from senim.counterparties.tests.test_applications import _file
from senim.counterparties.tests.test_applications import setting as setting
from senim.counterparties.tests.test_verification import _finish_checks, _open

pytestmark = pytest.mark.django_db


def _client(user):  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def _high_risk_concluded(group, officer):  # type: ignore[no-untyped-def]
    cp = CounterpartyFactory(name_en="Risky Trading LLP")
    OwnerFactory(counterparty=cp, share=Decimal("100"), is_official=True, country="CY")
    case = _open(officer, group, cp)
    _finish_checks(officer, case)
    services.case_conclude(actor=officer, case=case, conclusion="conditions", text="Условия")
    return case


def test_a_verification_goes_through_both_steps_with_queue_comment_and_next(group, django_capture_on_commit_callbacks):
    analyst = user_with_role("officer", language="en", email="analyst@example.kz")
    first = user_with_role("officer", language="en", email="first@example.kz", first_name="Aida")
    second = user_with_role("approver", language="kk", email="second@example.kz")
    with django_capture_on_commit_callbacks(execute=True):
        case = _high_risk_concluded(group, analyst)
    # Those who may give the first approval are told; not the analyst who concluded.
    told = {m.to[0] for m in mail.outbox}
    assert "first@example.kz" in told and "analyst@example.kz" not in told and "second@example.kz" not in told
    assert "Условия" not in "".join(m.body for m in mail.outbox)
    assert [item.url for item in queue_for(first)] == [reverse("counterparties:case-detail", args=[case.pk])]
    assert queue_for(analyst) == [] and queue_for(second) == []
    page = _client(analyst).get(reverse("counterparties:case-detail", args=[case.pk])).content.decode()
    assert "data-approval-next" in page and "by a compliance officer" in page and first.display_name in page
    assert "data-approval-form" not in page  # the analyst may not decide their own conclusion
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = _client(first).post(
            reverse("counterparties:case-decide", args=[case.pk]), {"decision": "approve", "comment": "Agreed."}
        )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "awaiting_second"
    assert [m.to[0] for m in mail.outbox] == ["second@example.kz"]
    assert [item.url for item in queue_for(second)] == [reverse("counterparties:case-detail", args=[case.pk])]
    assert queue_for(first) == []
    dashboard = _client(second).get(reverse("core:dashboard")).content.decode()
    assert "data-approval-queue" in dashboard
    assert reverse("counterparties:case-detail", args=[case.pk]) in dashboard
    # Returning without a comment is refused and changes nothing.
    _client(second).post(reverse("counterparties:case-decide", args=[case.pk]), {"decision": "return"})
    case.refresh_from_db()
    assert case.status == "awaiting_second"
    _client(second).post(
        reverse("counterparties:case-decide", args=[case.pk]), {"decision": "return", "comment": "Check the owner."}
    )
    case.refresh_from_db()
    assert case.status == "open" and case.approved_by is None
    history = decision_history(case)
    assert [(d.step, d.decision, d.comment) for d in history] == [
        (services.STEP_FIRST, "approve", "Agreed."),
        (services.STEP_SECOND, "return", "Check the owner."),
    ]
    page = _client(analyst).get(reverse("counterparties:case-detail", args=[case.pk])).content.decode()
    assert "Check the owner." in page and "Nothing waits for approval." in page


def test_a_refusal_ends_the_verification_without_approval(group):
    analyst, first = user_with_role("officer"), user_with_role("officer")
    case = _high_risk_concluded(group, analyst)
    with pytest.raises(ValidationError):
        services.case_decide(actor=first, case=case, decision="refuse", comment=" ")
    with pytest.raises(ValidationError):
        services.case_decide(actor=first, case=case, decision="maybe", comment="x")
    services.case_decide(actor=first, case=case, decision="refuse", comment="Sanctioned owner.")
    case.refresh_from_db()
    assert case.status == "refused" and case.valid_until is None
    with pytest.raises(ValidationError):
        services.case_decide(actor=first, case=case, decision="approve")


def test_an_application_is_approved_returned_or_refused_through_the_same_panel(
    group, setting, django_capture_on_commit_callbacks
):
    counterparty, contract, clause = setting
    officer = user_with_role("officer", email="o@example.kz")
    approver = user_with_role("approver", email="a@example.kz", language="ru")
    application = _file(officer, group, counterparty, contract)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_propose(
            actor=officer, application=application, decision="one_off", clause=clause, grounds="g"
        )
    assert [m.to[0] for m in mail.outbox] == ["a@example.kz"]
    assert [item.title for item in queue_for(approver)] == [f"{application.number} · {counterparty}"]
    assert queue_for(officer) == []
    page = _client(approver).get(reverse("counterparties:application-detail", args=[application.pk])).content
    assert b"data-approval-form" in page and b'value="refuse"' in page and b'value="return"' in page
    _client(approver).post(
        reverse("counterparties:application-decide", args=[application.pk]),
        {"decision": "refuse", "comment": "No grounds for a one-off approval."},
    )
    application.refresh_from_db()
    assert application.status == "decided" and application.decision == "refuse"
    assert application.grounds == "No grounds for a one-off approval." and application.approved_by == approver
    assert queue_for(approver) == []
    assert [d.decision for d in decision_history(application)] == ["refuse"]
