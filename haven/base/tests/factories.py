import datetime as dt

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from haven.base.blocks import (
    CallToActionCardBlock,
    CallToActionCardsBlock,
    CitedStatisticBlock,
    HeadingBlock,
    InfographicBlock,
    ProgrammeSpotlightBlock,
)
from haven.base.models import HomePage


def rich_text(html: str) -> factory.LazyFunction:
    return factory.LazyFunction(lambda: RichText(html))


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Keeping children safe"
    slug = "home"
    introduction = "<p>Welcome.</p>"

    class Meta:
        model = HomePage


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.Sequence(lambda n: f"Section {n}")
    anchor = ""

    class Meta:
        model = HeadingBlock


class CitedStatisticBlockFactory(wagtail_factories.StructBlockFactory):
    figure = "21.7 million"
    sentence = "reports of suspected child sexual exploitation were made in 2020."
    source_name = "National Center for Missing & Exploited Children"
    source_url = "https://www.missingkids.org/"
    as_of = dt.date(2020, 12, 31)

    class Meta:
        model = CitedStatisticBlock


class InfographicBlockFactory(wagtail_factories.StructBlockFactory):
    title = factory.Sequence(lambda n: f"Infographic {n}")
    image = factory.SubFactory(wagtail_factories.ImageChooserBlockFactory)
    alt_text = "Warning signs that a young person may be exploited."
    text_alternative = rich_text("<ul><li>New things they cannot explain.</li></ul>")

    class Meta:
        model = InfographicBlock


class CallToActionCardBlockFactory(wagtail_factories.StructBlockFactory):
    title = factory.Sequence(lambda n: f"Card {n}")
    text = "Learn how to help."
    link_text = "Read more"
    page = None
    external_url = "https://example.org/guide"

    class Meta:
        model = CallToActionCardBlock


class CallToActionCardsBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Listen, learn, seek help"
    cards = wagtail_factories.ListBlockFactory(CallToActionCardBlockFactory)

    class Meta:
        model = CallToActionCardsBlock


class ProgrammeSpotlightBlockFactory(wagtail_factories.StructBlockFactory):
    name = "KidsFirst CSEC Team"
    organisation = "KidsFirst"
    text = rich_text("<p>Support for young people and families.</p>")
    link_text = "Meet the team"
    link_url = "https://example.org/kidsfirst"

    class Meta:
        model = ProgrammeSpotlightBlock
