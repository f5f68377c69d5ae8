from django.urls import path
from django.utils.translation import gettext_lazy as _

from .views import search_results

# The path is translated: /pl/szukaj/ and /en/search/ (see this app's catalogues).
urlpatterns = [path(_("search/"), search_results, name="search")]
