"""The registry behind ``manage.py generate_demo_data``: each app describes its demo data in ``<app>/demo.py``.

An app adds a generator with::

    from partners.demo_data import DemoGenerator, register

    @register
    class NewsDemo(DemoGenerator):
        name = "news"            # gives the command a --news N option
        help = "news items in both languages"
        default_count = 30
        order = 200              # generators run in this order (partners: 100)

        def delete(self): ...    # remove this generator's earlier demo objects; return how many
        def generate(self, count, rng, progress): ...   # create them; return a one-line summary

Demo objects are always recognisable: names start with ``DEMO_PREFIX`` and models carry an ``is_demo`` flag.
"""

DEMO_PREFIX = "[DEMO]"
DEFAULT_SEED = 2010

_registry = {}


class DemoGenerator:
    name = ""
    help = ""
    default_count = 0
    order = 100

    def delete(self):
        raise NotImplementedError

    def generate(self, count, rng, progress):
        raise NotImplementedError


def register(generator_class):
    if not generator_class.name:
        raise ValueError(f"{generator_class.__name__} needs a name")
    _registry[generator_class.name] = generator_class
    return generator_class


def generators():
    """Every registered generator, once each app's ``demo`` module has been imported, in run order."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("demo")
    return [cls() for cls in sorted(_registry.values(), key=lambda cls: (cls.order, cls.name))]
