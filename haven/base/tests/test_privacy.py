"""Readers are not tracked: no cookie, and responses any proxy or CDN may share."""

import pytest

from haven.events.tests.factories import EventPageFactory


@pytest.fixture
def public_urls(campaign_page, events_index):
    event = EventPageFactory(parent=events_index)
    return ["/", "/en/", campaign_page.url, events_index.url, event.url, "/en/no-such-page/"]


@pytest.mark.django_db
def test_reading_sets_no_cookie(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code in (200, 302, 404), url
        assert not response.cookies, f"{url} set {list(response.cookies)}"
        assert "Set-Cookie" not in response.headers, url


@pytest.mark.django_db
def test_pages_are_public_and_cacheable(client, public_urls):
    for url in public_urls[1:5]:
        response = client.get(url)
        assert "public" in response.headers["Cache-Control"], url
        assert "max-age=300" in response.headers["Cache-Control"], url
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_two_readers_get_the_same_bytes(client, campaign_page):
    first = client.get(campaign_page.url).content
    second = client.get(campaign_page.url, HTTP_USER_AGENT="Another phone").content
    assert first == second


@pytest.mark.django_db
def test_signed_in_staff_pages_are_not_shared(client, campaign_page, django_user_model):
    staff = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password")
    client.force_login(staff)
    response = client.get(campaign_page.url)
    assert "public" not in response.headers.get("Cache-Control", "")


@pytest.mark.django_db
def test_no_page_loads_anything_from_another_host(client, public_urls):
    import re

    for url in public_urls[1:5]:
        html = client.get(url).content.decode()
        # <link rel="alternate" hreflang> names the page's translations with
        # full addresses, as search engines require; browsers load nothing from
        # it, and it names this site only.
        alternates = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)">', html)
        for address in alternates:
            assert address.startswith("http://testserver/"), f"{url} names {address}"
        html = re.sub(r'<link rel="alternate" [^>]*>', "", html)
        loaded = re.findall(
            r'<(?:script|img|link|iframe|source|video|audio)\b[^>]*(?:src|href|srcset)="([^"]+)"', html
        )
        assert loaded, url
        for address in loaded:
            assert not re.match(r"^(https?:)?//", address), f"{url} loads {address}"


@pytest.mark.django_db
def test_a_private_page_and_everything_under_it_stay_private(client, events_index):
    from wagtail.models import PageViewRestriction

    event = EventPageFactory(parent=events_index, title="Staff-only briefing")
    PageViewRestriction.objects.create(page=events_index, restriction_type=PageViewRestriction.LOGIN)
    for page in (events_index, event):
        response = client.get(page.url)
        assert response.status_code == 302, page.url
        assert "/login/" in response.headers["Location"]
        assert b"Staff-only briefing" not in response.content


@pytest.mark.django_db
def test_a_page_behind_a_password_asks_for_it(client, campaign_page):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=campaign_page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-words"
    )
    response = client.get(campaign_page.url)
    assert response.status_code == 200
    assert b"password" in response.content.lower()
    assert b"Prevention is key." not in response.content


@pytest.mark.django_db
def test_the_privacy_page_says_what_the_forms_keep_and_for_how_long(client, home_page, settings):
    settings.HAVEN_REGISTRATION_RETENTION_DAYS = 45
    settings.HAVEN_COMMENT_EMAIL_RETENTION_DAYS = 21
    html = client.get("/en/privacy/").content.decode()
    assert "Registering for an event" in html and "Leaving a comment" in html
    assert "deleted 45 days after the event" in html
    assert "deleted 21 days after your comment was moderated" in html
    assert "not asked for any personal data" not in html
    spanish = client.get("/es/privacy/").content.decode()
    assert "45 días" in spanish and "21 días" in spanish
