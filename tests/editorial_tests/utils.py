from urllib.parse import urlencode

from django.urls import reverse

from wagtail_localize.models import StringSegment, Translation


def translation_of(page):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)


def translate_string(client, page, source_text, value):
    """Translate one segment the way the translation editor does (its string API), as the logged-in user."""
    translation = translation_of(page)
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 201), response.content
    return response
