"""Staff editing a campaign in the Wagtail admin are told, next to the field, what a block is missing.

The tests post to the real page edit and add views as a superuser would. The
admin draws StreamField blocks in the browser: the re-displayed form carries
the entered values and each field's messages as JSON on the `#body` element,
which these tests read back.
"""

import json

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail import blocks
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from haven.base.blocks import RICH_TEXT_FEATURES
from haven.campaigns.models import CampaignPage

SOURCE_MISSING = "Every statistic needs a source: name who published the figure."
ALT_TEXT_MISSING = "Describe the image in a sentence for people who use a screen reader."
NOT_SAVED = "The page could not be saved due to validation errors."

STATISTIC = {
    "figure": "14,892",
    "sentence": "children were reported missing in California in 2021.",
    "source_name": "California Department of Social Services",
    "source_url": "https://www.cdss.ca.gov/",
    "as_of": "2022-01-01",
}


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "not-used")
    client.force_login(user)
    return client


def block_form_data(block, value):
    """The form data the admin's StreamField editor posts for `value`, as nested dicts."""
    if isinstance(block, blocks.StreamBlock):
        data = streamfield([(child.block_type, block_form_data(child.block, child.value)) for child in value])
        for index, child in enumerate(value):
            data[str(index)]["id"] = child.id
        return data
    if isinstance(block, blocks.ListBlock):
        data = {
            str(index): {
                "value": block_form_data(block.child_block, child.value),
                "id": child.id,
                "deleted": "",
                "order": str(index),
            }
            for index, child in enumerate(value.bound_blocks)
        }
        data["count"] = str(len(value.bound_blocks))
        return data
    if isinstance(block, blocks.StructBlock):
        return {name: block_form_data(child, value.get(name)) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ChooserBlock):
        return value.pk if value else ""
    state = block.get_form_state(value)
    return "" if state is None else state


def campaign_form_data(page, *, extra_blocks=(), publish=True, **fields):
    """The edit form as the admin shows it for `page`, with `fields` changed and `extra_blocks` added.

    `body` is the nested body data; blocks in `extra_blocks` are (type, value data) pairs.
    """
    body = fields.pop("body", None) or block_form_data(CampaignPage.body.field.stream_block, page.body)
    for block_type, value in extra_blocks:
        index = int(body["count"])
        body[str(index)] = {"type": block_type, "value": value, "deleted": "", "order": str(index)}
        body["count"] = str(index + 1)
    data = {
        "title": page.title,
        "slug": page.slug,
        "kicker": page.kicker,
        "introduction": rich_text(page.introduction, features=RICH_TEXT_FEATURES),
        "hashtag": page.hashtag,
        "share_text": page.share_text,
        "body": body,
        **fields,
    }
    if publish:
        data["action-publish"] = "action-publish"
    return nested_form_data(data)


def body_editor_state(response):
    """The body blocks and their messages, as the admin hands them to its StreamField editor."""
    soup = BeautifulSoup(response.content, "html.parser")
    value, errors = json.loads(soup.find(id="body")["data-w-block-arguments-value"])
    return value, errors


def why_not_saved(response) -> str:
    """For a failed assertion: the messages of a re-displayed form, or the status of anything else."""
    if response.status_code == 200 and b'id="body"' in response.content:
        return f"form re-displayed with {body_editor_state(response)[1]}"
    return f"status {response.status_code}"


def stored_body(page):
    page = CampaignPage.objects.get(pk=page.pk)
    return page.live, json.dumps(list(page.body.raw_data), sort_keys=True, default=str)


@pytest.mark.django_db
def test_statistic_without_source_is_refused_with_a_message_next_to_the_source(admin_client, campaign_page):
    before = stored_body(campaign_page)
    revisions = Revision.objects.for_instance(campaign_page).count()
    data = campaign_form_data(campaign_page)
    assert data["body-2-type"] == "statistic"
    data["body-2-value-figure"] = "27.6 million"
    data["body-2-value-source_name"] = ""

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[campaign_page.id]), data)

    assert response.status_code == 200
    assert NOT_SAVED in response.content.decode()
    value, errors = body_editor_state(response)
    # The message belongs to the source field of the third block, and to nothing else.
    assert errors == {"blockErrors": {"2": {"blockErrors": {"source_name": {"messages": [SOURCE_MISSING]}}}}}
    # What the editor typed is shown again, not the stored figure.
    assert value[2]["type"] == "statistic"
    assert value[2]["value"]["figure"] == "27.6 million"
    assert "27.6 million" in response.content.decode()
    assert len(value) == len(campaign_page.body)
    assert stored_body(campaign_page) == before
    assert Revision.objects.for_instance(campaign_page).count() == revisions


@pytest.mark.django_db
def test_infographic_without_alt_text_is_refused_with_a_message_next_to_the_alt_text(
    admin_client, campaign_page
):
    before = stored_body(campaign_page)
    image = wagtail_factories.ImageFactory(title="Warning signs")
    infographic = {
        "title": "Warning signs",
        "image": image.pk,
        "alt_text": "",
        "text_alternative": rich_text("<p>New phones, new friends, gifts.</p>", features=RICH_TEXT_FEATURES),
    }
    data = campaign_form_data(campaign_page, extra_blocks=[("infographic", infographic)])

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[campaign_page.id]), data)

    assert response.status_code == 200
    assert NOT_SAVED in response.content.decode()
    value, errors = body_editor_state(response)
    new_index = len(campaign_page.body)
    assert errors == {
        "blockErrors": {str(new_index): {"blockErrors": {"alt_text": {"messages": [ALT_TEXT_MISSING]}}}}
    }
    assert value[new_index]["type"] == "infographic"
    assert value[new_index]["value"]["title"] == "Warning signs"
    assert value[new_index]["value"]["image"]["id"] == image.pk
    assert stored_body(campaign_page) == before


@pytest.mark.django_db
def test_complete_statistic_is_published_and_shown_to_visitors(admin_client, campaign_page):
    visitor = Client()
    # A visitor has seen the page before the edit, so any cached copy of it is warm.
    assert STATISTIC["figure"] not in visitor.get(campaign_page.url).content.decode()
    data = campaign_form_data(campaign_page, extra_blocks=[("statistic", STATISTIC)])

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[campaign_page.id]), data)

    assert response.status_code == 302, why_not_saved(response)
    assert response["Location"] == reverse("wagtailadmin_explore", args=[campaign_page.get_parent().id])
    page = CampaignPage.objects.get(pk=campaign_page.pk)
    assert page.live
    assert not page.has_unpublished_changes
    assert [block.block_type for block in page.body][-1] == "statistic"
    assert len(page.body) == len(campaign_page.body) + 1
    html = visitor.get(page.url).content.decode()
    assert STATISTIC["figure"] in html
    assert STATISTIC["source_name"] in html
    assert "as of Jan. 1, 2022" in html
    # The blocks that were already there survive the round trip through the admin.
    assert "Red Sand Project" in html
    assert "1-888-373-7888" in html


@pytest.mark.django_db
def test_new_campaign_created_in_the_admin_is_published_and_reachable(admin_client, home_page):
    data = nested_form_data(
        {
            "title": "Child Abuse Prevention Month",
            "slug": "capm",
            "kicker": "CAPM",
            "introduction": rich_text("<p>Every child deserves to be safe.</p>", features=RICH_TEXT_FEATURES),
            "hashtag": "GoBlue",
            "share_text": "Plant a pinwheel in April.",
            "body": streamfield(
                [
                    ("heading", {"text": "What the numbers say", "anchor": "numbers"}),
                    ("statistic", STATISTIC),
                ]
            ),
            "action-publish": "action-publish",
        }
    )

    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=["campaigns", "campaignpage", home_page.id]), data
    )

    assert response.status_code == 302, why_not_saved(response)
    assert response["Location"] == reverse("wagtailadmin_explore", args=[home_page.id])
    page = CampaignPage.objects.get(slug="capm")
    assert page.live
    assert page.get_parent().specific == home_page
    visit = Client().get(page.url)
    assert visit.status_code == 200
    html = visit.content.decode()
    assert "Child Abuse Prevention Month" in html
    assert 'id="numbers"' in html
    assert STATISTIC["figure"] in html
