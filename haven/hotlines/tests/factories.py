import datetime as dt

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale
from wagtail.snippets.blocks import SnippetChooserBlock

from haven.hotlines.blocks import HotlineBlock
from haven.hotlines.models import Hotline


class HotlineFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Help line {n}")
    description = "Free and confidential help."
    call_number = factory.Sequence(lambda n: f"1-888-555-{n % 10000:04d}")
    text_number = "233733"
    text_keyword = "HELP"
    chat_url = "https://help.example.org/chat"
    hours = "24 hours a day, 7 days a week"
    languages = "More than 200 languages"
    source_name = "The hotline's own website"
    source_url = "https://help.example.org/"
    last_verified = dt.date(2026, 1, 5)
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Hotline


class HotlineChooserBlockFactory(wagtail_factories.blocks.ChooserBlockFactory):
    hotline = factory.SubFactory(HotlineFactory)

    class Meta:
        model = SnippetChooserBlock

    @classmethod
    def _build(cls, model_class, hotline):
        return hotline

    @classmethod
    def _create(cls, model_class, hotline):
        return hotline


class HotlineBlockFactory(wagtail_factories.StructBlockFactory):
    hotline = factory.SubFactory(HotlineChooserBlockFactory)
    note = "Call any time."

    class Meta:
        model = HotlineBlock
