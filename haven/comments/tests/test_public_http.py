"""Over real HTTP against a running Haven: hostile comments never run in Chromium, and no
commenter's address or IP appears anywhere the public can reach."""

import http.client
import re
import time
import uuid
from html.parser import HTMLParser
from urllib.parse import quote_from_bytes, urljoin, urlsplit

import pytest

from haven.base.tests.browser import sign_in_as_staff
from haven.base.tests.server import running_server
from haven.comments.tests.hostile import HOSTILE_TEXTS, INVALID_UTF8, REFUSED_TEXTS

pytestmark = pytest.mark.browser

CAMPAIGN_PATH = "/en/human-trafficking-awareness-month/"
# A documentation address (RFC 5737) as the visitor's IP, passed the way a proxy passes it.
VISITOR_IP = "203.0.113.77"
MIN_SECONDS = 2


@pytest.fixture(scope="module")
def server():
    env = {
        "HAVEN_COMMENT_RATE_LIMIT": "1000",
        "HAVEN_COMMENT_MIN_SECONDS": str(MIN_SECONDS),
        "HAVEN_BEHIND_PROXY": "true",
    }
    with running_server(extra_env=env) as base_url:
        yield base_url


def request(base_url: str, method: str, path: str, body: bytes | None = None, headers=None):
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request(method, path, body=body, headers={"X-Forwarded-For": VISITOR_IP, **(headers or {})})
    response = connection.getresponse()
    content = response.read()
    connection.close()
    return response, content


def form_token(base_url: str) -> str:
    _, html = request(base_url, "GET", CAMPAIGN_PATH)
    return re.search(rb'name="token" value="([^"]+)"', html).group(1).decode()


def post_comment(base_url: str, token: str, *, name: str, email: str, text: bytes | str):
    raw_text = text if isinstance(text, bytes) else text.encode()
    fields = {"name": name.encode(), "email": email.encode(), "website": b"", "token": token.encode()}
    body = "&".join(f"{key}={quote_from_bytes(value)}" for key, value in fields.items())
    body += "&text=" + quote_from_bytes(raw_text)
    _, html = request(base_url, "GET", CAMPAIGN_PATH)
    action = re.search(rb'<form class="comment-form"[^>]*action="([^"]+)"', html).group(1).decode()
    return request(
        base_url,
        "POST",
        action,
        body=body.encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"},
    )


def approve_everything_waiting(browser, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    sign_in_as_staff(page, base_url)
    assert page.get_by_text("Waiting for review:").count() == 1
    page.goto(
        base_url + "/admin/bulk/comments/comment/approve/?id=all&next=/admin/snippets/comments/comment/"
    )
    page.get_by_role("button", name="Yes, approve").click()
    page.wait_for_url("**/admin/snippets/comments/comment/")
    context.close()


def test_hostile_comments_are_refused_or_shown_as_inert_text(browser, server):
    token = form_token(server)
    time.sleep(MIN_SECONDS + 0.5)
    for key, text in HOSTILE_TEXTS.items():
        response, _ = post_comment(
            server, token, name=f"Hostile {key}", email=f"{key}@example.org", text=text
        )
        assert response.status == 303, key
        assert response.getheader("Set-Cookie") is None
    refused = {**{key: text.encode() for key, text in REFUSED_TEXTS.items()}, "invalid-utf8": INVALID_UTF8}
    for key, raw in refused.items():
        response, html = post_comment(server, token, name="Refused", email="refused@example.org", text=raw)
        assert response.status == 400, key
        assert b'class="field__error"' in html, key

    approve_everything_waiting(browser, server)

    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server + CAMPAIGN_PATH, wait_until="load")
    page.locator(".comment__text").last.scroll_into_view_if_needed()
    page.locator(".comment__text").last.hover()
    page.wait_for_timeout(500)
    assert dialogs == []
    assert page.evaluate("window.__pwned") is None
    assert page.locator("main script, main svg, main iframe, main object, main style").count() == 0
    assert page.locator("main img").count() == 3  # the infographics, no injected image
    shown = {}
    for comment in page.locator(".comment").all():
        name = comment.locator(".comment__meta bdi").first.inner_text()
        shown[name] = comment.locator(".comment__text").first.inner_text()
    for key, text in HOSTILE_TEXTS.items():
        assert shown[f"Hostile {key}"] == text.replace("\r\n", "\n"), key
    assert "Refused" not in shown
    assert context.cookies() == []
    context.close()


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action") and value:
                self.links.append(value)


def test_no_commenter_address_or_ip_reaches_any_public_response(browser, server):
    email = f"unique-{uuid.uuid4().hex}@example.net"
    token = form_token(server)
    time.sleep(MIN_SECONDS + 0.5)
    response, _ = post_comment(server, token, name="Crawl test", email=email, text="Findable comment text")
    assert response.status == 303
    approve_everything_waiting(browser, server)

    seen: set[str] = set()
    queue = [
        "/",
        "/en/",
        "/es/",
        "/sitemap.xml",
        "/robots.txt",
        CAMPAIGN_PATH,
        CAMPAIGN_PATH + "?comment=received",
    ]
    leaks = []
    found_comment = False
    while queue and len(seen) < 300:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response, body = request(server, "GET", path)
        assert response.status < 500, path
        assert response.getheader("Set-Cookie") is None, path
        for secret in (email.encode(), VISITOR_IP.encode(), b"example.org"):
            if secret in body or secret in str(response.getheaders()).encode():
                leaks.append((path, secret))
        found_comment = found_comment or b"Findable comment text" in body
        if "html" not in (response.getheader("Content-Type") or ""):
            continue
        parser = LinkParser()
        parser.feed(body.decode("utf-8", "replace"))
        for link in parser.links:
            absolute = urljoin(server + path, link)
            parts = urlsplit(absolute)
            if parts.netloc != urlsplit(server).netloc or parts.path.startswith(("/admin/", "/exit/")):
                continue
            if "/comments/" in parts.path and parts.path.endswith("/post/"):
                continue  # the form's target only takes posts
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert found_comment, "the approved comment was not on any page"
    assert len(seen) > 10
    assert leaks == []


def test_a_reader_comments_with_javascript_off_and_gets_no_cookie(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + CAMPAIGN_PATH)
    form = page.locator("#comment-form")
    form.get_by_role("textbox", name="Name", exact=True).fill("Noor")
    form.get_by_role("textbox", name="E-mail", exact=True).fill("not an address")
    form.get_by_role("textbox", name="Comment", exact=True).fill("¡Gracias! 💙 Line one\nLine two")
    page.wait_for_timeout(MIN_SECONDS * 1000 + 500)
    form.get_by_role("button", name="Send comment").click()
    assert (
        page.locator("#id_email_error")
        .inner_text()
        .endswith("Enter an e-mail address like name@example.org. It is never published.")
    )
    assert (
        page.get_by_role("textbox", name="Comment", exact=True).input_value()
        == "¡Gracias! 💙 Line one\nLine two"
    )
    assert page.get_by_role("textbox", name="Name", exact=True).input_value() == "Noor"
    page.get_by_role("textbox", name="E-mail", exact=True).fill("noor@example.org")
    page.get_by_role("button", name="Send comment").click()
    assert form.get_by_role("status").inner_text() == "Thank you — your comment will appear after review."
    assert "comment=received" in page.url
    assert context.cookies() == []
    context.close()
