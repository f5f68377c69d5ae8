"""What other apps may do with partners, so they need not know the model's rules.

The membership app turns an accepted application into a *draft* partner with
``create_draft_partner``; an editor completes it, has it translated and publishes it in the admin.
"""

from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale

from home.text import fold

from .models import Partner

SLUG_MAX_LENGTH = 200


def unique_slug(name, locale, exclude_pk=None):
    """A slug made from ``name`` that no other partner of ``locale`` uses ("fundacja-most", "fundacja-most-2")."""
    base = slugify(fold(name))[:SLUG_MAX_LENGTH].strip("-") or "partner"
    similar = Partner.objects.filter(locale=locale, slug__startswith=base).exclude(pk=exclude_pk)
    taken = set(similar.values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def create_draft_partner(*, name, sector, locale=None, user=None, **fields):
    """An unpublished partner with a first revision, validated like the admin form validates it.

    ``fields`` are any other Partner fields (short_name, social_economy_kind, public_email, member_since, …).
    Raises ``django.core.exceptions.ValidationError`` when the data breaks a rule of the model.
    """
    locale = locale or Locale.get_default()
    partner = Partner(name=name, sector=sector, locale=locale, live=False, **fields)
    if not partner.slug:
        partner.slug = unique_slug(name, locale)
    partner.full_clean()
    partner.save()
    partner.save_revision(user=user, log_action=True)
    return partner
