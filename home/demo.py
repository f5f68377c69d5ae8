"""Demo data for ``manage.py generate_demo_data``: each app describes its own in ``<app>/demo.py``.

``settings.DEMO_DATA`` lists the generators, in the order they run, the way ``settings.SEED_CONTENT`` lists the
content loaders. A generator is a ``DemoGenerator``::

    class NewsDemo(DemoGenerator):
        name = "news"            # gives the command a --news N option
        help = "news items in both languages"
        default_count = 30

        def delete(self): ...    # remove this generator's earlier demo objects; return how many
        def generate(self, count, rng, progress): ...   # create them; return a one-line summary

Demo objects are always recognisable: names start with ``DEMO_PREFIX`` and models carry an ``is_demo`` flag.
"""

from abc import ABC, abstractmethod

from django.conf import settings
from django.utils.module_loading import import_string

from wagtail.models import Locale

from .seeding import ContentLoader

DEMO_PREFIX = "[DEMO]"
DEFAULT_SEED = 2010


class DemoGenerator(ABC):
    name = ""
    help = ""
    default_count = 0

    @abstractmethod
    def delete(self):
        """Remove this generator's earlier demo objects; return how many."""

    @abstractmethod
    def generate(self, count, rng, progress):
        """Create ``count`` demo objects with ``rng``, calling ``progress(done, total)``; return a summary line."""


def generators():
    """An instance of every generator in ``settings.DEMO_DATA``, in that order."""
    return [import_string(path)() for path in settings.DEMO_DATA]


class TranslatedPagesDemo(DemoGenerator):
    """Demo pages of one type under that type's Polish index page, each translated into the other languages.

    The translations are made by wagtail-localize, as the content loader makes them, from the strings that
    ``make(n, rng)`` returns beside the Polish page: ``(page, {Polish text: English text})``.
    """

    model = None
    index_model = None

    @abstractmethod
    def make(self, n, rng):
        """The ``n``-th Polish demo page (not yet saved) and its strings: ``(page, {Polish text: English text})``."""

    def delete(self):
        # Translations first: a source page cannot go while wagtail-localize still syncs from it.
        demo = self.model.objects.filter(is_demo=True)
        count = demo.count()
        for page in demo.exclude(locale=Locale.get_default()).order_by("-depth"):
            page.delete()
        for page in self.model.objects.filter(is_demo=True).order_by("-depth"):
            page.delete()
        return count

    def generate(self, count, rng, progress):
        loader = ContentLoader()
        index = self.source_index()
        for n in range(1, count + 1):
            page, english = self.make(n, rng)
            page.is_demo = True
            index.add_child(instance=page)
            self.created(page)
            page.save_revision().publish()
            loader.translate_with(page, english)
            progress(n, count, f"{self.name} (pl + en)")
        return f"{count} {self.help}"

    def created(self, page):
        """Called once ``page`` is in the tree, before its first revision is published."""

    def source_index(self):
        index = self.index_model.objects.filter(locale=Locale.get_default()).first()
        if index is None:
            raise LookupError(
                f"There is no {self.index_model._meta.verbose_name} yet: run `manage.py load_content` first."
            )
        return index
