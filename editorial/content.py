"""Loader for ``manage.py load_content``: the editorial roles and workflow, applied to the site's pages.

The data migration creates the groups and the workflow on every installation, but the home pages do not exist
until the content is loaded; this step (idempotent) grants the per-language page rights and assigns the workflow
to them, and grants rights on snippet models of apps migrated after ``editorial``.
"""

from django.apps import apps

from .roles import setup_roles
from .workflow import setup_workflow


def load(loader):
    loader.report(setup_roles(apps) > 0, "editorial roles: Editors, Translators, Moderators, Sekretariat")
    loader.report(setup_workflow(apps) > 0, "workflow “Akceptacja sekretarza”")
