"""Quick exit in a real Chromium: a reader can leave at once, by mouse, keyboard or Shift x3."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CAMPAIGN_PATH = "/en/human-trafficking-awareness-month/"
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><h1>Weather forecast</h1>"


@pytest.fixture
def reader(browser, demo_server):
    """A phone-sized tab that has read the home page, then the campaign."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    # The site's /exit/ redirects to another host; the test stands in for it
    # there, so nothing leaves this machine.
    context.route(
        "**/exit/", lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
    )
    page = context.new_page()
    page.goto(demo_server + "/en/")
    page.goto(demo_server + CAMPAIGN_PATH)
    yield page
    context.close()


def test_exit_button_is_on_screen_without_scrolling_and_stays_there(reader):
    button = reader.get_by_role("link", name="Exit this page").last
    box = button.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844
    assert box["width"] >= 24 and box["height"] >= 24
    reader.mouse.wheel(0, 5000)
    reader.wait_for_timeout(300)
    box = button.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844


def test_exit_link_is_the_second_tab_stop(reader):
    reader.keyboard.press("Tab")
    assert reader.evaluate("document.activeElement.textContent") == "Skip to main content"
    reader.keyboard.press("Tab")
    assert reader.evaluate("document.activeElement.textContent") == "Exit this page"
    assert reader.evaluate("document.activeElement.getAttribute('href')") == "/exit/"


def test_exiting_leaves_and_back_does_not_return_to_the_page(reader, demo_server):
    reader.get_by_role("link", name="Exit this page").last.click()
    reader.wait_for_url("**/exit/")
    assert reader.title() == "Weather"
    reader.go_back(wait_until="load")
    assert reader.url == demo_server + "/en/"


def test_the_page_is_hidden_the_moment_the_exit_starts(reader):
    # Click and look in the same task: before the browser can paint again.
    hidden = reader.evaluate(
        """() => {
            document.querySelector('.exit-this-page__button').click();
            return [
                document.documentElement.classList.contains('haven-exiting'),
                getComputedStyle(document.querySelector('main')).visibility,
                getComputedStyle(document.querySelector('.safety-bar')).visibility,
                location.pathname,
            ];
        }"""
    )
    assert hidden == [True, "hidden", "hidden", "/exit/"]
    expect(reader).to_have_title("Weather")


def test_three_shift_presses_exit_and_each_is_announced(reader):
    status = reader.locator("[data-haven-exit-status]")
    reader.keyboard.press("Shift")
    assert status.text_content() == "Shift pressed. Press Shift 2 more times to exit this page."
    reader.keyboard.press("Shift")
    assert status.text_content() == "Shift pressed. Press Shift 1 more time to exit this page."
    reader.keyboard.press("Shift")
    expect(reader).to_have_title("Weather")
    assert reader.url.endswith("/exit/")


def test_shift_with_another_key_or_any_other_key_does_not_count(reader, demo_server):
    reader.keyboard.press("Shift")
    reader.keyboard.press("Shift+A")  # typing a capital letter
    reader.keyboard.press("Shift")
    reader.keyboard.press("Tab")  # any other key starts again
    reader.keyboard.press("Shift")
    reader.keyboard.press("Shift")
    reader.wait_for_timeout(300)
    assert reader.url == demo_server + CAMPAIGN_PATH


def test_exit_works_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    context.route(
        "**/exit/", lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
    )
    page = context.new_page()
    page.goto(demo_server + CAMPAIGN_PATH)
    page.get_by_role("link", name="Exit this page").last.click()
    page.wait_for_url("**/exit/")
    assert page.title() == "Weather"
    context.close()


def test_pages_run_without_a_single_content_security_policy_violation(browser, demo_server):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    for path in ("/en/", CAMPAIGN_PATH, "/en/events/", "/en/browse-safely/", "/en/privacy/"):
        page.goto(demo_server + path, wait_until="networkidle")
    assert problems == []
    context.close()
