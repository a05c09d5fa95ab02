"""Each content block renders what a visitor needs and refuses what would mislead them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from wagtail.rich_text import RichText

from haven.base.blocks import (
    CallToActionCardBlock,
    CitedStatisticBlock,
    HeadingBlock,
    InfographicBlock,
    ProgrammeSpotlightBlock,
)
from haven.base.tests.factories import (
    CallToActionCardsBlockFactory,
    CitedStatisticBlockFactory,
    HeadingBlockFactory,
    InfographicBlockFactory,
    ProgrammeSpotlightBlockFactory,
)


def block_errors(block, raw_value) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python(raw_value))
    return {name: list(error.messages) for name, error in caught.value.block_errors.items()}


STATISTIC = {
    "figure": "21.7 million",
    "sentence": "reports were made in 2020.",
    "source_name": "NCMEC CyberTipline",
    "source_url": "https://www.missingkids.org/",
    "as_of": "2020-12-31",
}


def test_heading_renders_with_anchor():
    value = HeadingBlockFactory(text="Know the signs", anchor="signs")
    html = HeadingBlock().render(value)
    assert '<h2 class="section-heading" id="signs">Know the signs</h2>' in html


def test_heading_anchor_with_spaces_is_refused():
    errors = block_errors(HeadingBlock(), {"text": "Facts", "anchor": "the facts"})
    assert "without spaces" in errors["anchor"][0]


def test_statistic_renders_figure_source_and_date():
    value = CitedStatisticBlockFactory(
        figure="14,892", source_name="California Department of Social Services", as_of=dt.date(2022, 1, 1)
    )
    html = CitedStatisticBlock().render(value)
    assert "14,892" in html
    assert "California Department of Social Services" in html
    assert 'href="https://www.missingkids.org/"' in html
    assert 'rel="noreferrer"' in html
    assert "as of Jan. 1, 2022" in html


def test_statistic_without_source_is_refused_with_a_clear_message():
    errors = block_errors(CitedStatisticBlock(), {**STATISTIC, "source_name": ""})
    assert errors == {"source_name": ["Every statistic needs a source: name who published the figure."]}


def test_statistic_without_date_is_refused():
    errors = block_errors(CitedStatisticBlock(), {**STATISTIC, "as_of": None})
    assert "date the figure was true" in errors["as_of"][0]


def test_statistic_with_everything_is_accepted():
    value = CitedStatisticBlock().clean(CitedStatisticBlock().to_python(STATISTIC))
    assert value["figure"] == "21.7 million"


@pytest.mark.django_db
def test_infographic_renders_image_alt_text_and_text_alternative():
    value = InfographicBlockFactory(title="Red flags", alt_text="Warning signs of exploitation.")
    html = InfographicBlock().render(value)
    assert 'alt="Warning signs of exploitation."' in html
    assert "<h3" in html and "Red flags" in html
    assert "New things they cannot explain." in html
    assert 'width="' in html and 'height="' in html


@pytest.mark.django_db
def test_infographic_without_alt_text_or_text_alternative_is_refused():
    value = InfographicBlockFactory()
    raw = {"title": "Risk factors", "image": value["image"].pk, "alt_text": "", "text_alternative": ""}
    errors = block_errors(InfographicBlock(), raw)
    assert "screen reader" in errors["alt_text"][0]
    assert "everything the infographic says" in errors["text_alternative"][0]


def test_cards_render_each_card_with_its_link():
    value = CallToActionCardsBlockFactory(
        cards__0__title="Listen", cards__1__title="Learn", cards__2__title="Seek help"
    )
    html = value.block.render(value)
    for title in ("Listen", "Learn", "Seek help"):
        assert f'<h3 class="card__title">{title}</h3>' in html
    assert 'href="https://example.org/guide" rel="noreferrer"' in html


def test_card_link_text_without_destination_is_refused():
    raw = {
        "title": "Learn",
        "text": "Read the guide.",
        "link_text": "Read it",
        "page": None,
        "external_url": "",
    }
    errors = block_errors(CallToActionCardBlock(), raw)
    assert "Choose a page or enter an address" in errors["page"][0]


def test_card_destination_without_link_text_is_refused():
    raw = {
        "title": "Learn",
        "text": "x",
        "link_text": "",
        "page": None,
        "external_url": "https://example.org/",
    }
    errors = block_errors(CallToActionCardBlock(), raw)
    assert "Say where the link goes" in errors["link_text"][0]


def test_spotlight_renders_name_text_and_link():
    value = ProgrammeSpotlightBlockFactory(text=RichText("<p>Linkage to services.</p>"))
    html = ProgrammeSpotlightBlock().render(value)
    assert "KidsFirst CSEC Team" in html
    assert "Linkage to services." in html
    assert 'href="https://example.org/kidsfirst" rel="noreferrer"' in html


def test_spotlight_without_text_is_refused():
    raw = {"name": "KidsFirst", "organisation": "", "text": "", "link_text": "", "link_url": ""}
    errors = block_errors(ProgrammeSpotlightBlock(), raw)
    assert "what the programme does" in errors["text"][0]
