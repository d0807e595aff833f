"""The examination workflow: proposals decided, conclusion signed, revision compared, clearance asked."""

import io

import docx
import pytest
from django.core.exceptions import ValidationError

from senim.accounts.tests.factories import user_with_role
from senim.core.access import PermissionDenied
from senim.core.models import AuditEvent
from senim.examination import exports, indicators, selectors, services
from senim.examination.models import Examination, FindingStatus
from senim.examination.tests.factories import REVISION, draft_docx, examination_for

pytestmark = pytest.mark.django_db


def _codes(version, **filters):  # type: ignore[no-untyped-def]
    return sorted(version.findings.filter(**filters).values_list("code", flat=True))


def test_an_upload_becomes_a_version_with_engine_proposals(group):
    examination = examination_for(group)
    version = selectors.latest_version(examination)
    assert version.language == "ru"
    assert _codes(version, source="engine") == ["ADVANCE_UNSECURED", "CASH_PAYMENT", "UNILATERAL_PRICE_CHANGE"]
    assert _codes(version, source="document") == ["NO_AC_CLAUSE"]  # the contract has no clause at all
    assert set(version.findings.values_list("status", flat=True)) == {FindingStatus.PROPOSED}
    assert AuditEvent.objects.filter(event_type="examination.created").count() == 1


def test_bad_files_are_refused_and_nothing_is_stored(group):
    officer = user_with_role("officer")
    for name, data in [("scan.pdf", b"%PDF-1.4 broken"), ("x.exe", b"MZ"), ("empty.txt", b"")]:
        with pytest.raises(ValidationError):
            services.examination_create(
                actor=officer, title="x", kind="order", company_id=group.a.pk, file_name=name, data=data
            )
    assert not Examination.objects.exists()


def test_an_officer_of_another_company_cannot_examine(group):
    with pytest.raises(PermissionDenied):
        examination_for(group, actor=user_with_role("officer", company=group.b))
    with pytest.raises(PermissionDenied):
        examination_for(group, actor=user_with_role("auditor"))


def _decide_all(examination, officer):  # type: ignore[no-untyped-def]
    version = selectors.latest_version(examination)
    findings = {f.code: f for f in version.findings.all()}
    services.finding_confirm(actor=officer, finding=findings["ADVANCE_UNSECURED"], recommendation="Гарантия.")
    services.finding_confirm(actor=officer, finding=findings["CASH_PAYMENT"])
    services.finding_dismiss(actor=officer, finding=findings["UNILATERAL_PRICE_CHANGE"], reason="Формула в приложении.")
    services.finding_confirm(actor=officer, finding=findings["NO_AC_CLAUSE"])
    return findings


def test_dismissing_needs_a_reason_and_concluding_needs_every_proposal_decided(group):
    officer = user_with_role("officer")
    examination = examination_for(group, actor=officer)
    version = selectors.latest_version(examination)
    finding = version.findings.first()
    with pytest.raises(ValidationError):
        services.finding_dismiss(actor=officer, finding=finding, reason="  ")
    with pytest.raises(ValidationError):
        services.examination_conclude(actor=officer, examination=examination, recommendations="x")


def test_conclusion_clearance_and_risk_acceptance(group):
    officer = user_with_role("officer")
    examination = examination_for(group, actor=officer)
    _decide_all(examination, officer)
    assert services.clearance(examination) == services.Clearance(False, "not_concluded", 3)
    with pytest.raises(ValidationError):  # confirmed findings need recommendations
        services.examination_conclude(actor=officer, examination=examination)
    services.examination_conclude(actor=officer, examination=examination, recommendations="Исправить пп. 2, 3.")
    examination.refresh_from_db()
    assert examination.outcome == "factors_found" and examination.signed_by == officer
    assert services.clearance(examination, actor=officer) == services.Clearance(False, "unresolved_findings", 3)
    services.examination_accept_risk(actor=officer, examination=examination, accepted_by="Ахметов Б.", reason="Срочно.")
    examination.refresh_from_db()
    assert services.clearance(examination).allowed
    assert AuditEvent.objects.filter(event_type="examination.risk_accepted").exists()
    assert AuditEvent.objects.filter(event_type="examination.clearance_asked").exists()


def test_a_revision_is_compared_provision_by_provision(group):
    officer = user_with_role("officer")
    examination = examination_for(group, actor=officer)
    first = selectors.latest_version(examination)
    _decide_all(examination, officer)
    services.examination_conclude(actor=officer, examination=examination, recommendations="Исправить.")
    second = services.version_add(
        actor=officer, examination=examination, file_name="contract-v2.docx", data=draft_docx(REVISION)
    )
    eliminated = sorted(first.findings.filter(eliminated_in=second).values_list("code", flat=True))
    assert eliminated == ["ADVANCE_UNSECURED", "CASH_PAYMENT", "NO_AC_CLAUSE"]
    assert _codes(second) == []  # the dismissed price clause was rewritten too
    examination.refresh_from_db()
    assert examination.status == "in_progress"  # a revision reopens the examination
    services.examination_conclude(actor=officer, examination=examination)
    examination.refresh_from_db()
    assert examination.outcome == "no_factors" and services.clearance(examination).allowed
    year = second.examined_on.year
    assert indicators.factors_eliminated(year, group.a.pk) == 3
    assert indicators.factors_found(year, group.a.pk) == 3
    assert indicators.contracts_examined(year, group.a.pk) == 1
    assert indicators.share_with_findings(year, group.a.pk) == 0.0  # concluded (again) without findings


def test_a_remaining_finding_keeps_its_decision(group):
    officer = user_with_role("officer")
    examination = examination_for(group, actor=officer)
    _decide_all(examination, officer)
    lines = [*REVISION[:3], "3. Расчеты с экспедитором производятся наличными.", *REVISION[4:]]
    second = services.version_add(actor=officer, examination=examination, file_name="v2.docx", data=draft_docx(lines))
    cash = second.findings.get(code="CASH_PAYMENT")
    assert (cash.comparison, cash.status) == ("remaining", FindingStatus.CONFIRMED)


def test_the_commented_word_file_keeps_the_text_and_comments_confirmed_findings(group):
    officer = user_with_role("officer")
    examination = examination_for(group, actor=officer)
    _decide_all(examination, officer)
    version = selectors.latest_version(examination)
    data = exports.commented_draft(version, language="ru")
    document = docx.Document(io.BytesIO(data))
    assert [p.text for p in document.paragraphs] == [
        p.text for p in docx.Document(io.BytesIO(draft_docx_original())).paragraphs
    ]
    comments = list(document.comments)
    assert len(comments) == 3  # two provision findings and the document-level one; the dismissed one has none
    assert any("ADVANCE_UNSECURED" in c.text and "Гарантия." in c.text for c in comments)


def draft_docx_original() -> bytes:
    from senim.examination.tests.factories import CONTRACT

    return draft_docx(CONTRACT)


def test_the_conclusion_exports(group):
    officer = user_with_role("officer")
    examination = examination_for(group, actor=officer)
    _decide_all(examination, officer)
    services.examination_conclude(actor=officer, examination=examination, recommendations="Исправить.")
    examination.refresh_from_db()
    assert exports.conclusion_pdf(examination, language="kk").startswith(b"%PDF")
    text = "\n".join(
        p.text for p in docx.Document(io.BytesIO(exports.conclusion_docx(examination, language="en"))).paragraphs
    )
    assert "Исправить." in text


def test_dismissed_proposals_are_listed_for_evaluation(group):
    officer = user_with_role("officer")
    examination = examination_for(group, actor=officer)
    _decide_all(examination, officer)
    assert [f.code for f in selectors.dismissed_proposals(actor=officer)] == ["UNILATERAL_PRICE_CHANGE"]
    assert list(selectors.dismissed_proposals(actor=user_with_role("officer", company=group.b))) == []


def test_the_initiating_unit_must_belong_to_the_company(group):
    with pytest.raises(ValidationError):
        services.examination_create(
            actor=user_with_role("officer"),
            title="x",
            kind="order",
            company_id=group.a.pk,
            unit_id=group.other.pk,
            file_name="x.txt",
            data="1. Оплата наличными.".encode(),
        )


def test_per_factor_indicators_are_declared(group):
    from senim.core.indicators import get_indicator

    officer = user_with_role("officer")
    examination = examination_for(group, actor=officer)
    _decide_all(examination, officer)
    year = examination.examined_on.year
    assert get_indicator("examination.found.cash_payment").compute(year, group.a.pk) == 1
    assert get_indicator("examination.found.unilateral_price_change").compute(year, group.a.pk) == 0  # dismissed


def test_another_module_asks_clearance_by_subject(group):
    officer = user_with_role("officer")
    assert services.clearance_for("awareness.version:42") is None  # never examined
    examination = examination_for(group, actor=officer, subject="awareness.version:42")
    assert services.clearance_for("awareness.version:42") == services.Clearance(False, "not_concluded", 0)
    _decide_all(examination, officer)
    services.examination_conclude(actor=officer, examination=examination, recommendations="Исправить.")
    assert services.clearance_for("awareness.version:42", actor=officer).reason == "unresolved_findings"
