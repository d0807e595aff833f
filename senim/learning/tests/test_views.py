"""Learning pages: every page renders for the roles that hold it, an employee takes a test with a
plain form, bad input is a clear message (never a 500), and the PDFs are PDFs."""

import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from senim.accounts.tests.factories import user_with_role
from senim.learning import services
from senim.learning.models import Attempt, Attendance, Certificate, ExternalCompletion, QuestionBank
from senim.learning.tests.factories import answers, employee_user, make_test, officer
from senim.speakup.tests.factories import submit

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world(group):
    actor = officer()
    article = services.article_create(actor=actor, title_ru="Подарки", body_ru="Правила **о подарках**")
    test = make_test(actor, count=1)
    event = services.event_create(
        actor=actor,
        company=group.a,
        title="Special course",
        trainer_organisation="Academy",
        date=dt.date(2026, 4, 1),
        hours=8,
    )
    return {"officer": actor, "article": article, "test": test, "event": event}


OFFICER_PAGES = [
    ("learning:kb", {}),
    ("learning:article-create", {}),
    ("learning:kb-views", {}),
    ("learning:category-create", {}),
    ("learning:faq-from-case", {}),
    ("learning:results", {}),
    ("learning:results-units", {}),
    ("learning:assignments", {}),
    ("learning:assignment-create", {}),
    ("learning:overdue", {}),
    ("learning:banks", {}),
    ("learning:events", {}),
    ("learning:event-create", {}),
    ("learning:completions-import", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), OFFICER_PAGES)
def test_officer_pages_render(world, name, kwargs):
    assert _client(world["officer"]).get(reverse(name, kwargs=kwargs)).status_code == 200


def test_detail_pages_render(world):
    client = _client(world["officer"])
    bank = QuestionBank.objects.get()
    for url in [
        reverse("learning:article-detail", args=[world["article"].pk]),
        reverse("learning:article-edit", args=[world["article"].pk]),
        reverse("learning:bank-detail", args=[bank.pk]),
        reverse("learning:test-create", args=[bank.pk]),
        reverse("learning:event-detail", args=[world["event"].pk]),
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("role", "expected"),
    [("employee", 403), ("investigator", 403), ("approver", 403), ("auditor", 200), ("officer", 200)],
)
def test_results_by_role(world, role, expected):
    user = user_with_role(role)
    assert _client(user).get(reverse("learning:results")).status_code == expected


@pytest.mark.parametrize("role", ["employee", "investigator", "approver", "auditor", "officer", "admin"])
def test_every_role_reads_the_knowledge_base(world, role):
    client = _client(user_with_role(role))
    page = client.get(reverse("learning:kb") + "?q=podarok")
    assert page.status_code == 200 and "Подарки" in page.content.decode()
    article = client.get(reverse("learning:article-detail", args=[world["article"].pk]))
    assert "<strong>о подарках</strong>" in article.content.decode()


@pytest.mark.parametrize("name", ["learning:my-tests", "learning:my-certificates", "learning:kb"])
def test_employee_pages_render(world, group, name):
    assert _client(employee_user(group.in_leaf)).get(reverse(name)).status_code == 200


def test_employee_without_an_employee_record_cannot_take_tests(world):
    assert _client(user_with_role("officer")).get(reverse("learning:my-tests")).status_code == 403


def test_employee_takes_a_test_with_a_plain_form(world, group):
    user = employee_user(group.in_leaf)
    client = _client(user)
    response = client.post(reverse("learning:test-start", args=[world["test"].pk]))
    attempt = Attempt.objects.get()
    assert response.url == reverse("learning:attempt", args=[attempt.pk])
    page = client.get(response.url)
    assert page.status_code == 200
    data: dict = {}
    for question_id, answer in answers(attempt).items():
        if isinstance(answer, dict):
            for left, right in answer.items():
                data[f"q-{question_id}-{left}"] = right
        elif isinstance(answer, list):
            data[f"q-{question_id}[]"] = answer
        else:
            data[f"q-{question_id}"] = str(answer).lower() if isinstance(answer, bool) else answer
    client.post(response.url, data)
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score, attempt.passed) == ("submitted", 100, True)
    result = client.get(response.url).content.decode()
    certificate = Certificate.objects.get()
    assert reverse("learning:certificate-pdf", args=[certificate.pk]) in result
    pdf = client.get(reverse("learning:certificate-pdf", args=[certificate.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_forged_answer_is_a_message_not_an_error(world, group):
    client = _client(employee_user(group.in_leaf))
    client.post(reverse("learning:test-start", args=[world["test"].pk]))
    attempt = Attempt.objects.get()
    response = client.post(
        reverse("learning:attempt", args=[attempt.pk]), {"q-00000000-0000-0000-0000-000000000000": "x"}, follow=True
    )
    assert response.status_code == 200
    attempt.refresh_from_db()
    assert attempt.status == "in_progress"


def test_someone_elses_attempt_and_certificate_are_not_found(world, group):
    owner = employee_user(group.in_leaf)
    attempt = services.attempt_start(actor=owner, test=world["test"])
    services.attempt_submit(actor=owner, attempt=attempt, answers=answers(attempt))
    other = _client(employee_user(group.in_root))
    assert other.get(reverse("learning:attempt", args=[attempt.pk])).status_code == 404
    certificate = Certificate.objects.get()
    assert other.get(reverse("learning:certificate-pdf", args=[certificate.pk])).status_code == 404
    outside = _client(user_with_role("officer", company=group.b))
    assert outside.get(reverse("learning:certificate-pdf", args=[certificate.pk])).status_code == 404


def test_knowledge_base_pdf(world):
    response = _client(user_with_role("employee")).get(reverse("learning:kb-pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_article_form_removes_script(world):
    client = _client(world["officer"])
    client.post(
        reverse("learning:article-create"),
        {"kind": "article", "title_en": "Hi", "body_en": "Text <script>alert(1)</script>", "is_published": "on"},
    )
    from senim.learning.models import Article

    article = Article.objects.get(title_en="Hi")
    page = client.get(reverse("learning:article-detail", args=[article.pk])).content.decode()
    assert "alert(1)" not in page


def test_faq_from_a_speakup_question(world):
    case = submit(kind="question", content={"question": "Может ли брат стать поставщиком?"}).case
    client = _client(world["officer"])
    assert case.reference in client.get(reverse("learning:faq-from-case")).content.decode()
    response = client.post(
        reverse("learning:faq-from-case"),
        {"case": str(case.pk), "title_ru": "Может ли родственник стать поставщиком?", "body_ru": "Да, если…"},
    )
    assert response.status_code == 302


def _xlsx(rows: list[list]) -> io.BytesIO:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "list.xlsx"
    return data


def test_attendees_import_with_a_bad_row_saves_nothing(world, group):
    client = _client(world["officer"])
    url = reverse("learning:event-detail", args=[world["event"].pk])
    upload = _xlsx([["personnel number"], [group.in_leaf.personnel_number], ["NOPE"]])
    page = client.post(url, {"file": upload}).content.decode()
    assert "NOPE" in page and not Attendance.objects.exists()
    client.post(url, {"numbers": group.in_leaf.personnel_number})
    assert Attendance.objects.count() == 1


def test_completions_import(world, group):
    client = _client(world["officer"])
    upload = _xlsx(
        [
            ["personnel number", "company", "activity", "date", "passed", "score"],
            [group.in_leaf.personnel_number, group.a.registration_number, "Ethics", "04.05.2026", "yes", 90],
        ]
    )
    client.post(reverse("learning:completions-import"), {"file": upload})
    assert ExternalCompletion.objects.get().score == 90


def test_bank_import_reports_unsupported_questions(world):
    client = _client(world["officer"])
    bank = QuestionBank.objects.get()
    gift = io.BytesIO(b"::A:: Pick {=yes ~no}\n\n::B:: Essay {}\n")
    gift.name = "bank.gift"
    page = client.post(reverse("learning:bank-detail", args=[bank.pk]), {"file": gift, "language": "ru"})
    text = page.content.decode()
    assert "import-problems" in text and "essay" in text
    assert (
        bank.categories.filter(questions__text_ru="Pick _____").exists()
        or bank.categories.filter(questions__text_ru="Pick").exists()
    )
    export = client.get(reverse("learning:bank-export", args=[bank.pk, "gift"]))
    assert b"Pick" in export.content


def test_article_links_to_an_internal_document_for_those_who_may_open_it(world, group):
    from senim.awareness.tests.factories import adopted_code

    code = adopted_code(group, world["officer"])
    services.article_update(actor=world["officer"], article=world["article"], data={"document": code})
    url = reverse("learning:article-detail", args=[world["article"].pk])
    document_url = reverse("awareness:document-detail", args=[code.pk])
    assert document_url in _client(world["officer"]).get(url).content.decode()
    page = _client(employee_user(group.in_leaf)).get(url).content.decode()
    assert code.title in page and document_url not in page


def test_a_timed_test_shows_a_countdown_and_a_page_opened_late_is_closed(world, group):
    """The countdown is a static script driven by data attributes; the server closes the attempt."""
    timed = make_test(world["officer"], count=1, time_limit_minutes=10, title_en="Timed")
    user = employee_user(group.in_leaf)
    client = _client(user)
    attempt = services.attempt_start(actor=user, test=timed)
    page = client.get(reverse("learning:attempt", args=[attempt.pk])).content.decode()
    assert 'data-countdown-seconds="' in page and 'data-countdown-form="#attempt-form"' in page
    assert "/static/senim/js/countdown.js" in page and "<script>" not in page
    Attempt.objects.filter(pk=attempt.pk).update(deadline_at=attempt.started_at - dt.timedelta(minutes=5))
    late = client.get(reverse("learning:attempt", args=[attempt.pk])).content.decode()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.TIMED_OUT and 'name="q-' not in late
    untimed = services.attempt_start(actor=user, test=world["test"])
    assert "countdown.js" not in client.get(reverse("learning:attempt", args=[untimed.pk])).content.decode()
