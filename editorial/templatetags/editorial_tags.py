"""The translation editor as the editorial roles see it (see templates/wagtail_localize/admin/edit_translation.html)."""

import json

from django import template

from ..board import OUTDATED, translation_status
from ..guards import edit_url, user_can_publish
from ..review import can_submit_for_review, submit_url
from ..status import status_messages

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor(context, translation, instance, props):
    """What the translation editor offers ``request.user``. Someone who may not publish the translation gets no
    publishing, alias or stop-sync action (the server refuses them too, see guards.py): wagtail-localize's
    footer, whose main button would otherwise be "Lock" or "Stop Synced translation", is replaced by one whose
    main button is "Submit for review"."""
    user = context["request"].user
    may_publish = user_can_publish(user, instance)
    if not may_publish:
        props = json.loads(props)
        props["perms"].update(canPublish=False, canUnpublish=False, canDelete=False)
        props["links"]["convertToAliasUrl"] = None
        props = json.dumps(props)
    workflow_state = getattr(instance, "current_workflow_state", None)
    in_review = workflow_state is not None and workflow_state.status == workflow_state.STATUS_IN_PROGRESS
    row = translation_status(instance)
    return {
        "may_publish": may_publish,
        "props": props,
        "in_review": in_review,
        "submit_url": submit_url(instance) if not in_review and can_submit_for_review(instance, user) else None,
        "edit_url": edit_url(instance),
        "warnings": status_messages(row),
        "outdated": row is not None and row.state == OUTDATED,
    }
