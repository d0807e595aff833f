"""Officers build courses (pages in Markdown, files in storage) and single questions on pages and
over the API; a question already drawn keeps its answers; employees cannot build anything."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from senim.accounts import services as account_services
from senim.learning import services
from senim.learning.models import Attachment, Choice, Course, Question
from senim.learning.tests.factories import answers, employee_user, make_test, officer

pytestmark = pytest.mark.django_db
API = "/api/v1/learning"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def _api(user) -> Client:  # type: ignore[no-untyped-def]
    _record, secret = account_services.api_token_create(actor=user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_an_officer_builds_a_course_with_a_page_and_a_file_on_the_pages(group):
    actor = officer()
    client = _client(actor)
    created = client.post(reverse("learning:courses"), {"title_kk": "Сыбайлас жемқорлыққа қарсы", "is_active": "on"})
    course = Course.objects.get()
    assert created.url == reverse("learning:course-edit", args=[course.pk])
    added = client.post(
        reverse("learning:course-edit", args=[course.pk]),
        {
            "add_page": "1",
            "page-order": "1",
            "page-title_kk": "Кіріспе",
            "page-body_kk": "**Маңызды** <script>x()</script>",
        },
    )
    page = course.pages.get()
    assert added.url == reverse("learning:page-edit", args=[page.pk])
    upload = SimpleUploadedFile("ереже.pdf", b"%PDF-1.4 rules", content_type="application/pdf")
    client.post(reverse("learning:page-attach", args=[page.pk]), {"file": upload})
    attachment = Attachment.objects.get(page=page)
    assert attachment.stored_as and not bytes(attachment.data)
    reader = _client(employee_user(group.in_leaf))
    shown = reader.get(reverse("learning:course-detail", args=[course.pk])).content.decode()
    assert "<strong>Маңызды</strong>" in shown and "x()" not in shown
    assert reader.get(reverse("learning:attachment", args=[attachment.pk])).content == b"%PDF-1.4 rules"
    empty = SimpleUploadedFile("empty.txt", b"", content_type="text/plain")
    client.post(reverse("learning:page-attach", args=[page.pk]), {"file": empty})
    assert Attachment.objects.count() == 1
    renamed = client.post(
        reverse("learning:course-edit", args=[course.pk]), {"save_course": "1", "title_kk": "", "title_en": ""}
    )
    assert renamed.status_code == 200 and Course.objects.get().title_kk == "Сыбайлас жемқорлыққа қарсы"
    assert reader.get(reverse("learning:courses")).status_code == 403
    assert reader.get(reverse("learning:page-edit", args=[page.pk])).status_code == 403


def test_an_officer_adds_and_edits_a_single_question_on_the_pages(group):
    actor = officer()
    test = make_test(actor, count=1)
    bank = test.rules.first().category.bank
    client = _client(actor)
    page = reverse("learning:question-create", args=[bank.pk])
    bad = client.post(
        page, {"category": "Gifts", "qtype": "single", "text_en": "Gift?", "language": "en", "options": "a\nb"}
    )
    assert bad.status_code == 200 and not Question.objects.filter(category__name="Gifts").exists()
    client.post(
        page,
        {
            "category": "Gifts",
            "qtype": "single",
            "text_en": "Gift?",
            "language": "en",
            "options": "* refuse\naccept",
            "is_active": "on",
        },
    )
    question = Question.objects.get(category__name="Gifts")
    assert [(c.text_en, c.is_correct) for c in question.choices.order_by("order")] == [
        ("refuse", True),
        ("accept", False),
    ]
    edit = reverse("learning:question-edit", args=[question.pk])
    assert "* refuse" in client.get(edit).content.decode()
    client.post(
        edit, {"text_en": "A gift?", "language": "en", "options": "refuse\n* report it\naccept", "is_active": "on"}
    )
    question.refresh_from_db()
    assert question.text_en == "A gift?" and question.choices.get(is_correct=True).text_en == "report it"


def test_courses_and_questions_over_the_api_and_a_drawn_question_keeps_its_answers(group):
    actor = officer()
    client = _api(actor)
    course = client.post(f"{API}/courses", json.dumps({"title_uz": "Kurs"}), content_type="application/json")
    assert course.status_code == 201, course.content
    course_id = course.json()["id"]
    page = client.post(
        f"{API}/courses/{course_id}/pages",
        json.dumps({"title_uz": "Kirish", "body_uz": "# Salom"}),
        content_type="application/json",
    )
    assert page.status_code == 201 and page.json()["html"] == "<h1>Salom</h1>\n"
    page_id = page.json()["id"]
    patched = client.patch(f"{API}/pages/{page_id}", json.dumps({"order": 3}), content_type="application/json")
    assert patched.json()["order"] == 3 and patched.json()["title"] == "Kirish"
    upload = client.post(f"{API}/pages/{page_id}/attachments", {"file": SimpleUploadedFile("a.txt", b"hello")})
    assert upload.status_code == 201 and upload.json()["size"] == 5
    assert (
        client.patch(
            f"{API}/courses/{course_id}", json.dumps({"title_uz": ""}), content_type="application/json"
        ).status_code
        == 422
    )
    assert client.get(f"{API}/courses/{course_id}").json()["pages"][0]["attachments"][0]["name"] == "a.txt"

    test = make_test(actor, count=1)
    bank = test.rules.first().category.bank
    made = client.post(
        f"{API}/banks/{bank.pk}/questions",
        json.dumps({"category": "Policy", "type": "truefalse", "text_en": "Gifts are fine", "answer_true": False}),
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    missing = client.post(
        f"{API}/banks/{bank.pk}/questions",
        json.dumps({"category": "Policy", "type": "single", "text_en": "?", "choices": [{"text_en": "a"}]}),
        content_type="application/json",
    )
    assert missing.status_code == 422

    drawn_user = employee_user(group.in_leaf)
    attempt = services.attempt_start(actor=drawn_user, test=test)
    drawn = attempt.items.first().question
    choices_before = list(Choice.objects.filter(question=drawn).values_list("pk", flat=True))
    refused = client.patch(
        f"{API}/questions/{drawn.pk}",
        json.dumps({"choices": [{"text_en": "x", "is_correct": True}, {"text_en": "y"}]}),
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert list(Choice.objects.filter(question=drawn).values_list("pk", flat=True)) == choices_before
    retired = client.patch(
        f"{API}/questions/{drawn.pk}", json.dumps({"is_active": False}), content_type="application/json"
    )
    assert retired.status_code == 200 and retired.json()["is_active"] is False
    services.attempt_submit(actor=drawn_user, attempt=attempt, answers=answers(attempt))

    employee = _api(employee_user(group.in_root))
    assert (
        employee.post(f"{API}/courses", json.dumps({"title_uz": "X"}), content_type="application/json").status_code
        == 403
    )
    assert (
        employee.patch(f"{API}/questions/{drawn.pk}", json.dumps({}), content_type="application/json").status_code
        == 403
    )
