import datetime as dt

import factory

from senim.core import identifiers
from senim.org.models import Company, Employee, Position, RegistrationKind, Unit


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name_ru = factory.Sequence(lambda n: f"ТОО «Компания {n}»")
    name_en = factory.Sequence(lambda n: f"Company {n} LLP")
    registration_kind = RegistrationKind.BIN
    registration_number = factory.Sequence(lambda n: identifiers.make_bin(2010, 1 + n % 12, 100 + n))
    country = "KZ"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        skip_postgeneration_save = True

    company = factory.SubFactory(CompanyFactory)
    parent = None
    code = factory.Sequence(lambda n: f"U{n}")
    name_ru = factory.Sequence(lambda n: f"Подразделение {n}")
    name_en = factory.Sequence(lambda n: f"Unit {n}")

    @factory.post_generation
    def set_path(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        self.path = f"{self.parent.path if self.parent else ''}{self.id.hex}/"
        self.depth = self.parent.depth + 1 if self.parent else 0
        if create:
            self.save(update_fields=["path", "depth"])


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    company = factory.SubFactory(CompanyFactory)
    unit = None
    code = factory.Sequence(lambda n: f"P{n}")
    title_ru = factory.Sequence(lambda n: f"Специалист {n}")
    title_en = factory.Sequence(lambda n: f"Specialist {n}")


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee
        skip_postgeneration_save = True

    company = factory.SubFactory(CompanyFactory)
    personnel_number = factory.Sequence(lambda n: f"T{n:05d}")
    surname = "Жұмабеков"
    given_name = "Нұрлан"
    patronymic = "Серікұлы"
    surname_latin = "Zhumabekov"
    given_name_latin = "Nurlan"
    iin = factory.Sequence(lambda n: identifiers.make_iin(dt.date(1980, 1, 1) + dt.timedelta(days=n), "M", 100 + n))
    hire_date = dt.date(2020, 3, 1)

    @factory.post_generation
    def search(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        self.refresh_search_text()
        if create:
            self.save(update_fields=["search_text"])
