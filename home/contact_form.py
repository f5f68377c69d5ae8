"""The contact page's form, built by Wagtail's form builder from the fields editors set up, plus what every public
form of the site has: a trap field for robots, a prompt as the empty choice, single-line fields kept single-line."""

import functools

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from .forms import guide_choices
from .spreadsheets import FormulaSafeExportMixin

#: The trap field: hidden from people, filled in by robots that fill in every field.
HONEYPOT = "fax"


class ContactForm(BaseForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        guide_choices(self)
        for field in self.fields.values():
            if isinstance(field, forms.EmailField):
                field.widget.attrs.setdefault("autocomplete", "email")

    @property
    def email_fields(self):
        """Names of the e-mail fields: the first one filled in is where the secretary's reply goes."""
        return [name for name, field in self.fields.items() if isinstance(field, forms.EmailField)]

    @property
    def visible_fields_but_trap(self):
        return [field for field in self if field.name != HONEYPOT and not field.is_hidden]

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            # Single-line answers stay single-line: they end up in the e-mail's text and the admin's table.
            if isinstance(field.widget, forms.TextInput) and isinstance(cleaned.get(name), str):
                cleaned[name] = " ".join(cleaned[name].split())
        return cleaned


class ContactFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("ContactForm", (ContactForm,), self.formfields)


@functools.cache
def submissions_view_class():
    """The admin's list of the messages, whose CSV export cannot start a formula (home.spreadsheets)."""
    # Wagtail's admin views cannot be imported while the models load: imported when first asked, as Wagtail does.
    from wagtail.contrib.forms.views import SubmissionsListView

    return type("ContactSubmissionsView", (FormulaSafeExportMixin, SubmissionsListView), {})
