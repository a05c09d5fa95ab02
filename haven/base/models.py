import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from haven.base.pages import HavenPageMixin
from haven.hotlines.models import phone_href_digits, validate_phone_number

from .blocks import RICH_TEXT_FEATURES

SETTINGS_CACHE_SECONDS = 60
# Stored in English; shown through the catalogue in the reader's language.
DEFAULT_CRISIS_TEXT = "In crisis?"


class FooterLinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("Or an address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What every page shows, edited once for the whole site."""

    organisation_name = models.CharField(_("organisation name"), max_length=200, default="Haven")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    crisis_text = models.CharField(
        _("crisis banner text"),
        max_length=120,
        default=DEFAULT_CRISIS_TEXT,
        help_text=_(
            "Shown at the top of every page, before the links to call and text the number. "
            "Leave “In crisis?” to show it in each reader's language."
        ),
    )
    crisis_number = models.CharField(
        _("crisis number"),
        max_length=40,
        default="988",
        validators=[validate_phone_number],
        help_text=_("The 988 Suicide & Crisis Lifeline replaced 1-800-273-8255 in July 2022."),
    )
    crisis_accepts_texts = models.BooleanField(_("the crisis number also takes text messages"), default=True)
    crisis_last_verified = models.DateField(_("crisis number last verified"), null=True, blank=True)
    exit_url = models.URLField(
        _("quick exit destination"),
        default="https://www.weather.gov/",
        help_text=_(
            "Where “Exit this page” takes visitors: a neutral page that looks ordinary on a shared "
            "screen, such as a weather or news site. It must be an https:// address."
        ),
    )
    footer_links = StreamField(
        [("link", FooterLinkBlock())], verbose_name=_("footer links"), blank=True, use_json_field=True
    )

    select_related = ["logo"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("logo"), FieldPanel("contact_email")],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("crisis_text"),
                FieldPanel("crisis_number"),
                FieldPanel("crisis_accepts_texts"),
                FieldPanel("crisis_last_verified"),
            ],
            heading=_("Crisis banner"),
        ),
        FieldPanel("exit_url"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @staticmethod
    def cache_key(site_id: int) -> str:
        return f"haven:site-settings:{site_id}"

    @classmethod
    def for_request(cls, request):
        """The settings every page shows, from the cache between requests.

        Saving clears the entry at once in this process (and everywhere with a
        shared cache such as Redis); other processes see the change within
        SETTINGS_CACHE_SECONDS. The admin reads and writes through for_site(),
        never through this cache.
        """
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        site_settings = cache.get(cls.cache_key(site.pk)) if site else None
        if site_settings is None:
            site_settings = cls.for_site(site)
            cache.set(cls.cache_key(site.pk), site_settings, SETTINGS_CACHE_SECONDS)
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(self.cache_key(self.site_id))

    def clean(self):
        super().clean()
        if self.exit_url and not self.exit_url.startswith("https://"):
            raise ValidationError(
                {"exit_url": _("Use an https:// address, so the exit cannot be read or changed on the way.")}
            )
        retired = {"18002738255", "8002738255"}
        if phone_href_digits(self.crisis_number or "").lstrip("+") in retired:
            raise ValidationError(
                {
                    "crisis_number": _(
                        "1-800-273-8255 was retired in July 2022. Use 988, the Suicide & Crisis Lifeline."
                    )
                }
            )

    @property
    def crisis_banner_text(self) -> str:
        """The built-in words in the reader's language, or what staff wrote instead."""
        if self.crisis_text.strip() in ("", DEFAULT_CRISIS_TEXT):
            return gettext("In crisis?")
        return self.crisis_text

    @property
    def crisis_text_language(self) -> str:
        """The language of staff's own crisis text when the page is in another one, else ""."""
        if self.crisis_text.strip() in ("", DEFAULT_CRISIS_TEXT):
            return ""
        return self.staff_text_language

    @property
    def staff_text_language(self) -> str:
        """Settings are written in the site's default language: "" on pages in that language."""
        current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return "" if current == settings.LANGUAGE_CODE.split("-")[0] else settings.LANGUAGE_CODE

    @property
    def crisis_call_href(self) -> str:
        return f"tel:{phone_href_digits(self.crisis_number)}"

    @property
    def crisis_text_href(self) -> str:
        return f"sms:{phone_href_digits(self.crisis_number)}"


class HomePage(HavenPageMixin, Page):
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    featured_campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("current campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown first on the home page. Empty: the newest published campaign."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("featured_campaign")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["campaigns.CampaignPage", "events.EventIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def current_campaign(self):
        from haven.campaigns.models import CampaignPage

        campaign = self.featured_campaign
        if campaign is not None and campaign.locale_id != self.locale_id:
            # A translated home page keeps the original's choice: show its translation.
            campaign = campaign.get_translation_or_none(self.locale_id)
            campaign = campaign.specific if campaign is not None else None
        if campaign is not None and campaign.live:
            return campaign
        return (
            CampaignPage.objects.live()
            .filter(locale_id=self.locale_id)
            .order_by("-first_published_at", "-pk")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        from haven.events.models import upcoming_events

        context = super().get_context(request, *args, **kwargs)
        context["campaign"] = self.current_campaign()
        context["events"] = upcoming_events(locale_id=self.locale_id, limit=3)
        return context


class ContentVersion(models.Model):
    """One row whose number rises whenever published content changes.

    Cached page bodies carry the number they were made with, so every app
    process knows at once when they are out of date (see fragments.py).
    """

    number = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("content version")

    def __str__(self) -> str:
        return str(self.number)


def document_upload_to(instance, filename: str) -> str:
    """Where an uploaded document is stored: a random name, never the uploader's.

    The uploader's file name can carry a person's name (or be hostile); the
    document's title keeps the human name. Only PDF files are accepted (see
    forms.HavenDocumentForm), so every stored name ends in .pdf.
    """
    return f"documents/{uuid.uuid4().hex}.pdf"


class HavenDocument(AbstractDocument):
    """Wagtail's document (event flyers), stored under a generated file name."""

    file = models.FileField(_("file"), upload_to=document_upload_to)

    admin_form_fields = Document.admin_form_fields

    def clean(self):
        # Wagtail checks the file's extension here. With no file (the form
        # refused the upload and says why next to the field) there is none to
        # check, and "File extension “” is not allowed" would only confuse.
        if self.file:
            super().clean()

    def save(self, *args, **kwargs):
        # The admin records the size and hash of each upload; documents made
        # in code (the demo loader) get them here, so downloads never carry an
        # empty ETag.
        if self.file and not self.file_hash:
            self.file_size = self.file.size
            self._set_file_hash()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "file_size", "file_hash"}
        super().save(*args, **kwargs)
