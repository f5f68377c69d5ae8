"""What every public form of the site shares: a real prompt as the empty choice, capitalised labels and options,
and the list of its errors for the error summary (home/templates/home/includes/form_errors.html)."""

from dataclasses import dataclass

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

#: The empty choice of a select, instead of Django's "---------".
EMPTY_CHOICE_LABEL = _("— choose —")


def guide_choices(form):
    """Give every select of ``form`` a prompt as its empty choice and capitalised options."""
    for field in form.fields.values():
        if not isinstance(field, forms.ChoiceField) or isinstance(field.widget, forms.HiddenInput):
            continue
        choices = [(value, capfirst(label)) for value, label in field.choices if value != ""]
        has_empty = any(value == "" for value, _label in field.choices)
        if isinstance(field.widget, forms.Select) and not isinstance(field.widget, forms.SelectMultiple):
            if has_empty or not field.required or field.initial in (None, ""):
                choices = [("", EMPTY_CHOICE_LABEL), *choices]
        field.choices = choices


@dataclass(frozen=True)
class FormError:
    message: str
    label: str = ""
    #: The id of the control the error is about, for the summary's link; empty for errors of the whole form.
    target: str = ""


def field_target(bound_field):
    """The id of the control a link to ``bound_field`` should land on (the first option of a radio group)."""
    if bound_field.field.widget.use_fieldset:
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label


def form_errors(form):
    """Every error of ``form`` in the order of its fields, the form's own errors first."""
    found = [FormError(str(message)) for message in form.non_field_errors()]
    for bound_field in form:
        for message in bound_field.errors:
            if bound_field.is_hidden:
                found.append(FormError(str(message)))
            else:
                found.append(FormError(str(message), capfirst(bound_field.label), field_target(bound_field)))
    return found


def error_count_title(count):
    """The start of the page's <title> when a form comes back with errors: "Errors (3): "."""
    return ngettext("Error (%(count)d): ", "Errors (%(count)d): ", count) % {"count": count}
