"""Registering in a real Chromium on a phone, and staff checking people in on the day."""

import re

import pytest

from haven.base.tests.browser import RequestLog, sign_in_as_staff

pytestmark = pytest.mark.browser

SCREENING_PATH = "/en/events/californias-forgotten-children-screening/"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


@pytest.mark.parametrize("javascript", [False, True], ids=["js-off", "js-on"])
def test_a_visitor_registers_on_a_phone_and_sees_the_private_joining_link(browser, demo_server, javascript):
    context = browser.new_context(java_script_enabled=javascript, **PHONE)
    page = context.new_page()
    log = RequestLog(demo_server)
    page.on("request", log.record)
    page.goto(demo_server + SCREENING_PATH)
    assert "meet.example.org" not in page.content()

    page.get_by_label("Your name").fill("Rosa Díaz")
    page.get_by_label("E-mail address").fill("rosa@example")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Register").click()
    # A mistyped address: the message sits by the field and what was typed stays.
    email = page.get_by_label("E-mail address")
    assert email.input_value() == "rosa@example"
    assert page.get_by_label("Your name").input_value() == "Rosa Díaz"
    assert page.locator("#id_email_error").is_visible()
    assert "Enter a valid email address" in page.locator("#id_email_error").inner_text()

    email.fill(f"rosa-{'js' if javascript else 'nojs'}@example.org")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Register").click()
    page.wait_for_url(re.compile(r".*/en/registrations/\d+/[0-9a-f]+/\?new=1$"))
    assert page.get_by_text("you are registered").is_visible()
    assert page.get_by_role("link", name=re.compile("meet.example.org")).is_visible()
    assert page.get_by_role("button", name="Cancel my registration").is_visible()
    assert context.cookies() == []
    assert log.other_hosts() == []
    context.close()


def test_staff_check_people_in_from_a_phone(browser, demo_server):
    visitor = browser.new_context(**PHONE)
    page = visitor.new_page()
    page.goto(demo_server + SCREENING_PATH)
    page.get_by_label("Your name").fill("Walk Up")
    page.get_by_label("E-mail address").fill("walk-up@example.org")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Register").click()
    page.wait_for_url(re.compile(r".*/registrations/\d+/"))
    event_id = re.search(r"/registrations/event/(\d+)/", visitor_form_action(browser, demo_server)).group(1)
    visitor.close()

    staff = browser.new_context(**PHONE)
    page = staff.new_page()
    sign_in_as_staff(page, demo_server)
    page.goto(f"{demo_server}/admin/registrations/{event_id}/")
    assert page.get_by_text("places confirmed").is_visible()
    check_in = page.get_by_role("button", name="Check in Walk Up")
    check_in.scroll_into_view_if_needed()
    box = check_in.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360 + 1, "the button is off screen on a phone"
    check_in.click()
    page.wait_for_load_state()
    assert page.get_by_text("Checked in.").first.is_visible()
    assert page.get_by_role("button", name="Undo check-in").count() >= 1
    staff.close()


def visitor_form_action(browser, demo_server) -> str:
    context = browser.new_context()
    page = context.new_page()
    page.goto(demo_server + SCREENING_PATH)
    action = page.locator("form.form").get_attribute("action")
    context.close()
    return action
