"""The campaign page stays light: its query count is bounded and does not grow with content."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from haven.campaigns.tests.factories import CampaignPageFactory
from haven.events.tests.factories import EventPageFactory
from haven.hotlines.tests.factories import HotlineFactory

QUERY_BUDGET = 12


def build_campaign(home_page, events_index, *, copies: int, slug: str):
    """A campaign with every block kind `copies` times, and as many hotlines and events."""
    for n in range(copies * 2):
        EventPageFactory(parent=events_index, start=timezone.now() + dt.timedelta(days=n + 1))
    blocks = {}
    for copy in range(copies):
        base = copy * 8
        blocks.update(
            {
                f"body__{base}__heading__text": f"Section {copy}",
                f"body__{base + 1}__text__value": "<p>Prevention is key.</p>",
                f"body__{base + 2}": "statistic",
                f"body__{base + 3}": "infographic",
                f"body__{base + 4}": "events",
                f"body__{base + 5}__cards__cards__0__title": "Listen",
                f"body__{base + 6}__hotline__hotline__hotline": HotlineFactory(),
                f"body__{base + 7}": "spotlight",
            }
        )
    return CampaignPageFactory(parent=home_page, slug=slug, **blocks)


def count_queries(client, url: str, *, warm_cache: bool) -> int:
    client.get(url)  # the first view ever creates the image renditions
    if not warm_cache:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("warm_cache", [False, True], ids=["cold-cache", "warm-cache"])
def test_campaign_page_query_count_is_within_budget_and_constant(
    client, home_page, events_index, warm_cache, monkeypatch
):
    # A minute boundary between two requests would re-render the cached body mid-test.
    monkeypatch.setattr("haven.base.fragments.cache_period", lambda: 1)
    small = build_campaign(home_page, events_index, copies=1, slug="small")
    large = build_campaign(home_page, events_index, copies=10, slug="large")
    small_count = count_queries(client, small.url, warm_cache=warm_cache)
    large_count = count_queries(client, large.url, warm_cache=warm_cache)
    if warm_cache:
        # The budget is for a running site; with the cache emptied, Wagtail and
        # Haven first reload the site, its root paths, settings and navigation.
        assert small_count <= QUERY_BUDGET
    assert large_count == small_count, f"{small_count} queries with 1x content, {large_count} with 10x"


@pytest.mark.django_db
def test_campaign_lists_only_upcoming_live_events_soonest_first(client, campaign_page, events_index):
    now = timezone.now()
    EventPageFactory(parent=events_index, title="Later event", start=now + dt.timedelta(days=40))
    EventPageFactory(parent=events_index, title="Sooner event", start=now + dt.timedelta(days=2))
    EventPageFactory(parent=events_index, title="Past event", start=now - dt.timedelta(days=2))
    EventPageFactory(parent=events_index, title="Draft event", live=False)
    html = client.get(campaign_page.url).content.decode()
    assert "Past event" not in html
    assert "Draft event" not in html
    assert html.index("Sooner event") < html.index("Red Sand Project") < html.index("Later event")


@pytest.mark.django_db
def test_campaign_shows_hashtag_and_share_text(client, campaign_page):
    html = client.get(campaign_page.url).content.decode()
    assert "#WearBlue" in html
    assert "Wear blue on January 11." in html
