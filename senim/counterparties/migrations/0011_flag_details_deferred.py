# Automatic red-flag findings were stored as sentences in the language of whoever opened the
# verification ("Заявка A-1" in a Kazakh interface). They are now stored deferred (core.i18n) and
# written in the reader's language; this rewrites the findings already stored, in any of the four
# languages. Details it does not recognise (an officer's own words) stay as they are.

import datetime as dt
import re

from django.db import migrations
from django.utils import translation

from senim.core.i18n import deferred, deferred_join

MESSAGES = (
    "Application %(number)s",
    "Questionnaire, question “%(code)s”",
    "An employee declared a relative's interest in this counterparty",
    "An employee declared their own interest in this counterparty",
)


def _patterns():
    found = []
    for language in ("en", "ru", "kk", "uz"):
        with translation.override(language):
            for msgid in MESSAGES:
                text = re.escape(translation.gettext(msgid))
                for name in ("number", "code"):
                    text = text.replace(re.escape(f"%({name})s"), f"(?P<{name}>.+)")
                found.append((re.compile(rf"^{text}$"), msgid))
    return found


def _convert(detail, code, patterns):
    parts = []
    for piece in detail.split("; "):
        if code == "newly_registered" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", piece):
            parts.append(deferred("registered on %(date)s", date=dt.date.fromisoformat(piece)))
            continue
        for pattern, msgid in patterns:
            match = pattern.match(piece)
            if match:
                parts.append(deferred(msgid, **match.groupdict()))
                break
        else:
            parts.append(piece)
    return deferred_join(parts)


def forwards(apps, schema_editor):
    CaseFlag = apps.get_model("counterparties", "CaseFlag")
    patterns = _patterns()
    for raised in CaseFlag.objects.filter(is_automatic=True).exclude(detail="").select_related("flag"):
        detail = _convert(raised.detail, raised.flag.code, patterns)
        if detail != raised.detail:
            CaseFlag.objects.filter(pk=raised.pk).update(detail=detail)


class Migration(migrations.Migration):

    dependencies = [
        ("counterparties", "0010_contract_approved_by"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
