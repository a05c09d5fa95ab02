import factory
import wagtail_factories
from wagtail import blocks
from wagtail.rich_text import RichText

from haven.base.tests.factories import (
    CallToActionCardsBlockFactory,
    CitedStatisticBlockFactory,
    HeadingBlockFactory,
    InfographicBlockFactory,
    ProgrammeSpotlightBlockFactory,
)
from haven.campaigns.models import CampaignBodyBlock, CampaignPage
from haven.events.tests.factories import EventListBlockFactory
from haven.hotlines.tests.factories import HotlineBlockFactory


class RichTextBlockFactory(wagtail_factories.blocks.BlockFactory):
    value = "<p>Prevention and early help keep children safer.</p>"

    class Meta:
        model = blocks.RichTextBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return RichText(kwargs["value"])


class CampaignBodyBlockFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    text = factory.SubFactory(RichTextBlockFactory)
    statistic = factory.SubFactory(CitedStatisticBlockFactory)
    infographic = factory.SubFactory(InfographicBlockFactory)
    cards = factory.SubFactory(CallToActionCardsBlockFactory)
    hotline = factory.SubFactory(HotlineBlockFactory)
    spotlight = factory.SubFactory(ProgrammeSpotlightBlockFactory)
    events = factory.SubFactory(EventListBlockFactory)

    class Meta:
        model = CampaignBodyBlock


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = "Human Trafficking Awareness Month"
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    kicker = "HTAM"
    show_in_menus = True
    introduction = "<p>Preventing exploitation.</p>"
    hashtag = "WearBlue"
    share_text = "Wear blue on January 11."
    body = wagtail_factories.StreamFieldFactory(CampaignBodyBlockFactory)

    class Meta:
        model = CampaignPage
