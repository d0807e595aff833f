"""Knowledge-base writes: categories, articles (with their search keys), attachments, FAQ entries
published from Speak Up questions, and daily view counts."""

import datetime as dt
import re
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core import markup
from senim.core.access import Actor
from senim.core.audit import audit_record
from senim.core.i18n import language_fields
from senim.core.services import model_create, model_update
from senim.learning import policy
from senim.learning.models import Article, ArticleKey, ArticleViewDay, Attachment, Category, CoursePage
from senim.learning.services.common import require_group
from senim.learning.textsearch import document_keys
from senim.speakup import selectors as speakup_selectors
from senim.speakup.models import Kind as CaseKind

__all__ = [
    "ARTICLE_FIELDS",
    "MAX_ATTACHMENT_BYTES",
    "article_create",
    "article_reindex",
    "article_update",
    "article_view",
    "attachment_add",
    "category_create",
    "faq_publish_from_case",
]

ARTICLE_FIELDS = [
    "kind",
    "category",
    *language_fields("title"),
    *language_fields("body"),
    "document",
    "document_title",
    "document_reference",
    "is_published",
    "published_on",
]
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def category_create(*, actor: Actor, **data: Any) -> Category:
    require_group(actor, policy.EDIT_KB)
    category = Category(**{k: v for k, v in data.items() if k in {"order", *language_fields("name")}})
    if not any(getattr(category, f) for f in language_fields("name")):
        raise ValidationError({"name_ru": _("Give the name in at least one language.")})
    return model_create(actor=actor, instance=category, event_type="learning.category.created", fields=["name_en"])


def _check_article(article: Article) -> None:
    if not any(getattr(article, f) for f in language_fields("title")):
        raise ValidationError({"title_ru": _("Give the title in at least one language.")})


def _article_keys(article: Article) -> set[str]:
    texts = [getattr(article, f) for f in language_fields("title")]
    texts += [markup.plain_text(getattr(article, f)) for f in language_fields("body")]
    return document_keys(*texts)


def article_reindex(*, article: Article) -> None:
    """Replace the article's search keys (called inside the writing transaction)."""
    ArticleKey.objects.filter(article=article).delete()
    ArticleKey.objects.bulk_create([ArticleKey(article=article, key=key) for key in sorted(_article_keys(article))])


def article_create(*, actor: Actor, **data: Any) -> Article:
    """Create an article; its text is Markdown, sanitised whenever it is shown."""
    require_group(actor, policy.EDIT_KB)
    article = Article(**{k: v for k, v in data.items() if k in ARTICLE_FIELDS or k == "speakup_case"})
    article.created_by = actor  # type: ignore[assignment]
    if article.is_published and not article.published_on:
        article.published_on = timezone.localdate()
    _check_article(article)
    with transaction.atomic():
        model_create(actor=actor, instance=article, event_type="learning.article.created", fields=ARTICLE_FIELDS)
        article_reindex(article=article)
    return article


def article_update(*, actor: Actor, article: Article, data: dict[str, Any]) -> Article:
    require_group(actor, policy.EDIT_KB)
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if not any(data.get(f, getattr(article, f)) for f in language_fields("title")):
            raise ValidationError({"title_ru": _("Give the title in at least one language.")})
        if data.get("is_published", article.is_published) and not data.get("published_on", article.published_on):
            data = {**data, "published_on": timezone.localdate()}
        model_update(
            actor=actor, instance=article, data=data, fields=ARTICLE_FIELDS, event_type="learning.article.updated"
        )
        article_reindex(article=article)
    return article


def _store(attachment: Attachment, data: bytes) -> None:
    """Write the file to Django's storage under a name that cannot collide or climb out."""
    safe = re.sub(r"[^\w.-]+", "_", attachment.name)[-80:] or "file"
    attachment.stored_as = default_storage.save(f"learning/{attachment.pk}/{safe}", ContentFile(data))


def attachment_add(
    *,
    actor: Actor,
    name: str,
    data: bytes,
    content_type: str = "",
    article: Article | None = None,
    page: CoursePage | None = None,
) -> Attachment:
    """Attach a file to an article (knowledge-base editors) or a course page (course managers);
    the file goes to Django's storage and is removed again if the row cannot be written."""
    if (article is None) == (page is None):
        raise ValueError("attach to an article or a page")
    require_group(actor, policy.EDIT_KB if article is not None else policy.MANAGE)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError({"file": _("The file is larger than 10 MB.")})
    if not data:
        raise ValidationError({"file": _("The file is empty.")})
    attachment = Attachment(
        article=article,
        page=page,
        name=(name or "file").replace("\x00", "")[:200],
        content_type=(content_type or "application/octet-stream")[:100],
        size=len(data),
    )
    _store(attachment, data)
    try:
        return model_create(
            actor=actor,
            instance=attachment,
            event_type="learning.attachment.added",
            fields=["name", "size", "article", "page"],
        )
    except Exception:
        default_storage.delete(attachment.stored_as)
        raise


def faq_publish_from_case(
    *,
    actor: Actor,
    case_id: uuid.UUID | str,
    category: Category | None = None,
    **texts: str,
) -> Article:
    """Publish an anonymised answer to a Speak Up question as a FAQ entry.

    Only what the officer writes (question and answer, per language) is published; nothing is
    copied from the case. The article keeps a link to the case, shown only to those who may open it."""
    require_group(actor, policy.EDIT_KB)
    try:
        case = speakup_selectors.case_get(actor=actor, case_id=case_id)
    except (ValueError, ValidationError) as error:
        raise ValidationError({"case": _("No such Speak Up question.")}) from error
    if case.kind != CaseKind.QUESTION:
        raise ValidationError({"case": _("Only answers to questions are published in the knowledge base.")})
    data = {k: v for k, v in texts.items() if k in language_fields("title") + language_fields("body")}
    if not any(data.get(f) for f in language_fields("body")):
        raise ValidationError({"body_ru": _("Write the answer in at least one language.")})
    article = article_create(actor=actor, kind=Article.Kind.FAQ, category=category, speakup_case=case, **data)
    audit_record(
        actor=actor,
        event_type="learning.faq.published",
        obj=article,
        changes={"speakup_case": [None, case.reference]},
        company_id=case.company_id,
    )
    return article


def article_view(*, article: Article, day: dt.date | None = None) -> None:
    """Count one view of the article on the day; who viewed it is not recorded."""
    day = day or timezone.localdate()
    updated = ArticleViewDay.objects.filter(article=article, day=day).update(count=F("count") + 1)
    if not updated:
        with transaction.atomic():
            _row, created = ArticleViewDay.objects.get_or_create(article=article, day=day, defaults={"count": 1})
        if not created:
            ArticleViewDay.objects.filter(article=article, day=day).update(count=F("count") + 1)
