"""``manage.py generate_demo_data`` around any generator: the order, the seed, the progress and the safety catches.

The generators here keep their data in a list, so that what the command does is seen apart from any app's models.
"""

import importlib
import inspect
import io
import string

import pytest

from django.apps import apps
from django.core.management import CommandError, call_command

from home.demo import DemoGenerator, generators
from home.management.commands.generate_demo_data import Command

pytestmark = pytest.mark.django_db

MADE = {"letters": [], "digits": []}


class ListDemo(DemoGenerator):
    default_count = 3
    alphabet = ""

    def delete(self):
        removed = len(MADE[self.name])
        MADE[self.name].clear()
        return removed

    def generate(self, count, rng, progress):
        for done in range(1, count + 1):
            MADE[self.name].append(rng.choice(self.alphabet))
            progress(done, count, self.name)
        return f"{count} {self.help}"


class LettersDemo(ListDemo):
    name = "letters"
    help = "random letters"
    alphabet = string.ascii_lowercase


class DigitsDemo(ListDemo):
    name = "digits"
    help = "random digits"
    alphabet = string.digits


LETTERS = f"{__name__}.LettersDemo"
DIGITS = f"{__name__}.DigitsDemo"


@pytest.fixture(autouse=True)
def nothing_made_yet():
    for made in MADE.values():
        made.clear()


def generate(**options):
    out = io.StringIO()
    call_command("generate_demo_data", allow_production=True, stdout=out, **options)
    return out.getvalue()


def test_generators_run_in_the_order_the_demo_data_setting_lists_them(settings):
    settings.DEMO_DATA = [DIGITS, LETTERS]

    output = generate(letters=2, digits=4)

    lines = output.splitlines()
    assert lines.index("digits: removing earlier demo data") < lines.index("letters: removing earlier demo data")
    assert lines[-2:] == ["  digits: 4 random digits", "  letters: 2 random letters"]
    assert len(MADE["digits"]) == 4 and len(MADE["letters"]) == 2


def test_each_generator_gets_an_option_with_its_default_count(settings):
    settings.DEMO_DATA = [LETTERS]

    output = generate()

    assert len(MADE["letters"]) == LettersDemo.default_count
    assert "letters: 0 removed; creating 3" in output


def test_the_same_seed_gives_the_same_data_whatever_other_generators_run(settings):
    settings.DEMO_DATA = [LETTERS]
    generate(letters=20, seed=7)
    alone = list(MADE["letters"])

    settings.DEMO_DATA = [DIGITS, LETTERS]
    generate(letters=20, digits=20, seed=7)

    assert MADE["letters"] == alone
    generate(letters=20, digits=20, seed=8)
    assert MADE["letters"] != alone


def test_a_rerun_removes_the_earlier_demo_data_first(settings):
    settings.DEMO_DATA = [LETTERS]
    generate(letters=5)

    output = generate(letters=2)

    assert "letters: 5 removed; creating 2" in output
    assert len(MADE["letters"]) == 2


def test_refuses_to_run_on_a_site_without_debug_unless_told(settings):
    settings.DEMO_DATA = [LETTERS]
    settings.DEBUG = False

    with pytest.raises(CommandError, match="allow-production"):
        call_command("generate_demo_data", letters=1, stdout=io.StringIO())

    assert MADE["letters"] == []


def test_negative_counts_are_refused(settings):
    settings.DEMO_DATA = [LETTERS]

    with pytest.raises(CommandError, match="--letters must be 0 or more"):
        generate(letters=-1)


def test_progress_is_shown_every_five_percent_not_for_every_item():
    out = io.StringIO()
    command = Command(stdout=out)
    progress = command._progress("news")
    for done in range(1, 2001):
        progress(done, 2000, "news (pl + en)")

    lines = out.getvalue().splitlines()
    assert len(lines) == 21  # the first item, then every 100
    assert lines[:2] == ["news: 1/2000 news (pl + en)", "news: 100/2000 news (pl + en)"]
    assert lines[-1] == "news: 2000/2000 news (pl + en)"


def test_every_generator_an_app_defines_is_listed_in_the_demo_data_setting():
    defined = set()
    for app in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{app.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{app.name}.demo":
                raise
            continue
        defined |= {
            cls
            for _name, cls in inspect.getmembers(module, inspect.isclass)
            if issubclass(cls, DemoGenerator) and cls.__module__ == module.__name__ and cls.name
        }

    assert {type(generator) for generator in generators()} == defined
    assert [generator.name for generator in generators()] == ["partners", "news", "events"]
