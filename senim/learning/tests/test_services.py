"""Learning's services: the knowledge base (sanitising, search, Speak Up answers, view counts),
tests and attempts with their rules and bad input, certificates, assignments, training events,
external completions and the indicators."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from senim.accounts.tests.factories import user_with_role
from senim.core import indicators, markup
from senim.core.access import PermissionDenied
from senim.learning import selectors, services
from senim.learning.models import (
    Article,
    ArticleViewDay,
    Assignment,
    AssignmentItem,
    Attempt,
    Attendance,
    Certificate,
    ExternalCompletion,
    Test,
    TrainingEvent,
)
from senim.learning.services import CompletionRow, RowError
from senim.learning.tests.factories import NOW, answers, employee_user, make_test, officer
from senim.org.tests.factories import EmployeeFactory, PositionFactory
from senim.speakup.tests.factories import submit

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------------------------------ knowledge base


def test_script_in_an_article_is_removed(group):
    """A <script> element and a javascript: address never reach the page."""
    article = services.article_create(
        actor=officer(),
        title_en="Gifts",
        body_en="Hi <script>alert(1)</script> <a href='javascript:alert(2)'>go</a> <b onclick='x()'>bold</b>",
    )
    html = markup.render(article.body_en)
    assert "<script" not in html and "alert(1)" not in html
    assert "javascript:" not in html and "onclick" not in html and ">go</a>" in html
    assert "<b>bold</b>" in html


def test_article_needs_a_title_and_an_editor(group):
    with pytest.raises(ValidationError):
        services.article_create(actor=officer(), body_en="text")
    with pytest.raises(PermissionDenied):
        services.article_create(actor=employee_user(group.in_leaf), title_en="x")


def test_search_finds_word_forms_in_both_scripts_and_follows_edits(group):
    editor = officer()
    gifts = services.article_create(
        actor=editor, title_ru="Правила о подарках", title_kk="Сыйлықтар туралы", body_ru="Подарки работникам"
    )
    services.article_create(actor=editor, title_ru="Конфликт интересов", body_ru="Декларация")
    reader = employee_user(group.in_leaf)
    assert list(selectors.article_list(actor=reader, query="подарок")) == [gifts]
    assert list(selectors.article_list(actor=reader, query="syilyk")) == [gifts]
    assert list(selectors.article_list(actor=reader, query="podarok rabotnik")) == [gifts]
    services.article_update(actor=editor, article=gifts, data={"title_ru": "Взятки", "title_kk": "", "body_ru": ""})
    assert list(selectors.article_list(actor=reader, query="подарок")) == []
    assert list(selectors.article_list(actor=reader, query="взятка")) == [gifts]


def test_drafts_are_hidden_from_readers(group):
    draft = services.article_create(actor=officer(), title_en="Draft", is_published=False)
    reader = employee_user(group.in_leaf)
    with pytest.raises(Article.DoesNotExist):
        selectors.article_get(actor=reader, article_id=draft.pk)


def test_answer_to_a_speakup_question_is_published_without_the_case_content(group):
    case = submit(kind="question", content={"question": "Может ли мой брат Иванов стать поставщиком?"}).case
    editor = user_with_role("officer")
    article = services.faq_publish_from_case(
        actor=editor, case_id=case.pk, title_ru="Может ли родственник стать поставщиком?", body_ru="Да, при условии…"
    )
    assert article.kind == Article.Kind.FAQ and article.speakup_case_id == case.pk
    assert "Иванов" not in article.title_ru + article.body_ru
    reader = employee_user(group.in_leaf)
    assert selectors.article_case(actor=reader, article=article) is None
    assert selectors.article_case(actor=editor, article=article) == case


def test_only_questions_are_published_and_only_by_who_may_see_the_case(group):
    report = submit(kind="report").case
    with pytest.raises(ValidationError):
        services.faq_publish_from_case(actor=officer(), case_id=report.pk, title_en="x", body_en="y")
    question = submit(kind="question", company=group.b, content={"question": "?"}).case
    outsider = user_with_role("officer", company=group.a)
    with pytest.raises(Exception):  # noqa: B017  (the case is not visible: DoesNotExist)
        services.faq_publish_from_case(actor=outsider, case_id=question.pk, title_en="x", body_en="y")


def test_views_are_counted_per_day_without_readers(group):
    article = services.article_create(actor=officer(), title_en="Code")
    day = dt.date(2026, 2, 1)
    for _ in range(3):
        services.article_view(article=article, day=day)
    services.article_view(article=article, day=day + dt.timedelta(days=1))
    assert list(ArticleViewDay.objects.order_by("day").values_list("count", flat=True)) == [3, 1]
    assert selectors.article_views(actor=officer(), year=2026) == [{"article": article, "views": 4}]


# ------------------------------------------------------------------------------------ tests and attempts


def test_attempt_draws_n_questions_per_category(group):
    test = make_test(officer(), count=2)
    attempt = services.attempt_start(actor=employee_user(group.in_leaf), test=test, now=NOW)
    categories = [item.question.category.name for item in attempt.items.select_related("question__category")]
    assert sorted(categories) == ["Policy", "Policy", "Practice", "Practice"]


def test_passing_issues_a_certificate_and_failing_does_not(group):
    test = make_test(officer(), count=2, pass_mark=75)
    user = employee_user(group.in_leaf)
    attempt = services.attempt_start(actor=user, test=test, now=NOW)
    attempt = services.attempt_submit(actor=user, attempt=attempt, answers=answers(attempt, right=2), now=NOW)
    assert (attempt.score, attempt.passed) == (50, False)
    assert not Certificate.objects.exists()
    second = services.attempt_start(actor=user, test=test, now=NOW)
    second = services.attempt_submit(actor=user, attempt=second, answers=answers(second), now=NOW)
    assert (second.number, second.score, second.passed) == (2, 100, True)
    assert Certificate.objects.get().attempt == second


def test_answers_to_questions_not_in_the_attempt_are_refused(group):
    test = make_test(officer(), count=1)
    user = employee_user(group.in_leaf)
    attempt = services.attempt_start(actor=user, test=test, now=NOW)
    drawn = set(attempt.items.values_list("question_id", flat=True))
    foreign = test.rules.first().category.questions.exclude(pk__in=drawn).first()
    bad = {**answers(attempt), str(foreign.pk): "x"}
    with pytest.raises(ValidationError):
        services.attempt_submit(actor=user, attempt=attempt, answers=bad, now=NOW)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS
    assert not attempt.items.filter(response__isnull=False).exists()


def test_answers_after_the_time_limit_are_refused(group):
    test = make_test(officer(), count=1, time_limit_minutes=10)
    user = employee_user(group.in_leaf)
    attempt = services.attempt_start(actor=user, test=test, now=NOW)
    with pytest.raises(ValidationError):
        services.attempt_submit(
            actor=user, attempt=attempt, answers=answers(attempt), now=NOW + dt.timedelta(minutes=11)
        )
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score, attempt.passed) == (Attempt.Status.TIMED_OUT, 0, False)


def test_an_attempt_beyond_the_limit_is_refused(group):
    test = make_test(officer(), count=1, max_attempts=1)
    user = employee_user(group.in_leaf)
    attempt = services.attempt_start(actor=user, test=test, now=NOW)
    services.attempt_submit(actor=user, attempt=attempt, answers=answers(attempt, right=0), now=NOW)
    with pytest.raises(ValidationError):
        services.attempt_start(actor=user, test=test, now=NOW + dt.timedelta(days=1))
    assert Attempt.objects.count() == 1


def test_wait_between_attempts(group):
    test = make_test(officer(), count=1, wait_hours=24)
    user = employee_user(group.in_leaf)
    attempt = services.attempt_start(actor=user, test=test, now=NOW)
    services.attempt_submit(actor=user, attempt=attempt, answers=answers(attempt, right=0), now=NOW)
    with pytest.raises(ValidationError):
        services.attempt_start(actor=user, test=test, now=NOW + dt.timedelta(hours=23))
    assert services.attempt_start(actor=user, test=test, now=NOW + dt.timedelta(hours=25)).number == 2


def test_an_open_attempt_is_resumed_not_duplicated(group):
    test = make_test(officer(), count=1)
    user = employee_user(group.in_leaf)
    first = services.attempt_start(actor=user, test=test, now=NOW)
    assert services.attempt_start(actor=user, test=test, now=NOW + dt.timedelta(minutes=1)) == first


def test_someone_elses_attempt_cannot_be_submitted(group):
    test = make_test(officer(), count=1)
    attempt = services.attempt_start(actor=employee_user(group.in_leaf), test=test, now=NOW)
    with pytest.raises(PermissionDenied):
        services.attempt_submit(actor=employee_user(group.in_root), attempt=attempt, answers={}, now=NOW)


@pytest.mark.parametrize(("grading", "expected"), [(Test.Grading.BEST, 75), (Test.Grading.LAST, 50)])
def test_best_or_last_attempt_counts(group, grading, expected):
    test = make_test(officer(), count=2, grading=grading, pass_mark=100)
    user = employee_user(group.in_leaf)
    for right in (3, 2):
        attempt = services.attempt_start(actor=user, test=test, now=NOW)
        services.attempt_submit(actor=user, attempt=attempt, answers=answers(attempt, right=right), now=NOW)
    result = selectors.counted(list(Attempt.objects.filter(test=test)), grading)
    assert result is not None and result.score == expected


def test_a_test_cannot_draw_more_questions_than_a_category_has(group):
    from senim.learning.tests.factories import bank_with_questions

    actor = officer()
    policy_cat, _practice = bank_with_questions(actor, per_category=2)
    with pytest.raises(ValidationError):
        services.test_create(actor=actor, rules=[(policy_cat, 5)], title_en="Too many")


def test_bad_question_definitions_are_refused(group):
    from senim.learning.tests.factories import bank_with_questions

    actor = officer()
    category, _practice = bank_with_questions(actor, per_category=1)
    with pytest.raises(ValidationError):
        services.question_create(
            actor=actor, category=category, qtype="single", text_en="?", choices=[{"text_en": "only"}]
        )
    with pytest.raises(ValidationError):
        services.question_create(actor=actor, category=category, qtype="truefalse", text_en="?")


# ------------------------------------------------------------------------------------ assignments


def test_assignment_asks_the_audience_and_passing_completes_it(group):
    actor = officer()
    test = make_test(actor, count=1)
    assignment = services.assignment_create(
        actor=actor, test=test, audience="all", company=group.a, due_date=dt.date(2026, 6, 1)
    )
    assert assignment.items.count() == 3  # the three employees of company A
    user = employee_user(group.in_leaf)
    from senim.learning.tests.factories import pass_test

    pass_test(user, test, now=NOW)
    item = AssignmentItem.objects.get(employee=group.in_leaf)
    assert item.completed_at is not None
    overdue = selectors.overdue_items(actor=actor, today=dt.date(2026, 7, 1))
    assert {i.employee for i in overdue} == {group.in_root, group.in_branch}


def test_new_hires_are_asked_within_probation(group):
    actor = officer()
    test = make_test(actor, count=1)
    today = dt.date(2026, 3, 1)
    hire = EmployeeFactory(company=group.a, unit=group.leaf, hire_date=dt.date(2026, 2, 1))
    EmployeeFactory(company=group.a, unit=group.leaf, hire_date=dt.date(2025, 1, 1))
    services.assignment_create(actor=actor, test=test, audience="new_hires", probation_days=90, today=today)
    item = AssignmentItem.objects.get()
    assert (item.employee, item.due_date) == (hire, dt.date(2026, 5, 2))
    later = EmployeeFactory(company=group.b, unit=group.other, hire_date=dt.date(2026, 3, 5))
    assert services.assignment_sync(today=dt.date(2026, 3, 6)) == 1
    assert AssignmentItem.objects.filter(employee=later).exists()


def test_corruption_prone_assignment_is_renewed_every_year(group):
    actor = officer()
    test = make_test(actor, count=1)
    prone = PositionFactory(company=group.a, unit=group.leaf, is_corruption_prone=True)
    EmployeeFactory(company=group.a, unit=group.leaf, position=prone)
    services.assignment_create(
        actor=actor, test=test, audience="corruption_prone", due_date=dt.date(2025, 11, 1), today=dt.date(2025, 3, 1)
    )
    services.assignment_sync(today=dt.date(2026, 1, 10))
    assert sorted(Assignment.objects.values_list("year", flat=True)) == [2025, 2026]
    assert AssignmentItem.objects.filter(assignment__year=2026, due_date=dt.date(2026, 11, 1)).count() == 1


def test_company_officer_cannot_assign_to_the_whole_group(group):
    test = make_test(officer(), count=1)
    with pytest.raises(PermissionDenied):
        services.assignment_create(
            actor=user_with_role("officer", company=group.a), test=test, audience="all", due_date=dt.date(2026, 6, 1)
        )


# ------------------------------------------------------------------------------------ events and completions


def _event(group, actor, **kwargs):
    data = {
        "title": "Anti-corruption compliance",
        "trainer_organisation": "Anti-Corruption Agency",
        "date": dt.date(2026, 4, 2),
        "hours": 16,
        **kwargs,
    }
    return services.event_create(actor=actor, company=group.a, **data)


def test_attendees_import_is_all_or_nothing(group):
    actor = officer()
    event = _event(group, actor)
    with pytest.raises(RowError) as error:
        services.attendees_add(actor=actor, event=event, personnel_numbers=[group.in_leaf.personnel_number, "NOPE", ""])
    assert set(error.value.rows) == {3, 4}
    assert not Attendance.objects.exists()
    added = services.attendees_add(
        actor=actor, event=event, personnel_numbers=[group.in_leaf.personnel_number, group.in_root.personnel_number]
    )
    assert added == 2
    assert services.event_certificates_issue(actor=actor, event=event) == 2
    assert services.event_certificates_issue(actor=actor, event=event) == 0


def test_event_in_another_company_is_refused(group):
    with pytest.raises(PermissionDenied):
        _event(group, user_with_role("officer", company=group.b))


def test_xapi_statement_is_recorded_once(group):
    group.in_leaf.email = "leaf@example.kz"
    group.in_leaf.save()
    statement = {
        "id": "7f2b3c8e-6a4d-4b1f-9e2a-1c3d5e7f9a0b",
        "actor": {"mbox": "mailto:leaf@example.kz"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"},
        "object": {"id": "https://lms.example.kz/course/7", "definition": {"name": {"en": "Ethics"}}},
        "result": {"score": {"scaled": 0.85}, "success": True},
        "timestamp": "2026-05-04T10:00:00+05:00",
    }
    actor = officer()
    first = services.xapi_record(actor=actor, statement=statement)
    again = services.xapi_record(actor=actor, statement=statement)
    assert first == again and ExternalCompletion.objects.count() == 1
    assert (first.employee, first.passed, first.score, first.completed_on) == (
        group.in_leaf,
        True,
        85,
        dt.date(2026, 5, 4),
    )
    ignored = {**statement, "id": None, "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"}}
    assert services.xapi_record(actor=actor, statement=ignored) is None


def test_xapi_for_someone_outside_the_scope_is_refused(group):
    group.in_b.email = "b@example.uz"
    group.in_b.save()
    statement = {
        "actor": {"mbox": "mailto:b@example.uz"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": "x"},
    }
    with pytest.raises(ValidationError):
        services.xapi_record(actor=user_with_role("officer", company=group.a), statement=statement)


def test_completions_import_reports_bad_rows_and_saves_nothing(group):
    number = group.a.registration_number
    rows = [
        CompletionRow(group.in_leaf.personnel_number, number, "Ethics", "04.05.2026", "yes", 90),
        CompletionRow("NOPE", number, "Ethics", "2026-05-04", "", ""),
        CompletionRow(group.in_root.personnel_number, number, "Ethics", "someday", "maybe", 120),
    ]
    with pytest.raises(RowError) as error:
        services.completions_import(actor=officer(), rows=rows)
    assert set(error.value.rows) == {3, 4}
    assert not ExternalCompletion.objects.exists()
    assert services.completions_import(actor=officer(), rows=rows[:1]) == 1


# ------------------------------------------------------------------------------------ indicators


def _value(code: str, year: int, company=None):  # type: ignore[no-untyped-def]
    (value,) = indicators.compute_values(year=year, company_id=company, codes=[code])
    return value.value


def test_indicators_count_by_the_date_training_happened(group):
    actor = officer()
    test = make_test(actor, count=1)
    from senim.learning.tests.factories import pass_test

    pass_test(employee_user(group.in_leaf), test, now=dt.datetime(2025, 12, 30, 10, tzinfo=dt.UTC))
    failer = employee_user(group.in_root)
    attempt = services.attempt_start(actor=failer, test=test, now=NOW)
    services.attempt_submit(actor=failer, attempt=attempt, answers=answers(attempt, right=0), now=NOW)
    special = _event(group, actor, date=dt.date(2026, 4, 2))
    services.attendees_add(actor=actor, event=special, personnel_numbers=[group.in_branch.personnel_number])
    classroom = _event(group, actor, kind=TrainingEvent.Kind.CLASSROOM, date=dt.date(2026, 5, 2))
    services.attendees_add(actor=actor, event=classroom, personnel_numbers=[group.in_root.personnel_number])

    assert _value("learning.etest_passed", 2025) == 1
    assert _value("learning.etest_passed", 2026) == 0
    assert _value("learning.etest_pass_rate", 2025) == 100
    assert _value("learning.etest_pass_rate", 2026) == 0
    assert _value("learning.elearning_coverage", 2026) == 1
    assert _value("learning.special_courses", 2026) == 1
    assert _value("learning.special_courses", 2026, group.b.pk) == 0
    # Company A has three staff; in 2026 in_root (test, classroom) and in_branch (special) trained.
    assert _value("learning.staff_trained_share", 2026, group.a.pk) == 67
    shares = {row.unit: row for row in selectors.trained_share_by_unit(actor=actor, year=2026)}
    assert (shares[group.root].share, shares[group.root].band) == (100, 70)
    assert (shares[group.leaf].share, shares[group.leaf].band) == (0, 0)
