import os

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from haven.base.tests.browser import CHROMIUM_ARGS, chromium_or_skip
from haven.base.tests.factories import HomePageFactory
from haven.base.tests.server import running_server
from haven.campaigns.tests.factories import CampaignPageFactory
from haven.events.tests.factories import EventIndexPageFactory, EventPageFactory
from haven.hotlines.tests.factories import HotlineFactory


def pytest_sessionstart(session):
    """Serve the Spanish interface in tests as `make demo` does."""
    from haven.base.translations import compile_catalogues

    compile_catalogues()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: database ids repeat between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """A home page at the root of the default site, as the demo and a real install have."""
    root = Page.get_first_root_node()
    root.get_children().filter(content_type__app_label="wagtailcore", content_type__model="page").delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Haven"},
    )
    return home


@pytest.fixture
def events_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def campaign_page(home_page, events_index):
    """A campaign using every kind of block, with one upcoming event."""
    EventPageFactory(parent=events_index, title="Red Sand Project")
    hotline = HotlineFactory(name="National Human Trafficking Hotline", call_number="1-888-373-7888")
    return CampaignPageFactory(
        parent=home_page,
        slug="htam",
        body__0__heading__text="The scale of the problem",
        body__1__text__value="<p>Prevention is key.</p>",
        body__2="statistic",
        body__3="infographic",
        body__4="events",
        body__5__cards__cards__0__title="Listen",
        body__5__cards__cards__1__title="Learn",
        body__6__hotline__hotline__hotline=hotline,
        body__7="spotlight",
    )


@pytest.fixture
def limited_event(events_index):
    """An upcoming online screening with 3 places, a waiting list and a private joining link."""
    return EventPageFactory(
        parent=events_index,
        title="Film screening",
        slug="film-screening",
        venue=None,
        is_online=True,
        registration_enabled=True,
        capacity=3,
        max_places_per_registration=2,
        waiting_list_enabled=True,
        online_link="https://meet.example.org/secret-room-4821",
    )


@pytest.fixture(scope="session")
def browser():
    executable = chromium_or_skip()
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make around it are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def demo_server():
    """One real Haven server (gunicorn and worker) with the demo content, for browser tests."""
    with running_server() as base_url:
        yield base_url
