"""Issue 13: counterparties are screened automatically (creation, change, owners, import, before a
contract) and the card and the list say when; a legal form is said once; different numbers of the
same type are never offered as duplicates."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from senim.accounts.tests.factories import user_with_role
from senim.core import identifiers
from senim.counterparties import importing, selectors, services
from senim.counterparties.names import carries_legal_form, tidy_name
from senim.counterparties.tests.factories import CounterpartyFactory
from senim.screening import selectors as screening_selectors
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = pytest.mark.django_db


@pytest.fixture
def sanctioned(tmp_path):  # type: ignore[no-untyped-def]
    watchlist = WatchlistFactory(kind="sanctions")
    import_entities(watchlist, [ftm("s-1", "Nurly Zhol Tranzit LLP", schema="Company")], tmp_path)
    return watchlist


def _hits(counterparty):  # type: ignore[no-untyped-def]
    key = services.counterparty_subject_key(counterparty)
    return screening_selectors.subject_hits(actor=user_with_role("admin"), subject_keys=[key])


def test_a_new_counterparty_is_screened_once_saved(sanctioned, django_capture_on_commit_callbacks):
    officer = user_with_role("officer")
    with django_capture_on_commit_callbacks(execute=True):
        cp = services.counterparty_create(actor=officer, name_ru="ТОО «Нурлы Жол Транзит»", country="KZ")
    assert _hits(cp).count() == 1
    assert services.counterparty_last_screened(cp) is not None


def test_a_change_of_name_or_owners_screens_again_but_an_address_does_not(
    sanctioned, django_capture_on_commit_callbacks
):
    officer = user_with_role("officer")
    cp = CounterpartyFactory(name_ru="ТОО «Совсем Другое»", name_en="")
    assert services.counterparty_last_screened(cp) is None
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.counterparty_update(actor=officer, counterparty=cp, address="Алматы")
    assert callbacks == [] and services.counterparty_last_screened(cp) is None
    with django_capture_on_commit_callbacks(execute=True):
        services.counterparty_update(actor=officer, counterparty=cp, name_ru="ТОО «Нурлы Жол Транзит»")
    assert _hits(cp).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        party = services.party_add(actor=officer, counterparty=cp, role="manager", name="Nurly Zhol Tranzit")
    assert services.counterparty_last_screened(cp) is not None
    assert screening_selectors.subjects_last_screened(subject_keys=[services.party_subject_key(party)])


def test_an_import_screens_in_the_background_when_large(django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(services.register, "SCREEN_INLINE_MAX", 1)
    admin = user_with_role("admin")
    header = ["name_ru", "country", "identifier_kind", "identifier"]
    rows = [
        (2, dict(zip(header, ["ТОО «Первый»", "KZ", "bin", identifiers.make_bin(2010, 1, 7001)], strict=True))),
        (3, dict(zip(header, ["ТОО «Второй»", "KZ", "bin", identifiers.make_bin(2010, 1, 7002)], strict=True))),
    ]
    plan = importing.plan_counterparties(header=header, rows=iter(rows))
    with django_capture_on_commit_callbacks(execute=True):
        importing.apply(actor=admin, plan=plan)
    from senim.counterparties.models import Counterparty

    cps = list(Counterparty.objects.all())
    assert len(cps) == 2
    assert all(services.counterparties_last_screened(cps).values())


def test_a_counterparty_is_screened_before_a_contract_is_registered(group, sanctioned):
    cp = CounterpartyFactory(name_ru="ТОО «Нурлы Жол Транзит»", name_en="")
    services.contract_create(
        actor=user_with_role("admin"), company=group.a, number="C-1", date=dt.date(2026, 1, 5), counterparty=cp
    )
    assert _hits(cp).count() == 1


def test_card_and_list_say_when_last_screened_or_never(django_capture_on_commit_callbacks):
    officer = user_with_role("officer", language="en")
    never = CounterpartyFactory(name_en="Never Screened LLP")
    client = Client()
    client.force_login(officer)
    card = client.get(reverse("counterparties:counterparty-detail", args=[never.pk])).content.decode()
    assert "Never screened" in card and "No screening hits." not in card
    listing = client.get(reverse("counterparties:counterparty-list")).content.decode()
    assert 'data-last-screened><span class="muted">never' in listing
    services.counterparty_screen(actor=user_with_role("admin"), counterparty=never)
    card = client.get(reverse("counterparties:counterparty-detail", args=[never.pk])).content.decode()
    assert "Last screened" in card and "No screening hits." in card
    listing = client.get(reverse("counterparties:counterparty-list")).content.decode()
    assert "data-last-screened><time" in listing


@pytest.mark.parametrize(
    ("raw", "tidy"),
    [
        ("Sunkar Energy Ltd Ltd", "Sunkar Energy Ltd"),
        ("ИП Иванов Иван ИП", "ИП Иванов Иван"),
        ("Altyn Construction LLP ТОО", "Altyn Construction LLP"),
        ("ТОО ТОО «Алтын Строй»", "ТОО «Алтын Строй»"),
        ("«Алтын Құрылыс» ЖШС", "«Алтын Құрылыс» ЖШС"),
        ("Altyn Construction", "Altyn Construction"),
    ],
)
def test_a_legal_form_is_said_once(raw, tidy):
    assert tidy_name(raw) == tidy


@given(st.lists(st.sampled_from(["Altyn", "Ltd", "ТОО", "«Береке»", "ИП", "Nur", "LLP"]), min_size=1, max_size=6))
def test_tidying_is_idempotent_and_keeps_a_word(words):
    once = tidy_name(" ".join(words))
    assert tidy_name(once) == once and once.split()


def test_names_are_tidied_on_input_and_import_and_the_list_shows_the_form_once():
    admin = user_with_role("admin", language="en")
    cp = services.counterparty_create(
        actor=admin, name_en="Sunkar Energy Ltd Ltd", legal_form="Ltd", country="GB", kind="legal_entity"
    )
    assert cp.name_en == "Sunkar Energy Ltd"
    header = ["name_en", "country", "legal_form"]
    plan = importing.plan_counterparties(
        header=header, rows=iter([(2, dict(zip(header, ["IE Ivanov Ivan IE", "KZ", "ИП"], strict=True)))])
    )
    importing.apply(actor=admin, plan=plan)
    CounterpartyFactory(name_en="Altyn Construction LLP", legal_form="ТОО")
    CounterpartyFactory(name_en="Plain Name", legal_form="ТОО")
    client = Client()
    client.force_login(admin)
    page = client.get(reverse("counterparties:counterparty-list")).content.decode()
    assert "Sunkar Energy Ltd</a>" in page and "Ltd Ltd" not in page
    assert "IE Ivanov Ivan</a>" in page and "IE Ivanov Ivan</a> <small" not in page
    assert "Altyn Construction LLP</a> <small" not in page
    assert 'Plain Name</a> <small class="muted">ТОО</small>' in page
    assert carries_legal_form("Altyn Construction LLP") and not carries_legal_form("Plain Name")


def test_different_numbers_of_the_same_type_are_never_duplicates():
    officer = user_with_role("admin")
    one = CounterpartyFactory(name_ru="ТОО «Казахстан Темир Сервис»", name_en="")
    two = CounterpartyFactory(name_ru="ТОО «Казахстан Темир Сервис»", name_en="")
    no_number = CounterpartyFactory(
        name_ru="ТОО «Казахстан Темир Сервис»", name_en="", identifier="", identifier_kind=""
    )
    found = selectors.counterparty_similar(
        actor=officer,
        names=[one.name_ru],
        exclude_id=one.pk,
        identifier_kind=one.identifier_kind,
        identifier=one.identifier,
    )
    assert [cp for cp, _score in found] == [no_number]
    unnumbered = selectors.counterparty_similar(actor=officer, names=[one.name_ru], exclude_id=one.pk)
    assert {cp for cp, _score in unnumbered} == {two, no_number}
    with pytest.raises(ValidationError):
        services.counterparty_merge(actor=officer, survivor=one, duplicate=two)
    client = Client()
    client.force_login(officer)
    card = client.get(reverse("counterparties:counterparty-detail", args=[one.pk])).content.decode()
    assert str(two.pk) not in card and str(no_number.pk) in card
