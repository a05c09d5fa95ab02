import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

PHONE_CHARACTERS = re.compile(r"^\+?[0-9][0-9 ().\-]*$")


def phone_href_digits(number: str) -> str:
    """The dialable form of a displayed number: digits, with a leading + kept."""
    digits = re.sub(r"[^0-9]", "", number)
    return f"+{digits}" if number.strip().startswith("+") else digits


def validate_phone_number(value: str) -> None:
    if not PHONE_CHARACTERS.match(value.strip()) or len(re.sub(r"[^0-9]", "", value)) < 3:
        raise ValidationError(
            _("Enter the number as people dial it, using digits, spaces, dots, dashes or a leading +."),
            code="invalid_phone",
        )


class Hotline(TranslatableMixin, index.Indexed, models.Model):
    """A help line that pages reference, so its number is kept in one place."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences: who answers and what they can help with."),
    )
    call_number = models.CharField(
        _("number to call"),
        max_length=40,
        blank=True,
        validators=[validate_phone_number],
        help_text=_("As people should read it, e.g. 1-888-373-7888."),
    )
    text_number = models.CharField(
        _("number to text"),
        max_length=40,
        blank=True,
        validators=[validate_phone_number],
        help_text=_("Short code or number for text messages, e.g. 233733."),
    )
    text_keyword = models.CharField(
        _("text keyword"),
        max_length=40,
        blank=True,
        help_text=_("Word to send by text, e.g. BEFREE. Pre-filled in the message."),
    )
    chat_url = models.URLField(_("live chat address"), blank=True)
    hours = models.CharField(
        _("hours"), max_length=120, blank=True, help_text=_("e.g. 24 hours a day, 7 days a week")
    )
    languages = models.CharField(
        _("languages"), max_length=120, blank=True, help_text=_("e.g. more than 200 languages")
    )
    source_name = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("Who publishes this number, so staff can check it."),
    )
    source_url = models.URLField(_("source link"), blank=True)
    last_verified = models.DateField(
        _("last verified"), help_text=_("The day someone last checked the number still works.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("call_number"),
                FieldRowPanel([FieldPanel("text_number"), FieldPanel("text_keyword")]),
                FieldPanel("chat_url"),
            ],
            heading=_("How to reach it"),
        ),
        FieldRowPanel([FieldPanel("hours"), FieldPanel("languages")]),
        MultiFieldPanel(
            [FieldPanel("source_name"), FieldPanel("source_url"), FieldPanel("last_verified")],
            heading=_("Source"),
        ),
    ]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    # How to reach the line is a fact, kept once for every language: translators
    # never see it, and a change to the original shows in every translation at
    # once (haven/base/synchronised.py). Words (name, description, hours,
    # languages, source name) are translated.
    override_translatable_fields = [
        SynchronizedField("call_number", overridable=False),
        SynchronizedField("text_number", overridable=False),
        SynchronizedField("text_keyword", overridable=False),
        SynchronizedField("last_verified", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("hotline")
        verbose_name_plural = _("hotlines")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if not (self.call_number or self.text_number or self.chat_url):
            raise ValidationError(
                {
                    "call_number": _(
                        "Give at least one way to reach the hotline: a number to call or text, or a chat address."
                    )
                }
            )
        if self.text_keyword and not self.text_number:
            raise ValidationError({"text_number": _("A text keyword needs a number to send it to.")})

    @property
    def call_href(self) -> str:
        return f"tel:{phone_href_digits(self.call_number)}" if self.call_number else ""

    @property
    def text_href(self) -> str:
        if not self.text_number:
            return ""
        href = f"sms:{phone_href_digits(self.text_number)}"
        if self.text_keyword:
            href += f"?body={self.text_keyword}"
        return href
