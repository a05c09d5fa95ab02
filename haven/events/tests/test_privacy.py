"""A registrant's e-mail, phone and name never reach a public page, a feed or the server's log."""

import re
import urllib.parse
import urllib.request

import pytest

pytestmark = pytest.mark.server

SCREENING_PATH = "/en/events/californias-forgotten-children-screening/"
PUBLIC_PATHS = [
    "/en/",
    "/es/",
    "/en/events/",
    "/en/events/archive/",
    "/en/events/calendar/",
    SCREENING_PATH,
    SCREENING_PATH + "calendar/",
    "/en/human-trafficking-awareness-month/",
]


def fetch(url: str, data: bytes | None = None) -> tuple[int, str, dict]:
    request = urllib.request.Request(url, data=data, headers={"Sec-Fetch-Site": "same-origin"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def test_registrant_details_appear_nowhere_public(demo_server):
    email = "private.person.7319@example.org"
    phone = "916 555 7319"
    name = "Unusual Name Quetzalcoatl"
    _, html, _ = fetch(demo_server + SCREENING_PATH)
    action = re.search(r'<form class="form" method="post" action="([^"]+)"', html).group(1)
    body = urllib.parse.urlencode(
        {"name": name, "email": email, "phone": phone, "places": "1", "consent": "on"}
    ).encode()
    status, _, _ = fetch(demo_server + action, data=body)
    assert status == 200  # urllib followed the 303 to the private page

    for path in PUBLIC_PATHS:
        status, text, headers = fetch(demo_server + path)
        assert status == 200, path
        for secret in (email, phone, name, "meet.example.org"):
            assert secret not in text, f"{secret} found in {path}"
        assert "Set-Cookie" not in headers, path

    # The same address again gets a clear refusal, and the refusal does not echo other people's data.
    status, text, _ = fetch(demo_server + action, data=body)
    assert status == 409
    assert "already registered" in text

    log = (demo_server.data_dir / "server.log").read_text(errors="replace")
    for secret in (email, phone, name):
        assert secret not in log
