"""Declarations, review and settlement, campaigns and gifts through their services."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from senim.accounts.models import RoleAssignment
from senim.accounts.tests.factories import user_with_role
from senim.conflicts import selectors, services
from senim.conflicts.models import Campaign, CampaignRequest, Declaration, DeclarationItem, FormQuestion, Gift
from senim.conflicts.tests.factories import TODAY, employee_user, interest, relative, submit, threshold
from senim.core.access import SYSTEM, PermissionDenied
from senim.core.models import AuditEvent
from senim.counterparties.tests.factories import CounterpartyFactory
from senim.org.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def test_the_first_form_version_has_every_question_in_four_languages(group):
    version = services.form_version_current("a")
    assert version.number == 1
    questions = FormQuestion.objects.filter(version=version)
    assert questions.count() == 4
    assert all(q.text_ru and q.text_kk and q.text_en and q.text_uz for q in questions)
    assert questions.get(section="relatives").text_ru != questions.get(section="relatives").text_en


def test_an_employee_declares_and_a_new_form_a_supersedes_the_old(group):
    user = employee_user(group.in_leaf)
    first = submit(group.in_leaf, user)
    second = submit(group.in_leaf, user, items=[relative(), interest()])
    first.refresh_from_db()
    assert first.status == Declaration.Status.SUPERSEDED and second.number == 2 and second.supersedes == first
    assert second.items.count() == 2
    assert AuditEvent.objects.filter(event_type="conflicts.declaration.submitted").count() == 2


def test_form_a_needs_facts_or_the_attestation_but_not_both(group):
    user = employee_user(group.in_leaf)
    with pytest.raises(ValidationError):
        services.declaration_submit(actor=user, employee=group.in_leaf, form_type="a", items=[])
    with pytest.raises(ValidationError):
        services.declaration_submit(
            actor=user, employee=group.in_leaf, form_type="a", items=[relative()], nothing_to_declare=True
        )
    declaration = services.declaration_submit(
        actor=user, employee=group.in_leaf, form_type="a", items=[], nothing_to_declare=True
    )
    assert declaration.nothing_to_declare


def test_form_b_needs_the_circumstances(group):
    with pytest.raises(ValidationError) as caught:
        submit(group.in_leaf, form_type="b", circumstances=" ")
    assert "circumstances" in caught.value.message_dict


@pytest.mark.parametrize(
    "item",
    [
        {"section": "relatives", "person_name": "A B", "relation": "cousin"},
        {"section": "relatives", "person_name": "", "relation": "child"},
        {"section": "relatives", "person_name": "A B", "relation": "child", "person_identifier": "123456789012"},
        {"section": "interests", "holder": "self", "organisation": "X", "share": Decimal("101")},
        {"section": "interests", "holder": "self", "organisation": "X", "share": Decimal("sNaN")},
        {"section": "interests", "holder": "self", "organisation": "X", "share": "a lot"},
        {"section": "interests", "holder": "self", "organisation": "X", "share": Decimal("-1")},
        {"section": "interests", "holder": "relative", "organisation": "X"},
        {"section": "interests", "holder": "self", "organisation": "X", "organisation_identifier": "12"},
        {"section": "outside_jobs", "organisation": "X"},
        {"section": "other"},
        {"section": "nonsense", "description": "x"},
    ],
)
def test_incomplete_or_invalid_items_are_refused_and_nothing_is_stored(group, item):
    with pytest.raises(ValidationError):
        submit(group.in_leaf, items=[item])
    assert not Declaration.objects.exists()


def test_an_employee_cannot_declare_for_someone_else(group):
    with pytest.raises(PermissionDenied):
        submit(group.in_branch, employee_user(group.in_leaf))


def test_an_officer_enters_a_paper_form_with_its_scan(group):
    officer = user_with_role("officer", company=group.a)
    scan = SimpleUploadedFile("form-a.pdf", b"%PDF-1.4 signed", content_type="application/pdf")
    declaration = submit(group.in_leaf, officer, paper_scan=scan)
    assert declaration.source == "paper" and declaration.scan_name == "form-a.pdf"
    assert services.scan_read(declaration.scan_file) == b"%PDF-1.4 signed"
    outsider = user_with_role("officer", company=group.b)
    with pytest.raises(PermissionDenied):
        submit(group.in_leaf, outsider, paper_scan=SimpleUploadedFile("x.pdf", b"x"))


def test_review_and_settlement(group):
    declaration = submit(group.in_leaf)
    officer = user_with_role("officer", company=group.a)
    manager = user_with_role("approver", employee=group.in_branch)
    with pytest.raises(ValidationError):
        services.measure_add(
            actor=officer, declaration=declaration, kind="recusal", description="x", owner=manager, deadline=TODAY
        )
    with pytest.raises(ValidationError):
        services.declaration_review(actor=officer, declaration=declaration, outcome="actual", comment="")
    services.declaration_review(actor=officer, declaration=declaration, outcome="actual", comment="Reports to parent.")
    with pytest.raises(ValidationError):
        services.declaration_review(actor=officer, declaration=declaration, outcome="none", comment="")
    far = dt.date.today() + dt.timedelta(days=30)
    one = services.measure_add(
        actor=officer,
        declaration=declaration,
        kind="reporting_line",
        description="Move the daughter to another line.",
        owner=manager,
        deadline=far,
    )
    two = services.measure_add(
        actor=officer, declaration=declaration, kind="recusal", description="No approvals.", owner=officer, deadline=far
    )
    assert list(selectors.my_measures(actor=manager)) == [one]
    services.measure_complete(actor=manager, measure=one, note="Done by order 12.")
    declaration.refresh_from_db()
    assert declaration.status == Declaration.Status.REVIEWED
    with pytest.raises(PermissionDenied):
        services.measure_complete(actor=manager, measure=two, note="not mine")
    services.measure_complete(actor=officer, measure=two, note="Recorded.")
    declaration.refresh_from_db()
    assert declaration.status == Declaration.Status.SETTLED and declaration.settled_at


def test_nobody_reviews_their_own_declaration(group):
    officer = user_with_role("officer", company=group.a, employee=group.in_root)
    declaration = submit(group.in_root, officer)
    with pytest.raises(PermissionDenied):
        services.declaration_review(actor=officer, declaration=declaration, outcome="none", comment="")


def test_a_reviewed_declaration_changes_only_by_a_new_version(group):
    user = employee_user(group.in_leaf)
    declaration = submit(group.in_leaf, user)
    services.declaration_review(actor=user_with_role("officer"), declaration=declaration, outcome="none", comment="")
    newer = submit(group.in_leaf, user, items=[relative(), interest()])
    declaration.refresh_from_db()
    assert declaration.outcome == "none" and declaration.status == Declaration.Status.SUPERSEDED
    assert newer.outcome == "" and newer.supersedes == declaration


def test_employees_see_only_their_own_declarations(group):
    mine, theirs = submit(group.in_leaf), submit(group.in_branch)
    user = employee_user(group.in_leaf)
    assert list(selectors.own_declarations(actor=user)) == [mine]
    assert selectors.declaration_get(actor=user, declaration_id=mine.pk) == mine
    with pytest.raises(Declaration.DoesNotExist):
        selectors.declaration_get(actor=user, declaration_id=theirs.pk)
    assert not selectors.declaration_list(actor=user).exists()


# ---------------------------------------------------------------------------- campaigns


def _campaign(group, **kwargs):  # type: ignore[no-untyped-def]
    officer = kwargs.pop("actor", None) or user_with_role("officer")
    kwargs.setdefault("deadline", dt.date.today() + dt.timedelta(days=10))
    return officer, services.campaign_create(actor=officer, title="Form A 2026", **kwargs)


def test_a_campaign_asks_its_population_and_counts_answers_by_unit(group):
    officer, campaign = _campaign(group, population="units", company=group.a, units=[group.branch])
    assert services.campaign_launch(actor=officer, campaign=campaign) == 2  # branch and leaf
    submit(group.in_leaf)
    progress = {
        row.unit_id: (row.asked, row.answered) for row in selectors.campaign_progress(actor=officer, campaign=campaign)
    }
    assert progress == {group.branch.pk: (1, 0), group.leaf.pk: (1, 1)}
    assert CampaignRequest.objects.get(employee=group.in_leaf).declaration.campaign == campaign


def test_corruption_prone_population(group):
    group.in_branch.position = group.a.positions.get(code="BR-HEAD")
    group.in_branch.save()
    officer, campaign = _campaign(group, population="corruption_prone")
    assert services.campaign_launch(actor=officer, campaign=campaign) == 1


def test_late_answers_are_refused_or_marked_as_configured(group):
    officer, refusing = _campaign(group, company=group.a, population="company", late_policy="refuse")
    services.campaign_launch(actor=officer, campaign=refusing)
    late_day = refusing.deadline + dt.timedelta(days=1)
    with pytest.raises(ValidationError):
        submit(group.in_leaf, today=late_day)
    assert not Declaration.objects.exists()
    services.campaign_close(actor=officer, campaign=refusing)
    _officer, marking = _campaign(group, actor=officer, company=group.a, population="company", late_policy="mark")
    services.campaign_launch(actor=officer, campaign=marking)
    assert submit(group.in_leaf, today=marking.deadline + dt.timedelta(days=1)).is_late


def test_new_hires_are_asked_automatically(group):
    officer, campaign = _campaign(group, population="new_hires", hire_window_days=30)
    assert services.campaign_launch(actor=officer, campaign=campaign) == 0
    hire = EmployeeFactory(company=group.a, unit=group.leaf, hire_date=dt.date.today())
    assert services.campaign_remind(actor=SYSTEM)["new_hires"] == 1
    request = CampaignRequest.objects.get(employee=hire)
    assert request.due_date == dt.date.today() + dt.timedelta(days=30)


def test_reminders_go_to_those_who_have_not_answered(group):
    group.in_leaf.email, group.in_branch.email = "leaf@example.test", "branch@example.test"
    group.in_leaf.save()
    group.in_branch.save()
    officer, campaign = _campaign(group, company=group.a, population="company")
    services.campaign_launch(actor=officer, campaign=campaign)
    submit(group.in_leaf)
    group.in_root.email, group.in_root.dismissal_date = "gone@example.test", dt.date.today()
    group.in_root.save()
    counts = services.campaign_remind(actor=officer, campaign=campaign)
    assert counts["sent"] == 1 and [m.to for m in mail.outbox] == [["branch@example.test"]]


def test_a_company_officer_cannot_ask_the_whole_group(group):
    with pytest.raises(PermissionDenied):
        _campaign(group, actor=user_with_role("officer", company=group.a))
    with pytest.raises(ValidationError):
        _campaign(group, population="units")
    with pytest.raises(ValidationError):
        _campaign(group, deadline=dt.date(2000, 1, 1))


# ---------------------------------------------------------------------------- gifts


def _gift(employee, actor=SYSTEM, **data):  # type: ignore[no-untyped-def]
    values = {
        "kind": "received",
        "party_kind": "counterparty",
        "party_name": "Серік Маратов",
        "party_organisation": "ТОО «Жолдас Строй»",
        "occasion": "New Year",
        "description": "A basket of sweets",
        "value": Decimal("5000"),
        "currency": "KZT",
        "date": TODAY,
        "today": TODAY,
    }
    values.update(data)
    return services.gift_declare(actor=actor or employee_user(employee), employee=employee, **values)


def test_gifts_below_the_threshold_are_recorded_above_go_to_approval(group):
    threshold(unit_value="4325", units="2")  # 8,650 KZT
    assert _gift(group.in_leaf).status == Gift.Status.RECORDED
    assert _gift(group.in_leaf, value=Decimal("9000")).status == Gift.Status.PENDING
    assert _gift(group.in_leaf, party_kind="official").status == Gift.Status.PENDING
    assert _gift(group.in_leaf, currency="USD", value=Decimal("5")).status == Gift.Status.PENDING
    assert _gift(group.in_leaf, kind="declined", value=Decimal("90000")).status == Gift.Status.RECORDED


def test_without_a_threshold_for_the_year_approval_is_needed(group):
    assert _gift(group.in_leaf).status == Gift.Status.PENDING


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("currency", "XXX"),
        ("currency", ""),
        ("value", Decimal("-1")),
        ("value", "abc"),
        ("value", "NaN"),
        ("date", TODAY + dt.timedelta(days=1)),
        ("kind", "stolen"),
        ("party_name", ""),
    ],
)
def test_bad_gift_values_are_refused(group, field, value):
    with pytest.raises(ValidationError) as caught:
        _gift(group.in_leaf, **{field: value})
    assert field in caught.value.message_dict
    assert not Gift.objects.exists()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=20))
def test_a_typed_value_is_stored_as_a_non_negative_amount_or_refused_with_nothing_saved(group, value):
    before = Gift.objects.count()
    try:
        gift = _gift(group.in_leaf, value=value)
    except ValidationError:
        assert Gift.objects.count() == before
    else:
        stored = Gift.objects.get(pk=gift.pk).value
        assert stored.is_finite() and stored >= 0


def test_approval_by_an_approver_in_scope_never_by_the_employee(group):
    gift = _gift(group.in_leaf, value=Decimal("999999"))
    approver = user_with_role("approver", company=group.a)
    with pytest.raises(PermissionDenied):
        services.gift_decide(actor=user_with_role("approver", company=group.b), gift=gift, approve=True, comment="")
    own = employee_user(group.in_leaf)
    RoleAssignment.objects.create(user=own, role="approver", company=group.a)
    own.forget_access()
    with pytest.raises(PermissionDenied):
        services.gift_decide(actor=own, gift=gift, approve=True, comment="")
    with pytest.raises(ValidationError):
        services.gift_decide(actor=approver, gift=gift, approve=False, comment="")
    services.gift_decide(actor=approver, gift=gift, approve=False, comment="Too expensive; hand it over.")
    assert gift.status == Gift.Status.REFUSED
    officer = user_with_role("officer", company=group.a)
    services.gift_hand_over(actor=officer, gift=gift, date=TODAY, received_by="Compliance office", today=TODAY)
    assert gift.handed_over_at == TODAY
    with pytest.raises(ValidationError):
        services.gift_hand_over(actor=officer, gift=gift, date=TODAY, received_by="again", today=TODAY)


def test_repeated_gifts_from_one_source_are_flagged_whatever_the_spelling(group):
    threshold()
    _gift(group.in_leaf, date=TODAY - dt.timedelta(days=100))
    _gift(group.in_leaf, date=TODAY - dt.timedelta(days=50), party_organisation="ТОО Жолдас Строй")
    third = _gift(group.in_leaf, party_organisation="Zholdas Stroy LLP")
    assert selectors.gift_is_repeated(gift=third)
    other = _gift(group.in_branch, party_organisation="Other LLP")
    assert not selectors.gift_is_repeated(gift=other)


def test_thresholds_are_set_by_group_wide_administrators(group):
    admin = user_with_role("admin")
    t = services.threshold_set(actor=admin, country="kz", year=2026, unit_value="4325", units="2")
    assert t.unit == "mrp" and t.currency == "KZT" and t.amount == Decimal("8650.00")
    services.threshold_set(actor=admin, country="KZ", year=2026, unit_value="4400", units="2")
    assert Gift.objects.count() == 0
    with pytest.raises(PermissionDenied):
        services.threshold_set(
            actor=user_with_role("admin", company=group.a), country="KZ", year=2026, unit_value="1", units="1"
        )
    with pytest.raises(PermissionDenied):
        services.threshold_set(actor=user_with_role("officer"), country="KZ", year=2026, unit_value="1", units="1")
    with pytest.raises(ValidationError):
        services.threshold_set(actor=admin, country="RU", year=2026, unit_value="1", units="1")
    with pytest.raises(ValidationError):
        services.threshold_set(actor=admin, country="UZ", year=2026, unit_value="-5", units="1")


def test_gift_totals_per_employee_and_source(group):
    threshold()
    _gift(group.in_leaf)
    _gift(group.in_leaf, value=Decimal("1000"))
    totals = selectors.gift_totals(actor=user_with_role("officer"), year=TODAY.year, by="employee")
    assert [(t.count, t.value) for t in totals] == [(2, Decimal("6000"))]
    assert Campaign.objects.count() == 0


def test_a_reviewer_links_gifts_to_the_register_and_they_count_as_one_source(group):
    threshold()
    counterparty = CounterpartyFactory()
    officer = user_with_role("officer")
    gifts = [
        _gift(group.in_leaf, party_organisation=name, date=TODAY - dt.timedelta(days=days))
        for name, days in (("Supplier A", 10), ("Поставщик А", 20), ("SA LLP", 30))
    ]
    assert not selectors.gift_is_repeated(gift=gifts[0])
    for gift in gifts:
        services.gift_link_counterparty(actor=officer, gift=gift, identifier=counterparty.identifier)
    assert gifts[0].counterparty == counterparty and selectors.gift_is_repeated(gift=gifts[0])
    with pytest.raises(ValidationError):
        services.gift_link_counterparty(actor=officer, gift=gifts[0], identifier="000000000000")
    with pytest.raises(PermissionDenied):
        services.gift_link_counterparty(actor=employee_user(group.in_leaf), gift=gifts[0], identifier="x")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.text(max_size=400),
    identifier=st.text(max_size=30),
    organisation=st.text(max_size=400),
    share=st.one_of(st.none(), st.decimals(allow_nan=True, allow_infinity=True)),
)
def test_free_text_declarations_are_saved_whole_or_refused_with_nothing_saved(
    group, name, identifier, organisation, share
):
    """Whatever is typed, a declaration is saved with both its lines (a share between 0 and 100),
    or refused with a ValidationError and nothing written."""
    items = [
        relative(name, person_identifier=identifier),
        interest(organisation, organisation_identifier=identifier, share=share),
    ]
    before = Declaration.objects.count()
    try:
        declaration = submit(group.in_leaf, items=items)
    except ValidationError:
        assert Declaration.objects.count() == before
    else:
        saved = list(DeclarationItem.objects.filter(declaration=declaration))
        assert len(saved) == 2
        assert all(item.share is None or 0 <= item.share <= 100 for item in saved)


def test_a_measure_past_its_deadline_is_overdue_until_done(group):
    declaration = submit(group.in_leaf)
    officer = user_with_role("officer")
    services.declaration_review(actor=officer, declaration=declaration, outcome="potential", comment="Line.")
    measure = services.measure_add(
        actor=officer, declaration=declaration, kind="duties", description="Change duties.", owner=officer,
        deadline=dt.date.today(),
    )  # fmt: skip
    assert not measure.is_overdue
    measure.deadline = dt.date.today() - dt.timedelta(days=1)
    assert measure.is_overdue
    services.measure_complete(actor=officer, measure=measure, note="Done.")
    assert not measure.is_overdue


def test_the_owner_of_a_new_measure_is_told_by_mail_in_their_language(group, django_capture_on_commit_callbacks):
    declaration = submit(group.in_leaf)
    officer = user_with_role("officer")
    manager = user_with_role("approver", email="manager@example.test", language="ru")
    services.declaration_review(actor=officer, declaration=declaration, outcome="potential", comment="Line.")
    with django_capture_on_commit_callbacks(execute=True):
        services.measure_add(
            actor=officer, declaration=declaration, kind="reporting_line", description="Move.", owner=manager,
            deadline=TODAY + dt.timedelta(days=3),
        )  # fmt: skip
    assert [m.to for m in mail.outbox] == [["manager@example.test"]]
    assert group.in_leaf.full_name in mail.outbox[0].body and "Изменение линии подчинённости" in mail.outbox[0].body


def test_a_version_is_replaced_once_even_by_forms_submitted_at_the_same_moment(group):
    """The service reads the version it replaces inside its transaction; the database refuses a
    second declaration taking the place of the same one (two forms sent at once)."""
    first = submit(group.in_leaf, form_type="b")
    second = submit(group.in_leaf, form_type="b", supersedes=first)
    assert second.supersedes_id == first.pk
    with pytest.raises(ValidationError):
        submit(group.in_leaf, form_type="b", supersedes=first)
    # As if the second request had read `first` before the first one marked it replaced.
    Declaration.objects.filter(pk=first.pk).update(status=Declaration.Status.SUBMITTED)
    with pytest.raises(ValidationError):
        submit(group.in_leaf, form_type="b", supersedes=first)
    assert Declaration.objects.filter(supersedes=first).count() == 1


def test_measure_owners_are_offered_only_to_reviewers_and_only_within_their_scope(group):
    in_a = employee_user(group.in_leaf)
    in_b = employee_user(group.in_b)
    group_officer = user_with_role("officer")
    officer_b = user_with_role("officer", company=group.b)
    assert not selectors.measure_owners(actor=in_a).exists()
    assert {in_a, in_b} <= set(selectors.measure_owners(actor=group_officer))
    offered = set(selectors.measure_owners(actor=officer_b))
    assert in_b in offered and officer_b in offered and in_a not in offered
