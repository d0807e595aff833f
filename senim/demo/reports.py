"""Demo data for annual reports: the group's anti-corruption report for last year in four languages,
with prose around the figures in each language, approved and frozen; and a draft for this year.

Called last by senim.demo.builder, once every module has its records (the demo app sits above
reports)."""

from django.utils import timezone

from senim.accounts.models import User
from senim.reports import services

# Prose per language around figure tokens: the figures themselves always come from the records.
_PROSE = {
    "counterparties": {
        "ru": "В отчётном году поступило {counterparties.applications} заявок на сотрудничество с контрагентами, "
        "отказавшимися от антикоррупционных требований, по {counterparties.application_contracts} договорам.",
        "kk": "Есепті жылы сыбайлас жемқорлыққа қарсы талаптардан бас тартқан контрагенттермен ынтымақтастыққа "
        "{counterparties.applications} өтінім ({counterparties.application_contracts} шарт бойынша) түсті.",
        "en": "In the year, {counterparties.applications} applications concerning "
        "{counterparties.application_contracts} contracts were received on counterparties' refusal to comply "
        "with the anti-corruption policy.",
        "uz": "Hisobot yilida korrupsiyaga qarshi talablardan bosh tortgan kontragentlar bilan hamkorlik boʻyicha "
        "{counterparties.applications} ta ariza ({counterparties.application_contracts} ta shartnoma) kelib tushdi.",
    },
    "speakup": {
        "ru": "На горячую линию поступило {speakup.reports} сообщений; закрыто {speakup.closed} обращений.",
        "kk": "Сенім телефонына {speakup.reports} хабарлама түсті; {speakup.closed} өтініш жабылды.",
        "en": "The Speak Up channels received {speakup.reports} reports; {speakup.closed} cases were closed.",
        "uz": "Ishonch telefoniga {speakup.reports} ta xabar kelib tushdi; {speakup.closed} ta murojaat yopildi.",
    },
}


def build_reports_demo(admin: User) -> None:
    year = timezone.localdate().year
    languages = ["ru", "kk", "en", "uz"]
    last = services.report_create(actor=admin, year=year - 1, company_id=None, languages=languages)
    for section, texts in _PROSE.items():
        for language, text in texts.items():
            services.section_text_set(actor=admin, report=last, section=section, language=language, text=text)
    services.report_approve(actor=admin, report=last)
    services.report_create(actor=admin, year=year, company_id=None, languages=languages)
