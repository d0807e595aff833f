"""Every page, in Russian, Kazakh and Uzbek, as an officer, an employee and an auditor, speaks the
reader's language: no English word left untranslated, no ISO date in text, no Russian word inside a
Kazakh or Uzbek page.

The pages are found by walking the URL configuration: every HTML page without a parameter, and every
page with parameters (detail and edit pages) whose parameters name one of the records made below,
resolved with them. A role reads each parameterless page in every language and each page with
parameters in one language, turning with the role (a page the officer reads in Russian, the employee
reads in Uzbek and the auditor in Kazakh), which keeps the run short. Exports, the API, the log-out
and language switches are not pages. Words are judged against Senim's own catalogues: an "English
word" is one of the msgids' words that the language's translations never use; a "Russian word" is
one of the Russian translations' words that the Kazakh (or Uzbek) translations never use. Text an
element marks with another `lang` (a company's Russian name on its card, a reporter's own words) is data, not interface.
"""

import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.db.models import Value
from django.db.models.functions import Concat
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from senim.accounts.tests.factories import user_with_role
from senim.awareness.models import Document
from senim.awareness.tests.factories import adopted_code
from senim.conflicts import services as conflict_services
from senim.conflicts.tests.factories import TODAY, threshold
from senim.conflicts.tests.factories import submit as submit_declaration
from senim.core.access import SYSTEM
from senim.counterparties.models import Contract, Counterparty, VerificationCase
from senim.counterparties.tests.factories import ClauseFactory, ContactFactory, CounterpartyFactory, OwnerFactory
from senim.examination.tests.factories import examination_for
from senim.learning import services as learning_services
from senim.org.models import Position, Unit
from senim.risks import services as risk_services
from senim.risks.models import Measure, Plan, PlanKind
from senim.screening.tests.factories import WatchlistFactory
from senim.speakup.tests.factories import submit

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

LANGUAGES = ("ru", "kk", "uz")
ROLES = ("officer", "employee", "auditor")

# Not pages: downloads, the API, signing out, switching language, health checks, the log-in
# flows that need a session in progress, and the pages that stream a file.
SKIP = re.compile(
    r"^(api/|i18n/|healthz|accounts/(logout|login/verify|two-factor/recovery-codes|password-reset/complete))"
    r"|\.(csv|xlsx|pdf|json)$|/pdf/$|export"
)

# Words allowed in any language, each for a reason: the product's name; file formats, standards
# and abbreviations that every language writes in Latin letters; the name of the "Speak Up"
# channel that companies keep in English in every language.
ALLOWED = {"senim", "speak", "xlsx", "docx", "json", "iso", "totp", "https"}

ISO_DATE = re.compile(r"\b(19|20)\d\d-[01]\d-[0-3]\d\b")
LATIN_WORD = re.compile(r"\b[A-Za-z]{4,}\b")
CYRILLIC_WORD = re.compile(r"\b[А-Яа-яЁё]{5,}\b")


def _catalogue(language: str) -> list[tuple[str, str]]:
    """(msgid, msgstr) pairs of a catalogue, plural forms joined: a plain reading of the .po file."""
    path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    pairs: list[tuple[str, str]] = []
    msgid = msgstr = ""
    current = ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
        if match:
            current = match.group(1)
            if current == "msgid" and (msgid or msgstr):
                pairs.append((msgid, msgstr))
                msgid = msgstr = ""
            if current.startswith("msgid"):
                msgid += " " + match.group(2)
            else:
                msgstr += " " + match.group(2)
        elif line.startswith('"') and current:
            if current.startswith("msgid"):
                msgid += line.strip('"')
            else:
                msgstr += line.strip('"')
    pairs.append((msgid, msgstr))
    return pairs


def _words(texts: list[str], pattern: re.Pattern[str]) -> set[str]:
    return {
        w.casefold() for text in texts for w in pattern.findall(re.sub(r"%\(\w+\)[sd]|\{[^}]*\}|<[^>]+>", " ", text))
    }


@pytest.fixture(scope="module")
def vocabulary() -> dict[str, dict[str, set[str]]]:
    catalogues = {language: _catalogue(language) for language in LANGUAGES}
    english = _words([msgid for msgid, _ in catalogues["ru"]], LATIN_WORD)
    translated = {language: [msgstr for _, msgstr in pairs] for language, pairs in catalogues.items()}
    russian = _words(translated["ru"], CYRILLIC_WORD)
    kazakh = _words(translated["kk"], CYRILLIC_WORD)
    return {
        language: {
            "english": english - _words(translated[language], LATIN_WORD) - ALLOWED,
            "russian": set() if language == "ru" else russian - kazakh,
        }
        for language in LANGUAGES
    }


class _Text(HTMLParser):
    """The text a person reads on the page, without scripts, styles, code and data in another language."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language
        self.stack: list[bool] = []  # per open element: is its text skipped?
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang")
        skipped = (self.stack[-1] if self.stack else False) or tag in {"script", "style", "code", "textarea"}
        skipped = skipped or (lang is not None and lang.split("-")[0] != self.language)
        self.stack.append(skipped)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def _routes() -> list[tuple[str, str, tuple[str, ...]]]:
    """(namespace, URL name, parameter names) of every route that may be a page."""

    def walk(patterns: list[object], prefix: str = "", namespace: str = ""):  # type: ignore[no-untyped-def]
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                route = prefix + str(pattern.pattern)
                if "(?P" not in route and not SKIP.search(route):
                    yield namespace, pattern.name, tuple(re.findall(r"<(?:\w+:)?(\w+)>", route))

    return sorted(set(walk(get_resolver().url_patterns)))


def _pages() -> list[str]:
    return [f"{ns}:{name}" if ns else name for ns, name, params in _routes() if not params]


def _pages_with_parameters(values: dict[str, dict[str, object]]) -> list[str]:
    """The pages whose every parameter names a record made below (by the app's name for it, or
    the name every app shares), resolved with them."""
    urls = []
    for ns, name, params in _routes():
        known = {**values.get("", {}), **values.get(ns, {})}
        if params and all(p in known for p in params):
            urls.append(reverse(f"{ns}:{name}", kwargs={p: known[p] for p in params}))
    return urls


def _test(officer):  # type: ignore[no-untyped-def]
    """A test of two questions written in every language, as an officer would write them."""
    bank = learning_services.bank_create(actor=officer, title="Негіздер")
    category = learning_services.category_get_or_create(bank=bank, name="Саясат")
    texts = {"text_ru": "Кому сообщать?", "text_kk": "Кімге хабарлау керек?", "text_uz": "Kimga xabar berasiz?"}
    learning_services.question_create(
        actor=officer,
        category=category,
        qtype="single",
        choices=[
            {"text_ru": "На линию", "text_kk": "Желіге", "text_uz": "Liniyaga", "is_correct": True},
            {"text_ru": "Никому", "text_kk": "Ешкімге", "text_uz": "Hech kimga"},
        ],
        **texts,
    )
    learning_services.question_create(actor=officer, category=category, qtype="truefalse", answer_true=True, **texts)
    return learning_services.test_create(
        actor=officer, rules=[(category, 2)], title_ru="Тест", title_kk="Тест", title_uz="Test", pass_mark=100
    )


@pytest.fixture
def records(group, settings, tmp_path):  # type: ignore[no-untyped-def]
    """One record of each kind, as the demo has them, by the name each app's URLs give its parameter."""
    settings.MEDIA_ROOT = tmp_path / "files"
    settings.DATA_DIR = tmp_path
    officer = user_with_role("officer")
    threshold(unit_value="4325", units="2")
    gift = conflict_services.gift_declare(
        actor=SYSTEM,
        employee=group.in_leaf,
        kind="declined",
        party_kind="counterparty",
        party_name="Серік Маратов",
        party_organisation="ТОО «Жолдас Строй»",
        occasion="Жаңа жыл",
        description="Корзина",
        value=Decimal("60000"),
        currency="KZT",
        date=TODAY,
        today=TODAY,
    )
    declaration = submit_declaration(group.in_branch)
    counterparty = CounterpartyFactory()
    contract = Contract.objects.create(
        counterparty=counterparty, company=group.a, unit=group.branch, number="C-1", date=TODAY, amount=100
    )
    verification = VerificationCase.objects.create(
        counterparty=counterparty,
        company=group.a,
        opened_on=TODAY,
        procurement_method="open_tender",
        subject="ТМЦ",
        level="standard",
    )
    case = submit(
        company=group.a, content={"what": "Завскладом просит наличные.", "when": "Март", "people": "Завскладом"}
    ).case
    document = adopted_code(group, code="АК-1")
    test = _test(officer)
    exercise = risk_services.exercise_create(actor=officer, company=group.a, year=TODAY.year)
    plan = Plan.objects.create(company=group.a, kind=PlanKind.ROADMAP, title_en="ESG", first_year=2025, last_year=2030)
    measure = Measure.objects.create(plan=plan, number="1", position=1, text_en="Publish the code")
    # Names in every language, as the demo group has them (a name typed in Russian only is shown
    # in Russian to everyone, rightly: that is data, not interface).
    Unit.objects.update(name_kk=Concat(Value("Бөлімше "), "code"), name_uz=Concat(Value("Boʻlinma "), "code"))
    Position.objects.update(title_kk=Value("Маман"), title_uz=Value("Mutaxassis"))
    Counterparty.objects.update(name_kk=Value("«Жеткізуші» ЖШС"), name_uz=Value("Yetkazib beruvchi MChJ"))
    Document.objects.update(title_uz=Value("Korrupsiyaga qarshi kodeks"))
    Measure.objects.update(
        text_ru=Value("Опубликовать кодекс"), text_kk=Value("Кодексті жариялау"), text_uz=Value("Kodeksni eʼlon qilish")
    )
    return {
        "": {"company_id": group.a.pk},
        "org": {
            "employee_id": group.in_leaf.pk,
            "unit_id": group.branch.pk,
            "position_id": Position.objects.filter(company=group.a).first().pk,  # type: ignore[union-attr]
        },
        "conflicts": {"gift_id": gift.pk, "declaration_id": declaration.pk},
        "counterparties": {
            "counterparty_id": counterparty.pk,
            "contract_id": contract.pk,
            "case_id": verification.pk,
            "contact_id": ContactFactory(counterparty=counterparty).pk,
            "party_id": OwnerFactory(counterparty=counterparty).pk,
            "clause_id": ClauseFactory(text_kk="Табиғи монополия.", text_uz="Tabiiy monopoliya.").pk,
        },
        "speakup": {"case_id": case.pk},
        "awareness": {"document_id": document.pk},
        "learning": {"test_id": test.pk, "bank_id": test.rules.first().category.bank_id},  # type: ignore[union-attr]
        "risks": {"exercise_id": exercise.pk, "plan_id": plan.pk, "measure_id": measure.pk},
        "examination": {"examination_id": examination_for(group, actor=officer, title="№ 12").pk},
        "screening": {"watchlist_id": WatchlistFactory(name="Тізім", source="ЕО").pk},
    }


# Not words: e-mail addresses and web addresses, and dotted identifiers such as indicator codes
# ("speakup.channel.hotline"), which people type into report templates as they are.
NOT_WORDS = re.compile(r"\S+@\S+|https?://\S+|\b\w+(?:\.\w+)+\b")


def _problems(html: str, language: str, words: dict[str, set[str]]) -> list[str]:
    parser = _Text(language)
    parser.feed(html)
    text = NOT_WORDS.sub(" ", " ".join(parser.parts))
    found = [f"ISO date {m.group(0)}" for m in ISO_DATE.finditer(text)]
    found += [f"English «{w}»" for w in LATIN_WORD.findall(text) if w.casefold() in words["english"]]
    found += [f"Russian «{w}»" for w in CYRILLIC_WORD.findall(text) if w.casefold() in words["russian"]]
    return sorted(set(found))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_every_page_speaks_the_readers_language(records, vocabulary, role, language, group):
    user = user_with_role(role, employee=group.in_leaf if role == "employee" else None)
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with_parameters = _pages_with_parameters(records)
    assert len(with_parameters) >= 40, with_parameters  # the records still name the detail pages' parameters
    turn = (ROLES.index(role) + LANGUAGES.index(language)) % len(LANGUAGES)
    urls = [reverse(name) for name in _pages()] + with_parameters[turn :: len(LANGUAGES)]
    failures: dict[str, list[str]] = {}
    for url in urls:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        problems = _problems(response.content.decode(), language, vocabulary[language])
        if problems:
            failures[url] = problems
    assert not failures, "\n".join(f"{url}: {', '.join(p)}" for url, p in sorted(failures.items()))
