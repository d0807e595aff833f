import factory

from senim.accounts.models import RoleAssignment, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.test")
    password = factory.django.Password("correct horse battery staple")


def user_with_role(role: str, *, company=None, unit=None, employee=None, **kwargs) -> User:  # type: ignore[no-untyped-def]
    """A user holding `role` over the group, a company, or a unit subtree."""
    user = UserFactory(employee=employee, **kwargs)
    RoleAssignment.objects.create(user=user, role=role, company=company or (unit.company if unit else None), unit=unit)
    return user
