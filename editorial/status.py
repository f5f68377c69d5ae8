"""The warning an editor sees on a live translation that is out of date or has untranslated segments."""

from django.utils.translation import gettext, ngettext

from .board import OUTDATED


def status_messages(row):
    """Sentences flagging ``row`` (a board row of a translation), or none when it is fine or not live."""
    if row is None or not row.is_flagged:
        return []
    messages = []
    if row.state == OUTDATED:
        messages.append(
            gettext(
                "Out of date: the %(language)s version changed after this translation was last synced or published."
            )
            % {"language": row.source.locale.get_display_name()}
        )
    if row.segments_to_translate:
        messages.append(
            ngettext(
                "%(count)s segment untranslated: visitors see the source text there.",
                "%(count)s segments untranslated: visitors see the source text there.",
                row.segments_to_translate,
            )
            % {"count": row.segments_to_translate}
        )
    return messages
