import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import EventPage, Registration

PHONE_CHARACTERS = re.compile(r"^[0-9+()\-.\s]{6,40}$")

# What both the public and the staff form pass on to services.register.
REGISTRANT_FIELDS = ("name", "email", "phone", "places", "accessibility_needs")


def registrant_details(form: forms.Form) -> dict:
    return {name: form.cleaned_data[name] for name in REGISTRANT_FIELDS}


class RegistrationForm(forms.Form):
    """What a visitor fills in on an event page."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send your confirmation here. It is never published."),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=40,
        required=False,
        help_text=_("Only if you would like a call should the event change at short notice."),
    )
    places = forms.TypedChoiceField(label=_("Places"), coerce=int)
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Tell us anything that would help you take part, e.g. step-free access or captions."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers keep my name and contact details to manage this event "
            "and delete them after it."
        ),
        error_messages={"required": _("Please tick this box: we cannot register you without it.")},
    )

    def __init__(self, *args, event: EventPage, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        most = event.max_places_per_registration
        self.fields["places"].choices = [(number, str(number)) for number in range(1, most + 1)]
        self.fields["places"].initial = 1
        self.fields["places"].error_messages["invalid_choice"] = _(
            "Choose between 1 and %(most)d places."
        ) % {"most": most}
        for name in ("name", "email", "phone"):
            self.fields[name].widget.attrs["autocomplete"] = {
                "name": "name",
                "email": "email",
                "phone": "tel",
            }[name]
        self.fields["phone"].widget.input_type = "tel"

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Please enter your name."))
        return name

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_CHARACTERS.match(phone):
            raise forms.ValidationError(
                _("Enter a phone number using digits, spaces and + ( ) - only, e.g. (916) 555-0100.")
            )
        return phone


class StaffRegistrationForm(forms.ModelForm):
    """Staff adding someone by hand (a phone booking, a walk-in)."""

    class Meta:
        model = Registration
        fields = ["name", "email", "phone", "places", "accessibility_needs", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"] = forms.ChoiceField(
            label=_("Language for e-mails"), choices=settings.LANGUAGES
        )
        self.fields["email"].required = False
        self.fields["email"].help_text = _("Leave empty if they have none: they will not get e-mails.")


class MessageRegistrantsForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}), max_length=5000)
    include_waiting = forms.BooleanField(label=_("Also send to the waiting list"), required=False)
