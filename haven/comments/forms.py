from urllib.parse import parse_qsl

from django import forms
from django.utils.translation import gettext_lazy as _

from . import rules


def fields_with_invalid_text(request) -> set[str]:
    """Names of posted fields whose bytes are not valid UTF-8.

    Django replaces such bytes with "�" when it decodes a form; that would
    store something other than what was sent, so the form refuses them.
    Browsers always send valid UTF-8, so only scripts ever see this.
    """
    if request.content_type != "application/x-www-form-urlencoded":
        return set()
    invalid = set()
    # Latin-1 maps each byte to one character, so the bytes can be checked after unquoting.
    for name, value in parse_qsl(request.body.decode("latin-1"), keep_blank_values=True, encoding="latin-1"):
        try:
            value.encode("latin-1").decode("utf-8")
        except UnicodeDecodeError:
            invalid.add(name.encode("latin-1").decode("utf-8", "replace"))
    return invalid


class CommentForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=rules.NAME_MAX_LENGTH)
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("Never published. Only the organisation's moderators can see it."),
    )
    text = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        # Kept exactly as typed, spaces and all.
        strip=False,
        help_text=_("Plain text. Line breaks are kept; HTML and links are shown as text."),
    )
    # Filled in only by robots: people never see it.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    error_messages = {
        "invalid_text": _("This contains bytes that are not valid text. Please type it again."),
        "text_too_long": _(
            "Your comment is %(length)s characters long; the limit is %(limit)s. Please shorten it."
        ),
    }

    def __init__(self, *args, invalid_fields: set[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.invalid_fields = invalid_fields or set()
        self.fields["name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        for field in ("name", "email", "text"):
            self.fields[field].error_messages["required"] = {
                "name": _("Enter your name (any name you like)."),
                "email": _("Enter your e-mail address. It is never published."),
                "text": _("Write your comment."),
            }[field]
        self.fields["email"].error_messages["invalid"] = _(
            "Enter an e-mail address like name@example.org. It is never published."
        )

    def clean(self):
        cleaned = super().clean()
        for name in self.invalid_fields & {"name", "email", "text"}:
            self.add_error(name, self.error_messages["invalid_text"])
        text = cleaned.get("text")
        if text is not None and not text.strip():
            self.add_error("text", self.fields["text"].error_messages["required"])
        elif text and len(text) > rules.TEXT_MAX_LENGTH:
            self.add_error(
                "text",
                self.error_messages["text_too_long"]
                % {"length": f"{len(text):,}", "limit": f"{rules.TEXT_MAX_LENGTH:,}"},
            )
        return cleaned


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Reply"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=rules.TEXT_MAX_LENGTH,
        help_text=_("Published at once under the comment, in the organisation's name. Plain text."),
    )
