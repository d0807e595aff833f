"""Verification before a contract: level from the rules, automatic red flags, risk, checklist,
conclusion, approvals (a second approver for high risk), validity and re-verification."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM, PermissionDenied
from senim.counterparties import selectors, services
from senim.counterparties.models import CaseCheck, DueDiligenceRule, RedFlag, VerificationCase
from senim.counterparties.tests.factories import CounterpartyFactory, OwnerFactory

pytestmark = pytest.mark.django_db


def _open(actor, group, counterparty, **extra):
    data = {"company": group.a, "counterparty": counterparty, "procurement_method": "open_tender", "subject": "Трубы"}
    data.update(extra)
    return services.case_open(actor=actor, **data)


def _finish_checks(actor, case):
    for check in case.checks.all():
        services.case_check_update(actor=actor, check=check, status="done")


def test_a_plain_counterparty_gets_the_simplified_level_and_its_checklist(group):
    counterparty = CounterpartyFactory()
    OwnerFactory(counterparty=counterparty, share=Decimal("100"))
    case = _open(user_with_role("officer"), group, counterparty, amount=Decimal("1000000"))
    assert case.level == "simplified" and case.risk_level == "low" and case.risk_score == 0
    assert sorted(case.checks.values_list("code", flat=True)) == sorted(services.CHECKLISTS["simplified"])


def test_direct_contracts_large_amounts_and_foreign_counterparties_raise_the_level(group):
    officer = user_with_role("officer")
    cp = CounterpartyFactory()
    OwnerFactory(counterparty=cp, share=Decimal("100"))
    assert _open(officer, group, cp, procurement_method="direct").level == "standard"
    assert _open(officer, group, cp, amount=Decimal("2000000000")).level == "enhanced"
    assert _open(officer, group, cp, amount=Decimal("2000000000"), currency="USD").level == "simplified"
    DueDiligenceRule.objects.all().update(is_active=False)
    assert _open(officer, group, cp, procurement_method="direct").level == "simplified"


def test_automatic_red_flags_give_a_high_risk_with_reasons(group):
    offshore = CounterpartyFactory(country="KZ", registration_date=dt.date.today() - dt.timedelta(days=30))
    OwnerFactory(counterparty=offshore, country="VG", share=Decimal("60"), is_official=True, name="Депутатов Д.")
    OwnerFactory(counterparty=offshore, identifier=group.in_leaf.iin, share=Decimal("40"), name="Иванов")
    case = _open(user_with_role("officer"), group, offshore)
    codes = {f.flag.code: f.detail for f in case.flags.select_related("flag")}
    assert set(codes) == {"offshore", "newly_registered", "official_owner", "employee_link"}
    assert codes["offshore"] == "VG" and "Иванов" in codes["employee_link"]
    assert case.risk_score == 65 and case.risk_level == "high" and case.level == "enhanced"
    assert "forensic_audit" in set(case.checks.values_list("code", flat=True))


def test_an_undisclosed_owner_is_flagged_for_a_legal_entity_without_owners(group):
    case = _open(user_with_role("officer"), group, CounterpartyFactory())
    assert list(case.flags.values_list("flag__code", flat=True)) == ["undisclosed_owner"]
    assert case.risk_level == "medium" and case.level == "standard"


def test_officers_raise_and_withdraw_flags_by_hand_and_the_score_follows(group):
    officer = user_with_role("officer")
    cp = CounterpartyFactory()
    OwnerFactory(counterparty=cp, share=Decimal("100"))
    case = _open(officer, group, cp)
    raised = services.case_flag_raise(
        actor=officer, case=case, flag=RedFlag.objects.get(code="agent_fees"), detail="5 %"
    )
    case.refresh_from_db()
    assert case.risk_score == 15 and case.risk_level == "medium" and case.level == "standard"
    with pytest.raises(ValidationError):
        services.case_flag_raise(actor=officer, case=case, flag=RedFlag.objects.get(code="agent_fees"))
    services.case_flag_withdraw(actor=officer, raised=raised)
    case.refresh_from_db()
    assert case.risk_score == 0 and case.level == "standard"  # the level never drops while open


def test_a_low_risk_conclusion_takes_effect_on_the_officers_approval_with_a_validity(group):
    analyst, officer = user_with_role("investigator"), user_with_role("officer")
    cp = CounterpartyFactory()
    OwnerFactory(counterparty=cp, share=Decimal("100"))
    case = _open(analyst, group, cp)
    with pytest.raises(ValidationError) as caught:
        services.case_conclude(actor=analyst, case=case, conclusion="permitted", text="Ок")
    assert "checks" in caught.value.message_dict
    with pytest.raises(ValidationError):
        services.case_check_update(actor=analyst, check=case.checks.first(), status="concern")
    _finish_checks(analyst, case)
    services.case_conclude(actor=analyst, case=case, conclusion="permitted", text="Рисков нет")
    with pytest.raises(PermissionDenied):
        services.case_approve(actor=analyst, case=case)
    services.case_approve(actor=officer, case=case)
    case.refresh_from_db()
    assert (
        case.status == "approved" and case.valid_until and case.valid_until > dt.date.today() + dt.timedelta(days=360)
    )


def test_a_high_risk_conclusion_needs_a_second_approver_other_than_the_first(group):
    officer, other_officer, approver = user_with_role("officer"), user_with_role("officer"), user_with_role("approver")
    cp = CounterpartyFactory()
    OwnerFactory(counterparty=cp, share=Decimal("100"), is_official=True, country="CY")
    case = _open(officer, group, cp)
    assert case.risk_level == "high"
    _finish_checks(officer, case)
    services.case_conclude(actor=officer, case=case, conclusion="conditions", text="Условия")
    with pytest.raises(ValidationError):
        services.case_approve(actor=officer, case=case)
    services.case_approve(actor=other_officer, case=case)
    case.refresh_from_db()
    assert case.status == "awaiting_second" and case.valid_until is None
    with pytest.raises(PermissionDenied):
        services.case_second_approve(actor=officer, case=case)
    services.case_second_approve(actor=approver, case=case)
    case.refresh_from_db()
    assert case.status == "approved" and case.second_approved_by == approver


def test_a_change_of_owners_marks_approved_verifications_for_re_verification(group):
    analyst, officer = user_with_role("investigator"), user_with_role("officer")
    cp = CounterpartyFactory()
    OwnerFactory(counterparty=cp, share=Decimal("100"))
    case = _open(analyst, group, cp)
    _finish_checks(analyst, case)
    services.case_conclude(actor=analyst, case=case, conclusion="permitted", text="Ок")
    services.case_approve(actor=officer, case=case)
    services.party_add(actor=officer, counterparty=cp, role="manager", name="Новый директор")
    case.refresh_from_db()
    assert case.needs_reverification and case.reverification_reason
    assert list(selectors.case_list(actor=officer, needs_reverification=True)) == [case]
    services.case_reopen(actor=officer, case=case, reason="Сменился директор")
    case.refresh_from_db()
    assert case.status == "open" and not case.needs_reverification


def test_lapsing_verifications_are_listed_as_reminders(group):
    officer = user_with_role("officer")
    cp = CounterpartyFactory()
    case = _open(officer, group, cp)
    VerificationCase.objects.filter(pk=case.pk).update(
        status="approved", valid_until=dt.date.today() + dt.timedelta(days=10)
    )
    soon = dt.date.today() + dt.timedelta(days=30)
    assert list(selectors.case_list(actor=officer, lapsing_by=soon)) == [case]


def test_verifications_are_scoped_and_pages_work_for_each_role(group):
    officer = user_with_role("officer")
    cp = CounterpartyFactory()
    case = _open(officer, group, cp)
    with pytest.raises(PermissionDenied):
        _open(user_with_role("officer", company=group.b), group, cp)
    outsider, insider = Client(), Client()
    outsider.force_login(user_with_role("auditor", company=group.b))
    insider.force_login(user_with_role("investigator", company=group.a))
    url = reverse("counterparties:case-detail", args=[case.pk])
    assert outsider.get(url).status_code == 404
    page = insider.get(url)
    assert page.status_code == 200 and "undisclosed" not in page.content.decode()
    check = case.checks.first()
    response = insider.post(reverse("counterparties:case-check", args=[case.pk, check.pk]), {"status": "done"})
    assert response.status_code == 302
    check.refresh_from_db()
    assert check.status == CaseCheck.Status.DONE
    assert insider.post(reverse("counterparties:case-approve", args=[case.pk])).status_code == 403
    assert insider.get(reverse("counterparties:case-list")).status_code == 200
    assert insider.get(reverse("counterparties:verification-settings")).status_code == 200
    assert insider.get(reverse("counterparties:rule-create")).status_code == 403
    created = Client()
    created.force_login(officer)
    form = created.post(
        reverse("counterparties:case-create", args=[cp.pk]),
        {"company": group.a.pk, "procurement_method": "direct", "subject": "Услуги", "currency": "KZT"},
    )
    assert form.status_code == 302


def test_the_catalogue_and_rules_are_changed_by_group_wide_officers_only(group):
    flag = RedFlag.objects.get(code="cash_advance")
    with pytest.raises(PermissionDenied):
        services.red_flag_save(actor=user_with_role("officer", company=group.a), flag=flag, weight=50)
    services.red_flag_save(actor=user_with_role("officer"), flag=flag, weight=50)
    flag.refresh_from_db()
    assert flag.weight == 50
    rule = services.rule_save(actor=user_with_role("admin"), level="enhanced", category="quasi_public", currency="kzt")
    assert rule.currency == "KZT"


def test_a_refused_questionnaire_raises_its_red_flag(group):
    officer = user_with_role("officer")
    cp = CounterpartyFactory()
    OwnerFactory(counterparty=cp, share=Decimal("100"))
    application = services.application_file(
        actor=officer, company=group.a, counterparty=cp, refusal="questionnaire", justification="Нужно"
    )
    case = _open(officer, group, cp)
    raised = case.flags.get(flag__code="questionnaire_refused")
    assert application.number in raised.detail


def test_a_list_change_that_raises_hits_marks_approved_verifications_on_recheck(group, tmp_path):
    from django.core.management import call_command

    from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

    analyst, officer = user_with_role("investigator"), user_with_role("officer")
    cp = CounterpartyFactory(name_ru="ТОО «Нурлы Жол Транзит»", name_en="")
    OwnerFactory(counterparty=cp, share=Decimal("100"))
    watchlist = WatchlistFactory(kind="debarment")
    import_entities(watchlist, [ftm("x-1", "ТОО «Совсем Другое»", schema="Company")], tmp_path)
    services.counterparty_screen(actor=SYSTEM, counterparty=cp)
    case = _open(analyst, group, cp)
    _finish_checks(analyst, case)
    services.case_conclude(actor=analyst, case=case, conclusion="permitted", text="Ок")
    services.case_approve(actor=officer, case=case)
    assert services.cases_recheck() == 0
    import_entities(watchlist, [ftm("x-2", "Nurly Zhol Tranzit LLP", schema="Company")], tmp_path)
    call_command("counterparties", "recheck")
    case.refresh_from_db()
    assert case.needs_reverification and case.reverification_reason
