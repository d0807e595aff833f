"""Issue 14: a pair's score does not depend on the unrelated entries of the list it is screened against."""

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.screening import services
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = pytest.mark.django_db

TARGET = ftm("uz-1", "Ҳошимов Ўткир Ғайрат ўғли", country="uz")
FEW = [
    TARGET,
    ftm("kz-2", "Ахметов Серік Нығметұлы"),
    ftm("co-3", "ТОО «Альфа»", schema="Company"),
    ftm("ru-4", "Иванов Иван Иванович"),
]
SURNAMES = (  # noqa: SIM905 (a readable word list)
    "Каримов Юлдашев Ахмедов Норматов Нурматов Qodirov Tursunov Ergashev Rahimov Ismoilov Холматов Sodiqov "
    "Абдуллаев Ғуломов Мирзаев Тошматов Орипов Латипов Жалилов Камолов Давлетов Неъматов Бўриев Усмонов "
    "Haydarov Yoqubov Ziyodullayev Saidov Икрамов Ганиев Арипов Азимов Юсупов Исмоилов Олимов"
).split()
GIVEN = (  # noqa: SIM905
    "Уткир Ўткир Oʻtkir Utkir Гайрат Ғайрат Отабек Бахтиёр Шерзод Жамшид Рустам Улугбек Фарход Санжар Бобур "
    "Азамат Ойбек Акмал Элдор Дониёр"
).split()
# 700 other people: none of them is the target, many share its given name in one spelling or another.
CROWD = [
    ftm(f"p-{i}", f"{surname} {given}") for i, (surname, given) in enumerate((s, g) for s in SURNAMES for g in GIVEN)
][:700]


def test_an_unrelated_crowd_in_the_list_does_not_change_a_match(group, tmp_path):
    few = WatchlistFactory(name="Four entries")
    import_entities(few, FEW, tmp_path)
    crowded = WatchlistFactory(name="Four entries and 700 others")
    import_entities(crowded, FEW + CROWD, tmp_path)
    officer = user_with_role("officer")

    def score_in(watchlist_name: str) -> float:
        outcome = services.screen(
            actor=officer, subject_key=f"adhoc:{watchlist_name}", schema="Person", names=["Хошимов Уткир Гайрат угли"]
        )
        scores = {(h.entity.version.watchlist.name, h.entity.entity_id): h.score for h in outcome.hits}
        return scores[(watchlist_name, "uz-1")]

    assert len(CROWD) == 700
    alone, among_many = score_in("Four entries"), score_in("Four entries and 700 others")
    assert alone >= services.threshold_default()
    assert among_many == pytest.approx(alone)
