"""What every page has: skip link, crisis banner, navigation, footer, back to top."""

import pytest

from haven.base.models import SiteSettings
from haven.events.tests.factories import EventPageFactory


@pytest.fixture
def every_page(campaign_page, events_index):
    event = EventPageFactory(parent=events_index, title="Film screening")
    home = campaign_page.get_parent()
    return [home, campaign_page, events_index, event]


@pytest.fixture
def site_settings(home_page):
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.organisation_name = "Placer County CSEC Collaborative"
    site_settings.contact_email = "info@placerccw.org"
    site_settings.save()
    return site_settings


@pytest.mark.django_db
def test_every_page_has_the_shared_layout(client, every_page, site_settings):
    for page in every_page:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
        assert '<main id="main"' in html
        assert 'class="crisis-banner"' in html
        assert 'href="tel:988"' in html and 'href="sms:988"' in html
        assert "In crisis?" in html
        assert '<nav class="site-nav" aria-label="Main">' in html
        assert 'href="mailto:info@placerccw.org"' in html
        assert '<a href="#top">Back to top</a>' in html
        assert '<body id="top"' in html
        # The banner comes before the main content on every page, in the same place.
        assert html.index("crisis-banner") < html.index('<main id="main"')


@pytest.mark.django_db
def test_crisis_banner_follows_the_settings(client, campaign_page, site_settings):
    site_settings.crisis_text = "Need help now?"
    site_settings.crisis_number = "1-916-555-0100"
    site_settings.crisis_accepts_texts = False
    site_settings.save()
    html = client.get(campaign_page.url).content.decode()
    assert "Need help now?" in html
    assert 'href="tel:19165550100"' in html
    assert "sms:" not in html.split("</aside>")[0]


@pytest.mark.django_db
def test_the_retired_lifeline_number_is_refused_in_settings(site_settings):
    site_settings.crisis_number = "1-800-273-8255"
    with pytest.raises(Exception) as caught:
        site_settings.full_clean()
    assert "retired in July 2022" in str(caught.value)


@pytest.mark.django_db
def test_menu_marks_the_current_page(client, campaign_page):
    html = client.get(campaign_page.url).content.decode()
    assert f'<a href="{campaign_page.url}" aria-current="page">' in html


@pytest.mark.django_db
def test_unknown_address_gets_a_friendly_page_with_the_crisis_banner(client, home_page):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'href="tel:988"' in html


@pytest.mark.django_db
def test_the_logo_from_the_settings_shows_beside_the_name(client, campaign_page, site_settings):
    import wagtail_factories

    site_settings.logo = wagtail_factories.ImageFactory(title="Collaborative logo")
    site_settings.save()
    html = client.get(campaign_page.url).content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert 'class="site-header__logo"' in header
    assert 'alt=""' in header  # the name beside it already says who we are
    assert "Placer County CSEC Collaborative" in header
