"""Demo data for annual reports: the group's anti-corruption report for last year in four languages,
with prose around the figures in each language, approved and frozen; a draft for this year; and the
Uzbek company's effectiveness rating (PQ-81): two approved years, the Agency's result beside the
latest, and this year's draft graded from Senim's suggestions.

Called last by senim.demo.builder, once every module has its records (the demo app sits above
reports)."""

import uuid
from decimal import Decimal

from django.utils import timezone

from senim.accounts.models import User
from senim.org.models import Company
from senim.reports import selectors, services
from senim.reports.models import Grade, RatingAssessment

# Prose per language around figure tokens: the figures themselves always come from the records.
_PROSE = {
    "counterparties": {
        "ru": "В отчётном году {counterparties.applications|поступила|поступили|поступило} "
        "{counterparties.applications:noun} на сотрудничество с контрагентами, отказавшимися от "
        "антикоррупционных требований, по {counterparties.application_contracts:dat}.",
        "kk": "Есепті жылы сыбайлас жемқорлыққа қарсы талаптардан бас тартқан контрагенттермен ынтымақтастыққа "
        "{counterparties.applications:noun} ({counterparties.application_contracts:noun} бойынша) түсті.",
        "en": "Applications received in the year on counterparties' refusal to comply with the anti-corruption "
        "policy: {counterparties.applications}; contracts they concern: {counterparties.application_contracts}.",
        "uz": "Hisobot yilida korrupsiyaga qarshi talablardan bosh tortgan kontragentlar bilan hamkorlik boʻyicha "
        "{counterparties.applications:noun} ({counterparties.application_contracts:noun}) kelib tushdi.",
    },
    "governance": {
        "ru": "Проведено {awareness.outreach_events:noun}, из них для контрагентов, общественности и молодёжи — "
        "{awareness.outreach_events_outside:value}; ими {awareness.outreach_reach|охвачен|охвачены|охвачено} "
        "{awareness.outreach_reach:value:noun} по сравнению с {awareness.outreach_reach:previous:ins} годом ранее.",
        "kk": "{awareness.outreach_events:noun} өткізілді, оның ішінде контрагенттерге, жұртшылыққа және жастарға "
        "арналғаны — {awareness.outreach_events_outside:value}; олар {awareness.outreach_reach:value:acc} қамтыды "
        "(бір жыл бұрын {awareness.outreach_reach:previous:noun}).",
        "en": "Outreach events held: {awareness.outreach_events}, of which for counterparties, the public and young "
        "people: {awareness.outreach_events_outside:value}; they reached {awareness.outreach_reach:value:noun}, "
        "against {awareness.outreach_reach:previous:noun} a year earlier.",
        "uz": "{awareness.outreach_events:noun} oʻtkazildi, shundan kontragentlar, jamoatchilik va yoshlar uchun — "
        "{awareness.outreach_events_outside:value}; ular {awareness.outreach_reach:value:acc} qamrab oldi "
        "(bir yil oldin {awareness.outreach_reach:previous:noun}).",
    },
    "speakup": {
        "ru": "Сообщений, поступивших на горячую линию: {speakup.reports}; закрытых обращений: {speakup.closed}.",
        "kk": "Сенім телефонына {speakup.reports:noun} түсті; {speakup.closed:noun} жабылды.",
        "en": "Reports received through the Speak Up channels: {speakup.reports}; cases closed: {speakup.closed}.",
        "uz": "Ishonch telefoniga {speakup.reports:noun} kelib tushdi; {speakup.closed:noun} yopildi.",
    },
}


def build_reports_demo(admin: User, companies: dict[str, Company] | None = None) -> None:
    year = timezone.localdate().year
    languages = ["ru", "kk", "en", "uz"]
    last = services.report_create(actor=admin, year=year - 1, company_id=None, languages=languages)
    for section, texts in _PROSE.items():
        for language, text in texts.items():
            services.section_text_set(actor=admin, report=last, section=section, language=language, text=text)
    services.report_approve(actor=admin, report=last)
    services.report_create(actor=admin, year=year, company_id=None, languages=languages)
    uzbek = next((c for c in (companies or {}).values() if c.country == "UZ"), None)
    if uzbek is not None:
        _rating_demo(admin, uzbek, year)


# How the Uzbek company graded itself two years ago: weaker where a young programme is weak
# (training, risk work); last year and this year follow Senim's suggestions where it has them.
_EARLY_GRADES = (Grade.MOSTLY, Grade.PARTLY, Grade.MOSTLY, Grade.PARTLY, Grade.NONE)


def _rating_demo(admin: User, company: Company, year: int) -> None:
    for offset in (2, 1, 0):
        assessment = services.assessment_create(actor=admin, year=year - offset, company_id=company.id)
        view = selectors.assessment_view(actor=admin, assessment=assessment)
        grades: dict[uuid.UUID, tuple[str, str]] = {}
        for index, row in enumerate(view.rows):
            grade: str
            if offset == 2:
                grade = _EARLY_GRADES[index % len(_EARLY_GRADES)]
                evidence = "Ichki hujjatlar boʻyicha oʻz-oʻzini baholash"
            elif row.suggestion is not None:
                grade, evidence = row.suggestion
            else:
                grade = Grade.FULL if index % 4 else Grade.MOSTLY
                evidence = "Komplayens qoʻmitasi yigʻilishi bayonnomasi"
            grades[row.item.id] = (str(grade), evidence)
        services.assessment_grades_set(actor=admin, assessment=assessment, grades=grades)
        if offset:
            services.assessment_approve(actor=admin, assessment=assessment)
        if offset == 1:
            total = selectors.assessment_view(actor=admin, assessment=assessment).score.total
            services.assessment_external_set(
                actor=admin,
                assessment=RatingAssessment.objects.get(pk=assessment.pk),
                score=Decimal(total) - 3,
                note="Korrupsiyaga qarshi kurashish agentligi",
            )
