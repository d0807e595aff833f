"""Factories and helpers for learning's tests: a question bank with every question type, a test
drawing from it, users per role."""

import datetime as dt
from typing import Any

from django.utils import timezone

from senim.accounts.tests.factories import user_with_role
from senim.learning import services
from senim.learning.models import Attempt, Question, QuestionCategory, QuestionType, Test

NOW = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


def officer():  # type: ignore[no-untyped-def]
    return user_with_role("officer")


def employee_user(employee):  # type: ignore[no-untyped-def]
    return user_with_role("employee", employee=employee)


def bank_with_questions(actor: Any, *, per_category: int = 3) -> tuple[QuestionCategory, QuestionCategory]:
    """Two categories: «Policy» with single/multiple/true-false questions, «Practice» with
    matching and short-answer ones (per_category of each kind, cycling)."""
    bank = services.bank_create(actor=actor, title="Anti-corruption basics")
    policy_cat = services.category_get_or_create(bank=bank, name="Policy")
    practice = services.category_get_or_create(bank=bank, name="Practice")
    for i in range(per_category):
        kind = [QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE][i % 3]
        if kind == QuestionType.SINGLE:
            services.question_create(
                actor=actor,
                category=policy_cat,
                qtype=kind,
                text_en=f"Single {i}",
                text_uz=f"Yagona {i}",
                choices=[
                    {"text_en": "right", "text_uz": "toʻgʻri", "is_correct": True},
                    {"text_en": "wrong", "text_uz": "notoʻgʻri"},
                ],
            )
        elif kind == QuestionType.MULTIPLE:
            services.question_create(
                actor=actor,
                category=policy_cat,
                qtype=kind,
                text_en=f"Multiple {i}",
                choices=[
                    {"text_en": "a", "is_correct": True},
                    {"text_en": "b", "is_correct": True},
                    {"text_en": "c"},
                ],
            )
        else:
            services.question_create(
                actor=actor, category=policy_cat, qtype=kind, text_en=f"True {i}", answer_true=True
            )
        if i % 2 == 0:
            services.question_create(
                actor=actor,
                category=practice,
                qtype=QuestionType.MATCHING,
                text_en=f"Match {i}",
                choices=[{"text_en": "gift", "match_en": "declare"}, {"text_en": "bribe", "match_en": "report"}],
            )
        else:
            services.question_create(
                actor=actor,
                category=practice,
                qtype=QuestionType.SHORT,
                text_en=f"Short {i}",
                choices=[{"text_en": "Compliance service"}, {"text_ru": "Служба комплаенс"}],
            )
    return policy_cat, practice


def make_test(actor: Any, *, count: int = 2, **kwargs: Any) -> Test:
    policy_cat, practice = bank_with_questions(actor, per_category=max(3, count))
    data = {"title_en": "Annual test", "title_uz": "Yillik test", "pass_mark": 60, **kwargs}
    return services.test_create(actor=actor, rules=[(policy_cat, count), (practice, count)], **data)


def right_answer(item: Any) -> Any:
    """The correct answer of a drawn question, in the shape the submit service takes."""
    question: Question = item.question
    choices = list(question.choices.all())
    if question.qtype == QuestionType.SINGLE:
        return str(next(c.pk for c in choices if c.is_correct))
    if question.qtype == QuestionType.MULTIPLE:
        return [str(c.pk) for c in choices if c.is_correct]
    if question.qtype == QuestionType.TRUE_FALSE:
        return question.answer_true
    if question.qtype == QuestionType.MATCHING:
        return {str(c.pk): str(c.pk) for c in choices}
    return "  compliance SERVICE "


def wrong_answer(item: Any) -> Any:
    question: Question = item.question
    choices = list(question.choices.all())
    if question.qtype == QuestionType.SINGLE:
        return str(next(c.pk for c in choices if not c.is_correct))
    if question.qtype == QuestionType.MULTIPLE:
        return [str(choices[0].pk)]
    if question.qtype == QuestionType.TRUE_FALSE:
        return not question.answer_true
    if question.qtype == QuestionType.MATCHING:
        return {str(choices[0].pk): str(choices[1].pk), str(choices[1].pk): str(choices[0].pk)}
    return "nobody"


def answers(attempt: Attempt, *, right: int | None = None) -> dict[str, Any]:
    """Answers for an attempt: the first `right` correct (all when None), the rest wrong."""
    items = list(attempt.items.select_related("question").prefetch_related("question__choices"))
    right = len(items) if right is None else right
    return {
        str(item.question_id): right_answer(item) if i < right else wrong_answer(item) for i, item in enumerate(items)
    }


def pass_test(user: Any, test: Test, *, now: dt.datetime | None = None) -> Attempt:
    now = now or timezone.now()
    attempt = services.attempt_start(actor=user, test=test, now=now)
    return services.attempt_submit(actor=user, attempt=attempt, answers=answers(attempt), now=now)
