"""Editing what officers build: a course and its pages, and a single question of a bank.

A question already drawn in an attempt keeps its options: the attempt stored their ids and the
employee's answers point at them, so changing the options would rewrite a result after the fact.
Its texts may still be corrected, and it can be retired (inactive) and replaced by a new one."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from senim.core.access import Actor
from senim.core.audit import audit_record
from senim.core.i18n import language_fields
from senim.core.services import model_update
from senim.learning import policy
from senim.learning.models import AttemptQuestion, Choice, Course, CoursePage, Question, QuestionType
from senim.learning.services.common import require_group
from senim.learning.services.testing import check_question

__all__ = ["COURSE_FIELDS", "PAGE_FIELDS", "course_update", "page_update", "question_update"]

COURSE_FIELDS = [*language_fields("title"), *language_fields("summary"), "is_active"]
PAGE_FIELDS = ["order", *language_fields("title"), *language_fields("body")]
QUESTION_FIELDS = ["name", *language_fields("text"), "is_active", "answer_true"]
CHOICE_FIELDS = [*language_fields("text"), *language_fields("match"), "is_correct"]


def _titled(data: dict[str, Any], instance: Any, base: str, message: str) -> None:
    if not any(data.get(f, getattr(instance, f)) for f in language_fields(base)):
        raise ValidationError({f"{base}_ru": message})


def course_update(*, actor: Actor, course: Course, data: dict[str, Any]) -> Course:
    """Change a course's titles, summaries or whether it is offered."""
    require_group(actor, policy.MANAGE)
    _titled(data, course, "title", _("Give the title in at least one language."))
    return model_update(
        actor=actor, instance=course, data=data, fields=COURSE_FIELDS, event_type="learning.course.updated"
    )


def page_update(*, actor: Actor, page: CoursePage, data: dict[str, Any]) -> CoursePage:
    """Change a course page's order, titles or texts (Markdown, sanitised when shown)."""
    require_group(actor, policy.MANAGE)
    _titled(data, page, "title", _("Give the title in at least one language."))
    return model_update(actor=actor, instance=page, data=data, fields=PAGE_FIELDS, event_type="learning.page.updated")


def question_update(
    *, actor: Actor, question: Question, data: dict[str, Any], choices: list[dict[str, Any]] | None = None
) -> Question:
    """Correct a question's texts, retire or restore it, and (while no attempt has drawn it) replace
    its options, pairs or accepted answers; all or nothing."""
    require_group(actor, policy.MANAGE)
    _titled(data, question, "text", _("Give the question in at least one language."))
    drawn = AttemptQuestion.objects.filter(question=question).exists()
    if drawn and (choices is not None or ("answer_true" in data and data["answer_true"] != question.answer_true)):
        raise ValidationError(
            _("This question was already drawn in an attempt: its answers cannot change. Retire it and add a new one.")
        )
    if question.qtype != QuestionType.TRUE_FALSE:
        data = {k: v for k, v in data.items() if k != "answer_true"}
    with transaction.atomic():
        if choices is not None:
            check_question(question.qtype, question.answer_true, choices)
            question.choices.all().delete()
            Choice.objects.bulk_create(
                [
                    Choice(question=question, order=i, **{k: v for k, v in c.items() if k in CHOICE_FIELDS})
                    for i, c in enumerate(choices)
                ]
            )
            audit_record(
                actor=actor,
                event_type="learning.question.updated",
                obj=question,
                changes={"choices": [None, len(choices)]},
            )
        elif question.qtype == QuestionType.TRUE_FALSE and data.get("answer_true", question.answer_true) is None:
            raise ValidationError(_("Say whether the statement is true or false."))
        return model_update(
            actor=actor, instance=question, data=data, fields=QUESTION_FIELDS, event_type="learning.question.updated"
        )
