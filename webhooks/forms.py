from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .models import ContentKind
from .signing import generate_secret


class WebhookEndpointForm(WagtailAdminModelForm):
    """Languages and content kinds as check boxes; the secret shown to those who may edit the endpoint (never
    in a listing), and made anew on request."""

    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Events about content in these languages are sent (documents and images have none)."),
    )
    content_types = forms.MultipleChoiceField(
        label=_("Content types"), choices=ContentKind.choices, widget=forms.CheckboxSelectMultiple
    )
    signing_secret = forms.CharField(
        label=_("Secret"),
        required=False,
        disabled=True,
        help_text=_(
            "The portal verifies each event's signature with it (docs/API.md, “Webhooks”). Keep it secret: "
            "made when the endpoint is saved the first time."
        ),
    )
    regenerate_secret = forms.BooleanField(
        label=_("Make a new secret"),
        required=False,
        help_text=_("The old secret stops working at once; give the new one to the portal."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["signing_secret"].initial = self.instance.secret
        else:
            del self.fields["regenerate_secret"]

    def save(self, commit=True):
        endpoint = super().save(commit=False)
        if self.cleaned_data.get("regenerate_secret"):
            endpoint.secret = generate_secret()
        if "is_active" in self.changed_data and endpoint.is_active:
            # Turned back on: the failures that disabled it are forgiven.
            endpoint.consecutive_failures = 0
            endpoint.disabled_at = None
        if commit:
            endpoint.save()
        return endpoint
