"""Tags of the shared form markup (home/templates/home/includes/form_errors.html and field.html)."""

from django import template

from home.forms import error_count_title, form_errors

register = template.Library()


@register.inclusion_tag("home/includes/form_errors.html")
def error_summary(form, title_id="error-summary-title"):
    """The error summary above a form that came back with errors: how many, each linked to its field."""
    errors = form_errors(form) if form is not None and form.is_bound else []
    return {"errors": errors, "count": len(errors), "title_id": title_id}


@register.simple_tag
def error_title(form):
    """``Errors (3): `` to put before the page's title when ``form`` has errors, else nothing."""
    if form is None or not form.is_bound or not form.errors:
        return ""
    return error_count_title(len(form_errors(form)))


@register.filter
def field_kind(bound_field):
    """How field.html lays a field out: "checkbox" (control before its label), "group" (a fieldset), "control"."""
    widget = bound_field.field.widget
    if widget.use_fieldset:
        return "group"
    if getattr(widget, "input_type", None) == "checkbox":
        return "checkbox"
    return "control"
