"""Users in the editorial roles, for tests and local trials."""

import factory

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.roles import EDITORS, MODERATORS, SECRETARIAT, TRANSLATORS


def member_of(group_name):
    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=group_name))

    return groups


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class EditorFactory(UserFactory):
    groups = member_of(EDITORS)


class TranslatorFactory(UserFactory):
    groups = member_of(TRANSLATORS)


class ModeratorFactory(UserFactory):
    groups = member_of(MODERATORS)


class SecretaryFactory(UserFactory):
    groups = member_of(SECRETARIAT)
