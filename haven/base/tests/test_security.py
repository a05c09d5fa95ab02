"""Security headers, the exit route, staff sign-in lockout and the deploy check."""

import ipaddress
import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.http import HttpResponse

from haven.base.models import SiteSettings

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_public_pages_send_a_strict_policy_and_no_inline_code(client, campaign_page):
    response = client.get(campaign_page.url)
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    html = response.content.decode()
    assert "<script>" not in html and " style=" not in html and "<style" not in html
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in permissions


@pytest.mark.django_db
def test_the_admin_has_its_own_policy_scoped_to_admin(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_exit_goes_to_the_destination_staff_chose_and_is_never_cached(client, home_page):
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.exit_url = "https://www.bbc.com/weather"
    site_settings.save()
    response = client.get("/exit/")
    assert response.status_code == 302
    assert response.headers["Location"] == "https://www.bbc.com/weather"
    assert response.headers["Cache-Control"] == "no-store"
    assert not response.cookies


@pytest.mark.django_db
def test_exit_destination_must_be_https(home_page):
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.exit_url = "http://example.org/"
    with pytest.raises(Exception) as caught:
        site_settings.full_clean()
    assert "https://" in str(caught.value)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/browse-safely/", "/en/privacy/"])
def test_safety_pages_are_public_cookie_free_and_linked_from_every_page(client, campaign_page, path):
    response = client.get(path)
    assert response.status_code == 200
    assert not response.cookies
    assert "public" in response.headers["Cache-Control"]
    assert f'href="{path}"' in client.get(campaign_page.url).content.decode()


@pytest.mark.django_db
def test_browse_safely_says_what_the_exit_does_not_do(client, home_page):
    html = client.get("/en/browse-safely/").content.decode()
    assert "does not erase your browsing history" in html
    assert "private window" in html


@pytest.mark.django_db
def test_privacy_page_lists_every_cookie(client, home_page):
    html = client.get("/en/privacy/").content.decode()
    assert "No cookies are set when you read pages." in html
    assert "<code>sessionid</code>" in html and "<code>csrftoken</code>" in html


@pytest.mark.django_db
def test_repeated_failed_sign_ins_lock_the_account_without_storing_the_address(client, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "the-right-password")
    for _ in range(5):
        response = client.post(
            "/admin/login/", {"username": "editor", "password": "wrong"}, REMOTE_ADDR="203.0.113.9"
        )
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "the-right-password"}, REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 429
    assert "Sign-in paused" in response.content.decode()
    stored = list(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert stored and "203.0.113.9" not in stored
    assert all(ipaddress.ip_address(address) in ipaddress.ip_network("2001:db8::/32") for address in stored)


def test_deploy_check_passes_with_production_settings(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "haven.settings.base",
            "HAVEN_DATA_DIR": str(tmp_path),
            "SECRET_KEY": "x" * 30 + "a-long-random-production-key-0123456789",
            "ALLOWED_HOSTS": "haven.example.org",
            "HAVEN_HTTPS": "true",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_links_editors_write_to_other_sites_carry_noreferrer(client, campaign_page):
    from wagtail.rich_text import RichText

    campaign_page.body = [
        (
            "text",
            RichText(
                '<p>See <a href="https://example.org/guide">the guide</a> and <a href="/en/">home</a>.</p>'
            ),
        )
    ]
    campaign_page.save_revision().publish()
    html = client.get(campaign_page.url).content.decode()
    assert '<a href="https://example.org/guide" rel="noreferrer">the guide</a>' in html
    assert '<a href="/en/">home</a>' in html


def _post(**headers):
    from django.test import RequestFactory

    return RequestFactory().post("/en/some-form/", HTTP_HOST="localhost", headers=headers)


@pytest.mark.parametrize(
    ("headers", "allowed"),
    [
        (
            {"Sec-Fetch-Site": "same-origin", "Origin": "null"},
            True,
        ),  # our pages: no-referrer sends Origin null
        ({"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, False),
        ({"Sec-Fetch-Site": "same-site", "Origin": "https://sub.localhost"}, False),
        ({"Origin": "http://localhost"}, True),  # older browsers: no Sec-Fetch-Site
        ({"Origin": "https://evil.example"}, False),
        ({"Origin": "null"}, False),
        ({}, False),
    ],
)
def test_form_posts_are_accepted_only_from_this_site(headers, allowed):
    from haven.base.security import is_same_origin_request, same_origin_post

    request = _post(**headers)
    assert is_same_origin_request(request) is allowed
    response = same_origin_post(lambda request: HttpResponse("ok"))(request)
    assert (response.status_code == 200) is allowed
    if not allowed:
        assert "can only be sent from this website" in response.content.decode()


@pytest.mark.django_db
def test_staff_get_only_the_cookies_the_privacy_page_lists(client, campaign_page, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "the-right-password")
    client.get("/admin/login/")
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "the-right-password"}, follow=True
    )
    assert response.status_code == 200
    # Publishing shows a message ("Page … has been published"), as staff do all day.
    edit = client.post(f"/admin/pages/{campaign_page.pk}/unpublish/", follow=True)
    assert edit.status_code == 200
    listed = set(client.get("/en/privacy/").content.decode().split("<code>")[1:])
    listed = {entry.split("</code>")[0] for entry in listed}
    assert set(client.cookies) <= listed, f"{set(client.cookies)} not all in {listed}"
