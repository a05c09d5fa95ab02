from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from haven.base.blocks import (
    RICH_TEXT_FEATURES,
    CallToActionCardsBlock,
    CitedStatisticBlock,
    HeadingBlock,
    InfographicBlock,
    ProgrammeSpotlightBlock,
)
from haven.base.pages import HavenPageMixin
from haven.events.blocks import EventListBlock
from haven.hotlines.blocks import HotlineBlock


class CampaignBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Text"), icon="pilcrow", template="blocks/rich_text_block.html"
    )
    statistic = CitedStatisticBlock()
    infographic = InfographicBlock()
    cards = CallToActionCardsBlock()
    hotline = HotlineBlock()
    spotlight = ProgrammeSpotlightBlock()
    events = EventListBlock()


class CampaignPage(HavenPageMixin, Page):
    """An awareness campaign, e.g. Human Trafficking Awareness Month."""

    kicker = models.CharField(
        _("short label"), max_length=60, blank=True, help_text=_("Shown above the title, e.g. HTAM.")
    )
    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)
    hashtag = models.CharField(
        _("hashtag"), max_length=60, blank=True, help_text=_("Without the #, e.g. WearBlue.")
    )
    share_text = models.CharField(
        _("share text"),
        max_length=240,
        blank=True,
        help_text=_("A sentence people can post with the hashtag."),
    )
    body = StreamField(CampaignBodyBlock(), verbose_name=_("body"), blank=True, use_json_field=True)
    allow_comments = models.BooleanField(
        _("allow comments"),
        default=True,
        help_text=_("Visitors may leave comments; each one appears only after a moderator approves it."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kicker"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("hashtag"), FieldPanel("share_text")], heading=_("Sharing")),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("allow_comments")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    parent_page_types = ["base.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("campaign")
