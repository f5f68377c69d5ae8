import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.forms import guide_choices
from partners.models import Sector

from .applications import MembershipApplication
from .validators import normalise_krs, normalise_nip, normalise_regon

POSTCODE_PATTERN = re.compile(r"\d{2}-\d{3}")
PHONE_PATTERN = re.compile(r"\+?[\d\s()\-]{9,20}")


class AccessionForm(forms.ModelForm):
    """The online accession declaration, with a consent checkbox whose wording is passed in by the view."""

    submission_token = forms.UUIDField(widget=forms.HiddenInput)
    # Left empty by people (it is hidden from them); bots that fill in every field give themselves away.
    fax = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    supports_ideological_declaration = forms.BooleanField(
        label=_("The institution supports the Ideological Declaration of the Partnership."),
        required=True,
        error_messages={"required": _("An institution joins by supporting the Ideological Declaration.")},
    )
    website = forms.URLField(label=_("website"), max_length=500, required=False, assume_scheme="https")
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("Please confirm that you have read the information on personal data.")},
    )

    class Meta:
        model = MembershipApplication
        fields = [
            "institution_name",
            "sector",
            "social_economy_kind",
            "legal_form",
            "street",
            "postcode",
            "city",
            "nip",
            "regon",
            "krs",
            "representative_name",
            "representative_role",
            "contact_name",
            "email",
            "phone",
            "website",
            "motivation",
            "supports_ideological_declaration",
        ]
        widgets = {"motivation": forms.Textarea(attrs={"rows": 5, "maxlength": 2000})}
        help_texts = {
            "nip": _("10 digits. Give the NIP and REGON numbers, or the KRS number."),
            "regon": _("9 or 14 digits."),
            "krs": _("10 digits."),
            "postcode": _("For example 20-078."),
            "social_economy_kind": _("Only for social economy entities."),
            "motivation": _("Why the institution wants to join, in a few sentences."),
        }

    def __init__(self, *args, consent_text, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text
        for name in ("nip", "regon", "krs"):
            # Typed with spaces, dashes or a "PL" prefix; the clean_* methods store the bare digits.
            self.fields[name].max_length = 24
            self.fields[name].validators = []
            self.fields[name].widget.attrs["maxlength"] = 24
        for name in ("nip", "regon", "krs", "postcode", "phone"):
            self.fields[name].widget.attrs.setdefault("inputmode", "numeric" if name != "phone" else "tel")
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        guide_choices(self)

    def clean_nip(self):
        value = self.cleaned_data["nip"]
        return normalise_nip(value) if value.strip() else ""

    def clean_regon(self):
        value = self.cleaned_data["regon"]
        return normalise_regon(value) if value.strip() else ""

    def clean_krs(self):
        value = self.cleaned_data["krs"]
        return normalise_krs(value) if value.strip() else ""

    def clean_postcode(self):
        value = self.cleaned_data["postcode"].strip()
        if not POSTCODE_PATTERN.fullmatch(value):
            raise ValidationError(_("Enter the postcode as two digits, a dash and three digits, e.g. 20-078."))
        return value

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        if not PHONE_PATTERN.fullmatch(value) or sum(ch.isdigit() for ch in value) < 9:
            raise ValidationError(_("Enter a phone number of at least 9 digits."))
        return value

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            # Single-line fields stay single-line whatever is posted: they end up in mail headers and PDFs.
            if isinstance(field.widget, forms.TextInput) and isinstance(cleaned.get(name), str):
                cleaned[name] = " ".join(cleaned[name].split())
        if not cleaned.get("krs") and "krs" not in self.errors:
            message = _("Give the NIP and REGON numbers, or the KRS number.")
            for name in ("nip", "regon"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, message)
        sector = cleaned.get("sector")
        if sector == Sector.SOCIAL_ECONOMY and not cleaned.get("social_economy_kind"):
            self.add_error("social_economy_kind", _("Choose the kind of social economy entity."))
        elif sector and sector != Sector.SOCIAL_ECONOMY:
            # A kind picked before switching to another sector means nothing for that sector.
            cleaned["social_economy_kind"] = ""
        return cleaned

    @property
    def is_bot(self):
        return bool(self.data.get("fax"))
