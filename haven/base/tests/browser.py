"""Playwright driving the system Chromium; the test run never downloads a browser."""

import os
import shutil
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_or_skip() -> str:
    if os.path.exists(CHROMIUM) or shutil.which("chromium"):
        return CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if os.environ.get("HAVEN_REQUIRE_BROWSER"):
        pytest.fail(
            "HAVEN_REQUIRE_BROWSER is set but /usr/bin/chromium is missing (apt-get install chromium)"
        )
    pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped")


class RequestLog:
    """Every request a page makes, to prove none leaves the site's own host."""

    def __init__(self, own_origin: str):
        self.own_host = urlsplit(own_origin).netloc
        self.urls: list[str] = []

    def record(self, request) -> None:
        self.urls.append(request.url)

    def other_hosts(self) -> list[str]:
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).netloc != self.own_host
        ]


def sign_in_as_staff(page, base_url: str) -> None:
    """Sign in on the admin's login page with the account running_server creates."""
    from haven.base.tests.server import STAFF_PASSWORD, STAFF_USERNAME

    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(STAFF_USERNAME)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base_url + "/admin/")
