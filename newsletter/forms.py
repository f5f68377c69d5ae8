from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import ConsentText


class SubscriptionForm(forms.Form):
    """An address and a consent to the current consent text of ``language``."""

    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    consent = forms.BooleanField(
        label=_("I agree"),
        error_messages={"required": _("Please tick the box to agree to the consent text.")},
    )
    consent_version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": _("Give the version of the consent text that was shown.")},
    )

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        self.consent_text = None

    def get_language(self):
        return self.language

    def clean(self):
        cleaned = super().clean()
        language = self.get_language()
        if not language:
            return cleaned
        self.consent_text = ConsentText.current(language)
        version = cleaned.get("consent_version")
        if self.consent_text is None:
            raise forms.ValidationError(_("Signing up is not possible at the moment. Please try again later."))
        if version is not None and version != self.consent_text.version:
            self.add_error(
                "consent_version",
                _("The consent text has changed (current version: %(version)s). Please read it and agree again.")
                % {"version": self.consent_text.version},
            )
        return cleaned


class WebSubscriptionForm(SubscriptionForm):
    """The form in the footer and on the newsletter page, with a trap field only robots fill in."""

    email = forms.EmailField(
        label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    source = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_trap_filled(self):
        return bool(self.cleaned_data.get("website"))

    def clean_source(self):
        # Only a path of this site counts as the page the consent was given on.
        source = self.cleaned_data.get("source", "")
        return source if source.startswith("/") and not source.startswith("//") else ""


class APISubscriptionForm(SubscriptionForm):
    """``POST /api/v2/newsletter/subscribe/``: the language comes with the request."""

    language = forms.ChoiceField(label=_("language"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(required=False)

    def get_language(self):
        return self.cleaned_data.get("language")

    def clean_consent(self):
        # JSON ``true`` only: "yes", 1 or "false" are not a consent.
        if self.data.get("consent") is not True:
            raise forms.ValidationError(_("Consent must be given: send true."))
        return True
