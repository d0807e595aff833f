"""The questionnaire: personal links (no account, expiry, drafts, one submission, guessing limited),
tampered forms refused, staff entry of paper copies with the scan, versions, and red flags."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.core import files
from senim.core.access import PermissionDenied
from senim.counterparties import selectors, services
from senim.counterparties.models import Answer, QuestionnaireResponse
from senim.counterparties.tests.factories import CounterpartyFactory, OwnerFactory

pytestmark = pytest.mark.django_db

COMPLETE = {
    "q_owners": "Сапаров Ерлан; ; 100 %",
    "q_managers": "Ким Ольга; ; директор",
    "q_officials": "no",
    "q_policy": "yes",
    "q_programme": "officer",
    "q_investigations": "no",
    "q_agents": "yes",
}


@pytest.fixture
def link(group):
    counterparty = CounterpartyFactory()
    response, token = services.questionnaire_send(
        actor=user_with_role("officer"), counterparty=counterparty, company=group.a
    )
    return response, reverse("counterparties:questionnaire-public", args=[token])


def _post(url, data, **extra):
    return Client().post(url, {"version": "1", **data}, **extra)


def test_the_link_opens_without_an_account_in_the_chosen_language(link):
    _response, url = link
    client = Client()
    client.post(reverse("set_language"), {"language": "kk", "next": url})
    page = client.get(url)
    assert page.status_code == 200
    assert "Контрагенттің сыбайлас жемқорлыққа қарсы сауалнамасы" in page.content.decode()


def test_a_draft_is_saved_then_the_questionnaire_is_submitted_once(link):
    response, url = link
    draft = _post(url, {"q_officials": "yes", "action": "draft"})
    assert draft.status_code == 302
    response.refresh_from_db()
    assert response.status == "draft"
    incomplete = _post(url, {"q_officials": "yes", "action": "submit"})
    assert incomplete.status_code == 200 and "must be answered" in incomplete.content.decode()
    done = _post(url, {**COMPLETE, "action": "submit"})
    assert done.status_code == 200
    response.refresh_from_db()
    assert response.status == "submitted" and response.submitted_at
    assert Answer.objects.get(response=response, question__code="owners").value[0]["name"] == "Сапаров Ерлан"
    again = Client().get(url)
    assert again.status_code == 410 and "already submitted" in again.content.decode()
    resubmit = _post(url, {**COMPLETE, "action": "submit"})
    assert resubmit.status_code == 410


def test_an_expired_link_shows_a_clear_page_and_changes_nothing(link):
    response, url = link
    QuestionnaireResponse.objects.filter(pk=response.pk).update(expires_on=dt.date.today() - dt.timedelta(days=1))
    page = _post(url, {**COMPLETE, "action": "submit"})
    assert page.status_code == 410 and "expired" in page.content.decode()
    assert not Answer.objects.exists()


def test_answers_to_unknown_questions_or_a_tampered_version_are_refused_and_nothing_is_saved(link):
    response, url = link
    unknown = _post(url, {**COMPLETE, "q_salary": "1", "action": "draft"})
    assert unknown.status_code == 400
    tampered = Client().post(url, {**COMPLETE, "version": "7", "action": "draft"})
    assert tampered.status_code == 400
    response.refresh_from_db()
    assert response.status == "sent" and not Answer.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("q_officials", "maybe"),
        ("q_programme", "bribes"),
        ("q_founded", "30.02.2020"),
        ("q_staff", "many"),
        ("q_owners", "Иванов; 123"),
    ],
)
def test_bad_answers_are_shown_by_question(link, field, value):
    response, url = link
    page = _post(url, {**COMPLETE, field: value, "action": "submit"})
    assert page.status_code == 200 and "has-error" in page.content.decode()
    response.refresh_from_db()
    assert response.status == "sent"


def test_a_file_answer_is_stored_and_only_allowed_types_are_accepted(link):
    response, url = link
    bad = _post(url, {**COMPLETE, "action": "draft", "q_policy_file": SimpleUploadedFile("x.exe", b"MZ")})
    assert bad.status_code == 200 and "PDF" in bad.content.decode()
    good = _post(url, {**COMPLETE, "action": "submit", "q_policy_file": SimpleUploadedFile("policy.pdf", b"%PDF-1.4")})
    assert good.status_code == 200
    answer = Answer.objects.get(response=response, question__code="policy_file")
    assert answer.file_name == "policy.pdf" and files.file_exists(answer.stored_file)


def test_guessing_links_is_limited_per_client(link):
    _response, url = link
    client = Client()
    for n in range(questionnaires_limit()):
        assert client.get(reverse("counterparties:questionnaire-public", args=[f"guess{n}"])).status_code == 404
    assert client.get(url).status_code == 429


def questionnaires_limit() -> int:
    from senim.counterparties.questionnaire_views import LINK_FAILURES_PER_HOUR

    return LINK_FAILURES_PER_HOUR + 1


def test_submitted_answers_feed_red_flags_of_a_new_verification(group, link):
    response, url = link
    OwnerFactory(counterparty=response.counterparty, share=Decimal("100"))
    _post(url, {**COMPLETE, "q_officials": "yes", "action": "submit"})
    case = services.case_open(
        actor=user_with_role("officer"),
        company=group.a,
        counterparty=response.counterparty,
        procurement_method="open_tender",
        subject="Услуги",
    )
    assert set(case.flags.values_list("flag__code", flat=True)) == {"official_owner", "agent_fees"}


def test_staff_enter_a_paper_copy_with_its_scan(group):
    counterparty = CounterpartyFactory()
    client = Client()
    client.force_login(user_with_role("officer", company=group.a))
    url = reverse("counterparties:questionnaire-paper", args=[counterparty.pk])
    assert client.get(url).status_code == 200
    missing = client.post(url, {**COMPLETE, "company": group.a.pk})
    assert missing.status_code == 200 and not QuestionnaireResponse.objects.exists()
    scan = SimpleUploadedFile("scan.pdf", b"%PDF-1.4 scan")
    saved = client.post(url, {**COMPLETE, "company": group.a.pk, "scan": scan})
    assert saved.status_code == 302
    response = QuestionnaireResponse.objects.get()
    assert response.status == "submitted" and response.scan_name == "scan.pdf" and response.entered_by
    detail = client.get(saved["Location"])
    assert detail.status_code == 200 and "Ким Ольга" in detail.content.decode()
    assert client.get(reverse("counterparties:questionnaire-scan", args=[response.pk])).status_code == 200
    other = Client()
    other.force_login(user_with_role("auditor", company=group.b))
    assert other.get(saved["Location"]).status_code == 404


def test_sending_is_scoped_and_the_link_page_shows_it_once(group):
    counterparty = CounterpartyFactory()
    with pytest.raises(PermissionDenied):
        services.questionnaire_send(actor=user_with_role("auditor"), counterparty=counterparty, company=group.a)
    client = Client()
    client.force_login(user_with_role("investigator"))
    page = client.post(
        reverse("counterparties:questionnaire-send", args=[counterparty.pk]), {"company": group.a.pk, "valid_days": 14}
    )
    assert page.status_code == 200 and "/counterparties/q/" in page.content.decode()
    assert selectors.response_list(actor=user_with_role("auditor", company=group.a)).count() == 1


def test_versions_a_published_one_never_changes_and_a_new_one_is_a_copy(group):
    admin = user_with_role("admin")
    current = services.questionnaire_current()
    with pytest.raises(ValidationError):
        services.question_save(actor=admin, questionnaire=current, order=99, code="x", text_en="X", answer_type="text")
    draft = services.questionnaire_new_version(actor=admin)
    assert draft.version == 2 and draft.questions.count() == current.questions.count()
    with pytest.raises(ValidationError):
        services.questionnaire_new_version(actor=admin)
    services.question_save(
        actor=admin, questionnaire=draft, order=99, code="gifts", text_en="Gifts?", answer_type="yes_no"
    )
    with pytest.raises(ValidationError):
        services.question_save(
            actor=admin, questionnaire=draft, order=98, code="kind", text_en="Kind?", answer_type="choice"
        )
    services.questionnaire_publish(actor=admin, questionnaire=draft)
    assert services.questionnaire_current() == draft
    with pytest.raises(PermissionDenied):
        services.questionnaire_new_version(actor=user_with_role("officer", company=group.a))


def test_a_nul_character_in_a_multipart_answer_is_refused_not_stored(link):
    response, url = link
    page = _post(
        url,
        {**COMPLETE, "q_comments": "a\x00b", "action": "draft", "q_policy_file": SimpleUploadedFile("p.pdf", b"%PDF")},
    )
    assert page.status_code == 200 and "NUL" in page.content.decode()
    assert not Answer.objects.filter(response=response).exists()


def test_officers_keep_versions_through_the_pages(group):
    client = Client()
    client.force_login(user_with_role("officer"))
    created = client.post(reverse("counterparties:questionnaire-version-create"))
    assert created.status_code == 302
    draft = services.questionnaire_current().__class__.objects.get(version=2)
    url = reverse("counterparties:question-create", args=[draft.pk])
    bad = client.post(
        url, {"order": 20, "code": "gifts", "text_en": "Gifts?", "answer_type": "choice", "choices_json": "[oops"}
    )
    assert bad.status_code == 200 and not draft.questions.filter(code="gifts").exists()
    choices = '[{"value": "none", "en": "None", "ru": "Нет"}]'
    ok = client.post(
        url,
        {
            "order": 20,
            "code": "gifts",
            "text_en": "Gifts?",
            "answer_type": "choice",
            "choices_json": choices,
            "is_required": "on",
        },
    )
    assert ok.status_code == 302 and draft.questions.get(code="gifts").choices[0]["value"] == "none"
    assert client.post(reverse("counterparties:questionnaire-publish", args=[draft.pk])).status_code == 302
    assert services.questionnaire_current() == draft
    published = client.get(reverse("counterparties:question-create", args=[draft.pk]))
    assert published.status_code == 200
    refused = client.post(
        reverse("counterparties:question-create", args=[draft.pk]),
        {"order": 21, "code": "late", "text_en": "Late?", "answer_type": "text"},
    )
    assert refused.status_code == 200 and not draft.questions.filter(code="late").exists()
    scoped = Client()
    scoped.force_login(user_with_role("officer", company=group.a))
    assert scoped.post(reverse("counterparties:questionnaire-version-create")).status_code == 302
    assert not services.questionnaire_current().__class__.objects.filter(version=3).exists()
