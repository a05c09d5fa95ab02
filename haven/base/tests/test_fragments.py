"""Cached page bodies never outlive the content they show."""

import datetime as dt

import pytest
from django.db.models import F
from django.test import RequestFactory
from django.utils import timezone

from haven.base.fragments import render_body
from haven.base.models import ContentVersion
from haven.events.tests.factories import EventPageFactory
from haven.hotlines.models import Hotline

pytestmark = pytest.mark.django_db


def test_a_changed_hotline_number_shows_on_the_next_view(client, campaign_page):
    assert "Call 1-888-373-7888" in client.get(campaign_page.url).content.decode()
    hotline = Hotline.objects.get(name="National Human Trafficking Hotline")
    hotline.call_number = "1-888-555-0199"
    hotline.save()
    html = client.get(campaign_page.url).content.decode()
    assert "Call 1-888-555-0199" in html
    assert "1-888-373-7888" not in html


def test_a_change_made_by_another_process_shows_too(client, campaign_page):
    client.get(campaign_page.url)
    # Another app process saves the hotline: this process's cache is not told,
    # but the content version in the database moves on.
    Hotline.objects.filter(name="National Human Trafficking Hotline").update(call_number="1-888-555-0142")
    ContentVersion.objects.update_or_create(pk=1, defaults={"number": F("number") + 1})
    assert "Call 1-888-555-0142" in client.get(campaign_page.url).content.decode()


def test_a_newly_published_event_is_listed_at_once(client, campaign_page, events_index):
    client.get(campaign_page.url)
    EventPageFactory(
        parent=events_index, title="Wear Blue Day walk", start=timezone.now() + dt.timedelta(days=1)
    )
    assert "Wear Blue Day walk" in client.get(campaign_page.url).content.decode()


def test_an_unpublished_event_leaves_at_once(client, campaign_page):
    assert "Red Sand Project" in client.get(campaign_page.url).content.decode()
    from haven.events.models import EventPage

    EventPage.objects.get(title="Red Sand Project").unpublish()
    assert "Red Sand Project" not in client.get(campaign_page.url).content.decode()


def test_previews_are_never_served_from_or_stored_in_the_cache(campaign_page):
    request = RequestFactory().get(campaign_page.url, HTTP_HOST="localhost")
    published = render_body(page=campaign_page, request=request)
    draft = type(campaign_page).objects.get(pk=campaign_page.pk)
    draft.body = [("heading", {"text": "Draft heading only", "anchor": ""})]
    request.is_preview = True
    assert "Draft heading only" in render_body(page=draft, request=request)
    del request.is_preview
    assert render_body(page=campaign_page, request=request) == published
