import datetime as dt
from decimal import Decimal

import factory

from senim.core import identifiers
from senim.counterparties.models import Contact, Counterparty, Party, RegulationClause


class CounterpartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Counterparty
        skip_postgeneration_save = True

    kind = "legal_entity"
    name_ru = factory.Sequence(lambda n: f"ТОО «Поставщик {n}»")
    name_en = factory.Sequence(lambda n: f"Supplier {n} LLP")
    legal_form = "ТОО"
    country = "KZ"
    category = "private"
    identifier_kind = "bin"
    identifier = factory.Sequence(lambda n: identifiers.make_bin(2012, 1 + n % 12, 5000 + n))
    registration_date = dt.date(2012, 5, 1)

    @factory.post_generation
    def search(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        self.refresh_search_text()
        if create:
            self.save(update_fields=["search_text"])


class OwnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party

    counterparty = factory.SubFactory(CounterpartyFactory)
    role = "owner"
    is_person = True
    name = "Сапаров Ерлан Маратович"
    identifier_kind = "iin"
    identifier = factory.Sequence(
        lambda n: identifiers.make_iin(dt.date(1975, 1, 1) + dt.timedelta(days=n), "M", 200 + n)
    )
    share = Decimal("51")
    country = "KZ"


class ManagerFactory(OwnerFactory):
    role = "manager"
    share = None
    position = "Директор"


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    counterparty = factory.SubFactory(CounterpartyFactory)
    name = "Айгерим Нурланова"
    email = "a@example.kz"


class ClauseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegulationClause

    code = factory.Sequence(lambda n: f"5.{n}")
    text_ru = "Контрагент является субъектом естественной монополии."
    text_en = "The counterparty is a natural monopoly."
