"""A reader in a real Chromium: the campaign page works without JavaScript and
never contacts another host."""

import pytest

from haven.base.tests.browser import RequestLog, sign_in_as_staff

pytestmark = pytest.mark.browser

CAMPAIGN_PATH = "/en/human-trafficking-awareness-month/"


@pytest.fixture
def demo_campaign_url(demo_server):
    return demo_server + CAMPAIGN_PATH


def scrolls_to_top(page, *, seconds: float = 5) -> bool:
    """Smooth scrolling (when the reader allows motion) takes a moment."""
    for _ in range(int(seconds * 10)):
        if page.evaluate("window.scrollY") == 0:
            return True
        page.wait_for_timeout(100)
    return False


def test_back_to_top_jumps_at_once_when_the_reader_asks_for_less_motion(browser, demo_campaign_url):
    context = browser.new_context(java_script_enabled=False, reduced_motion="reduce")
    page = context.new_page()
    page.goto(demo_campaign_url)
    page.get_by_role("link", name="Back to top").click()
    assert page.evaluate("window.scrollY") == 0
    context.close()


@pytest.mark.parametrize("javascript", [False, True], ids=["js-off", "js-on"])
def test_back_to_top_works_and_no_request_leaves_the_site(
    browser, demo_server, demo_campaign_url, javascript
):
    context = browser.new_context(java_script_enabled=javascript, viewport={"width": 390, "height": 844})
    page = context.new_page()
    log = RequestLog(demo_server)
    page.on("request", log.record)

    response = page.goto(demo_campaign_url, wait_until="load")
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Human Trafficking Awareness Month"

    # Read to the end, so lazily loaded images are fetched too.
    back_to_top = page.get_by_role("link", name="Back to top")
    back_to_top.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    assert not page.locator("h1").is_visible() or page.evaluate("window.scrollY") > 500

    back_to_top.click()
    assert page.url.endswith("#top")
    assert scrolls_to_top(page)
    assert page.locator(".crisis-banner").get_by_role("link", name="Call 988").is_visible()

    images = page.locator("main img")
    assert images.count() == 3
    for index in range(images.count()):
        assert images.nth(index).evaluate("image => image.complete && image.naturalWidth > 0")

    assert log.urls, "the browser recorded no requests at all"
    assert log.other_hosts() == []
    assert context.cookies() == []
    context.close()


def test_staff_sign_in_and_open_the_campaign_in_the_editor(browser, demo_server):
    context = browser.new_context()
    page = context.new_page()
    sign_in_as_staff(page, demo_server)
    page.goto(demo_server + "/admin/pages/search/?q=Human+Trafficking")
    page.locator("a[href*='/edit/']", has_text="Human Trafficking Awareness Month").first.click()
    page.wait_for_url("**/edit/")
    assert page.locator("h1", has_text="Human Trafficking Awareness Month").count() >= 1
    assert page.get_by_text("Cited statistic").count() >= 1
    context.close()


def test_printing_keeps_hotlines_and_event_details_and_drops_the_controls(browser, demo_campaign_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(demo_campaign_url)
    page.emulate_media(media="print")
    assert page.locator(".hotline").first.is_visible()
    assert page.get_by_text("1-888-373-7888").first.is_visible()
    assert page.locator(".event-summary").first.is_visible()
    assert page.get_by_text("10810 Justice Center Drive").first.is_visible()
    assert not page.locator(".exit-this-page").is_visible()
    assert not page.locator(".site-nav").is_visible()
    context.close()
