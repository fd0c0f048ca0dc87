"""Users in each editorial role, for admin tests."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import factory

from core.roles import ADMINISTRATORS, EDITORS, MODERATORS

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    """A staff member in the group named by `role` (Editors unless told otherwise)."""

    username = factory.Sequence(lambda n: f"editor{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=extracted or EDITORS))
            user.save()


def editor(**kwargs):
    return UserFactory(role=EDITORS, **kwargs)


def moderator(**kwargs):
    return UserFactory(role=MODERATORS, **kwargs)


def administrator(**kwargs):
    return UserFactory(role=ADMINISTRATORS, **kwargs)
