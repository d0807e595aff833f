# ruff: noqa: E501, SIM905  (word lists in four languages read best one language a line)
"""Learning benchmark, all in one run on a fresh database (SQLite unless DATABASE_URL is set):

1. test submissions per second: employees with a started attempt each (10 questions of every type
   from two categories) submit their answers through the service that grades them, issues the
   certificate and completes assignments;
2. knowledge-base search over ARTICLES articles in four languages (Russian, Kazakh, English, Uzbek
   Latin; queries in word forms and in the other script), timed in-process against a plain Django
   view doing one indexed query, interleaved request by request, wall-clock and CPU time.

    .venv/bin/python bench/learning/run.py [--articles 5000] [--submissions 300] [--requests 300]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "learning")]

# Words in four languages, several forms each: the generator writes sentences from them and the
# queries use other forms (and Latin for Cyrillic text).
RU = "подарок подарка подарки подарков взятка взятки взяток конфликт конфликта интересов работник работника работников контрагент контрагента договор договора закупка закупки политика политики кодекс кодекса нарушение нарушения сообщение сообщения проверка проверки риск риска".split()
KK = "сыйлық сыйлықтар сыйлықтарды пара парасы жұмыскер жұмыскерлер жұмыскерлерге шарт шарттар шартқа сатып алу сатып алуда саясат саясаты кодекс кодексі бұзушылық бұзушылықтар тексеру тексерулер тәуекел тәуекелдер мүдделер қақтығысы".split()
EN = "gift gifts bribe bribes conflict conflicts interest employee employees counterparty contract contracts procurement policy code breach breaches report reports check checks risk risks hotline".split()
UZ = "sovgʻa sovgʻalar sovgʻalarni pora poralar xodim xodimlar xodimlarga shartnoma shartnomalar xarid xaridlar siyosat kodeks qoidabuzarlik tekshiruv tekshiruvlar xavf xavflar manfaatlar toʻqnashuvi".split()
QUERIES = [
    "подарков",
    "syilyk",
    "конфликт интересов",
    "жұмыскерлерге",
    "sovgʻalar",
    "bribes",
    "podarok",
    "tekshiruv",
    "shart",
    "proverka riska",
]


def _setup(data_dir: str) -> None:
    os.environ["SENIM_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senim.settings")
    os.environ["DEBUG"] = "0"
    import django

    django.setup()
    from django.conf import settings

    settings.ROOT_URLCONF = "urls"
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _users():  # type: ignore[no-untyped-def]
    from senim.accounts.models import RoleAssignment, User
    from senim.org.tests.factories import CompanyFactory, EmployeeFactory, UnitFactory

    company = CompanyFactory(name_en="Bench JSC")
    unit = UnitFactory(company=company, code="B")
    officer = User.objects.create_user(username="bench-officer", password=None)
    RoleAssignment.objects.create(user=officer, role="officer")
    return officer, company, unit, EmployeeFactory


def _submissions(count: int, officer, company, unit, employee_factory) -> None:  # type: ignore[no-untyped-def]
    from senim.accounts.models import RoleAssignment, User
    from senim.learning import services
    from senim.learning.tests.factories import answers, make_test

    test = make_test(officer, count=5, pass_mark=60)
    takers = []
    for i in range(count):
        employee = employee_factory(company=company, unit=unit)
        user = User.objects.create_user(username=f"taker{i}", password=None, employee=employee)
        RoleAssignment.objects.create(user=user, role="employee")
        attempt = services.attempt_start(actor=user, test=test)
        takers.append((user, attempt, answers(attempt, right=random.randrange(11))))
    t0, c0 = time.perf_counter(), time.process_time()
    for user, attempt, given in takers:
        services.attempt_submit(actor=user, attempt=attempt, answers=given)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"test submissions: {count} in {wall:.2f} s wall ({count / wall:.0f} per second), {cpu:.2f} s CPU "
        f"({count / cpu:.0f} per CPU-second); 10 questions each, graded, certificates issued"
    )


_SYLLABLES = {
    "ru": "ка ро ва ми ле ту ни со да ре по жи",
    "kk": "қа ла ды ғы ше тү ре мұ ба ңа сө кі",
    "en": "ra ton mi ver sel ka po lin dre ma ne st",
    "uz": "qa ro ma yo sh ga ti lo bu oʻ ri na",
}


def _vocabulary(rng: random.Random, core: list[str], language: str) -> list[str]:
    """The core compliance words plus 3,000 made-up ones, so that a query matches a part of the
    articles, as in a real knowledge base, not every one of them."""
    syllables = _SYLLABLES[language].split()
    made_up = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(3000)}
    return core + sorted(made_up)


def _sentence(rng: random.Random, words: list[str], n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def _articles(count: int) -> str:
    """Insert the articles and their search keys in bulk (the service does the same per article,
    with an audit event each, which would only make the setup slow)."""
    from senim.learning.models import Article, ArticleKey, Category
    from senim.learning.services.knowledge import _article_keys

    rng = random.Random(37)
    ru, kk, en, uz = (_vocabulary(rng, core, lang) for core, lang in ((RU, "ru"), (KK, "kk"), (EN, "en"), (UZ, "uz")))
    categories = [Category.objects.create(name_en=f"Category {i}", order=i) for i in range(20)]
    t0 = time.perf_counter()
    batch: list[Article] = []
    for i in range(count):
        batch.append(
            Article(
                category=categories[i % len(categories)],
                title_ru=_sentence(rng, ru, 5),
                body_ru=" ".join(_sentence(rng, ru, 10) for _ in range(2)),
                title_kk=_sentence(rng, kk, 5),
                body_kk=" ".join(_sentence(rng, kk, 10) for _ in range(2)),
                title_en=_sentence(rng, en, 5),
                body_en=" ".join(_sentence(rng, en, 10) for _ in range(2)),
                title_uz=_sentence(rng, uz, 5),
                body_uz=" ".join(_sentence(rng, uz, 10) for _ in range(2)),
            )
        )
    Article.objects.bulk_create(batch, batch_size=500)
    keys = [ArticleKey(article=a, key=k) for a in batch for k in _article_keys(a)]
    ArticleKey.objects.bulk_create(keys, batch_size=2000)
    print(f"{count} articles in four languages, {len(keys)} search keys, built in {time.perf_counter() - t0:.1f} s")
    return str(categories[3].pk)


def _search(requests: int, officer, category_id: str) -> None:  # type: ignore[no-untyped-def]
    from django.test import Client

    client = Client()
    client.force_login(officer)
    targets = {
        "reference": lambda i: client.get("/bench/bare-indexed/", {"category": category_id}),
        "search (bare)": lambda i: client.get("/bench/bare-search/", {"q": QUERIES[i % len(QUERIES)]}),
        "search page (HTMX)": lambda i: client.get(
            "/learning/kb/", {"q": QUERIES[i % len(QUERIES)]}, HTTP_HX_REQUEST="true"
        ),
    }
    wall: dict[str, list[float]] = {name: [] for name in targets}
    cpu: dict[str, list[float]] = {name: [] for name in targets}
    for round_ in range(requests + 10):
        for name, call in targets.items():
            t0, c0 = time.perf_counter(), time.thread_time()
            response = call(round_)
            t1, c1 = time.perf_counter(), time.thread_time()
            assert response.status_code == 200, (name, response.status_code)
            if round_ >= 10:
                wall[name].append((t1 - t0) * 1000)
                cpu[name].append((c1 - c0) * 1000)
    reference = (*_percentiles(wall["reference"]), *_percentiles(cpu["reference"]))
    print(f"{'view':<22}{'p50':>8}{'p95':>8}{'p95 ÷ ref':>11}{'CPU p50':>9}{'CPU p95':>9}{'÷ ref':>7}")
    for name in targets:
        w50, w95 = _percentiles(wall[name])
        c50, c95 = _percentiles(cpu[name])
        print(
            f"{name:<22}{w50:>8.2f}{w95:>8.2f}{w95 / reference[1]:>11.2f}{c50:>9.2f}{c95:>9.2f}{c95 / reference[3]:>7.2f}"
        )
    from senim.learning import selectors

    found = {q: selectors.article_list(actor=officer, query=q).count() for q in QUERIES}
    print("articles found per query:", ", ".join(f"{q}: {n}" for q, n in found.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--submissions", type=int, default=300)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        _setup(data_dir)
        officer, company, unit, employee_factory = _users()
        _submissions(args.submissions, officer, company, unit, employee_factory)
        category_id = _articles(args.articles)
        _search(args.requests, officer, category_id)


if __name__ == "__main__":
    main()
