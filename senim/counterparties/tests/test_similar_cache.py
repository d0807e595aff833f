"""The duplicate suggestions on a counterparty's card are scored once and kept until the register
changes: a second look at the card does not score the candidates again, a change to the register
does."""

import pytest
from django.core.cache import cache

from senim.accounts.tests.factories import user_with_role
from senim.counterparties import selectors
from senim.counterparties.tests.factories import CounterpartyFactory

pytestmark = pytest.mark.django_db


def test_suggestions_are_cached_until_the_register_changes(monkeypatch):
    cache.clear()
    officer = user_with_role("officer")
    first = CounterpartyFactory(name_ru="ТОО «Казахстан Темир Сервис»", name_en="Kazakhstan Temir Servis LLP")
    twin = CounterpartyFactory(name_ru="Казахстан Темир Сервис", name_en="", identifier="")
    calls = []
    original = selectors.counterparty_similar

    def counting(**kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs)
        return original(**kwargs)

    monkeypatch.setattr(selectors, "counterparty_similar", counting)
    found = selectors.counterparty_similar_to(actor=officer, counterparty=first)
    assert [cp.pk for cp, _score in found] == [twin.pk] and len(calls) == 1
    assert selectors.counterparty_similar_to(actor=officer, counterparty=first) == found and len(calls) == 1
    CounterpartyFactory(name_ru="Казахстан Темир Сервис Плюс", identifier="")
    again = selectors.counterparty_similar_to(actor=officer, counterparty=first)
    assert len(calls) == 2 and twin.pk in [cp.pk for cp, _score in again]
