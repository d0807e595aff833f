"""Drafts for tests: a Russian contract and its revision, as DOCX."""

import io

import docx

from senim.accounts.tests.factories import user_with_role
from senim.examination import services

CONTRACT = [
    "ДОГОВОР ПОСТАВКИ № 12",
    "1. Поставщик поставляет товар, а Покупатель оплачивает его.",
    "2. Покупатель перечисляет аванс в размере 100% без банковской гарантии.",
    "3. Расчеты с экспедитором производятся наличными.",
    "4. Поставщик вправе в одностороннем порядке изменить цену товара.",
    "5. Стороны назначают ответственных лиц.",
]
REVISION = [
    "ДОГОВОР ПОСТАВКИ № 12",
    "1. Поставщик поставляет товар, а Покупатель оплачивает его.",
    "2. Покупатель перечисляет аванс 30% против банковской гарантии возврата аванса.",
    "3. Расчеты производятся только в безналичном порядке.",
    "4. Цена изменяется только дополнительным соглашением сторон.",
    "5. Стороны назначают ответственных лиц.",
    "6. Стороны обязуются не совершать коррупционных действий, в том числе через посредников.",
]


def draft_docx(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def examination_for(group, actor=None, lines=None, **kwargs):  # type: ignore[no-untyped-def]
    actor = actor or user_with_role("officer")
    return services.examination_create(
        actor=actor,
        title=kwargs.pop("title", "Договор поставки № 12"),
        kind=kwargs.pop("kind", "contract"),
        company_id=group.a.pk,
        unit_id=group.branch.pk,
        file_name="contract.docx",
        data=draft_docx(lines or CONTRACT),
        **kwargs,
    )
