"""Facts have one source of truth across languages: a change in the original shows in every translation."""

import datetime as dt

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from haven.base.localize import translate
from haven.campaigns.models import CampaignPage
from haven.hotlines.models import Hotline
from haven.hotlines.tests.factories import HotlineFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish(db):
    return Locale.objects.get_or_create(language_code="es")[0]


@pytest.fixture
def spanish_campaign(campaign_page, home_page, spanish):
    """The campaign, its hotline and the home page translated with wagtail-localize."""
    hotline = Hotline.objects.get(name="National Human Trafficking Hotline")
    translate(
        instance=hotline, locale=spanish, strings={"National Human Trafficking Hotline": "Línea Nacional"}
    )
    translate(instance=home_page, locale=spanish, strings={})
    page, _created = translate(
        instance=campaign_page,
        locale=spanish,
        strings={"The scale of the problem": "La magnitud del problema"},
    )
    return page


def test_translators_are_not_asked_to_translate_numbers(spanish_campaign, campaign_page):
    hotline = Hotline.objects.get(name="National Human Trafficking Hotline")
    for instance, facts in ((hotline, ["1-888-373-7888", "233733"]), (campaign_page, ["21.7 million"])):
        source = TranslationSource.objects.get_for_instance(instance)
        segments = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
        assert segments, "the words are there to translate"
        assert not segments & set(facts)


def test_a_hotline_number_changed_in_english_shows_on_the_spanish_page(client, spanish_campaign):
    english = Hotline.objects.get(name="National Human Trafficking Hotline")
    assert "1-888-373-7888" in client.get(spanish_campaign.url).content.decode()
    english.call_number = "1-888-373-0000"
    english.last_verified = dt.date(2026, 11, 1)
    english.save()
    spanish = Hotline.objects.get(translation_key=english.translation_key, locale__language_code="es")
    assert (spanish.call_number, spanish.last_verified) == ("1-888-373-0000", dt.date(2026, 11, 1))
    assert spanish.name == "Línea Nacional", "the words stay translated"
    html = client.get(spanish_campaign.url).content.decode()
    assert 'href="tel:18883730000"' in html
    assert "1-888-373-7888" not in html


def test_a_translation_saved_from_an_old_copy_keeps_the_current_number(spanish_campaign):
    english = Hotline.objects.get(name="National Human Trafficking Hotline")
    spanish = Hotline.objects.get(translation_key=english.translation_key, locale__language_code="es")
    english.call_number = "1-888-373-0000"
    english.save()
    spanish.call_number = "1-888-373-7888"  # what an editor had loaded before the change
    spanish.hours = "Las 24 horas"
    spanish.save()
    english.refresh_from_db()
    spanish.refresh_from_db()
    assert english.call_number == spanish.call_number == "1-888-373-0000"
    assert spanish.hours == "Las 24 horas"


def test_a_statistic_changed_in_english_shows_in_spanish_after_publishing(
    client, spanish_campaign, campaign_page
):
    assert "21.7 million" in client.get(spanish_campaign.url).content.decode()
    draft = campaign_page.get_latest_revision_as_object()
    for block in draft.body:
        if block.block_type == "statistic":
            block.value["figure"] = "36.2 million"
            block.value["as_of"] = dt.date(2023, 12, 31)
    draft.save_revision().publish()
    html = client.get(spanish_campaign.url).content.decode()
    assert "36.2 million" in html
    assert "21.7 million" not in html
    assert "La magnitud del problema" in html, "the translated words stay"
    spanish = CampaignPage.objects.get(pk=spanish_campaign.pk)
    statistic = next(block for block in spanish.body if block.block_type == "statistic")
    assert statistic.value["as_of"] == dt.date(2023, 12, 31)


def test_publishing_the_translation_again_does_not_bring_back_the_old_figure(spanish_campaign, campaign_page):
    stale = spanish_campaign.get_latest_revision_as_object()  # made before the change below
    draft = campaign_page.get_latest_revision_as_object()
    next(block for block in draft.body if block.block_type == "statistic").value["figure"] = "36.2 million"
    draft.save_revision().publish()
    stale.title = "Mes de Concientización"
    stale.save_revision().publish()
    spanish = CampaignPage.objects.get(pk=spanish_campaign.pk)
    assert spanish.title == "Mes de Concientización"
    assert (
        next(block for block in spanish.body if block.block_type == "statistic").value["figure"]
        == "36.2 million"
    )


def test_hotlines_without_translations_save_as_before():
    hotline = HotlineFactory(call_number="1-800-555-0100")
    hotline.call_number = "1-800-555-0199"
    hotline.save()
    assert Hotline.objects.get(pk=hotline.pk).call_number == "1-800-555-0199"


def test_a_figure_in_words_on_a_translation_says_which_language_it_is_in(
    client, spanish_campaign, campaign_page
):
    assert (
        '<p class="statistic__figure" lang="en">21.7 million</p>'
        in client.get(spanish_campaign.url).content.decode()
    )
    assert '<p class="statistic__figure">21.7 million</p>' in client.get(campaign_page.url).content.decode()
